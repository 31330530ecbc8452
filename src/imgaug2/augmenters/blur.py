"""Blur augmenters: Gaussian, average (box), median, bilateral, motion and mean-shift blur.

All of them are pixel augmenters: heatmaps, segmentation maps and coordinate
targets pass through unchanged. Each draws its parameters per row in
``_sample`` (documented order per class) and calls a pure kernel from
:mod:`imgaug2.kernels.blur`; uint8 images go straight into OpenCV.

Values drawn from user-supplied stochastic parameters are clipped into the
argument's valid range (documented per argument); a NaN or non-numeric draw
raises ``ValueError``/``TypeError`` naming the argument.

Example:
    >>> import imgaug2.augmenters as iaa
    >>> aug = iaa.GaussianBlur(sigma=(0.0, 3.0))
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

import imgaug2.parameters as iap
from imgaug2.core.base import Augmenter
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.blur import (
    average_blur,
    bilateral_blur,
    gaussian_blur,
    gaussian_kernel_size,
    mean_shift_blur,
    median_blur,
    motion_blur,
)
from imgaug2.parameters import StochasticParameter

__all__ = [
    "AverageBlur",
    "AverageBlurParams",
    "BilateralBlur",
    "BilateralBlurParams",
    "GaussianBlur",
    "GaussianBlurParams",
    "MeanShiftBlur",
    "MeanShiftBlurParams",
    "MedianBlur",
    "MedianBlurParams",
    "MotionBlur",
    "MotionBlurParams",
]

#: Largest accepted Gaussian sigma; its kernel is 2 * ceil(3 * 100) + 1 = 601 pixels wide.
MAX_SIGMA = 100.0
#: Sigmas below this leave the image unchanged (the kernel would be a single 1).
SIGMA_EPSILON = 1e-3
#: Largest box/motion kernel size.
MAX_KERNEL_SIZE = 1001
#: Largest median window (uint8 uses OpenCV's histogram median; other dtypes
#: with windows above 5 use scipy, whose cost grows with the window area).
MAX_MEDIAN_KERNEL_SIZE = 255
#: Largest bilateral neighbourhood diameter (cost grows with its square).
MAX_BILATERAL_DIAMETER = 51
#: Largest mean-shift spatial radius (cost grows with its square).
MAX_MEAN_SHIFT_SPATIAL_RADIUS = 100.0
#: Largest mean-shift colour radius.
MAX_MEAN_SHIFT_COLOR_RADIUS = 1000.0

# dtypes the linear filters handle (uint8 natively, others see kernels.blur.filter_image);
# 64-bit integers are refused because float64 cannot hold them.
_LINEAR_DTYPES = frozenset({"bool", "uint8", "uint16", "uint32", "int8", "int16", "int32",
                            "float16", "float32", "float64"})
_MEDIAN_DTYPES = frozenset({"bool", "uint8", "uint16", "uint32", "uint64", "int8", "int16",
                            "int32", "int64", "float16", "float32", "float64"})


# ------------------------------------------------------------------ helpers
# (shared by the convolutional, edges and pooling families)

def check_bool(value: Any, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError("%s must be a bool, got %r (%s)" % (name, value, type(value).__name__))
    return bool(value)


def draw_float(param: StochasticParameter, rng: Any, name: str, lo: float, hi: float) -> float:
    """One float from ``param``, clipped to ``[lo, hi]``; NaN/non-numbers raise naming ``name``."""
    value = param.draw_sample(random_state=rng)
    try:
        f = float(value)
    except (TypeError, ValueError):
        raise TypeError("%s: the parameter drew %r, expected a number" % (name, value)) from None
    if math.isnan(f):
        raise ValueError("%s: the parameter drew NaN" % name)
    return min(max(f, lo), hi)


def draw_int(param: StochasticParameter, rng: Any, name: str, lo: int, hi: int) -> int:
    """One int from ``param`` (floats truncated), clipped to ``[lo, hi]``."""
    f = draw_float(param, rng, name, float(lo), float(hi))
    return int(f)


def check_odd(value: Any, name: str) -> None:
    """Constants, tuple ends and list entries of a kernel size must be odd."""
    if isinstance(value, StochasticParameter):
        return
    values = list(value) if isinstance(value, (tuple, list)) else [value]
    for v in values:
        if int(v) % 2 == 0:
            raise ValueError("%s: kernel sizes must be odd, got %r" % (name, v))


# ------------------------------------------------------------------ Params

@dataclass(frozen=True, slots=True, kw_only=True)
class GaussianBlurParams(Params):
    """Sigma and the odd kernel size ``2 * ceil(3 * sigma) + 1``."""

    sigma: float = 0.0
    ksize: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class AverageBlurParams(Params):
    """Box kernel height and width."""

    kh: int = 1
    kw: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class MedianBlurParams(Params):
    """Odd median window size."""

    k: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class BilateralBlurParams(Params):
    """Diameter and the two sigmas of ``cv2.bilateralFilter``."""

    d: int = 1
    sigma_color: float = 0.0
    sigma_space: float = 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class MotionBlurParams(Params):
    """Kernel size, angle (degrees), direction in [-1, 1] and rotation order."""

    k: int = 3
    angle: float = 0.0
    direction: float = 0.0
    order: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class MeanShiftBlurParams(Params):
    """Spatial and colour window radii of ``cv2.pyrMeanShiftFiltering``."""

    spatial_radius: float = 0.0
    color_radius: float = 0.0


class _BlurBase(Augmenter):
    supported_dtypes = _LINEAR_DTYPES


# ------------------------------------------------------------- augmenters

@register("GaussianBlur")
class GaussianBlur(_BlurBase):
    """Blur with a Gaussian kernel of standard deviation ``sigma``.

    The kernel is square with odd size ``ksize = 2 * ceil(3 * sigma) + 1``
    (it covers +-3 sigma), applied with ``cv2.GaussianBlur`` and
    BORDER_REFLECT_101. Sigmas below ``SIGMA_EPSILON`` (1e-3) leave the row
    unchanged; sigmas above ``MAX_SIGMA`` (100, a 601-pixel kernel) are
    refused at construction (and clipped when drawn from a parameter).

    Supported dtypes: uint8 (direct); uint16, int16, float32, float64
    (direct); bool (float32, thresholded at 0.5); float16 (as float32);
    int8, uint32, int32 (float64, rounded and clipped back). int64/uint64
    raise TypeError.

    Args:
        sigma: Standard deviation in pixels: number, ``(a, b)`` (uniform),
            list (choice) or parameter. Drawn first, once per row.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.GaussianBlur(sigma=(0.0, 3.0))
    """

    def __init__(self, sigma: Any = (0.0, 3.0), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.sigma = iap.handle_continuous_param(sigma, "sigma", value_range=(0.0, MAX_SIGMA))

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        sigma = draw_float(self.sigma, rng, "sigma", 0.0, MAX_SIGMA)
        if sigma < SIGMA_EPSILON:
            return GaussianBlurParams(applied=False, sigma=sigma, ksize=1)
        return GaussianBlurParams(sigma=sigma, ksize=gaussian_kernel_size(sigma))

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        return gaussian_blur(image, params.sigma, params.ksize)  # type: ignore[attr-defined]


@register("AverageBlur")
class AverageBlur(_BlurBase):
    """Blur with the mean over a ``kh x kw`` box (``cv2.blur``, BORDER_REFLECT_101).

    Even sizes are allowed (OpenCV anchors the box at ``k // 2``); size 1 on
    both axes leaves the row unchanged.

    Supported dtypes: as :class:`GaussianBlur`.

    Args:
        k: Kernel size in [1, ``MAX_KERNEL_SIZE``]: int, ``(a, b)`` (uniform
            ints), list, parameter, or ``((a, b), (c, d))`` (height and width
            drawn separately; each entry any of the former). Draw order: the
            height, then the width (when given separately).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.AverageBlur(k=((5, 11), (1, 3)))
    """

    def __init__(self, k: Any = (1, 7), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.k, self.k_w = iap.handle_discrete_kernel_size_param(
            k, "k", value_range=(1, MAX_KERNEL_SIZE), allow_floats=False)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        kh = draw_int(self.k, rng, "k", 1, MAX_KERNEL_SIZE)
        kw = kh if self.k_w is None else draw_int(self.k_w, rng, "k", 1, MAX_KERNEL_SIZE)
        return AverageBlurParams(applied=kh > 1 or kw > 1, kh=kh, kw=kw)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        return average_blur(image, params.kh, params.kw)  # type: ignore[attr-defined]


@register("MedianBlur")
class MedianBlur(_BlurBase):
    """Replace each pixel by the median of its ``k x k`` neighbourhood (odd ``k``).

    Borders replicate the edge pixels. ``k`` 1 leaves the row unchanged.

    Supported dtypes: all. uint8 (any ``k``) and uint16/int16/float32
    (``k`` <= 5) use ``cv2.medianBlur``; bool and int8 are mapped onto uint8
    exactly; other cases use ``scipy.ndimage.median_filter`` (exact but
    slower, cost growing with ``k**2``).

    Args:
        k: Odd window size in [1, ``MAX_MEDIAN_KERNEL_SIZE``] (255): int,
            ``(a, b)`` (both odd; a uniform int, even draws rounded up to the
            next odd size), list of odd ints, or a parameter (even draws
            rounded up). Even or non-positive constants raise ValueError.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.MedianBlur(k=(3, 7))
    """

    supported_dtypes = _MEDIAN_DTYPES

    def __init__(self, k: Any = (1, 7), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.k = iap.handle_discrete_param(k, "k", value_range=(1, MAX_MEDIAN_KERNEL_SIZE),
                                           allow_floats=False)
        check_odd(k, "k")

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        k = draw_int(self.k, rng, "k", 1, MAX_MEDIAN_KERNEL_SIZE)
        if k % 2 == 0:
            k = k + 1 if k < MAX_MEDIAN_KERNEL_SIZE else k - 1
        return MedianBlurParams(applied=k > 1, k=k)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        return median_blur(image, params.k)  # type: ignore[attr-defined]


@register("BilateralBlur")
class BilateralBlur(_BlurBase):
    """Edge-preserving blur (``cv2.bilateralFilter``, BORDER_REFLECT_101).

    Pixels are averaged over a disc of diameter ``d``, weighted by spatial
    distance (``sigma_space``) and by colour distance (``sigma_color``), so
    edges stay sharp. ``d`` 1 leaves the row unchanged.

    Channels: 1 and 3 are filtered directly. Documented conversion for the
    rest: with 2, 4 or more channels, channels 0-2 are filtered jointly as a
    colour image (when there are at least three) and every further channel
    (e.g. alpha) on its own as a grey image.

    Supported dtypes: uint8 (direct), float32 (direct), uint16, int16,
    float64 (filtered as float32 and brought back; ``sigma_color`` is in the
    image's own value units). Others raise TypeError.

    Args:
        d: Diameter in [1, ``MAX_BILATERAL_DIAMETER``] (51): int, ``(a, b)``,
            list or parameter. Drawn first.
        sigma_color: Colour sigma (>= 0, finite). Drawn second.
        sigma_space: Spatial sigma (>= 0, finite). Drawn third.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.BilateralBlur(d=(3, 10), sigma_color=(10, 250), sigma_space=(10, 250))
    """

    supported_dtypes = frozenset({"uint8", "uint16", "int16", "float32", "float64"})

    def __init__(self, d: Any = (1, 9), sigma_color: Any = (10, 250), sigma_space: Any = (10, 250),
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.d = iap.handle_discrete_param(d, "d", value_range=(1, MAX_BILATERAL_DIAMETER),
                                           allow_floats=False)
        self.sigma_color = iap.handle_continuous_param(sigma_color, "sigma_color",
                                                       value_range=(0, None))
        self.sigma_space = iap.handle_continuous_param(sigma_space, "sigma_space",
                                                       value_range=(0, None))

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        d = draw_int(self.d, rng, "d", 1, MAX_BILATERAL_DIAMETER)
        sc = draw_float(self.sigma_color, rng, "sigma_color", 0.0, math.inf)
        ss = draw_float(self.sigma_space, rng, "sigma_space", 0.0, math.inf)
        if math.isinf(sc) or math.isinf(ss):
            raise ValueError("sigma_color/sigma_space: the parameter drew an infinite value")
        return BilateralBlurParams(applied=d > 1, d=d, sigma_color=sc, sigma_space=ss)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        p = params
        return bilateral_blur(image, p.d, p.sigma_color, p.sigma_space)  # type: ignore


@register("MotionBlur")
class MotionBlur(_BlurBase):
    """Blur along a line, as if the camera or object moved while exposing.

    The ``k x k`` kernel is a line through its centre: vertical at ``angle``
    0, turned clockwise by ``angle`` degrees (``cv2.warpAffine`` with the
    interpolation ``order``), weights running linearly from
    ``(1 + direction) / 2`` at the line's top end to ``(1 - direction) / 2``
    at its bottom end (before turning), normalised to sum 1; applied with
    ``cv2.filter2D`` and BORDER_REFLECT_101.

    Supported dtypes: as :class:`GaussianBlur`.

    Args:
        k: Kernel size in [3, ``MAX_KERNEL_SIZE``] (1001): int, ``(a, b)``,
            list or parameter; even draws are rounded up to the next odd
            size. Drawn first.
        angle: Angle in degrees (any finite value, taken modulo 360). Drawn second.
        direction: In [-1, 1]: 0 spreads the weight evenly, +-1 puts it all
            on one side of the centre. Drawn third.
        order: Interpolation of the kernel rotation, 0-5 (0 nearest,
            1 linear, 2-3 cubic, 4-5 Lanczos). Drawn fourth.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.MotionBlur(k=15, angle=[-45, 45])
    """

    def __init__(self, k: Any = (3, 7), angle: Any = (0, 360), direction: Any = (-1.0, 1.0),
                 order: Any = 1, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.k = iap.handle_discrete_param(k, "k", value_range=(3, MAX_KERNEL_SIZE),
                                           allow_floats=False)
        self.angle = iap.handle_continuous_param(angle, "angle")
        self.direction = iap.handle_continuous_param(direction, "direction",
                                                     value_range=(-1.0, 1.0))
        self.order = iap.handle_discrete_param(order, "order", value_range=(0, 5),
                                               allow_floats=False)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        k = draw_int(self.k, rng, "k", 3, MAX_KERNEL_SIZE)
        if k % 2 == 0:
            # An odd size keeps the line centred on the pixel.
            k += 1
        angle = draw_float(self.angle, rng, "angle", -math.inf, math.inf)
        if math.isinf(angle):
            raise ValueError("angle: the parameter drew an infinite value")
        direction = draw_float(self.direction, rng, "direction", -1.0, 1.0)
        order = draw_int(self.order, rng, "order", 0, 5)
        return MotionBlurParams(k=k, angle=angle % 360.0, direction=direction, order=order)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        p = params
        return motion_blur(image, p.k, p.angle, p.direction, p.order)  # type: ignore


@register("MeanShiftBlur")
class MeanShiftBlur(_BlurBase):
    """Flatten colour regions by mean-shift filtering (``cv2.pyrMeanShiftFiltering``).

    Slow by nature, with a cost growing with the square of the spatial
    radius: on one core a 256x256 image takes about 0.1 s at radius 5, 1-2 s
    at radius 20 and 5-9 s at radius 40, so imgaug's default range (5-40)
    averages several seconds per image (see ``benchmarks/bench_blur.py``).

    Channels: 3 directly. Documented conversions: 1 channel (or a 2-D
    image) is replicated to 3 channels, filtered and reduced back; with 4
    channels, channels 0-2 are filtered and channel 3 (alpha) is copied.
    2 or 5+ channels raise ValueError naming ``image``.

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        spatial_radius: Spatial window radius in [0,
            ``MAX_MEAN_SHIFT_SPATIAL_RADIUS``] (100): number, ``(a, b)``,
            list or parameter. Drawn first.
        color_radius: Colour window radius in [0,
            ``MAX_MEAN_SHIFT_COLOR_RADIUS``] (1000). Drawn second.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.MeanShiftBlur(spatial_radius=(5.0, 20.0))
    """

    supported_dtypes = frozenset({"uint8"})

    def __init__(self, spatial_radius: Any = (5.0, 40.0), color_radius: Any = (5.0, 40.0),
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.spatial_radius = iap.handle_continuous_param(
            spatial_radius, "spatial_radius", value_range=(0.0, MAX_MEAN_SHIFT_SPATIAL_RADIUS))
        self.color_radius = iap.handle_continuous_param(
            color_radius, "color_radius", value_range=(0.0, MAX_MEAN_SHIFT_COLOR_RADIUS))

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        sp = draw_float(self.spatial_radius, rng, "spatial_radius", 0.0,
                        MAX_MEAN_SHIFT_SPATIAL_RADIUS)
        sr = draw_float(self.color_radius, rng, "color_radius", 0.0, MAX_MEAN_SHIFT_COLOR_RADIUS)
        return MeanShiftBlurParams(spatial_radius=sp, color_radius=sr)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        p = params
        return mean_shift_blur(image, p.spatial_radius, p.color_radius)  # type: ignore
