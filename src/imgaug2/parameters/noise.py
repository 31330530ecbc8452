"""Spatial parameters: low-resolution upscaling, noise aggregation and noise maps.

All of these take image-like sizes: ``(H, W)`` or ``(H, W, C)`` (and, for
:class:`FromLowerResolution`, ``(N, H, W, C)``). Upscaling uses OpenCV for
``linear``/``area``/``cubic`` and exact index arithmetic for ``nearest``
(output pixel ``y`` reads source row ``floor(y * h_small / H)``).

Example:
    >>> import imgaug2.parameters as iap
    >>> m = iap.SimplexNoise().draw_samples((32, 48), 0)
    >>> m.shape, bool(m.min() >= 0 and m.max() <= 1)
    ((32, 48), True)
"""

from __future__ import annotations

import math
from typing import Any

import cv2
import numpy as np

from imgaug2.core.registry import register
from imgaug2.parameters import handles as _handles
from imgaug2.parameters.base import StochasticParameter

__all__ = [
    "FromLowerResolution",
    "IterativeNoiseAggregator",
    "SimplexNoise",
    "FrequencyNoise",
    "UPSCALE_METHODS",
]

#: Interpolation names accepted by the upscaling parameters.
UPSCALE_METHODS = ("nearest", "linear", "area", "cubic")

_CV2_METHODS = {
    "linear": cv2.INTER_LINEAR,
    "area": cv2.INTER_AREA,
    "cubic": cv2.INTER_CUBIC,
}


def _upscale(arr: np.ndarray, height: int, width: int, method: str) -> np.ndarray:
    """Resize ``arr`` of shape (h, w, C) to (height, width, C)."""
    h, w = arr.shape[:2]
    if (h, w) == (height, width):
        return arr
    if method == "nearest" or h == 0 or w == 0:
        ys = (np.arange(height, dtype=np.int64) * h) // height
        xs = (np.arange(width, dtype=np.int64) * w) // width
        return arr.take(ys, axis=0).take(xs, axis=1)
    interp = _CV2_METHODS[method]
    work = arr if arr.dtype in (np.float32, np.float64) else arr.astype(np.float64)
    channels = work.shape[2]
    if channels <= 4:
        out = cv2.resize(np.ascontiguousarray(work), (width, height), interpolation=interp)
        return out.reshape(height, width, channels)
    planes = [cv2.resize(np.ascontiguousarray(work[:, :, c]), (width, height),
                         interpolation=interp) for c in range(channels)]
    return np.stack(planes, axis=-1)


def _method_name(value: Any) -> str:
    name = str(value)
    if name not in UPSCALE_METHODS:
        raise ValueError("upscale_method: drew %r, expected one of %s"
                         % (name, ", ".join(UPSCALE_METHODS)))
    return name


def _as_hwc(size: tuple[int, ...], name: str) -> tuple[int, int, int]:
    if len(size) == 2:
        return size[0], size[1], 1
    if len(size) == 3:
        return size[0], size[1], size[2]
    raise ValueError("%s: expected a size (H, W) or (H, W, C), got %r" % (name, size))


@register("FromLowerResolution")
class FromLowerResolution(StochasticParameter):
    """Draw another parameter at a lower resolution and upscale the result.

    Args:
        other_param: The parameter drawn at low resolution (e.g. ``Binomial``
            for coarse dropout masks).
        size_percent: Fraction of the requested height/width to draw at
            (exactly one of ``size_percent`` and ``size_px`` is given).
        size_px: Height/width in pixels to draw at.
        method: Upscaling method: ``"nearest"``, ``"linear"``, ``"area"``,
            ``"cubic"``, a list of them, ``"ALL"`` or a parameter.
        min_size: Minimum low-resolution height and width.

    Sizes ``(H, W)``, ``(H, W, C)`` and ``(N, H, W, C)`` are accepted. Draw
    order: the low-resolution heights and widths ``(N, 2)`` (percent values
    are multiplied by ``H``/``W`` and floored), the methods ``(N,)``, then for
    each image in turn ``other_param.draw_samples((h, w, C))``. Integer
    samples upscaled with ``nearest`` keep their dtype; other methods give
    floats.

    Example:
        >>> import imgaug2.parameters as iap
        >>> p = iap.FromLowerResolution(iap.Binomial(0.5), size_px=8)
        >>> p.draw_samples((64, 64, 3), 0).shape
        (64, 64, 3)
    """

    def __init__(self, other_param: Any, size_percent: Any = None, size_px: Any = None,
                 method: Any = "nearest", min_size: int = 1) -> None:
        self.other_param = _handles.handle_continuous_param(other_param, "other_param")
        if (size_percent is None) == (size_px is None):
            raise ValueError("size_percent: expected exactly one of size_percent and "
                             "size_px to be set")
        if size_percent is not None:
            self.size_method = "percent"
            self.size_value = _handles.handle_continuous_param(
                size_percent, "size_percent", value_range=(0, None))
        else:
            self.size_method = "px"
            self.size_value = _handles.handle_discrete_param(
                size_px, "size_px", value_range=(1, None))
        self.method = _handles.handle_categorical_string_param(method, "method",
                                                               UPSCALE_METHODS)
        if isinstance(min_size, (bool, np.bool_)) or not isinstance(min_size, (int, np.integer)):
            raise TypeError("min_size: expected an int, got %r" % (min_size,))
        if min_size < 1:
            raise ValueError("min_size: expected a value >= 1, got %r" % (min_size,))
        self.min_size = int(min_size)

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        if len(size) == 2:
            return self._draw_samples((1, size[0], size[1], 1), rng)[0, :, :, 0]
        if len(size) == 3:
            return self._draw_samples((1,) + size, rng)[0]
        if len(size) != 4:
            raise ValueError("size: expected (H, W), (H, W, C) or (N, H, W, C), got %r"
                             % (size,))
        n, h, w, c = size
        hw = np.asarray(self.size_value._draw_samples((n, 2), rng))
        if self.size_method == "percent":
            hw = np.floor(hw.astype(np.float64) * np.array([h, w], dtype=np.float64))
        hw = np.maximum(np.nan_to_num(hw, nan=0.0), self.min_size)
        hw = np.minimum(hw, np.array([max(h, self.min_size), max(w, self.min_size)]))
        hw = hw.astype(np.int64)
        methods = self.method._draw_samples((n,), rng)
        if n == 0:
            return np.zeros(size, dtype=np.float64)
        maps = []
        for i in range(n):
            small = np.asarray(self.other_param._draw_samples(
                (int(hw[i, 0]), int(hw[i, 1]), c), rng))
            maps.append(_upscale(small, h, w, _method_name(methods[i])))
        if n == 1:
            return maps[0][np.newaxis]
        dtype = np.result_type(*[m.dtype for m in maps])
        out = np.empty(size, dtype=dtype)
        for i, m in enumerate(maps):
            out[i] = m
        return out


@register("IterativeNoiseAggregator")
class IterativeNoiseAggregator(StochasticParameter):
    """Draw another parameter several times and aggregate the results.

    Args:
        other_param: The parameter (typically a noise map).
        iterations: How many draws, 1 to 10000 (number, tuple, list,
            parameter).
        aggregation_method: ``"min"``, ``"avg"``, ``"max"``, a list of them,
            ``"ALL"`` or a parameter.

    Draw order: ``iterations``, ``aggregation_method``, then the draws.
    ``avg`` gives ``float64``; ``min``/``max`` keep the dtype.

    Example:
        >>> import imgaug2.parameters as iap
        >>> p = iap.IterativeNoiseAggregator(iap.SimplexNoise(), iterations=2,
        ...                                  aggregation_method="max")
        >>> p.draw_samples((16, 16), 0).shape
        (16, 16)
    """

    def __init__(self, other_param: Any, iterations: Any = (1, 3),
                 aggregation_method: Any = ["max", "avg"]) -> None:  # noqa: B006
        self.other_param = _handles.handle_continuous_param(other_param, "other_param")
        self.iterations = _handles.handle_discrete_param(iterations, "iterations",
                                                         value_range=(1, 10000))
        self.aggregation_method = _handles.handle_categorical_string_param(
            aggregation_method, "aggregation_method", ("min", "avg", "max"))

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        iterations = int(self.iterations._draw_sample(rng))
        if not 1 <= iterations <= 10000:
            raise ValueError("iterations: drew %r, expected a value in [1, 10000]"
                             % iterations)
        method = str(self.aggregation_method._draw_sample(rng))
        if method not in ("min", "avg", "max"):
            raise ValueError("aggregation_method: drew %r, expected min, avg or max" % method)
        result = np.asarray(self.other_param._draw_samples(size, rng))
        if method == "avg":
            result = result.astype(np.float64)
        else:
            result = result.copy()
        for _ in range(iterations - 1):
            nxt = np.asarray(self.other_param._draw_samples(size, rng))
            if method == "avg":
                result += nxt
            elif method == "min":
                np.minimum(result, nxt, out=result, casting="unsafe")
            else:
                np.maximum(result, nxt, out=result, casting="unsafe")
        if method == "avg":
            result /= iterations
        return result


def _small_shape(h: int, w: int, size_px_max: int) -> tuple[int, int]:
    longest = max(h, w)
    if longest <= size_px_max:
        return h, w
    factor = size_px_max / longest
    return max(1, int(h * factor)), max(1, int(w * factor))


class _NoiseBase(StochasticParameter):
    """Shared draw loop: sizes, upscale method, per-channel maps, upscaling."""

    def _init_common(self, size_px_max: Any, upscale_method: Any) -> None:
        self.size_px_max = _handles.handle_discrete_param(size_px_max, "size_px_max",
                                                          value_range=(1, 10000))
        self.upscale_method = _handles.handle_categorical_string_param(
            upscale_method, "upscale_method", UPSCALE_METHODS)

    def _draw_extra(self, rng: np.random.Generator) -> Any:
        return None

    def _small_map(self, h: int, w: int, extra: Any, rng: np.random.Generator) -> np.ndarray:
        raise NotImplementedError

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        h, w, c = _as_hwc(size, "size")
        size_px_max = int(self.size_px_max._draw_sample(rng))
        if not 1 <= size_px_max <= 10000:
            raise ValueError("size_px_max: drew %r, expected a value in [1, 10000]"
                             % size_px_max)
        method = _method_name(self.upscale_method._draw_sample(rng))
        extra = self._draw_extra(rng)
        if h == 0 or w == 0 or c == 0:
            return np.zeros(size, dtype=np.float32)
        hs, ws = _small_shape(h, w, size_px_max)
        maps = [self._small_map(hs, ws, extra, rng) for _ in range(c)]
        small = np.stack(maps, axis=-1).astype(np.float32)
        out = _upscale(small, h, w, method)
        out = np.clip(out, 0.0, 1.0, out=out if out is not small else None)
        return out.reshape(size)


# 2-D simplex noise constants.
_F2 = 0.5 * (math.sqrt(3.0) - 1.0)
_G2 = (3.0 - math.sqrt(3.0)) / 6.0
# Scale mapping raw noise to roughly [-1, 1] for unit gradient vectors.
_SIMPLEX_SCALE = 99.0
_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xBF58476D1CE4E5B9)
_M3 = np.uint64(0x94D049BB133111EB)


def _lattice_angles(i: np.ndarray, j: np.ndarray, seed: np.uint64) -> np.ndarray:
    """Hash lattice points to gradient angles in [0, 2 pi) (SplitMix64 mix)."""
    with np.errstate(over="ignore"):
        h = (i.astype(np.uint64) * _M1) ^ (j.astype(np.uint64) * _M3) ^ seed
        h ^= h >> np.uint64(31)
        h *= _M2
        h ^= h >> np.uint64(29)
        h *= _M3
        h ^= h >> np.uint64(32)
    return (h >> np.uint64(11)).astype(np.float64) * (2.0 * math.pi / float(1 << 53))


def simplex_noise_2d(ys: np.ndarray, xs: np.ndarray, seed: int) -> np.ndarray:
    """Vectorised 2-D simplex noise at the points ``(ys, xs)``, roughly in [-1, 1].

    Gradients are unit vectors whose angles come from a 64-bit hash of the
    lattice point and ``seed`` (no permutation table, so no period).

    Example:
        >>> import numpy as np
        >>> yy, xx = np.mgrid[0:4, 0:4].astype(float)
        >>> simplex_noise_2d(yy, xx, 7).shape
        (4, 4)
    """
    seed_u = np.uint64(int(seed) & ((1 << 64) - 1))
    x = np.asarray(xs, dtype=np.float64)
    y = np.asarray(ys, dtype=np.float64)
    s = (x + y) * _F2
    i = np.floor(x + s)
    j = np.floor(y + s)
    t = (i + j) * _G2
    x0 = x - (i - t)
    y0 = y - (j - t)
    step_i = (x0 > y0).astype(np.float64)
    step_j = 1.0 - step_i
    corners = (
        (x0, y0, i, j),
        (x0 - step_i + _G2, y0 - step_j + _G2, i + step_i, j + step_j),
        (x0 - 1.0 + 2.0 * _G2, y0 - 1.0 + 2.0 * _G2, i + 1.0, j + 1.0),
    )
    total = np.zeros(np.broadcast(x, y).shape, dtype=np.float64)
    for dx, dy, ci, cj in corners:
        falloff = np.maximum(0.5 - dx * dx - dy * dy, 0.0)
        falloff *= falloff
        falloff *= falloff
        angle = _lattice_angles(ci.astype(np.int64), cj.astype(np.int64), seed_u)
        total += falloff * (np.cos(angle) * dx + np.sin(angle) * dy)
    return total * _SIMPLEX_SCALE


@register("SimplexNoise")
class SimplexNoise(_NoiseBase):
    """Smooth 2-D simplex noise maps with values in [0, 1].

    The noise is evaluated on a grid whose longer side is at most
    ``size_px_max`` (one lattice unit per grid pixel), mapped from about
    [-1, 1] to [0, 1], clipped, then upscaled to the requested size. Larger
    ``size_px_max`` gives finer structures.

    Args:
        size_px_max: Longest side of the low-resolution grid, 1 to 10000.
        upscale_method: ``"nearest"``, ``"linear"``, ``"area"``, ``"cubic"``,
            a list of them, ``"ALL"`` or a parameter.

    Sizes ``(H, W)`` and ``(H, W, C)`` (independent map per channel) are
    accepted. Draw order: ``size_px_max``, ``upscale_method``, then per
    channel one 64-bit hash seed and two lattice offsets. Output ``float32``.

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.SimplexNoise(size_px_max=(2, 16)).draw_samples((20, 30), 0).dtype.name
        'float32'
    """

    def __init__(self, size_px_max: Any = (2, 16),
                 upscale_method: Any = ["linear", "nearest"]) -> None:  # noqa: B006
        self._init_common(size_px_max, upscale_method)

    def _small_map(self, h: int, w: int, extra: Any, rng: np.random.Generator) -> np.ndarray:
        seed = int(rng.integers(0, 2 ** 63 - 1, dtype=np.int64))
        off_y, off_x = rng.random(2) * 1024.0
        yy = np.arange(h, dtype=np.float64)[:, None] + off_y
        xx = np.arange(w, dtype=np.float64)[None, :] + off_x
        noise = simplex_noise_2d(yy, xx, seed)
        return np.clip((noise + 1.0) * 0.5, 0.0, 1.0)


@register("FrequencyNoise")
class FrequencyNoise(_NoiseBase):
    """Noise maps shaped in the frequency domain, values in [0, 1].

    Random complex amplitudes are weighted by ``f ** exponent`` (``f`` the
    radial frequency), transformed back with ``np.fft.ifft2`` and
    min-max normalised to [0, 1] (a constant map becomes 0.5). Negative
    exponents give large blobs, positive ones fine grain.

    Args:
        exponent: Frequency exponent (number, tuple, list, parameter), in
            [-100, 100].
        size_px_max: Longest side of the grid generated before upscaling.
        upscale_method: As for :class:`SimplexNoise`.

    Draw order: ``size_px_max``, ``upscale_method``, ``exponent``, then per
    channel ``rng.random((h, w))`` magnitudes and ``rng.random((h, w))``
    phases. Output ``float32``.

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.FrequencyNoise(exponent=-2).draw_samples((32, 32), 0).shape
        (32, 32)
    """

    def __init__(self, exponent: Any = (-4, 4), size_px_max: Any = (4, 32),
                 upscale_method: Any = ["linear", "nearest"]) -> None:  # noqa: B006
        self.exponent = _handles.handle_continuous_param(exponent, "exponent",
                                                         value_range=(-100, 100))
        self._init_common(size_px_max, upscale_method)

    def _draw_extra(self, rng: np.random.Generator) -> Any:
        exponent = float(self.exponent._draw_sample(rng))
        if not -100 <= exponent <= 100:
            raise ValueError("exponent: drew %r, expected a value in [-100, 100]" % exponent)
        return exponent

    def _small_map(self, h: int, w: int, extra: Any, rng: np.random.Generator) -> np.ndarray:
        exponent = float(extra)
        magnitude = rng.random((h, w))
        phase = rng.random((h, w)) * (2.0 * math.pi)
        fy = np.fft.fftfreq(h)[:, None]
        fx = np.fft.fftfreq(w)[None, :]
        freq = np.sqrt(fy * fy + fx * fx)
        freq[0, 0] = 1.0 / max(h, w, 2)
        log_weight = exponent * np.log(freq)
        weight = np.exp(log_weight - log_weight.max())
        spectrum = magnitude * weight * np.exp(1j * phase)
        noise = np.fft.ifft2(spectrum).real
        lo, hi = float(noise.min()), float(noise.max())
        if not hi - lo > 1e-12 * max(1.0, abs(hi)):
            return np.full((h, w), 0.5)
        return (noise - lo) / (hi - lo)
