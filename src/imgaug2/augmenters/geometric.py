"""Geometric augmenters: everything that moves pixels and the annotations with them.

One pixel convention everywhere (pixel ``(x, y)`` covers ``[x, x+1)``). The
family is split over several modules and re-exported here:

* this module: Rot90 (clockwise quarter turns; with ``keep_size`` resized
  back, coordinates scaled by the same factors);
* ``geometric_affine``: Affine, ScaleX/Y, TranslateX/Y, Rotate, ShearX/Y,
  AffineCv2 (one 3x3 matrix per row);
* ``geometric_warp``: PerspectiveTransform (one homography per row),
  ElasticTransformation, PiecewiseAffine, GridDistortion, OpticalDistortion
  (one dense flow per row);
* ``geometric_misc``: Jigsaw, WithPolarWarping.

See ``docs/geometry.md`` for the conventions and how coordinates follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import cv2
import numpy as np

import imgaug2.parameters as iap
from imgaug2.core.base import ALL_DTYPES, Augmenter
from imgaug2.core.memo import NOT_CONSTANT, ShapeMemo
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.flip import ROTATE_CODES, cv_flippable, rot90_image, rot90_shape, rot90_xy
from imgaug2.kernels.resize import resize_heatmap_arr, resize_image, resize_segmap_arr, scale_xy

from imgaug2.augmenters.geometric_affine import (Affine, AffineCv2, AffineParams, Rotate, ScaleX,
                                                 ScaleY, ShearX, ShearY, TranslateX, TranslateY)
from imgaug2.augmenters.geometric_misc import Jigsaw, JigsawParams, WithPolarWarping
from imgaug2.augmenters.geometric_warp import (ElasticParams, ElasticTransformation,
                                               GridDistortion, GridDistortionParams,
                                               OpticalDistortion, OpticalDistortionParams,
                                               PerspectiveParams, PerspectiveTransform,
                                               PiecewiseAffine, PiecewiseAffineParams)

__all__ = ["Rot90", "Rot90Params", "Affine", "AffineParams", "ScaleX", "ScaleY", "TranslateX",
           "TranslateY", "Rotate", "ShearX", "ShearY", "AffineCv2", "PerspectiveTransform",
           "PerspectiveParams", "ElasticTransformation", "ElasticParams", "PiecewiseAffine",
           "PiecewiseAffineParams", "GridDistortion", "GridDistortionParams", "OpticalDistortion",
           "OpticalDistortionParams", "Jigsaw", "JigsawParams", "WithPolarWarping"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Rot90Params(Params):
    """Number of clockwise quarter turns (0-3)."""

    k: int = 0


@register("Rot90")
class Rot90(ShapeMemo, Augmenter):
    """Rotate clockwise by ``k`` quarter turns.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64); with
    ``keep_size`` and non-square inputs, integer dtypes OpenCV cannot
    interpolate are resized in float64 and rounded back.

    Args:
        k: Quarter turns: int, ``(a, b)`` (uniform ints), list, ``"ALL"``
            (any of 0-3) or a parameter.
        keep_size: Resize the rotated result back to the input size.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Rot90((1, 3), keep_size=False)
    """

    supported_dtypes = ALL_DTYPES
    geometric = True

    def __init__(self, k: Any = 1, keep_size: bool = True, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        if isinstance(k, str) and k == "ALL":
            k = [0, 1, 2, 3]
        self.k = iap.handle_discrete_param(k, "k", allow_floats=False)
        if not isinstance(keep_size, (bool, np.bool_)):
            raise TypeError("keep_size must be a bool, got %r" % (keep_size,))
        self.keep_size = bool(keep_size)

    def _sample_shape(self, rng: np.random.Generator, shape: tuple) -> Params:
        k = int(self.k.draw_sample(random_state=rng)) % 4
        return Rot90Params(applied=k != 0, k=k)

    def _constant_params(self, shape: tuple) -> Params:
        if type(self.k) is not iap.Deterministic:
            return NOT_CONSTANT
        k = int(self.k.value) % 4
        return Rot90Params(applied=k != 0, k=k)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        out = rot90_image(image, params.k)  # type: ignore[attr-defined]
        if self.keep_size and out.shape[:2] != image.shape[:2]:
            out = resize_image(out, image.shape[0], image.shape[1])
        return out

    def _image_plan(self, params: Params, image: np.ndarray) -> Callable | None:
        k = params.k  # type: ignore[attr-defined]
        if k == 0 or not cv_flippable(image) or (
                self.keep_size and k % 2 and image.shape[0] != image.shape[1]):
            return None
        code = ROTATE_CODES[k]
        return lambda im: cv2.rotate(im, code)

    def _augment_heatmaps(self, heatmaps: Any, params: Params) -> Any:
        arr = heatmaps.arr_0to1
        out = rot90_image(arr, params.k)  # type: ignore[attr-defined]
        if self.keep_size and out.shape[:2] != arr.shape[:2]:
            out = resize_heatmap_arr(out, arr.shape[0], arr.shape[1], "linear")
        return heatmaps.replace(arr_0to1=out, shape=self._out_shape(heatmaps.shape, params))

    def _augment_segmentation_maps(self, segmaps: Any, params: Params) -> Any:
        arr = segmaps.arr
        out = rot90_image(arr, params.k)  # type: ignore[attr-defined]
        if self.keep_size and out.shape[:2] != arr.shape[:2]:
            out = resize_segmap_arr(out, arr.shape[0], arr.shape[1])
        return segmaps.replace(arr=out, shape=self._out_shape(segmaps.shape, params))

    def _out_shape(self, shape: tuple, params: Params) -> tuple:
        return tuple(shape) if self.keep_size else rot90_shape(tuple(shape), params.k)  # type: ignore

    def _augment_xy(self, xy: np.ndarray, params: Params, shape: tuple
                    ) -> tuple[np.ndarray, tuple]:
        k = params.k  # type: ignore[attr-defined]
        out = rot90_xy(xy, k, shape)
        rotated = rot90_shape(shape, k)
        if self.keep_size and rotated[:2] != tuple(shape[:2]):
            return scale_xy(out, rotated, shape), tuple(shape)
        return out, rotated
