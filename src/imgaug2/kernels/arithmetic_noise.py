"""Per-pixel noise kernels: element-wise addition and multiplication of noise images.

Noise is expanded from one integer seed (stored in the augmenter's ``Params``)
with :func:`imgaug2.kernels.noise.bulk_generator` (SFC64; via the equivalent,
cheaper :func:`seed_generator`), so it is a pure function of
``(seed, distribution, shape)``. Expansion of a seed, in this order:

* ``"uniform" (a, b)``: the midpoints of ``2**bits`` equal cells of ``[a, b)``,
  picked by the raw 64-bit stream (``random_raw``) read as ``bits``-bit
  integers (see :func:`uniform_noise`); ``bits`` is 16 for uint8 images, 32
  otherwise;
* ``"normal" (loc, scale)``: ``loc + scale * gen.standard_normal(shape, float32)``;
* ``"laplace" (loc, scale)``: ``e = gen.standard_exponential(shape, float32)``,
  then one sign bit per value from ``gen.bit_generator.random_raw``; ``loc +/- scale * e``;
* ``"poisson" (lam)``: a randomly signed Poisson variate (as imgaug's
  ``RandomSign(Poisson(lam))``) per value, by inverse-CDF lookup of 16 random
  bits (from ``random_raw``) in a 65536-entry table, so probabilities are
  resolved to 2**-16 and values rarer than that are not produced.

``shape`` is ``(H, W, C)`` with per-channel noise, else ``(H, W, 1)``; the
same noise then goes to every channel. Noise values are float32 (``loc``,
``scale`` and ``a``/``b`` are clamped to +-1e30 by the callers so they stay
finite). uint8 images are combined with the noise by OpenCV in float32 with
saturation (``cv2.add``/``cv2.multiply``), other dtypes in float64 (float32 for
float16/float32), rounded half to even and clipped as in
:mod:`imgaug2.kernels.arithmetic`.

Example:
    >>> import numpy as np
    >>> img = np.full((4, 4, 3), 100, np.uint8)
    >>> out = add_noise(img, seed=7, per_channel=True, dist="normal", a=0.0, b=10.0)
    >>> out.shape, out.dtype.name
    ((4, 4, 3), 'uint8')
"""

from __future__ import annotations

import math
import threading

import cv2
import numpy as np

from imgaug2.kernels.arithmetic import clamp_to_work, to_dtype, work_dtype
from imgaug2.kernels.noise import BULK_WARMUP

__all__ = [
    "NOISE_DISTRIBUTIONS",
    "noise_shape",
    "draw_noise",
    "uniform_noise",
    "random_bits16",
    "poisson_table",
    "add_elementwise",
    "multiply_elementwise",
    "add_noise",
    "multiply_noise",
    "MAX_POISSON_LAM",
    "seed_generator",
]

NOISE_DISTRIBUTIONS = ("uniform", "normal", "laplace", "poisson")
#: Largest Poisson rate the table construction accepts.
MAX_POISSON_LAM = 1e6


class _SeedRNG(threading.local):
    def __init__(self) -> None:
        self.bitgen = np.random.SFC64(0)
        self.gen = np.random.Generator(self.bitgen)
        self.words = np.zeros(4, dtype=np.uint64)


_SEED_RNG = _SeedRNG()
_U64 = (1 << 64) - 1


def seed_generator(seed: int) -> np.random.Generator:
    """This thread's kernel generator, re-keyed so it yields ``bulk_generator(seed)``'s stream.

    Building a generator from a seed costs ~25 us (``SeedSequence``); re-keying
    a reused SFC64 one a few. The generator is shared by the thread: take every
    draw a kernel needs before the next ``seed_generator`` call (kernels never
    nest calls).

    Example:
        >>> from imgaug2.kernels.noise import bulk_generator
        >>> a = seed_generator(42).random(3)
        >>> bool((a == bulk_generator(42).random(3)).all())
        True
    """
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed <= _U64:
        raise ValueError("seed must be an int in [0, 2**64), got %r" % (seed,))
    tls = _SEED_RNG
    words = tls.words
    words[0] = words[1] = words[2] = int(seed)
    words[3] = 1
    bitgen = tls.bitgen
    bitgen.state = {"bit_generator": "SFC64", "state": {"state": words},
                    "has_uint32": 0, "uinteger": 0}
    bitgen.random_raw(BULK_WARMUP)
    return tls.gen


def noise_shape(image_shape: tuple, per_channel: bool) -> tuple[int, int, int]:
    """(H, W, C) for per-channel noise, (H, W, 1) otherwise."""
    h, w = int(image_shape[0]), int(image_shape[1])
    c = int(image_shape[2]) if len(image_shape) == 3 else 1
    return (h, w, c if per_channel else 1)


def random_bits16(gen: np.random.Generator, n: int) -> np.ndarray:
    """``n`` uniform 16-bit integers from the raw Philox stream (stable across numpy versions)."""
    raw = gen.bit_generator.random_raw((n + 3) // 4)
    return np.asarray(raw, dtype=np.uint64).view(np.uint16)[:n]


def _random_signs(gen: np.random.Generator, n: int) -> np.ndarray:
    raw = np.asarray(gen.bit_generator.random_raw((n + 63) // 64), dtype=np.uint64)
    return np.unpackbits(raw.view(np.uint8), count=n).view(np.bool_)


def poisson_table(lam: float) -> np.ndarray:
    """65536 float32 values whose uniform pick is a randomly signed Poisson(lam) variate.

    Entry ``i`` is the inverse CDF at ``(i + 0.5) / 65536`` of the symmetric
    distribution ``P(0) = pmf(0)``, ``P(+-k) = pmf(k) / 2``.

    Example:
        >>> t = poisson_table(4.0)
        >>> t.shape, float(t.min()) < 0 < float(t.max())
        ((65536,), True)
    """
    lam = float(lam)
    if not 0.0 <= lam <= MAX_POISSON_LAM:
        raise ValueError("lam: expected a value in [0, %g], got %r" % (MAX_POISSON_LAM, lam))
    if lam == 0.0:
        return np.zeros(65536, dtype=np.float32)
    sd = math.sqrt(lam)
    lo = max(0, int(math.floor(lam - 12.0 * sd - 10.0)))
    hi = int(math.ceil(lam + 12.0 * sd + 10.0))
    k = np.arange(lo, hi + 1, dtype=np.float64)
    # log(k!) by a running sum from lgamma(lo + 1): one pass, no scipy.
    log_fact = math.lgamma(lo + 1.0) + np.concatenate(([0.0], np.cumsum(np.log(k[1:]))))
    logp = k * math.log(lam) - lam - log_fact
    pmf = np.exp(logp - logp.max())
    pmf /= pmf.sum()
    if lo == 0:
        neg_vals, neg_p = -k[:0:-1], pmf[:0:-1] / 2.0
        pos_vals, pos_p = k, np.concatenate(([pmf[0]], pmf[1:] / 2.0))
    else:
        neg_vals, neg_p = -k[::-1], pmf[::-1] / 2.0
        pos_vals, pos_p = k, pmf / 2.0
    values = np.concatenate((neg_vals, pos_vals))
    probs = np.concatenate((neg_p, pos_p))
    edges = np.rint(np.cumsum(probs) * 65536.0).astype(np.int64)
    edges[-1] = 65536
    np.clip(edges, 0, 65536, out=edges)
    counts = np.diff(np.concatenate(([0], edges)))
    counts[counts < 0] = 0
    table = np.repeat(values, counts)
    if table.size != 65536:  # rounding leftovers: pad with the mode
        table = np.concatenate((table, np.full(65536 - table.size, values[np.argmax(probs)])))
    return table[:65536].astype(np.float32)


def draw_noise(seed: int, shape: tuple, dist: str, a: float, b: float = 0.0,
               bits: int = 32) -> np.ndarray:
    """float32 noise of ``shape`` expanded from ``seed`` (see the module docstring).

    Args:
        seed: The row's noise seed.
        shape: Noise shape, usually from :func:`noise_shape`.
        dist: One of ``NOISE_DISTRIBUTIONS``.
        a: ``a`` (uniform), ``loc`` (normal, laplace) or ``lam`` (poisson).
        b: ``b`` (uniform) or ``scale`` (normal, laplace).
        bits: Resolution of uniform noise, 16 or 32 (see :func:`uniform_noise`).

    Example:
        >>> draw_noise(1, (2, 3, 1), "uniform", -1.0, 1.0).dtype.name
        'float32'
    """
    gen = seed_generator(seed)
    n = int(np.prod(shape))
    if dist == "uniform":
        return uniform_noise(gen, n, a, b, bits).reshape(shape)
    if dist == "normal":
        out = gen.standard_normal(shape, dtype=np.float32)
        if b != 1.0:
            out *= np.float32(b)
        if a != 0.0:
            out += np.float32(a)
        return out
    if dist == "laplace":
        out = gen.standard_exponential(shape, dtype=np.float32)
        if b != 1.0:
            out *= np.float32(b)
        signs = _random_signs(gen, n).reshape(shape)
        np.negative(out, out=out, where=signs)
        if a != 0.0:
            out += np.float32(a)
        return out
    if dist == "poisson":
        table = poisson_table(a)
        return table[random_bits16(gen, n)].reshape(shape)
    raise ValueError("dist: expected one of %s, got %r" % (", ".join(NOISE_DISTRIBUTIONS), dist))


def uniform_noise(gen: np.random.Generator, n: int, a: float, b: float,
                  bits: int = 32) -> np.ndarray:
    """``n`` float32 values ``a + (j + 0.5) * (b - a) / 2**bits``, ``j`` uniform in [0, 2**bits).

    ``j`` comes from the raw 64-bit stream read as signed ``bits``-bit integers
    (``j = k + 2**(bits - 1)``): one pass of the bit generator, no call per value.
    16 bits (65536 levels) are used for uint8 images, where they cannot be told
    apart from finer noise after rounding, and read a quarter of the random words.
    The arithmetic is float32, so, as with any float32 uniform, a value within
    float32 rounding of ``b`` may round to ``b``.

    Example:
        >>> from imgaug2.kernels.noise import bulk_generator
        >>> v = uniform_noise(bulk_generator(3), 1000, -2.0, 2.0, 16)
        >>> bool(-2.0 < v.min() and v.max() < 2.0)
        True
    """
    if bits not in (16, 32):
        raise ValueError("bits: expected 16 or 32, got %r" % (bits,))
    per_word = 64 // bits
    raw = np.asarray(gen.bit_generator.random_raw((n + per_word - 1) // per_word))
    k = raw.view(np.int16 if bits == 16 else np.int32)[:n]
    step = (float(b) - float(a)) / 2.0 ** bits
    out = np.multiply(k, np.float32(step), dtype=np.float32)
    out += np.float32((float(a) + float(b)) / 2.0 + step / 2.0)
    return out


def _expand_channels(values: np.ndarray, image: np.ndarray) -> np.ndarray:
    """Make (H,W,1)/(H,W) values match ``image``'s layout exactly (OpenCV does not broadcast)."""
    if image.ndim == 2:
        return values.reshape(image.shape)
    c = image.shape[2]
    if values.ndim == 3 and values.shape[2] == c:
        return values
    plane = np.ascontiguousarray(values.reshape(image.shape[:2]))
    if c <= 4:
        return cv2.merge([plane] * c).reshape(image.shape)
    return np.repeat(plane[:, :, np.newaxis], c, axis=2)


def _broadcastable(values: np.ndarray, image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return values.reshape(image.shape)
    if values.ndim == 2:
        return values[:, :, np.newaxis]
    return values


def add_elementwise(image: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``image + values`` where ``values`` is (H,W), (H,W,1) or (H,W,C), any float/int dtype.

    Example:
        >>> img = np.full((1, 2, 3), 250, np.uint8)
        >>> add_elementwise(img, np.array([[[10.0], [-10.0]]])).tolist()
        [[[255, 255, 255], [240, 240, 240]]]
    """
    return _combine_elementwise(image, values, False)


def multiply_elementwise(image: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``image * values`` where ``values`` is (H,W), (H,W,1) or (H,W,C).

    Example:
        >>> img = np.full((1, 2), 100, np.uint8)
        >>> multiply_elementwise(img, np.array([[0.5, 3.0]], np.float32)).tolist()
        [[50, 255]]
    """
    return _combine_elementwise(image, values, True)


def _combine_elementwise(image: np.ndarray, values: np.ndarray, multiply: bool) -> np.ndarray:
    """``image * values`` (``multiply``) or ``image + values``, saturating to the dtype.

    Args:
        image: The image.
        values: (H,W), (H,W,1) or (H,W,C) values, any float/int dtype.
        multiply: Multiply instead of add.

    Returns:
        A new array of the image's dtype and shape.
    """
    if image.size == 0:
        return image.copy()
    if image.dtype == np.uint8 and values.dtype == np.float32:
        cv_op = cv2.multiply if multiply else cv2.add
        return cv_op(image, _expand_channels(values, image), dtype=cv2.CV_8U).reshape(
            image.shape)
    work = image.astype(work_dtype(image.dtype))
    vals = _broadcastable(values, image)
    if vals.dtype != work.dtype:
        vals = clamp_to_work(vals, work.dtype)
    with np.errstate(over="ignore"):  # +-inf is clipped back by to_dtype
        if multiply:
            work *= vals
        else:
            work += vals
    return to_dtype(work, image.dtype)


def add_noise(image: np.ndarray, seed: int, per_channel: bool, dist: str, a: float,
              b: float = 0.0) -> np.ndarray:
    """Add noise expanded from ``seed`` (see :func:`draw_noise`) to ``image``.

    Example:
        >>> img = np.zeros((3, 3), np.float32)
        >>> bool(np.abs(add_noise(img, 5, False, "uniform", -0.1, 0.1)).max() <= 0.1)
        True
    """
    if image.size == 0:
        return image.copy()
    noise = draw_noise(seed, noise_shape(image.shape, per_channel), dist, a, b,
                       _uniform_bits(image))
    return add_elementwise(image, noise)


def multiply_noise(image: np.ndarray, seed: int, per_channel: bool, dist: str, a: float,
                   b: float = 0.0) -> np.ndarray:
    """Multiply ``image`` by noise expanded from ``seed`` (see :func:`draw_noise`).

    Example:
        >>> img = np.full((2, 2, 3), 100, np.uint8)
        >>> out = multiply_noise(img, 5, True, "uniform", 0.5, 1.5)
        >>> bool(out.min() >= 50 and out.max() <= 150)
        True
    """
    if image.size == 0:
        return image.copy()
    noise = draw_noise(seed, noise_shape(image.shape, per_channel), dist, a, b,
                       _uniform_bits(image))
    return multiply_elementwise(image, noise)


def _uniform_bits(image: np.ndarray) -> int:
    """Uniform-noise resolution for ``image``: 16 bits for uint8, 32 otherwise."""
    return 16 if image.dtype == np.uint8 else 32
