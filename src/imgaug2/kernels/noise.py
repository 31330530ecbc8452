"""Generators for per-pixel noise, built from a seed stored in ``Params``.

Kernels that need many random values (noise images, dropout masks, user
functions) do not receive a generator: the sampling layer draws one integer
seed per row into the ``Params`` and the kernel expands it here. The
expansion is a pure function of the seed, so replay reproduces it exactly
without touching the key machinery.
"""

from __future__ import annotations

import numpy as np

__all__ = ["noise_generator"]


def noise_generator(seed: int) -> np.random.Generator:
    """A Philox generator keyed directly by ``seed`` (0 <= seed < 2**64)."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed < 2**64:
        raise ValueError("seed must be an int in [0, 2**64), got %r" % (seed,))
    return np.random.Generator(np.random.Philox(key=int(seed)))
