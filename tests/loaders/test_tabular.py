"""Delimited text of any common encoding and shape: decoded, split, every record kept or reported."""

import codecs

import pytest

from loaders.errors import UnreadableInput
from loaders.tabular import decode, detect_encoding, parse_table, read_table, sniff_delimiter

TEXT = "date,title\n2023-07-27,Café “summit” in Genève\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with its BOM
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # without: told by its NUL bytes
        (TEXT.encode("cp1252"), "cp1252"),  # Windows-1252 curly quotes
        ("date,title\n2023-07-27,Café in Genève\n".encode("latin-1"), "cp1252"),  # Latin-1 reads the same
        (b"date,title\n2023,\x81\x8d odd bytes\n", "latin-1"),  # undefined in cp1252
    ],
)
def test_encodings_are_detected(data, encoding):
    assert detect_encoding(data) == encoding
    text, _ = decode(data, "x.csv")
    assert text.startswith("date,title\n")


def test_decoded_text_is_the_original():
    for enc in ("utf-8", "utf-8-sig", "utf-16", "cp1252"):
        assert decode(TEXT.encode(enc), "x.csv")[0] == TEXT


@pytest.mark.parametrize("tail", [b"\x00" * 64, b"\x1a", b"\r\n\r\n\x00\x00"])
def test_trailing_padding_is_dropped(tail):
    text, _ = decode(b"date,title\n2023,x\n" + tail, "x.csv")
    assert text.rstrip() == "date,title\n2023,x"


def test_binary_is_refused():
    with pytest.raises(UnreadableInput, match="binary"):
        decode(bytes(range(256)) * 4, "x.csv")


@pytest.mark.parametrize(
    "sample, delimiter",
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a\tb\tc\n1\t2,5\t3\n", "\t"),
        ("a;b;c\n1,5;2;3\n", ";"),
        ("a|b\n1|2\n", "|"),
        ("just one column\nand another line\n", ","),
    ],
)
def test_sniff_delimiter(sample, delimiter):
    assert sniff_delimiter(sample) == delimiter


def test_blank_lines_short_and_long_rows_and_line_numbers():
    text = 'date,title,notes\n\n2023,A,x\n2024,B\n2025,C,y,extra\n2026,"multi\nline",z\n2027,D,w,,\n   \n'
    t = parse_table(text, "f.csv")
    assert t.frame["title"].tolist() == ["A", "B", "multi\nline", "D"]
    assert t.frame["_row"].tolist() == [3, 4, 6, 8]  # the line each record starts on
    assert t.frame["notes"].tolist() == ["x", "", "z", "w"]  # short rows padded; empty extra cells dropped
    assert t.rejects[["row", "reason"]].values.tolist() == [[5, "4 fields where the header has 3"]]


def test_repeated_and_blank_header_names_are_made_unique():
    t = parse_table("date,date,,title\n1,2,3,4\n", "f.csv")
    assert t.header == ["date", "date_2", "column_3", "title"]


def test_empty_file_gives_an_empty_table(tmp_path):
    p = tmp_path / "empty.csv"
    p.write_bytes(b"")
    t = read_table(p, max_bytes=1000)
    assert len(t.frame) == 0 and t.header == []


def test_too_large_file_is_refused(tmp_path):
    p = tmp_path / "big.csv"
    p.write_text("a,b\n" * 100)
    with pytest.raises(UnreadableInput, match="limit"):
        read_table(p, max_bytes=10)


def test_progress_bar_for_large_tables(monkeypatch, capsys):
    import loaders.tabular as tabular

    monkeypatch.setattr(tabular, "LARGE_BYTES", 10)
    parse_table("date,title\n" + "2023,x\n" * 20_000, "big.csv", progress=True)
    assert "big.csv" in capsys.readouterr().err
