"""End to end: `python -m loaders extract` on whole articles written for the project in several styles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "data" / "articles"


def extract(*paths: Path, published: str | None = None, tmp_path: Path) -> tuple[int, list[dict], str]:
    out = tmp_path / "out.json"
    cmd = [sys.executable, "-m", "loaders", "extract", *map(str, paths), "--output", str(out)]
    if published:
        cmd += ["--published", published]
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in r.stderr, r.stderr
    events = json.loads(out.read_text(encoding="utf-8")) if out.exists() else []
    return r.returncode, events, r.stderr


def has(events: list[dict], event_type: str, start: str, country: str, **more) -> bool:
    for e in events:
        if e["event_type"] == event_type and e["start"][:10] == start and country in e["countries"]:
            if all(str(e.get(k)) == str(v) for k, v in more.items()):
                return True
    return False


# (fixture, --published, events that must be there, the most events the article can give)
CASES = [
    (
        "wire_missile_test.txt",
        "2023-03-12",
        [
            ("weapons_test", "2023-03-12", "PRK", {"modality": "occurred"}),
            ("statement", "2023-03-12", "KOR", {}),
            ("military_exercise", "2023-03-13", "USA", {"modality": "planned", "end": "2023-03-23T23:59:59"}),
            ("agreement", "2023-03-10", "JPN", {}),
        ],
        6,
    ),
    (
        "press_release_exercise.txt",
        "2025-06-02",
        [
            ("military_exercise", "2025-06-09", "DEU", {"location": "Baltic Sea", "modality": "planned"}),
            ("agreement", "2025-05-28", "SWE", {}),
        ],
        4,
    ),
    (
        "dateline_strikes.txt",
        "2024-01-15",
        [
            ("armed_conflict", "2024-01-11", "YEM", {"location": "Yemen"}),
            ("armed_conflict", "2024-01-14", "USA", {"location": "Gulf of Aden"}),
            ("sanction", "2024-01-09", "USA", {}),
        ],
        7,
    ),
    (
        "treaty_signing.txt",
        None,  # the article's own "Published:" line dates it
        [
            ("agreement", "2024-07-08", "PHL", {"location": "Manila"}),
            ("statement", "2024-07-09", "CHN", {}),
            ("military_exercise", "2025-01-01", "JPN", {"modality": "planned"}),
        ],
        4,
    ),
    (
        "html_taiwan_drills.html",
        None,  # the page's metadata dates it
        [
            (
                "military_exercise",
                "2024-05-23",
                "CHN",
                {"source": "https://news.example.com/asia/china-taiwan-drills"},
            ),
            ("statement", "2024-05-23", "TWN", {}),
            ("statement", "2024-05-23", "USA", {}),
            ("other", "2024-05-20", "TWN", {}),  # Lai sworn in on Monday
        ],
        5,
    ),
]


@pytest.mark.parametrize("name, published, expected, most", CASES, ids=[c[0] for c in CASES])
def test_whole_articles(tmp_path, name, published, expected, most):
    rc, events, err = extract(ARTICLES / name, published=published, tmp_path=tmp_path)
    assert rc == 0, err
    for event_type, start, country, more in expected:
        assert has(events, event_type, start, country, **more), (event_type, start, country, more, events)
    assert len(events) <= most
    for e in events:
        assert e["evidence"] and e["title"] and len(e["title"]) <= 80
        assert 0 < e["confidence"] <= 1


def test_boilerplate_never_reaches_the_evidence(tmp_path):
    _, events, _ = extract(*sorted(ARTICLES.glob("*")), published="2024-05-23", tmp_path=tmp_path)
    text = " ".join(e["evidence"] for e in events)
    for junk in (
        "Sign up",
        "Subscribe",
        "Reporting by",
        "correspondent who covers",
        "Advertisement",
        "Most read",
    ):
        assert junk not in text


def test_articles_loaded_together_merge_the_event_they_share(tmp_path):
    rc, events, _ = extract(
        ARTICLES / "wire_taiwan_drills.txt",
        ARTICLES / "html_taiwan_drills.html",
        published="2024-05-23",
        tmp_path=tmp_path,
    )
    drills = [
        e for e in events if e["event_type"] == "military_exercise" and e["start"].startswith("2024-05-23")
    ]
    assert rc == 0 and len(drills) == 1
    assert drills[0]["n_sources"] == 2 and len(drills[0]["sources"]) == 2


@pytest.mark.parametrize(
    "name, content, rc, message",
    [
        ("empty.txt", b"", 1, "empty"),
        ("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, "binary"),
        ("no_article.html", None, 1, "no article"),
        ("no_dates.txt", None, 0, "no dated event"),
    ],
)
def test_bad_input_gets_a_clear_message(tmp_path, name, content, rc, message):
    path = ARTICLES / name if content is None else tmp_path / name
    if content is not None:
        path.write_bytes(content)
    got_rc, events, err = extract(path, published="2024-01-10", tmp_path=tmp_path)
    assert got_rc == rc and events == []
    assert message in err
