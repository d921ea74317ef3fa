"""sitecustomize for test_no_posix.py: this Python pretends to be a platform without POSIX.

Taken away, as Windows lacks them: the modules fcntl, termios, tty, pwd, grp and resource;
os.link, os.kill, os.geteuid, os.fchmod and O_NOFOLLOW; chmod keeps nothing (modes read
back unchanged); a folder cannot be opened (so it cannot be fsynced). msvcrt appears, with a
`locking` that behaves like Windows' (a lock per open file, EACCES when taken), built on the
real flock before fcntl goes away, so the journal's Windows lock path is the one that runs.
"""

import errno
import fcntl as _fcntl
import importlib.abc
import os
import stat
import subprocess
import sys
import types

_flock = _fcntl.flock
_LOCK_EX, _LOCK_NB, _LOCK_UN = _fcntl.LOCK_EX, _fcntl.LOCK_NB, _fcntl.LOCK_UN
_kill = os.kill
_open = os.open

BLOCKED = {"fcntl", "termios", "tty", "pwd", "grp", "resource"}


class _Blocker(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in BLOCKED:
            raise ImportError(f"No module named {name!r} (no POSIX here)")
        return None


for _name in BLOCKED:
    sys.modules.pop(_name, None)
sys.meta_path.insert(0, _Blocker())

msvcrt = types.ModuleType("msvcrt")
msvcrt.LK_UNLCK, msvcrt.LK_LOCK, msvcrt.LK_NBLCK, msvcrt.LK_RLCK, msvcrt.LK_NBRLCK = 0, 1, 2, 3, 4


def _locking(fd, mode, nbytes):
    try:
        _flock(fd, _LOCK_UN if mode == msvcrt.LK_UNLCK else _LOCK_EX | _LOCK_NB)
    except BlockingIOError:
        raise PermissionError(errno.EACCES, "Permission denied") from None


msvcrt.locking = _locking
sys.modules["msvcrt"] = msvcrt

# getuid stays: platformdirs' POSIX backend needs it (on Windows it uses another backend).
for _name in ("link", "kill", "geteuid", "fchmod", "O_NOFOLLOW", "killpg"):
    if hasattr(os, _name):
        delattr(os, _name)


def _chmod(path, mode, *args, **kwargs):
    os.stat(path)  # a missing file is still an error; a mode is not kept


os.chmod = _chmod


def _no_folder_open(path, flags, mode=0o777, *args, **kwargs):
    if not flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
        try:
            is_dir = stat.S_ISDIR(os.stat(path).st_mode)
        except (OSError, TypeError, ValueError):
            is_dir = False
        if is_dir:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
    return _open(path, flags, mode, *args, **kwargs)


os.open = _no_folder_open


def _send_signal(self, sig):  # the test harness may still stop its children
    self.poll()
    if self.returncode is None:
        _kill(self.pid, sig)


subprocess.Popen.send_signal = _send_signal

_marker = os.environ.get("PJ_NO_POSIX_MARKER")
if _marker:
    with open(_marker, "a") as handle:
        handle.write(f"{os.getpid()}\n")
