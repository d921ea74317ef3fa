"""Process settings that keep keys and text from leaving through the operating system.

A crash of a process holding an unlocked journal would otherwise write a core file: the whole
memory of the process (the data key, decrypted pages, what was on screen) in plaintext on disk.
"""

from __future__ import annotations

import contextlib


def forbid_core_dumps() -> bool:
    """Set this process's core file size limit to 0 (the soft limit, which is the one that
    decides; the hard limit is left as it is, so the tests and a debugging session can still
    raise it on purpose); False where the platform has no such limit (Windows)."""
    try:
        import resource
    except ImportError:
        return False
    with contextlib.suppress(ValueError, OSError):
        _, hard = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
        return True
    return False
