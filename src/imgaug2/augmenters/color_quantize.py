"""Colour quantisation: k-means, uniform bins and bit reduction (posterize).

All three optionally work in another colourspace (``to_colorspace``, one
picked per row from a list) and convert back afterwards. Gray inputs are
quantised directly (``to_colorspace`` is ignored for them); alpha channels
pass through; 2 or 5+ channels raise ``ValueError`` naming ``image``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.color_common import (
    CSPACE_RGB,
    ColorAugmenter,
    CSPACE_Lab,
    check_colorspace,
    draw_colorspace,
    handle_colorspace_param,
)
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.color import (
    COLORSPACES,
    convert_colorspace,
    kmeans_palette,
    posterize_table,
    uniform_quantize_table,
)
from imgaug2.kernels.contrast import apply_lut
from imgaug2.kernels.resize import interpolation_code, resize_image

__all__ = ["KMeansColorQuantization", "UniformColorQuantization",
           "UniformColorQuantizationToNBits", "Posterize", "KMeansQuantizationParams",
           "UniformQuantizationParams"]


@dataclass(frozen=True, slots=True, kw_only=True)
class KMeansQuantizationParams(Params):
    """Cluster count, working colourspace (None: the input's) and k-means seed."""

    n_colors: int = 8
    colorspace: str | None = None
    seed: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class UniformQuantizationParams(Params):
    """Bin count (or bit count) and working colourspace (None: the input's)."""

    count: int = 8
    colorspace: str | None = None


def _check_max_size(max_size: Any) -> int | None:
    if max_size is None:
        return None
    if isinstance(max_size, (bool, np.bool_)) or not isinstance(max_size, (int, np.integer)):
        raise TypeError("max_size: expected None or a positive int, got %r" % (max_size,))
    if max_size < 1:
        raise ValueError("max_size: expected None or a positive int, got %d" % max_size)
    return int(max_size)


def _check_interpolation(interpolation: Any) -> Any:
    if isinstance(interpolation, (bool, np.bool_)) or not isinstance(
            interpolation, (str, int, np.integer)):
        raise TypeError("interpolation: expected a name or a cv2.INTER_* flag, got %r"
                        % (interpolation,))
    try:
        interpolation_code(interpolation, downscale=True)
    except ValueError as exc:
        raise ValueError(str(exc)) from None
    return interpolation


def _shrunk_size(shape: tuple, max_size: int | None) -> tuple[int, int] | None:
    """(h, w) after shrinking so the longer side is at most ``max_size`` (None: fits)."""
    h, w = shape[:2]
    if max_size is None or max(h, w) <= max_size:
        return None
    factor = max_size / max(h, w)
    return max(int(h * factor), 1), max(int(w * factor), 1)


class _Quantization(ColorAugmenter):
    """Shared constructor and sampling of the quantisation augmenters."""

    _count_name = "n_colors"
    _count_range = (2, 256)

    def __init__(self, counts: Any, from_colorspace: str, to_colorspace: Any, max_size: Any,
                 interpolation: Any, seed: Any, name: str | None, random_state: Any,
                 deterministic: Any) -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.counts = iap.handle_discrete_param(counts, self._count_name,
                                                value_range=self._count_range,
                                                allow_floats=False)
        self.from_colorspace = check_colorspace(from_colorspace, "from_colorspace")
        self.to_colorspace = handle_colorspace_param(to_colorspace, "to_colorspace",
                                                     COLORSPACES, allow_none=True)
        self.max_size = _check_max_size(max_size)
        self.interpolation = _check_interpolation(interpolation)

    def _draw_common(self, rng: np.random.Generator) -> tuple[int, str | None]:
        lo, hi = self._count_range
        count = int(min(max(int(self.counts.draw_sample(random_state=rng)), lo), hi))
        space = None
        if self.to_colorspace is not None:
            space = draw_colorspace(self.to_colorspace, rng, "to_colorspace", COLORSPACES)
            if space == self.from_colorspace:
                space = None
        return count, space


class _UniformBase(_Quantization):
    def _draw(self, rng: Any, shape: tuple) -> Params:
        count, space = self._draw_common(rng)
        return UniformQuantizationParams(count=count, colorspace=space)

    def _table(self, count: int) -> np.ndarray:
        raise NotImplementedError

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        p: UniformQuantizationParams = params  # type: ignore[assignment]
        if (p.colorspace is None and self.max_size is None and image.ndim == 3
                and image.shape[2] == 3):
            # Common case: one table for all three channels, no layout work needed.
            return apply_lut(image, self._table(p.count))
        return super()._augment_image(image, params)

    def _quantize(self, image: np.ndarray, table: np.ndarray) -> np.ndarray:
        # Like imgaug: a large image is shrunk, quantised and resized back.
        small = _shrunk_size(image.shape, self.max_size)
        if small is None:
            return apply_lut(image, table)
        shrunk = resize_image(image, small[0], small[1], self.interpolation)
        return resize_image(apply_lut(shrunk, table), image.shape[0], image.shape[1],
                            self.interpolation)

    def _color(self, image: np.ndarray, params: Params) -> np.ndarray:
        p: UniformQuantizationParams = params  # type: ignore[assignment]
        table = self._table(p.count)
        if p.colorspace is None:
            return self._quantize(image, table)
        work = convert_colorspace(image, self.from_colorspace, p.colorspace)
        return convert_colorspace(self._quantize(work, table), p.colorspace,
                                  self.from_colorspace)

    def _gray(self, gray: np.ndarray, params: Params) -> np.ndarray:
        return self._quantize(gray, self._table(params.count))  # type: ignore[attr-defined]


@register("UniformColorQuantization")
class UniformColorQuantization(_UniformBase):
    """Quantise every channel into ``n_colors`` equal bins, each mapped to its centre.

    For a value ``v`` and bin width ``q = 256 / n_colors`` the result is
    ``floor(floor(v / q) * q + q / 2)``, applied by one ``cv2.LUT``. Samples per
    row: ``n_colors``, then ``to_colorspace`` (if not None).

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        n_colors: Bins per channel in ``[2, 256]``: int, ``(a, b)``, list or parameter.
        from_colorspace: Colourspace of the inputs.
        to_colorspace: None (quantise in ``from_colorspace``), a name, a list
            of names (one per row) or a parameter.
        max_size: None, or the longest side above which images are shrunk
            before quantising and resized back afterwards (imgaug's behaviour).
        interpolation: Interpolation of that shrinking/resizing.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.UniformColorQuantization(n_colors=(4, 16))
    """

    def __init__(self, n_colors: Any = (2, 16), from_colorspace: str = CSPACE_RGB,
                 to_colorspace: Any = None, max_size: Any = None,
                 interpolation: Any = "linear", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(n_colors, from_colorspace, to_colorspace, max_size, interpolation,
                         seed, name, random_state, deterministic)
        self._freeze_if_constant(self.counts, self.to_colorspace)

    @property
    def n_colors(self) -> iap.StochasticParameter:
        return self.counts

    def _table(self, count: int) -> np.ndarray:
        return uniform_quantize_table(count)


@register("UniformColorQuantizationToNBits")
class UniformColorQuantizationToNBits(_UniformBase):
    """Keep only the ``nb_bits`` highest bits of every channel (zero the rest).

    ``v -> v & (0xFF << (8 - nb_bits))``: like ``UniformColorQuantization(2**B)``
    but each bin maps to its lower edge (as PIL's ``posterize``). Samples per
    row: ``nb_bits``, then ``to_colorspace`` (if not None).

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        nb_bits: Bits to keep in ``[1, 8]``: int, ``(a, b)``, list or parameter.
        from_colorspace: Colourspace of the inputs.
        to_colorspace: See :class:`UniformColorQuantization`.
        max_size: See :class:`UniformColorQuantization`.
        interpolation: See :class:`UniformColorQuantization`.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.UniformColorQuantizationToNBits(nb_bits=(2, 8))
    """

    _count_name = "nb_bits"
    _count_range = (1, 8)

    def __init__(self, nb_bits: Any = (1, 8), from_colorspace: str = CSPACE_RGB,
                 to_colorspace: Any = None, max_size: Any = None,
                 interpolation: Any = "linear", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(nb_bits, from_colorspace, to_colorspace, max_size, interpolation,
                         seed, name, random_state, deterministic)
        self._freeze_if_constant(self.counts, self.to_colorspace)

    def _draw(self, rng: Any, shape: tuple) -> Params:
        count, space = self._draw_common(rng)
        return UniformQuantizationParams(applied=count < 8, count=count, colorspace=space)

    def _table(self, count: int) -> np.ndarray:
        return posterize_table(count)


@register("Posterize")
class Posterize(UniformColorQuantizationToNBits):
    """Alias of :class:`UniformColorQuantizationToNBits` (as in imgaug).

    Supported dtypes: uint8 (others raise TypeError).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Posterize(nb_bits=(1, 4))
    """


@register("KMeansColorQuantization")
class KMeansColorQuantization(_Quantization):
    """Replace each pixel's colour by the nearest of ``n_colors`` k-means centres.

    Colours are clustered (across channels) in ``to_colorspace`` with OpenCV's
    k-means, fitted on a copy shrunk so its longer side is at most
    ``max_size`` (speed); then every pixel of the full-size image is mapped to
    its nearest centre, so the output has at most ``n_colors`` colours (imgaug
    resized the quantised small copy back instead, which blends colours). The
    clustering is deterministic: it starts from a k-means++ seeding drawn from
    a seed recorded in the row's parameters (see
    :func:`imgaug2.kernels.color.kmeans_palette`); OpenCV's global RNG is not
    touched. Images with at most ``n_colors`` pixels are returned unchanged.
    Samples per row: ``n_colors``, ``to_colorspace`` (if not None), the seed.
    Speed: about 85-110 images/s at 256x256 on one core with the defaults
    (clustering dominates; shrinking plus a bare ``cv2.kmeans`` runs at ~150/s).

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        n_colors: Number of clusters in ``[2, 256]``: int, ``(a, b)``, list or parameter.
        from_colorspace: Colourspace of the inputs.
        to_colorspace: Colourspace(s) to cluster in (None: ``from_colorspace``).
        max_size: None, or the longest side of the copy the clusters are fitted on.
        interpolation: Interpolation used to shrink that copy.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.KMeansColorQuantization(n_colors=8)
    """

    def __init__(self, n_colors: Any = (2, 16), from_colorspace: str = CSPACE_RGB,
                 to_colorspace: Any = (CSPACE_RGB, CSPACE_Lab), max_size: Any = 128,
                 interpolation: Any = "linear", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(n_colors, from_colorspace, to_colorspace, max_size, interpolation,
                         seed, name, random_state, deterministic)

    @property
    def n_colors(self) -> iap.StochasticParameter:
        return self.counts

    def _draw(self, rng: Any, shape: tuple) -> Params:
        count, space = self._draw_common(rng)
        seed = int(rng.integers(0, 2**63 - 1))
        return KMeansQuantizationParams(n_colors=count, colorspace=space, seed=seed)

    def _palette(self, image: np.ndarray, p: KMeansQuantizationParams
                 ) -> tuple[np.ndarray, np.ndarray] | None:
        small = _shrunk_size(image.shape, self.max_size)
        fit = None if small is None else resize_image(image, small[0], small[1],
                                                      self.interpolation)
        return kmeans_palette(image, p.n_colors, p.seed, fit)

    def _color(self, image: np.ndarray, params: Params) -> np.ndarray:
        p: KMeansQuantizationParams = params  # type: ignore[assignment]
        work = image if p.colorspace is None else convert_colorspace(
            image, self.from_colorspace, p.colorspace)
        result = self._palette(work, p)
        if result is None:
            return image.copy()
        palette, labels = result
        if p.colorspace is not None:
            # Only the k centres need converting back: every pixel is one of them.
            palette = convert_colorspace(palette[:, np.newaxis, :], p.colorspace,
                                         self.from_colorspace)[:, 0, :]
        return np.take(palette, labels, axis=0).reshape(image.shape)

    def _gray(self, gray: np.ndarray, params: Params) -> np.ndarray:
        result = self._palette(gray, params)  # type: ignore[arg-type]
        if result is None:
            return gray.copy()
        palette, labels = result
        return np.take(palette, labels, axis=0).reshape(gray.shape)
