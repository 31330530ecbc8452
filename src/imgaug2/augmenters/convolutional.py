"""Convolution augmenters: Convolve, Sharpen, Emboss, EdgeDetect, DirectedEdgeDetect.

Each row's matrix is built in ``_sample`` and stored in its ``Params`` (a
float64 ``np.ndarray``), then applied with ``cv2.filter2D`` (a correlation
anchored at ``k // 2``, BORDER_REFLECT_101), as imgaug did. The effect
augmenters blend their effect matrix with the identity,
``(1 - alpha) * identity + alpha * effect``, so one convolution equals
blending the unclipped effect image with the original (one pass instead of
a filter plus ``cv2.addWeighted``). uint8 results saturate to [0, 255].

All are pixel augmenters: annotations pass through unchanged.

Example:
    >>> import imgaug2.augmenters as iaa
    >>> aug = iaa.Sharpen(alpha=(0.0, 1.0), lightness=(0.75, 2.0))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.blur import MAX_KERNEL_SIZE, draw_float
from imgaug2.core.base import Augmenter
from imgaug2.core.params import SKIPPED, Params
from imgaug2.core.registry import register
from imgaug2.kernels.convolutional import (
    convolve,
    convolve_per_channel,
    directed_edge_detect_matrix,
    edge_detect_matrix,
    emboss_matrix,
    sharpen_matrix,
)
from imgaug2.kernels.noise import noise_generator

__all__ = [
    "Convolve",
    "ConvolveParams",
    "DirectedEdgeDetect",
    "DirectedEdgeDetectParams",
    "EdgeDetect",
    "EdgeDetectParams",
    "Emboss",
    "EmbossParams",
    "Sharpen",
    "SharpenParams",
]

#: Largest absolute matrix entry accepted by Convolve (keeps 16-bit OpenCV
#: accumulators far from overflow).
MAX_MATRIX_ENTRY = 1e6

# Upper bound of lightness/strength: far beyond any visible effect, small
# enough that matrix entries times float pixel values never overflow.
_MAX_FACTOR = 1e6

_DTYPES = frozenset({"bool", "uint8", "uint16", "uint32", "int8", "int16", "int32",
                     "float16", "float32", "float64"})


def _check_matrix(value: Any, name: str) -> np.ndarray:
    """A finite, non-empty 2-D numeric matrix no larger than MAX_KERNEL_SIZE per side."""
    if isinstance(value, np.ndarray):
        arr = value
    elif isinstance(value, (list, tuple)):
        try:
            arr = np.asarray(value)
        except (TypeError, ValueError) as exc:
            raise ValueError("%s: not a rectangular 2-D matrix (%s)" % (name, exc)) from None
    else:
        raise TypeError("%s: expected a 2-D numpy array, got %s" % (name, type(value).__name__))
    if arr.dtype.kind not in "biuf":
        raise TypeError("%s: expected a numeric matrix, got dtype %s" % (name, arr.dtype))
    if arr.ndim != 2:
        raise ValueError("%s: expected a 2-D matrix, got shape %s" % (name, arr.shape))
    if arr.size == 0:
        raise ValueError("%s: the matrix is empty (shape %s)" % (name, arr.shape))
    if max(arr.shape) > MAX_KERNEL_SIZE:
        raise ValueError("%s: matrix sides must be <= %d, got shape %s"
                         % (name, MAX_KERNEL_SIZE, arr.shape))
    out = arr.astype(np.float64)
    if not np.isfinite(out).all():
        raise ValueError("%s: the matrix contains NaN or inf" % name)
    if np.abs(out).max() > MAX_MATRIX_ENTRY:
        raise ValueError("%s: matrix entries must lie in [-%g, %g]"
                         % (name, MAX_MATRIX_ENTRY, MAX_MATRIX_ENTRY))
    return out


@dataclass(frozen=True, slots=True, kw_only=True)
class ConvolveParams(Params):
    """The fixed matrix, or the seed handed to a matrix function."""

    matrix: Any = None
    seed: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SharpenParams(Params):
    """Drawn alpha and lightness, and the resulting 3x3 matrix."""

    alpha: float = 0.0
    lightness: float = 1.0
    matrix: Any = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EmbossParams(Params):
    """Drawn alpha and strength, and the resulting 3x3 matrix."""

    alpha: float = 0.0
    strength: float = 0.0
    matrix: Any = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EdgeDetectParams(Params):
    """Drawn alpha and the resulting 3x3 matrix."""

    alpha: float = 0.0
    matrix: Any = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DirectedEdgeDetectParams(Params):
    """Drawn alpha and direction, and the resulting 3x3 matrix."""

    alpha: float = 0.0
    direction: float = 0.0
    matrix: Any = None


@register("Convolve")
class Convolve(Augmenter):
    """Convolve images with a fixed matrix or one computed per image.

    Supported dtypes: bool (float32, thresholded at 0.5), uint8, uint16,
    int16 (direct, saturating), float32, float16 (computed in float64 when
    the matrix has negative entries, else float32), float64, int8, uint32,
    int32 (float64, rounded and clipped back). Float results are clipped to
    the dtype's finite range. int64/uint64 raise TypeError.

    Args:
        matrix: ``None`` (images unchanged), a 2-D numeric matrix (array or
            nested list; finite entries within +-1e6, sides <= 1001) applied to
            every channel, or a function ``f(image, nb_channels,
            random_state)`` returning one 2-D matrix (all channels) or a list
            with one matrix (or ``None`` for "unchanged") per channel. The
            function gets a numpy ``Generator`` seeded from the one integer
            this augmenter draws per row, so replay calls it with the same
            generator state. Register functions with
            ``imgaug2.register_lambda(name, func)`` to save/load pipelines.

    Example:
        >>> import numpy as np
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Convolve(matrix=np.array([[0, -1, 0], [-1, 4, -1], [0, -1, 0]]))
    """

    supported_dtypes = _DTYPES

    def __init__(self, matrix: Any = None, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._fixed: np.ndarray | None = None
        self._func = None
        if matrix is None:
            pass
        elif callable(matrix) and not isinstance(matrix, (np.ndarray, list, tuple)):
            self._func = matrix
        else:
            self._fixed = _check_matrix(matrix, "matrix")
        self.matrix = matrix

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        if self._func is not None:
            return ConvolveParams(seed=int(rng.integers(0, 2 ** 63 - 1)))
        if self._fixed is None:
            return SKIPPED
        return ConvolveParams(matrix=self._fixed)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        p: ConvolveParams = params  # type: ignore[assignment]
        if p.seed is None:
            return convolve(image, p.matrix)
        nb_channels = 1 if image.ndim == 2 else image.shape[2]
        result = self._func(image, nb_channels, noise_generator(p.seed))  # type: ignore[misc]
        if isinstance(result, (list, tuple)) and all(
                m is None or isinstance(m, np.ndarray) for m in result):
            matrices = [None if m is None else _check_matrix(m, "matrix (returned by the function)")
                        for m in result]
            return convolve_per_channel(image, matrices)
        return convolve(image, _check_matrix(result, "matrix (returned by the function)"))


class _EffectBase(Augmenter):
    supported_dtypes = _DTYPES

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        return convolve(image, params.matrix)  # type: ignore[attr-defined]


def _alpha_param(alpha: Any) -> Any:
    return iap.handle_continuous_param(alpha, "alpha", value_range=(0.0, 1.0))


@register("Sharpen")
class Sharpen(_EffectBase):
    """Sharpen images and blend the result with the original by ``alpha``.

    Effect matrix: every neighbour -1, centre ``8 + lightness`` (sums to
    ``lightness``), blended as ``(1 - alpha) * identity + alpha * effect``.

    Supported dtypes: as :class:`Convolve`.

    Args:
        alpha: Opacity of the sharpened image in [0, 1]. Drawn first.
        lightness: Brightness of the sharpened image in [0, 1e6] (1 keeps
            it). Drawn second.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Sharpen(alpha=(0.0, 1.0), lightness=(0.75, 2.0))
    """

    def __init__(self, alpha: Any = (0.0, 0.2), lightness: Any = (0.8, 1.2), seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.alpha = _alpha_param(alpha)
        self.lightness = iap.handle_continuous_param(lightness, "lightness",
                                                     value_range=(0.0, _MAX_FACTOR))

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        alpha = draw_float(self.alpha, rng, "alpha", 0.0, 1.0)
        lightness = draw_float(self.lightness, rng, "lightness", 0.0, _MAX_FACTOR)
        return SharpenParams(applied=alpha > 0.0, alpha=alpha, lightness=lightness,
                             matrix=sharpen_matrix(alpha, lightness))


@register("Emboss")
class Emboss(_EffectBase):
    """Emboss images (a diagonal relief) and blend with the original by ``alpha``.

    Effect matrix ``[[-1-s, -s, 0], [-s, 1, s], [0, s, 1+s]]`` for strength
    ``s``, blended as ``(1 - alpha) * identity + alpha * effect``.

    Supported dtypes: as :class:`Convolve`.

    Args:
        alpha: Opacity of the embossed image in [0, 1]. Drawn first.
        strength: Relief depth in [0, 1e6]. Drawn second.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Emboss(alpha=(0.0, 1.0), strength=(0.5, 1.5))
    """

    def __init__(self, alpha: Any = (0.0, 1.0), strength: Any = (0.25, 1.0), seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.alpha = _alpha_param(alpha)
        self.strength = iap.handle_continuous_param(strength, "strength",
                                                    value_range=(0.0, _MAX_FACTOR))

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        alpha = draw_float(self.alpha, rng, "alpha", 0.0, 1.0)
        strength = draw_float(self.strength, rng, "strength", 0.0, _MAX_FACTOR)
        return EmbossParams(applied=alpha > 0.0, alpha=alpha, strength=strength,
                            matrix=emboss_matrix(alpha, strength))


@register("EdgeDetect")
class EdgeDetect(_EffectBase):
    """Detect edges (4-neighbour Laplacian) and blend with the original by ``alpha``.

    Effect matrix ``[[0, 1, 0], [1, -4, 1], [0, 1, 0]]``: flat regions turn
    black, edges bright (uint8 saturates).

    Supported dtypes: as :class:`Convolve`.

    Args:
        alpha: Opacity of the edge image in [0, 1]. Drawn first (only draw).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.EdgeDetect(alpha=(0.0, 1.0))
    """

    def __init__(self, alpha: Any = (0.0, 0.75), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.alpha = _alpha_param(alpha)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        alpha = draw_float(self.alpha, rng, "alpha", 0.0, 1.0)
        return EdgeDetectParams(applied=alpha > 0.0, alpha=alpha, matrix=edge_detect_matrix(alpha))


@register("DirectedEdgeDetect")
class DirectedEdgeDetect(_EffectBase):
    """Detect edges facing one direction and blend with the original by ``alpha``.

    Neighbours are weighted by ``(1 - d / 180) ** 4`` with ``d`` their
    angular distance (degrees) from ``direction``, normalised to sum 1 and
    negated; the centre is 1 (see
    :func:`imgaug2.kernels.convolutional.directed_edge_detect_matrix`).

    Supported dtypes: as :class:`Convolve`.

    Args:
        alpha: Opacity of the edge image in [0, 1]. Drawn first.
        direction: Fraction of a clockwise turn starting at the top (0 up,
            0.25 right, 0.5 down, 0.75 left); any finite number, taken
            modulo 1. Drawn second.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.DirectedEdgeDetect(alpha=(0.0, 1.0), direction=(0.0, 1.0))
    """

    def __init__(self, alpha: Any = (0.0, 0.75), direction: Any = (0.0, 1.0), seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.alpha = _alpha_param(alpha)
        self.direction = iap.handle_continuous_param(direction, "direction")

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        alpha = draw_float(self.alpha, rng, "alpha", 0.0, 1.0)
        direction = draw_float(self.direction, rng, "direction", -1e12, 1e12) % 1.0
        return DirectedEdgeDetectParams(applied=alpha > 0.0, alpha=alpha, direction=direction,
                                        matrix=directed_edge_detect_matrix(alpha, direction))
