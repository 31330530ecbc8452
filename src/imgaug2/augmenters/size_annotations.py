"""Clean-up augmenters for coordinate-based augmentables (CBAs).

CBAs are keypoints, bounding boxes, polygons and line strings. These
augmenters leave images, heatmaps and segmentation maps untouched and have
no randomness; place them after geometric augmenters (crops, affine ...) to
drop or clip what ended up outside the image. Box labels travel with their
boxes: removal filters boxes and labels together.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from imgaug2.core.base import ALL_DTYPES, Augmenter
from imgaug2.core.params import Params
from imgaug2.core.registry import register

__all__ = ["RemoveCBAsByOutOfImageFraction", "ClipCBAsToImagePlanes"]


class _CBAFilter(Augmenter):
    supported_dtypes = ALL_DTYPES

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        return image

    def _filter(self, obj: Any) -> Any:
        raise NotImplementedError

    def _augment_keypoints(self, kpsoi: Any, params: Params) -> Any:
        return self._filter(kpsoi)

    def _augment_bounding_boxes(self, bbsoi: Any, params: Params) -> Any:
        return self._filter(bbsoi)

    def _augment_polygons(self, psoi: Any, params: Params) -> Any:
        return self._filter(psoi)

    def _augment_line_strings(self, lsoi: Any, params: Params) -> Any:
        return self._filter(lsoi)


@register("RemoveCBAsByOutOfImageFraction")
class RemoveCBAsByOutOfImageFraction(_CBAFilter):
    """Remove keypoints, boxes, polygons and line strings that lie too far outside the image.

    An item is removed when its out-of-image fraction (area for boxes and
    polygons, length for line strings, 0 or 1 for keypoints) is ``> 0`` and
    ``>= fraction``, via the augmentables' ``remove_out_of_image_fraction``.
    Labels leave together with their boxes.

    Supported dtypes: all (images pass through unchanged).

    Args:
        fraction: Threshold in ``[0, 1]``.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Sequential([iaa.CropAndPad(px=(-20, 20), keep_size=False),
        ...                       iaa.RemoveCBAsByOutOfImageFraction(0.5)])
    """

    def __init__(self, fraction: float, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        if isinstance(fraction, (bool, np.bool_)) or not isinstance(
                fraction, (int, float, np.integer, np.floating)):
            raise TypeError("fraction must be a number in [0, 1], got %r" % (fraction,))
        fraction = float(fraction)
        if math.isnan(fraction) or not 0.0 <= fraction <= 1.0:
            raise ValueError("fraction must be in [0, 1], got %r" % (fraction,))
        self.fraction = fraction

    def _filter(self, obj: Any) -> Any:
        return obj.remove_out_of_image_fraction(self.fraction)


@register("ClipCBAsToImagePlanes")
class ClipCBAsToImagePlanes(_CBAFilter):
    """Clip keypoints, boxes, polygons and line strings to the image plane.

    Uses the augmentables' ``clip_out_of_image``: keypoints outside the image
    are removed, boxes are clipped to ``[0, W] x [0, H]`` (boxes fully outside
    are removed with their labels), polygons and line strings are cut at the
    image border and may split into several pieces or disappear.

    Supported dtypes: all (images pass through unchanged).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Sequential([iaa.Crop(px=(0, 20)), iaa.ClipCBAsToImagePlanes()])
    """

    def __init__(self, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)

    def _filter(self, obj: Any) -> Any:
        return obj.clip_out_of_image()
