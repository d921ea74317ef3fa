"""Real FAT file systems for the tests: a FAT32 or exFAT image, mounted through FUSE.

The machine's kernel has no vfat module, so the images are mounted with FUSE drivers:
`fusefat` (Debian package fusefat) for FAT32 on the image file itself, and `mount.exfat-fuse`
(exfat-fuse, with mkfs.exfat from exfatprogs) for exFAT on a loop device. Both behave like a
stick as the journal meets it: no hard links and no permissions (fusefat refuses chmod, exFAT
accepts it and keeps nothing). fusefat also has two faults of its own that real FAT drivers do
not: a renamed folder loses its content, and ftruncate to the current size fails (so SQLite's
checkpoints fail there and the WAL file keeps the data). The tests name where they meet them.

`mounted(kind, where)` skips the test, saying why, only where mounting is impossible (no
/dev/fuse, a tool missing, no loop device, a container that forbids FUSE mounts).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

IMAGE_MB = 64  # FAT32 needs at least 33 MB; the image is sparse, so this costs little disk

KINDS = {
    "fat32": ("fusefat", "mkfs.vfat"),
    "exfat": ("mount.exfat-fuse", "mkfs.exfat", "losetup"),
}


def _run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout)


def _unmount(mountpoint: Path) -> None:
    for _ in range(50):
        done = _run("fusermount", "-u", str(mountpoint))
        if done.returncode == 0 or not os.path.ismount(mountpoint):
            return
        time.sleep(0.1)  # a child that was just killed may still hold a file open
    _run("fusermount", "-u", "-z", str(mountpoint))


def _wait_mounted(mountpoint: Path) -> bool:
    for _ in range(100):
        if os.path.ismount(mountpoint):
            return True
        time.sleep(0.05)
    return False


@contextlib.contextmanager
def mounted(kind: str, where: Path) -> Iterator[Path]:
    """A fresh, empty FAT file system of `kind` mounted at where/stick; unmounted afterwards."""
    if not os.path.exists("/dev/fuse"):
        pytest.skip("no /dev/fuse on this machine: cannot mount a FAT image")
    missing = [tool for tool in (*KINDS[kind], "fusermount") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"cannot mount {kind}: {', '.join(missing)} not installed (see .ci/run)")
    image, mountpoint = where / f"{kind}.img", where / "stick"
    mountpoint.mkdir()
    with open(image, "wb") as handle:
        handle.truncate(IMAGE_MB * 1024 * 1024)
    loop = None
    if kind == "fat32":
        made = _run("mkfs.vfat", "-F", "32", "-n", "STICK", str(image))
        assert made.returncode == 0, made.stderr
        mount = _run("fusefat", "-o", "rw+", str(image), str(mountpoint))
    else:
        made = _run("mkfs.exfat", "-L", "STICK", str(image))
        assert made.returncode == 0, made.stderr
        attach = _run("losetup", "--find", "--show", str(image))
        if attach.returncode:
            pytest.skip(f"cannot attach a loop device for exFAT: {attach.stderr.strip()}")
        loop = attach.stdout.strip()
        mount = _run("mount.exfat-fuse", loop, str(mountpoint))
    try:
        if mount.returncode or not _wait_mounted(mountpoint):
            pytest.skip(f"cannot mount {kind} with FUSE here: {mount.stderr.strip()[-200:]}")
        yield mountpoint
    finally:
        if os.path.ismount(mountpoint):
            _unmount(mountpoint)
        if loop is not None:
            _run("losetup", "--detach", loop)
