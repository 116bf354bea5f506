"""read_text() and decode_bytes(): any common encoding in, exact text out, a clear error otherwise."""

import codecs

import pytest

from loaders.errors import UnreadableInput
from loaders.text import decode_bytes, read_text

SAMPLE = "Kim met Putin on Thursday \u2014 \u201cactively advancing,\u201d said Kirby.\r\nCaf\u00e9 talks, Sept. 1.\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SAMPLE.encode("utf-8"), SAMPLE),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), SAMPLE),
        (SAMPLE.encode("utf-16"), SAMPLE),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), SAMPLE),
        (SAMPLE.encode("utf-32"), SAMPLE),
        (SAMPLE.encode("cp1252"), SAMPLE),
        (
            "Caf\u00e9 cr\u00e8me, se\u00f1or, na\u00efve, \u00a9 2023.\n".encode("latin-1"),
            "Caf\u00e9 cr\u00e8me, se\u00f1or, na\u00efve, \u00a9 2023.\n",
        ),
        (b"", ""),
        (b"line one\r\nline two\r\n", "line one\r\nline two\r\n"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-le-bom",
        "utf16-be-bom",
        "utf32-bom",
        "cp1252-curly-quotes",
        "latin1",
        "empty",
        "crlf",
    ],
)
def test_decodes(data, expected):
    assert decode_bytes(data) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64, "binary"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00", "binary"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "UTF-16"),
    ],
    ids=["png", "all-bytes", "elf", "zip", "broken-utf16"],
)
def test_refuses_non_text_with_a_clear_message(data, message):
    with pytest.raises(UnreadableInput, match=message):
        decode_bytes(data, name="upload.bin")


def test_read_text_keeps_offsets_of_a_utf8_file(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(SAMPLE.encode("utf-8"))
    assert read_text(path) == open(path, encoding="utf-8", newline="").read()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: p, "folder"),
    ],
    ids=["missing", "folder"],
)
def test_read_text_errors_say_what_to_do(tmp_path, make, message):
    with pytest.raises(UnreadableInput, match=message):
        read_text(make(tmp_path))


def test_read_text_refuses_files_over_the_limit(tmp_path, monkeypatch):
    import loaders.text

    monkeypatch.setattr(loaders.text, "MAX_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("x" * 100)
    with pytest.raises(UnreadableInput, match="limit"):
        read_text(path)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("caf\u00e9 \u201cnews\u201d\r\n", "cp1252"),
        ("Na\u00efve r\u00e9sum\u00e9 \u2014 \u20ac5", "cp1252"),
        ("\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440! \u041c\u043e\u0441\u043a\u0432\u0430 \u0441\u0435\u0433\u043e\u0434\u043d\u044f "
         "\u043f\u0440\u043e\u0432\u0435\u043b\u0430 \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b \u0441 \u041a\u0438\u0442\u0430\u0435\u043c.", "cp1251"),
    ],
    ids=["short-cp1252", "cp1252-euro", "cyrillic-cp1251"],
)  # fmt: skip
def test_short_legacy_texts(text, encoding):
    assert decode_bytes(text.encode(encoding)) == text
