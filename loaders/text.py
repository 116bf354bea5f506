"""Read text files of any common encoding into one Python string, with offsets users can count on.

UTF-8 (with or without a byte-order mark) is decoded as ``open(path, encoding="utf-8", newline="")``
would, so line ends stay as they are ("\\r\\n" is two characters) and character offsets into the
result match the contract of ``python -m loaders dates``. UTF-16 and UTF-32 need their BOM; anything
else is detected with charset-normalizer (Latin-1 and Windows-1252 above all, whose curly quotes
live in bytes 0x80-0x9F). Binary files, and files beyond the size limit, raise UnreadableInput.
"""

from __future__ import annotations

import codecs
import os

from loaders.errors import UnreadableInput

MAX_BYTES = 1 << 30  # 1 GiB: far beyond any article; keeps a stray disk image from eating memory
_SAMPLE = 1 << 20  # charset detection looks at the first MiB only, so huge files stay fast

# BOMs in the order they must be tested (UTF-32-LE starts with the UTF-16-LE BOM)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# single-byte Western encodings charset-normalizer may name for Latin-1/Windows-1252 text
_WESTERN = {"cp1252", "latin_1", "iso8859_15", "iso8859_1", "cp1250", "iso8859_2", "mac_roman", "cp850"}
_HIGH = bytes(range(0x80, 0x100))
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
# control characters that never occur in text (tab, LF, VT, FF, CR and ESC are allowed)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))


def read_text(path: str | os.PathLike) -> str:
    """The text of the file at ``path``; raises UnreadableInput when it is not a text file.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes("caf\\u00e9 \\u201cnews\\u201d\\r\\n".encode("cp1252"))
    >>> read_text(p)
    'café “news”\\r\\n'
    """
    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
        if size > MAX_BYTES:
            raise UnreadableInput(
                f"{name}: {size / 2**20:.0f} MB is over the {MAX_BYTES >> 20} MB limit for a text file; "
                "split it into smaller files"
            )
        with open(name, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        raise UnreadableInput(f"{name}: no such file; check the path") from None
    except IsADirectoryError:
        raise UnreadableInput(f"{name}: is a folder; give the path of a text file") from None
    except PermissionError:
        raise UnreadableInput(f"{name}: permission denied; make the file readable") from None
    return decode_bytes(data, name=name)


def decode_bytes(data: bytes, *, name: str = "input") -> str:
    """Decode uploaded or read bytes into text (see the module docstring for the rules).

    >>> decode_bytes("Sept. 1\\r\\n".encode("utf-16"))
    'Sept. 1\\r\\n'
    >>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00", name="x.png")
    Traceback (most recent call last):
    loaders.errors.UnreadableInput: x.png: looks like a binary file (it contains NUL bytes), not text; give a plain-text (.txt) file
    """
    if len(data) > MAX_BYTES:
        raise UnreadableInput(f"{name}: over the {MAX_BYTES >> 20} MB limit for a text; split it")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as e:
                raise UnreadableInput(
                    f"{name}: starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()} (byte {e.start}); save it again as UTF-8"
                ) from None
    if b"\x00" in data:
        raise UnreadableInput(
            f"{name}: looks like a binary file (it contains NUL bytes), not text; give a plain-text (.txt) file"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_legacy(data, name)
    _check_controls(data, name)
    return text


def _decode_legacy(data: bytes, name: str) -> str:
    """Text in a single-byte or legacy multi-byte encoding, detected by charset-normalizer."""
    from charset_normalizer import from_bytes  # imported lazily: only non-UTF-8 input needs it

    if _mostly_western(data[:_SAMPLE]):
        # English text with a few accents and curly quotes: detectors guess Cyrillic code pages for
        # short samples like this, so settle it first
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined: Latin-1 has them all
            return data.decode("latin_1")
    best = from_bytes(data[:_SAMPLE]).best()
    encoding = best.encoding if best is not None else None
    if encoding is None or encoding in _WESTERN:
        # Windows-1252 first: it is what "Latin-1" files from Word and old web pages really are
        encoding = "cp1252"
    for candidate in (encoding, "latin_1"):
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    raise UnreadableInput(f"{name}: the text encoding could not be recognised; save it as UTF-8")


def _mostly_western(sample: bytes) -> bool:
    """True when bytes above 0x7F are a small share of the letters, as in English or French text in
    Windows-1252 (Cyrillic or Greek single-byte text has nearly all its letters up there)."""
    high = len(sample) - len(sample.translate(None, _HIGH))
    ascii_letters = len(sample) - len(sample.translate(None, _ASCII_LETTERS))
    return high <= 0.5 * (high + ascii_letters)


def _check_controls(data: bytes, name: str) -> None:
    """Refuse files whose first bytes are mostly control characters (executables, archives...)."""
    head = data[:4096]
    if head and sum(head.count(bytes([c])) for c in _CONTROL) > len(head) // 20:
        raise UnreadableInput(
            f"{name}: looks like a binary file (control characters), not text; give a plain-text file"
        )
