"""Score the date tagger on TempEval-3 TimeML documents and time it.

    .venv/bin/python benchmarks/tempeval.py TIMEML_DIR [--sources train_sources.txt] [--errors]

Reads every TIMEML_DIR/*.tml (the text inside <TEXT>, its CREATION_TIME, the gold TIMEX3s), runs
``loaders.timex.tag`` on the text with the creation date, and prints TempEval-3 Task A figures:
strict and relaxed extraction P/R/F1 and value F1 (value accuracy over relaxed matches x relaxed
F1), for DATE+TIME only and for all types, separately for TimeBank, AQUAINT and both, then
documents per second. Pairing follows the official toolkit: walking the text, a timex that starts
while one of the other side is open pairs with it unless that one is paired already (gold first
on equal starts). Which document is which corpus comes from --sources (lines "AQUAINT doc.tml"),
else from the name: XIE documents, and APW and NYT ones from July 1998 on, are AQUAINT (TimeBank's
own APW and NYT stories are from early 1998), the rest TimeBank.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from loaders.timex import tag  # noqa: E402

_ATTR = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')


def parse_tml(src: str, name: str) -> tuple[str, dt.date, list[dict]]:
    """(text, creation date, gold timexes with offsets) of one TimeML document."""
    body = re.search(r"<TEXT\b[^>]*>(.*?)</TEXT>", src, re.S)
    creation = re.search(r'<TIMEX3\b[^>]*functionInDocument="CREATION_TIME"[^>]*>', src) or re.search(
        r"<DCT>\s*(<TIMEX3\b[^>]*>)", src
    )
    if not body or not creation:
        raise SystemExit(f"{name}: no <TEXT> or no CREATION_TIME TIMEX3; is it a TimeML file?")
    dct = dt.date.fromisoformat(dict(_ATTR.findall(creation.group(0)))["value"][:10])
    out, length, opened, gold = [], 0, [], []
    for piece in re.split(r"(<[^>]*>)", body.group(1)):
        if piece.startswith("<"):
            if re.match(r"<TIMEX3\b", piece):
                opened.append((length, {k: html.unescape(v) for k, v in _ATTR.findall(piece)}))
            elif re.match(r"</TIMEX3\s*>", piece) and opened:
                start, attrs = opened.pop()
                gold.append(
                    {
                        "start": start,
                        "end": length,
                        "type": attrs.get("type", ""),
                        "value": attrs.get("value", ""),
                    }
                )
            continue
        piece = html.unescape(piece)
        out.append(piece)
        length += len(piece)
    text = "".join(out)
    for g in gold:
        g["text"] = text[g["start"] : g["end"]]
    gold.sort(key=lambda t: (t["start"], t["end"]))
    return text, dct, gold


def match(gold: list[dict], system: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs, greedy in text order, as TE3's TimeML-Normalizer makes them."""
    sides = (gold, system)
    partner: tuple[dict, dict] = ({}, {})
    order = sorted(
        [(g["start"], 0, i) for i, g in enumerate(gold)] + [(s["start"], 1, j) for j, s in enumerate(system)]
    )
    for pos, side, i in order:
        other = 1 - side
        best = None
        for j, o in enumerate(sides[other]):
            opened = o["start"] < pos if side == 0 else o["start"] <= pos
            if opened and pos < o["end"] and (best is None or o["start"] > sides[other][best]["start"]):
                best = j
        if best is not None and best not in partner[other]:
            partner[side][i] = best
            partner[other][best] = i
    return sorted(partner[0].items())


def count(gold: list[dict], system: list[dict], into: dict) -> list[tuple[int, int]]:
    pairs = match(gold, system)
    into["gold"] += len(gold)
    into["system"] += len(system)
    into["relaxed"] += len(pairs)
    for i, j in pairs:
        g, s = gold[i], system[j]
        into["strict"] += (g["start"], g["end"]) == (s["start"], s["end"])
        into["value"] += g["value"] == s["value"]
    return pairs


def f1(m: int, c: dict) -> float:
    p = m / c["system"] if c["system"] else 0.0
    r = m / c["gold"] if c["gold"] else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def line(label: str, c: dict) -> str:
    relaxed = f1(c["relaxed"], c)
    value = (c["value"] / c["relaxed"] if c["relaxed"] else 0.0) * relaxed
    p = c["relaxed"] / c["system"] if c["system"] else 0.0
    r = c["relaxed"] / c["gold"] if c["gold"] else 0.0
    return (
        f"{label:<26} strict_F1={100 * f1(c['strict'], c):5.2f} relaxed_F1={100 * relaxed:5.2f} "
        f"(P={100 * p:5.2f} R={100 * r:5.2f}) value_F1={100 * value:5.2f}  gold={c['gold']} system={c['system']} "
        f"relaxed={c['relaxed']} strict={c['strict']} value={c['value']}"
    )


def corpus_of(name: str, sources: dict[str, str]) -> str:
    if name in sources:
        return sources[name]
    # TimeBank 1.2's own APW and NYT stories are from the first half of 1998; AQUAINT's start in August 1998
    m = re.match(r"(APW|NYT|XIE)(\d{6})", name)
    return "AQUAINT" if m and (m.group(1) == "XIE" or m.group(2) >= "199807") else "TimeBank"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", help="folder of TimeML .tml files (TempEval-3 TimeBank and AQUAINT)")
    ap.add_argument("--sources", help='file of lines "CORPUS doc.tml" saying which corpus each doc is from')
    ap.add_argument("--errors", action="store_true", help="list every miss, false alarm and wrong value")
    args = ap.parse_args(argv)
    files = sorted(Path(args.folder).glob("*.tml"))
    if not files:
        print(f"no .tml files in {args.folder}", file=sys.stderr)
        return 1
    sources: dict[str, str] = {}
    if args.sources:
        for row in Path(args.sources).read_text(encoding="utf-8").splitlines():
            if row.strip():
                corpus, name = row.split()[:2]
                sources[name] = corpus
    docs = [(f.name, *parse_tml(f.read_text(encoding="utf-8"), f.name)) for f in files]
    counts = {
        (corpus, scope): dict.fromkeys(("gold", "system", "relaxed", "strict", "value"), 0)
        for corpus in ("TimeBank", "AQUAINT", "both")
        for scope in ("DATE+TIME", "all types")
    }
    tagged = []
    t0 = time.perf_counter()
    for _, text, dct, _ in docs:
        tagged.append(tag(text, dct))
    seconds = time.perf_counter() - t0
    for (name, _, _, gold), timexes in zip(docs, tagged, strict=True):
        system = [
            {"start": t.start, "end": t.end, "type": t.type, "value": t.value, "text": t.text}
            for t in timexes
        ]
        corpus = corpus_of(name, sources)
        for scope in ("DATE+TIME", "all types"):
            keep = (lambda t: t["type"] in ("DATE", "TIME")) if scope == "DATE+TIME" else (lambda t: True)
            g = [t for t in gold if keep(t)]
            s = [t for t in system if keep(t)]
            for c in (corpus, "both"):
                pairs = count(g, s, counts[(c, scope)])
            if args.errors and scope == "all types":
                show_errors(name, g, s, pairs)
    for scope in ("DATE+TIME", "all types"):
        print(f"== {scope}")
        for corpus in ("TimeBank", "AQUAINT", "both"):
            print(line(corpus, counts[(corpus, scope)]))
    chars = sum(len(text) for _, text, _, _ in docs)
    print(
        f"speed: {len(docs)} docs in {seconds:.2f}s = {len(docs) / seconds:.0f} docs/s ({chars / seconds / 1e6:.2f} M chars/s) on one core"
    )
    return 0


def show_errors(name: str, gold: list[dict], system: list[dict], pairs: list[tuple[int, int]]) -> None:
    def show(t: dict) -> str:
        return f"{t['text']!r} {t['type']} {t['value']}"

    gi, si = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, j in pairs:
        g, s = gold[i], system[j]
        what = [
            w
            for w, bad in (
                ("EXTENT", (g["start"], g["end"]) != (s["start"], s["end"])),
                ("VALUE", g["value"] != s["value"]),
            )
            if bad
        ]
        if what:
            print(f"{'+'.join(what):<12} {name} gold {show(g)} | system {show(s)}")
    for i, g in enumerate(gold):
        if i not in gi:
            print(f"MISS         {name} gold {show(g)}")
    for j, s in enumerate(system):
        if j not in si:
            print(f"EXTRA        {name} system {show(s)}")


if __name__ == "__main__":
    sys.exit(main())
