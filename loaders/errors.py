"""The few errors a loader raises. Each message names the offending input and what would be accepted."""


class LoaderError(Exception):
    """A problem with an input that the user can fix; the message says how."""


class UnreadableInput(LoaderError):
    """The bytes are not text we can read (binary, empty, an unknown encoding, too large)."""


class UnsupportedFormat(LoaderError):
    """No loader recognises the input's format."""


class MissingColumns(LoaderError):
    """A table lacks the columns its format needs."""

    def __init__(self, name: str, found: list[str], expected: list[str]):
        self.found, self.expected = list(found), list(expected)
        super().__init__(
            f"{name}: missing required column(s) {', '.join(sorted(set(expected) - set(found)))}; "
            f"found columns: {', '.join(map(str, found)) or '(none)'}; expected: {', '.join(expected)} "
            "(map a column of another name with --map TARGET=COLUMN)"
        )
