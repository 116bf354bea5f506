"""How well the article extractor finds the events of news it was not written for.

    .venv/bin/python benchmarks/news_quality.py --scorer ../shared/eval/score_events.py [CORPUS ...] [-v]

A corpus is a folder of article texts with a gold.json (the scorer's format: for each article its
publication date and gold events, required or optional). `benchmarks/news/dev` and `dev2` are the corpora
the extractor is tuned on; `benchmarks/news/holdout` was written and annotated separately, by someone
who never saw the extractor's output, and is only ever scored (each: 12 wire, press-release and
analysis stories of 2011-2025, annotated without running the extractor). The scorer runs `python -m loaders extract` on each article and
prints recall, precision and F1 of the events, and how often date, type, countries, place and
modality are right; this prints its summary for each corpus (all of it with -v).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [ROOT / "benchmarks" / "news" / name for name in ("dev", "dev2", "holdout")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", nargs="*", type=Path, default=CORPORA, help="folders with gold.json")
    ap.add_argument(
        "--scorer", type=Path, required=True, help="score_events.py (TempEval-style event scorer)"
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="every gold and predicted event")
    a = ap.parse_args()
    if not a.scorer.is_file():
        ap.error(f"{a.scorer}: no such scorer")
    for corpus in a.corpora:
        gold = corpus / "gold.json"
        if not gold.is_file():
            ap.error(f"{corpus}: no gold.json")
        cmd = [
            sys.executable,
            str(a.scorer),
            str(gold),
            "--articles",
            str(corpus),
            "--python",
            sys.executable,
        ]
        cmd += ["--project", str(ROOT)] + (["-v"] if a.verbose else [])
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        lines = out.stdout.strip().splitlines()
        print(f"== {corpus.name}")
        print("\n".join(lines if a.verbose else lines[-3:]))
        if out.returncode not in (0, 1) or out.stderr.strip():
            print(out.stderr.strip(), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
