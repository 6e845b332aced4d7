"""Reading files without trusting them: regular files only, symlinks kept inside the
directory being read, bytes capped before reading, names shown escaped, text sanitised."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from fullpicture._errors import InputError, TooLargeError
from fullpicture._safetext import clean, display_name, sanitize

__all__ = ["check_link", "clean", "display_name", "inside", "read_capped", "sanitize", "sidecar_path"]

#: Longest file name (bytes) most file systems accept.
NAME_MAX = 255


def inside(path: Path, root: Path) -> bool:
    """Whether ``path``'s real location (symlinks resolved) lies inside ``root``'s."""
    real = os.path.realpath(path)
    base = os.path.realpath(root)
    try:
        return os.path.commonpath([real, base]) == base
    except ValueError:
        return False


def check_link(path: Path, root: Path | None, policy: str) -> None:
    """Refuse a symlink met while walking ``root`` whose target leaves ``root`` (policy
    ``"inside"``), or any symlink (policy ``"none"``); ``"any"`` follows every link."""
    if root is None or policy == "any" or not path.is_symlink():
        return
    if policy == "none" or not inside(path, root):
        where = "outside the directory being read" if policy != "none" else "elsewhere"
        raise InputError(display_name(path), f"symbolic link points {where}; not followed",
                         'set [ingest] symlinks = "any" in a --settings file to follow it')


def read_capped(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file, refusing FIFOs, devices, sockets and directories, and any
    file over ``limit`` bytes before (and while) reading it. Never blocks on a FIFO."""
    source = display_name(path)
    try:
        st = os.stat(path)
    except OSError as exc:
        raise InputError(source, f"cannot read the {what} ({exc.strerror or exc})", "check the path and its permissions") from None
    if not stat.S_ISREG(st.st_mode):
        kind = ("a directory" if stat.S_ISDIR(st.st_mode) else "a FIFO" if stat.S_ISFIFO(st.st_mode)
                else "a socket" if stat.S_ISSOCK(st.st_mode) else "a device")
        raise InputError(source, f"not a regular file ({kind}); not read", "give regular files only")
    if st.st_size > limit:
        raise TooLargeError(source, f"{what} is {st.st_size:,} bytes, over the limit of {limit:,}",
                            "split it, or raise [ingest] max_bytes in a --settings file")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError(source, f"cannot read the {what} ({exc.strerror or exc})", "check the path and its permissions") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped between stat and open
            raise InputError(source, "not a regular file; not read", "give regular files only")
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if got > limit:
            raise TooLargeError(source, f"{what} grew over the limit of {limit:,} bytes while being read",
                                "split it, or raise [ingest] max_bytes in a --settings file")
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(source, f"cannot read the {what} ({exc.strerror or exc})", "check the path and its permissions") from None
    finally:
        os.close(fd)


def sidecar_path(path: Path) -> Path | None:
    """``<stem>.meta.json`` beside ``path``, or None when that name could not exist
    (over the file-name length limit)."""
    name = path.stem + ".meta.json"
    if len(os.fsencode(name)) > NAME_MAX:
        return None
    return path.with_name(name)
