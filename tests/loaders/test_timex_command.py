"""command_dates(): JSON lines on stdout, clear messages on stderr, never a traceback."""

import json
from pathlib import Path

import pytest

from loaders.timex import command_dates

ARTICLE = (
    "SEOUL, South Korea \u2014 Rep. Yoo told reporters Monday that Shoigu put the idea to Kim in July.\r\n"
    "The U.S. and South Korea on Thursday wrapped up the exercise. \u201cWe urge restraint,\u201d Kirby said Wednesday.\r\n"
)


def run(capsys, path, published=None):
    status = command_dates(str(path), published)
    out, err = capsys.readouterr()
    return status, [json.loads(line) for line in out.splitlines()], err


def test_json_lines_with_offsets_into_the_file(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    status, rows, _ = run(capsys, path, "2023-09-04")
    content = open(path, encoding="utf-8", newline="").read()
    assert status == 0
    assert [(r["text"], r["value"]) for r in rows] == [
        ("Monday", "2023-09-04"), ("July", "2023-07"), ("Thursday", "2023-08-31"), ("Wednesday", "2023-08-30"),
    ]  # fmt: skip
    for r in rows:
        assert content[r["start"] : r["end"]] == r["text"] and r["type"] == "DATE"


def test_publication_date_from_the_dateline(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Sept. 4, 2023\n" + ARTICLE, encoding="utf-8")
    status, rows, err = run(capsys, path)
    assert status == 0 and "note" not in err
    assert ("Thursday", "2023-08-31") in [(r["text"], r["value"]) for r in rows]


def test_without_a_publication_date_relative_dates_are_marked(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    status, rows, err = run(capsys, path)
    assert status == 0
    assert "--published" in err and "cannot be resolved" in err
    assert ("Thursday", "XXXX-WXX-4") in [(r["text"], r["value"]) for r in rows]


@pytest.mark.parametrize(
    ("content", "published", "status", "message"),
    [
        (b"", "2023-09-04", 0, ""),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "2023-09-04", 2, "binary"),
        ("Le 4 septembre, caf\u00e9 \u201cnews\u201d on Thursday.".encode("cp1252"), "2023-09-04", 0, ""),
        (ARTICLE.encode("utf-16"), "2023-09-04", 0, ""),
        (ARTICLE.encode("utf-8"), "04/09/2023", 2, "YYYY-MM-DD"),
    ],
    ids=["empty", "binary", "windows-1252", "utf16-bom", "bad-date"],
)
def test_bad_input_gives_a_message_or_a_result(tmp_path, capsys, content, published, status, message):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    got, rows, err = run(capsys, path, published)
    assert got == status
    assert message in err
    if status == 0 and content:
        assert any(r["text"] == "Thursday" and r["value"] == "2023-08-31" for r in rows)


def test_missing_file(tmp_path, capsys):
    status, rows, err = run(capsys, tmp_path / "nope.txt", "2023-09-04")
    assert status == 2 and rows == [] and "no such file" in err


@pytest.mark.slow
def test_fifty_megabytes_of_text(tmp_path, capsys):
    paragraph = ARTICLE * 20 + "\n"
    path = tmp_path / "big.txt"
    copies = 50_000_000 // len(paragraph.encode("utf-8")) + 1
    path.write_text(paragraph * copies, encoding="utf-8")
    status, rows, err = run(capsys, path, "2023-09-04")
    assert status == 0 and err == ""
    assert len(rows) == copies * 20 * 4


FIXTURES = sorted((Path(__file__).parent.parent / "data" / "timex").glob("*.txt"))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_fixture_articles(path, capsys):
    status, rows, err = run(capsys, path)
    expected = [
        json.loads(line)
        for line in path.with_suffix(".expected.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert status == 0 and "note" not in err
    assert [{"text": r["text"], "value": r["value"]} for r in rows] == expected
