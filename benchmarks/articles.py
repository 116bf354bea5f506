"""Speed and memory of the article extractor on 1,000 varied synthetic articles.

    .venv/bin/python benchmarks/articles.py FOLDER [--n 1000] [--seed 7]

Writes FOLDER/article_0000.txt ... (and some .html pages): wire reports, press releases,
dateline-first stories and HTML pages with navigation, about summits, drills, missile tests,
strikes, deals, sanctions and statements between randomly drawn countries and people, with absolute
and relative dates and boilerplate lines. Every article is composed anew from its parts: none is a
copy of another. Then, in this process and pinned to one core, it runs what `python -m loaders
extract FOLDER/*` runs (`loaders.load_many`, which merges events reported by several articles) and
prints articles per second, events found and peak memory. Goal (issue 4): at least 50 articles a
second on one core, under 500 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# country name, demonym, capital, a leader's title and name, a minister's name
COUNTRIES = [
    ("North Korea", "North Korean", "Pyongyang", "leader", "Kim Jong Un", "No Kwang Chol"),
    ("South Korea", "South Korean", "Seoul", "President", "Yoon Suk Yeol", "Shin Won-sik"),
    ("Russia", "Russian", "Moscow", "President", "Vladimir Putin", "Andrei Belousov"),
    ("China", "Chinese", "Beijing", "President", "Xi Jinping", "Dong Jun"),
    ("Japan", "Japanese", "Tokyo", "Prime Minister", "Fumio Kishida", "Minoru Kihara"),
    ("Iran", "Iranian", "Tehran", "President", "Masoud Pezeshkian", "Aziz Nasirzadeh"),
    ("India", "Indian", "New Delhi", "Prime Minister", "Narendra Modi", "Rajnath Singh"),
    ("Pakistan", "Pakistani", "Islamabad", "Prime Minister", "Shehbaz Sharif", "Khawaja Asif"),
    ("Turkey", "Turkish", "Ankara", "President", "Recep Tayyip Erdogan", "Yasar Guler"),
    ("France", "French", "Paris", "President", "Emmanuel Macron", "Sebastien Lecornu"),
    ("Germany", "German", "Berlin", "Chancellor", "Olaf Scholz", "Boris Pistorius"),
    ("Poland", "Polish", "Warsaw", "President", "Andrzej Duda", "Wladyslaw Kosiniak-Kamysz"),
    ("Ukraine", "Ukrainian", "Kyiv", "President", "Volodymyr Zelensky", "Rustem Umerov"),
    ("the Philippines", "Philippine", "Manila", "President", "Ferdinand Marcos", "Gilberto Teodoro"),
    ("Australia", "Australian", "Canberra", "Prime Minister", "Anthony Albanese", "Richard Marles"),
    ("Israel", "Israeli", "Jerusalem", "Prime Minister", "Benjamin Netanyahu", "Yoav Gallant"),
    ("Egypt", "Egyptian", "Cairo", "President", "Abdel Fattah el-Sisi", "Abdel Mejid Saqr"),
    ("Brazil", "Brazilian", "Brasilia", "President", "Luiz Inacio Lula", "Jose Mucio"),
    ("the United States", "American", "Washington", "President", "Joe Biden", "Lloyd Austin"),
    ("Britain", "British", "London", "Prime Minister", "Keir Starmer", "John Healey"),
]
SEAS = [
    "the Sea of Japan",
    "the South China Sea",
    "the Baltic Sea",
    "the Black Sea",
    "the Red Sea",
    "the Yellow Sea",
    "the Mediterranean Sea",
    "the Arabian Sea",
    "the East China Sea",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
AGENCIES = ["Reuters", "AP", "AFP", "Yonhap", "Kyodo"]
BOILER = [
    "Subscribe",
    "Sign up for our daily newsletter",
    "Advertisement",
    "Share this article",
    "Read more: Markets fall on rate fears",
    "Photo: handout",
]


def _date_phrase(rng: random.Random, published: dt.date) -> str:
    kind = rng.random()
    if kind < 0.35:
        return f"on {WEEKDAYS[rng.randrange(7)]}"
    if kind < 0.6:
        d = published - dt.timedelta(days=rng.randrange(1, 40))
        return f"on {MONTHS[d.month - 1]} {d.day}"
    if kind < 0.7:
        return "last week"
    if kind < 0.8:
        return f"in {MONTHS[(published.month - 2) % 12]}"
    d = published - dt.timedelta(days=rng.randrange(200, 2000))
    return f"on {MONTHS[d.month - 1]} {d.day}, {d.year}"


def _sentences(rng: random.Random, published: dt.date) -> list[str]:
    a, b, c = rng.sample(COUNTRIES, 3)
    when = lambda: _date_phrase(rng, published)  # noqa: E731
    n = rng.randrange(20, 400)
    options = [
        f"{a[1]} {a[3]} {a[4]} met {b[1]} {b[3]} {b[4]} in {rng.choice([a[2], b[2]])} {when()}.",
        f"{a[0].capitalize()} fired {rng.choice(['two', 'three', 'several'])} ballistic missiles into {rng.choice(SEAS)} {when()}, {b[0]}'s military said.",
        f"{a[1]} and {b[1]} forces began joint naval drills in {rng.choice(SEAS)} {when()}, involving {n} troops.",
        f"{a[4]} warned {when()} that {b[0]} would face consequences for its actions.",
        f"{a[0].capitalize()} and {b[0]} signed a defence cooperation agreement in {c[2]} {when()}.",
        f"The {a[1]} foreign ministry condemned the move {when()}, calling it a threat to regional stability.",
        f"{a[0].capitalize()} imposed sanctions on {n} {b[1]} companies {when()}.",
        f"{a[1]} Defence Minister {a[5]} proposed joint patrols to his {b[1]} counterpart {when()}.",
        f"{a[1]} warplanes carried out strikes on targets near {b[2]} {when()}, officials said.",
        f"{a[4]} plans to visit {b[0]} next month for talks with {b[4]}, according to officials.",
        f"Thousands of people protested in {c[2]} {when()} against the government's policy toward {a[0]}.",
        f"Analysts say the relationship between {a[0]} and {b[0]} has grown closer in recent years.",
        f"{b[4]} told reporters in {b[2]} {when()} that the talks had been productive.",
        f"The {rng.randrange(3, 15)}-day exercise, which ended {WEEKDAYS[rng.randrange(7)]}, included forces from {c[0]}.",
    ]
    rng.shuffle(options)
    return options[: rng.randrange(4, 10)]


def write_article(rng: random.Random, i: int, folder: Path) -> Path:
    published = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(0, 900))
    style = rng.choice(["wire", "press", "dateline", "plain", "html"])
    city = rng.choice(COUNTRIES)[2]
    paras = []
    sents = _sentences(rng, published)
    while sents:
        k = rng.randrange(1, 3)
        paras.append(" ".join(sents[:k]))
        sents = sents[k:]
    stamp = f"{MONTHS[published.month - 1]} {published.day}, {published.year}"
    if style == "wire":
        paras[0] = (
            f"{city.upper()}, {MONTHS[published.month - 1][:3]} {published.day} ({rng.choice(AGENCIES)}) - "
            + paras[0]
        )
        paras.append(f"(Reporting by Staff {i}; Editing by Desk {i % 7})")
    elif style == "press":
        paras = [
            "PRESS RELEASE",
            f"{city}, {published.day} {MONTHS[published.month - 1]} {published.year}",
            *paras,
        ]
        paras.append("Media enquiries: press@example.org")
    elif style == "dateline":
        paras[0] = f"{city.upper()} — " + paras[0]
        paras.insert(0, f"Published: {stamp}")
    paras.insert(rng.randrange(1, len(paras) + 1), rng.choice(BOILER))
    if style == "html":
        body = "\n".join(f"<p>{p}</p>" for p in paras)
        page = (
            f"<!DOCTYPE html><html><head><title>Story {i}</title>"
            f'<meta property="article:published_time" content="{published.isoformat()}T09:00:00Z">'
            f'<link rel="canonical" href="https://news.example.org/story/{i}"></head><body>'
            '<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/subscribe">Subscribe</a></nav>'
            f'<div class="ad">Advertisement</div><article><h1>Story {i}</h1>{body}</article>'
            "<footer>Copyright Example News</footer></body></html>"
        )
        path = folder / f"article_{i:04d}.html"
        path.write_text(page, encoding="utf-8")
    else:
        path = folder / f"article_{i:04d}.txt"
        path.write_text(f"Published: {stamp}\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", help="where to write the synthetic articles (created if missing)")
    parser.add_argument("--n", type=int, default=1000, help="number of articles")
    parser.add_argument("--seed", type=int, default=7, help="random seed of the article generator")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    paths = [write_article(rng, i, folder) for i in range(args.n)]
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} articles ({size / 1e6:.1f} MB) to {folder}")

    import events.schema as schema
    import loaders.article as article
    from loaders import load_many

    t0 = time.perf_counter()
    article.load(paths[0])  # the first article pays for the gazetteer and the country tables
    cold = time.perf_counter() - t0
    # time spent in the schema's validation, apart from the extraction itself
    in_validate = [0.0]
    validate = article.validate

    def timed_validate(*a, **k):
        t = time.process_time()
        try:
            return validate(*a, **k)
        finally:
            in_validate[0] += time.process_time() - t

    # load_many validates the records of all articles at once, through events.schema
    article.validate = schema.validate = timed_validate
    t0, c0 = time.perf_counter(), time.process_time()
    got = load_many(paths)
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    article.validate = schema.validate = validate
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n_events = len(got.events)
    multi = int((got.events["n_sources"] > 1).sum()) if "n_sources" in got.events else 0
    n = len(paths)
    print(f"first article (loads the gazetteer): {cold:.2f} s")
    print(
        f"extract on {n} articles: {took:.2f} s wall = {n / took:.0f} articles/s on one core "
        f"({cpu:.2f} s CPU = {n / cpu:.0f} articles/s of CPU time); {n_events} events "
        f"({multi} reported by several articles); peak memory {peak_mb:.0f} MB"
    )
    print(
        f"of the CPU time: events.schema.validate {in_validate[0]:.2f} s ({in_validate[0] / n * 1000:.1f} ms an "
        f"article), the rest (reading, extraction, merging) {cpu - in_validate[0]:.2f} s = "
        f"{n / max(cpu - in_validate[0], 1e-9):.0f} articles/s"
    )


if __name__ == "__main__":
    main()
