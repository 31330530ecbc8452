"""Per-thread work arrays for kernels whose intermediates never leave the kernel.

Fresh multi-hundred-kilobyte temporaries cost page faults on every call (the
allocator hands large blocks back to the system between calls), which can
exceed the arithmetic done in them: kernels keep such intermediates here.
Only for arrays that are dead when the kernel returns, and never across a call
into other augmenters (which may use the same names on the same thread).
"""

from __future__ import annotations

import threading

import numpy as np

__all__ = ["scratch"]

_LOCAL = threading.local()
# Work arrays above this size are not kept between calls.
_SCRATCH_MAX_BYTES = 16 << 20


def scratch(name: str, shape: tuple, dtype: type = np.float32) -> np.ndarray:
    """This thread's work array ``name`` of ``shape`` and ``dtype`` (contents undefined).

    Example:
        >>> a = scratch("doc", (2, 3), np.uint8)
        >>> a is scratch("doc", (2, 3), np.uint8), a.shape
        (True, (2, 3))
    """
    pool = getattr(_LOCAL, "pool", None)
    if pool is None:
        pool = _LOCAL.pool = {}
    arr = pool.get(name)
    if arr is None or arr.shape != shape or arr.dtype != dtype:
        arr = np.empty(shape, dtype=dtype)
        if arr.nbytes <= _SCRATCH_MAX_BYTES:
            pool[name] = arr
    return arr
