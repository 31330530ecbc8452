"""Horizontal and vertical flips.

Both are geometric: images, heatmaps, segmentation maps and every coordinate
target flip together (``x -> W - x`` for keypoints and box corners alike, so a
keypoint at ``x = W - 0.5`` stays inside the image).
"""

from __future__ import annotations

from typing import Any, Callable

import cv2
import numpy as np

import imgaug2.parameters as iap
from imgaug2.core.base import ALL_DTYPES, Augmenter
from imgaug2.core.memo import NOT_CONSTANT, ShapeMemo
from imgaug2.core.params import SKIPPED, Params
from imgaug2.core.registry import register
from imgaug2.kernels.flip import (cv_flippable, fliplr_image, fliplr_xy, flipud_image,
                                  flipud_xy)
from imgaug2.parameters import Deterministic

__all__ = ["Fliplr", "Flipud", "HorizontalFlip", "VerticalFlip"]

_FLIPPED = Params(applied=True)


class _Flip(ShapeMemo, Augmenter):
    supported_dtypes = ALL_DTYPES
    geometric = True
    _flip_image = staticmethod(fliplr_image)
    #: cv2.flip's flipCode for this axis
    _flip_code = 1

    def __init__(self, p: Any = 1, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.p = iap.handle_probability_param(p, "p")

    def _sample_shape(self, rng: np.random.Generator, shape: tuple) -> Params:
        return _FLIPPED if self.p.draw_sample(random_state=rng) else SKIPPED

    def _constant_params(self, shape: tuple) -> Params:
        p = self.p
        if type(p) is not Deterministic:
            return NOT_CONSTANT
        return _FLIPPED if p.value else SKIPPED

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        return type(self)._flip_image(image)

    def _image_plan(self, params: Params, image: np.ndarray) -> Callable | None:
        if params.applied and cv_flippable(image):
            code = type(self)._flip_code
            return lambda im: cv2.flip(im, code)
        return None

    def _augment_heatmaps(self, heatmaps: Any, params: Params) -> Any:
        return heatmaps.replace(arr_0to1=type(self)._flip_image(heatmaps.arr_0to1))

    def _augment_segmentation_maps(self, segmaps: Any, params: Params) -> Any:
        return segmaps.replace(arr=type(self)._flip_image(segmaps.arr))


@register("Fliplr")
class Fliplr(_Flip):
    """Mirror rows left-right with probability ``p``.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Args:
        p: Probability of flipping a row (number, tuple, list or parameter).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Fliplr(0.5)
    """

    _flip_image = staticmethod(fliplr_image)
    _flip_code = 1

    def _augment_xy(self, xy: np.ndarray, params: Params, shape: tuple
                    ) -> tuple[np.ndarray, tuple]:
        return fliplr_xy(xy, shape[1]), shape


@register("Flipud")
class Flipud(_Flip):
    """Mirror rows top-bottom with probability ``p``.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Args:
        p: Probability of flipping a row.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Flipud(0.2)
    """

    _flip_image = staticmethod(flipud_image)
    _flip_code = 0

    def _augment_xy(self, xy: np.ndarray, params: Params, shape: tuple
                    ) -> tuple[np.ndarray, tuple]:
        return flipud_xy(xy, shape[0]), shape


@register("HorizontalFlip")
class HorizontalFlip(Fliplr):
    """Alias of :class:`Fliplr`.

    Supported dtypes: all.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.HorizontalFlip(0.5)
    """


@register("VerticalFlip")
class VerticalFlip(Flipud):
    """Alias of :class:`Flipud`.

    Supported dtypes: all.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.VerticalFlip(0.5)
    """
