"""One exception tree for everything fullpicture raises on purpose."""

from __future__ import annotations


class FullpictureError(Exception):
    """Base class of every error fullpicture raises deliberately."""


class InputError(FullpictureError):
    """A source document cannot be read. The message is one line, fit for a user."""

    def __init__(self, source: str, problem: str, hint: str = "") -> None:
        from fullpicture._safetext import printable

        source, problem, hint = printable(str(source)), printable(str(problem)), printable(str(hint))
        self.source = source
        self.problem = problem
        self.hint = hint
        msg = f"{source}: {problem}"
        if hint:
            msg += f" ({hint})"
        super().__init__(msg)


class EmptyInputError(InputError):
    """The file or text holds no usable text."""


class BinaryInputError(InputError):
    """The file looks like binary data, not text, HTML or a feed."""


class TooLargeError(InputError):
    """The file is over the documented size limit."""


class DecodeError(InputError):
    """The bytes could not be decoded to text."""


class MalformedInputError(InputError):
    """HTML, JSON Lines or a feed is broken beyond recovery."""


class UnsupportedFormatError(InputError):
    """No reader knows this kind of file."""


class ConfigError(FullpictureError):
    """A settings, lexicon or alias file is invalid."""


class StoreError(FullpictureError):
    """The database could not be opened, migrated or written."""


class UsageError(FullpictureError):
    """The caller asked for something that makes no sense (maps to exit code 2)."""
