"""Generators for per-pixel noise, built from a seed stored in ``Params``.

Kernels that need many random values (noise images, dropout masks, user
functions) do not receive a generator: the sampling layer draws one integer
seed per row into the ``Params`` and the kernel expands it here. The
expansion is a pure function of the seed, so replay reproduces it exactly
without touching the key machinery.

Two expansions exist:

* :func:`noise_generator`: Philox keyed directly by the seed, for user
  parameters and general-purpose draws;
* :func:`bulk_generator`: SFC64, for kernels that draw hundreds of thousands of
  values per image (noise images, masks). Its raw stream is about twice as fast
  as Philox's. The state is ``(seed, seed, seed, 1)`` advanced by 12 steps (the
  seeding its author recommends for one 64-bit value), so it is fixed by the
  algorithm and does not depend on numpy's ``SeedSequence``.
"""

from __future__ import annotations

import numpy as np

__all__ = ["noise_generator", "bulk_generator", "BULK_WARMUP"]

#: Raw outputs discarded after setting the SFC64 state from a seed.
BULK_WARMUP = 12


def _check_seed(seed: int) -> None:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed < 2**64:
        raise ValueError("seed must be an int in [0, 2**64), got %r" % (seed,))


def noise_generator(seed: int) -> np.random.Generator:
    """A Philox generator keyed directly by ``seed`` (0 <= seed < 2**64)."""
    _check_seed(seed)
    return np.random.Generator(np.random.Philox(key=int(seed)))


def bulk_generator(seed: int) -> np.random.Generator:
    """A fresh SFC64 generator for ``seed`` (0 <= seed < 2**64); see the module docstring.

    Kernels use the cheaper, re-keyed
    :func:`imgaug2.kernels.arithmetic_noise.seed_generator`, which yields the same stream.

    Example:
        >>> a = bulk_generator(7).bit_generator.random_raw(2)
        >>> bool((a == bulk_generator(7).bit_generator.random_raw(2)).all())
        True
    """
    _check_seed(seed)
    bitgen = np.random.SFC64(0)
    s = int(seed)
    bitgen.state = {"bit_generator": "SFC64",
                    "state": {"state": np.array([s, s, s, 1], dtype=np.uint64)},
                    "has_uint32": 0, "uinteger": 0}
    bitgen.random_raw(BULK_WARMUP)
    return np.random.Generator(bitgen)
