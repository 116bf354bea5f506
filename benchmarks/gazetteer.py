"""Load time and speed of the country and place finders (events.countries, events.places).

    .venv/bin/python benchmarks/gazetteer.py [--repeat 200]

Prints, in a fresh process: the import time of the two modules, the time to build the country regex
and to load the gazetteer (both lazy, paid once per process), then the time per article of
find_countries and find_places over the project's own test articles (tests/data/articles/*.txt) and
the seed articles in ../shared/seeds when they are there. Goal (issue 2): the gazetteer loads in under
1 s; both finders together take a small share of the extractor's 20 ms an article (50 articles/s).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="passes over the articles")
    args = parser.parse_args()

    import events.schema  # noqa: F401  the package imports pandas: keep it out of the figures

    t0 = time.perf_counter()
    from events import countries, places

    t1 = time.perf_counter()
    countries.find_countries("")
    t2 = time.perf_counter()
    places.lookup("Seoul")
    t3 = time.perf_counter()

    paths = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
    paths += sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    chars = sum(map(len, texts))

    t4 = time.perf_counter()
    for _ in range(args.repeat):
        found = [countries.find_countries(text) for text in texts]
    t5 = time.perf_counter()
    contexts = [{m.iso3 for m in mentions} for mentions in found]
    for _ in range(args.repeat):
        placed = [places.find_places(text, countries=ctx) for text, ctx in zip(texts, contexts, strict=True)]
    t6 = time.perf_counter()

    runs = args.repeat * len(texts)
    print(f"import events.countries + events.places: {t1 - t0:.3f} s")
    print(f"country regex built on first use:        {t2 - t1:.3f} s")
    print(f"gazetteer loaded on first use:           {t3 - t2:.3f} s ({len(places._index()[0]):,} names)")
    print(f"articles: {len(texts)}, {chars / max(1, len(texts)):,.0f} characters on average")
    print(
        f"find_countries: {(t5 - t4) / runs * 1000:.2f} ms an article ({sum(map(len, found))} mentions a pass)"
    )
    print(
        f"find_places:    {(t6 - t5) / runs * 1000:.2f} ms an article ({sum(map(len, placed))} mentions a pass)"
    )


if __name__ == "__main__":
    main()
