"""Pooling augmenters: average, max, min and median pooling over ``kh x kw`` blocks.

The image is cut into blocks from its top-left corner; blocks running past
the bottom/right edge see the edge pixels repeated (see
:mod:`imgaug2.kernels.pooling`). Each block becomes one pixel.

``keep_size=True`` (the default) scales the pooled image back up by exactly
the block size (cubic interpolation) and crops the padding, so every
structure stays where it was: heatmaps, segmentation maps and coordinates
are left unchanged. ``keep_size=False`` returns the pooled image of size
``ceil(H / kh) x ceil(W / kw)``; then coordinates map as ``x -> x / kw``,
``y -> y / kh`` (the exact position of each block), heatmaps are
area-averaged and segmentation maps sampled nearest-neighbour onto the
pooled grid (no new labels). These augmenters are therefore geometric.

Kernel sizes larger than the image are clamped to the image size (one
block per axis) instead of padding far beyond it.

Example:
    >>> import imgaug2.augmenters as iaa
    >>> aug = iaa.AveragePooling(kernel_size=(2, 8), keep_size=False)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.blur import check_bool, draw_int
from imgaug2.core.base import Augmenter
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.pooling import pool, pool_map, pooled_shape, unpool_to_size

__all__ = ["AveragePooling", "MaxPooling", "MedianPooling", "MinPooling", "PoolingParams"]

_POOL_DTYPES = frozenset({"bool", "uint8", "uint16", "uint32", "int8", "int16", "int32",
                          "float16", "float32", "float64"})
_MAX_DRAW = 2 ** 31 - 1


@dataclass(frozen=True, slots=True, kw_only=True)
class PoolingParams(Params):
    """Block height and width (after clamping to the image size)."""

    kh: int = 1
    kw: int = 1


class _Pooling(Augmenter):
    supported_dtypes = _POOL_DTYPES
    geometric = True
    _mode: ClassVar[str] = "average"

    def __init__(self, kernel_size: Any = (1, 5), keep_size: bool = True, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.kernel_size, self.kernel_size_w = iap.handle_discrete_kernel_size_param(
            kernel_size, "kernel_size", value_range=(1, None), allow_floats=False)
        self.keep_size = check_bool(keep_size, "keep_size")

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        kh = draw_int(self.kernel_size, rng, "kernel_size", 1, _MAX_DRAW)
        kw = kh if self.kernel_size_w is None else draw_int(self.kernel_size_w, rng,
                                                            "kernel_size", 1, _MAX_DRAW)
        if len(shape) >= 2:
            kh = min(kh, max(1, shape[0]))
            kw = min(kw, max(1, shape[1]))
        return PoolingParams(applied=kh > 1 or kw > 1, kh=kh, kw=kw)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        kh, kw = params.kh, params.kw  # type: ignore[attr-defined]
        pooled = pool(image, kh, kw, type(self)._mode)
        if not self.keep_size:
            return pooled
        return unpool_to_size(pooled, kh, kw, image.shape[0], image.shape[1])

    @staticmethod
    def _pool_map(arr: np.ndarray, shape: tuple, params: Params, nearest: bool
                  ) -> tuple[np.ndarray, tuple]:
        """Pool a heatmap or segmentation map array along with its image.

        Args:
            arr: The map's array.
            shape: Shape of the image the map belongs to.
            params: The row's kernel size.
            nearest: Nearest-neighbour mapping (segmentation maps) instead of averaging.

        Returns:
            The pooled array and the pooled image shape.
        """
        kh, kw = params.kh, params.kw  # type: ignore[attr-defined]
        new_shape = pooled_shape(shape, kh, kw)
        return pool_map(arr, shape[:2], new_shape[:2], kh, kw, nearest=nearest), new_shape

    def _augment_heatmaps(self, heatmaps: Any, params: Params) -> Any:
        if self.keep_size:
            return heatmaps
        arr, new_shape = self._pool_map(heatmaps.arr_0to1, tuple(heatmaps.shape), params, False)
        return heatmaps.replace(arr_0to1=arr, shape=new_shape)

    def _augment_segmentation_maps(self, segmaps: Any, params: Params) -> Any:
        if self.keep_size:
            return segmaps
        arr, new_shape = self._pool_map(segmaps.arr, tuple(segmaps.shape), params, True)
        return segmaps.replace(arr=arr, shape=new_shape)

    def _augment_xy(self, xy: np.ndarray, params: Params, shape: tuple
                    ) -> tuple[np.ndarray, tuple]:
        if self.keep_size:
            return xy.copy(), tuple(shape)
        kh, kw = params.kh, params.kw  # type: ignore[attr-defined]
        out = xy.astype(np.float64, copy=True)
        out[:, 0] /= kw
        out[:, 1] /= kh
        return out, pooled_shape(tuple(shape), kh, kw)


@register("AveragePooling")
class AveragePooling(_Pooling):
    """Replace each ``kh x kw`` block by its mean (``cv2.resize`` INTER_AREA).

    Integers round to nearest (ties either way, as OpenCV does).

    Supported dtypes: uint8, uint16, int16, float32, float64 (direct);
    bool (mean > 0.5); float16 (as float32); int8, uint32, int32 (float64,
    rounded back). int64/uint64 raise TypeError.

    Args:
        kernel_size: Block size (>= 1): int, ``(a, b)`` (uniform ints), list,
            parameter, or ``((a, b), (c, d))`` for height and width drawn
            separately. Draw order: height, then width (when separate).
            Sizes above the image's are clamped to it; 1 x 1 leaves the row
            unchanged.
        keep_size: Scale the pooled image back to the input size (cubic,
            annotations unchanged); ``False`` returns the pooled size and
            moves annotations with it.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.AveragePooling(kernel_size=(2, 8))
    """

    _mode = "average"


@register("MaxPooling")
class MaxPooling(_Pooling):
    """Replace each ``kh x kw`` block by its maximum (``cv2.dilate``, sampled per block).

    Supported dtypes: bool, uint8, uint16, uint32, int8, int16, int32,
    float16, float32, float64 (pooling is exact; ``keep_size`` scales back
    with cubic interpolation, in float64 for dtypes OpenCV cannot resize).
    int64/uint64 raise TypeError.

    Args:
        kernel_size: Block size, as for :class:`AveragePooling`.
        keep_size: As for :class:`AveragePooling`.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.MaxPooling(kernel_size=((1, 7), (1, 7)))
    """

    _mode = "max"


@register("MinPooling")
class MinPooling(_Pooling):
    """Replace each ``kh x kw`` block by its minimum (``cv2.erode``, sampled per block).

    Supported dtypes: as :class:`MaxPooling`.

    Args:
        kernel_size: Block size, as for :class:`AveragePooling`.
        keep_size: As for :class:`AveragePooling`.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.MinPooling(kernel_size=2, keep_size=False)
    """

    _mode = "min"


@register("MedianPooling")
class MedianPooling(_Pooling):
    """Replace each ``kh x kw`` block by its median.

    Odd square blocks use ``cv2.medianBlur`` at the block centres where
    OpenCV supports the dtype, other blocks a numpy sort. An even number of
    values gives the mean of the two middle ones (integers round half up).

    Supported dtypes: as :class:`MaxPooling` (exact medians).

    Args:
        kernel_size: Block size, as for :class:`AveragePooling`.
        keep_size: As for :class:`AveragePooling`.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.MedianPooling(kernel_size=(1, 5))
    """

    _mode = "median"
