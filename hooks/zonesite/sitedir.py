"""Build into a fresh folder beside the site and put it in place only when the whole build worked.

A build that fails after it started writing, or that is killed, must leave the earlier site as it
was: editors and the publish workflow rely on the last good `site/`. Knows nothing of MkDocs."""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
from pathlib import Path

_PREFIX = ".zonesite-build-"
_RENAME_EXCHANGE = 2  # linux/fs.h: swap two paths in one step


def fresh(final: Path) -> Path:
    """A new empty folder next to `final` (same file system, so the swap is a rename)."""
    final.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(final.parent)
    return Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-", dir=final.parent))


def discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def replace(final: Path, built: Path) -> None:
    """Put `built` at `final`; the earlier site goes away only after the new one is in place."""
    if not final.exists():
        os.rename(built, final)
        return
    if not _exchange(built, final):
        # No atomic exchange on this system: two renames, with the earlier site kept until the end.
        old = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-old-", dir=final.parent))
        os.rename(final, old / "site")
        os.rename(built, final)
        built = old
    discard(built)  # after the exchange it holds the earlier site


def _exchange(a: Path, b: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_cwd = -100
    if renameat2(at_cwd, os.fsencode(a), at_cwd, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS, errno.EPERM):
        return False  # the file system cannot exchange; fall back to renames
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))


def _remove_abandoned(parent: Path) -> None:
    """Folders left by builds that were killed: their process is gone."""
    for folder in parent.glob(f"{_PREFIX}*"):
        pid = folder.name[len(_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            discard(folder)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
