"""PIL-like ``ImageFilter`` augmenters: the ten predefined kernels of Pillow.

Each applies one fixed kernel exactly as ``image.filter(ImageFilter.<NAME>)``
does, including Pillow's rounding and its border rule (pixels closer to the
border than the kernel radius keep their values; images smaller than the
kernel come back unchanged). They draw nothing. A 4th channel is alpha and is
kept unchanged.

One exception by default: :class:`FilterDetail`. One in six of its kernel
sums is a .5 tie, which Pillow's float32 arithmetic rounds up or down
depending on its rounding errors. The default rounds ties up, so about half of
them differ from Pillow by 1; ``exact=True`` reproduces Pillow's arithmetic
(about 1.4x slower).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2.augmenters.blur import check_bool
from imgaug2.augmenters.pillike_common import PillikeFixedAugmenter
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.pillike import filter_image

__all__ = ["FilterBlur", "FilterSmooth", "FilterSmoothMore", "FilterEdgeEnhance",
           "FilterEdgeEnhanceMore", "FilterFindEdges", "FilterContour", "FilterEmboss",
           "FilterSharpen", "FilterDetail"]

class _Filter(PillikeFixedAugmenter):
    _kernel_name = ""

    def _pil(self, image: np.ndarray, params: Params) -> np.ndarray:
        return filter_image(image, type(self)._kernel_name)


@register("pillike.FilterBlur")
class FilterBlur(_Filter):
    """Blur with Pillow's BLUR kernel (5x5 ring of ones, scale 16).

    Supported dtypes: uint8 (others raise TypeError).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.FilterBlur()
    """

    _kernel_name = "BLUR"


@register("pillike.FilterSmooth")
class FilterSmooth(_Filter):
    """Smooth with Pillow's SMOOTH kernel (3x3, centre 5, scale 13).

    Supported dtypes: uint8 (others raise TypeError).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.FilterSmooth()
    """

    _kernel_name = "SMOOTH"


@register("pillike.FilterSmoothMore")
class FilterSmoothMore(_Filter):
    """Smooth strongly with Pillow's SMOOTH_MORE kernel (5x5, scale 100).

    Supported dtypes: uint8 (others raise TypeError).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.FilterSmoothMore()
    """

    _kernel_name = "SMOOTH_MORE"


@register("pillike.FilterEdgeEnhance")
class FilterEdgeEnhance(_Filter):
    """Enhance edges with Pillow's EDGE_ENHANCE kernel (3x3, centre 10, scale 2).

    Supported dtypes: uint8 (others raise TypeError).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.FilterEdgeEnhance()
    """

    _kernel_name = "EDGE_ENHANCE"


@register("pillike.FilterEdgeEnhanceMore")
class FilterEdgeEnhanceMore(_Filter):
    """Enhance edges strongly with Pillow's EDGE_ENHANCE_MORE kernel (3x3, centre 9).

    Supported dtypes: uint8 (others raise TypeError).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.FilterEdgeEnhanceMore()
    """

    _kernel_name = "EDGE_ENHANCE_MORE"


@register("pillike.FilterFindEdges")
class FilterFindEdges(_Filter):
    """Detect edges with Pillow's FIND_EDGES kernel (3x3 Laplacian-like, centre 8).

    Supported dtypes: uint8 (others raise TypeError).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.FilterFindEdges()
    """

    _kernel_name = "FIND_EDGES"


@register("pillike.FilterContour")
class FilterContour(_Filter):
    """Draw contours with Pillow's CONTOUR kernel (FIND_EDGES inverted around 255).

    Supported dtypes: uint8 (others raise TypeError).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.FilterContour()
    """

    _kernel_name = "CONTOUR"


@register("pillike.FilterEmboss")
class FilterEmboss(_Filter):
    """Emboss with Pillow's EMBOSS kernel (pixel minus its lower-left neighbour, plus 128).

    Supported dtypes: uint8 (others raise TypeError).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.FilterEmboss()
    """

    _kernel_name = "EMBOSS"


@register("pillike.FilterSharpen")
class FilterSharpen(_Filter):
    """Sharpen with Pillow's SHARPEN kernel (3x3, centre 32, scale 16).

    Supported dtypes: uint8 (others raise TypeError).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.FilterSharpen()
    """

    _kernel_name = "SHARPEN"


@register("pillike.FilterDetail")
class FilterDetail(_Filter):
    """Enhance details with Pillow's DETAIL kernel (3x3 cross, centre 10, scale 6).

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        exact: Reproduce Pillow's float32 rounding bit for bit (about 1.4x
            slower). The default gives the exact kernel sum rounded half up: it
            equals Pillow's result except where that sum is a .5 tie, where
            Pillow's rounding errors decide and the two differ by 1 about half
            the time (some 8% of a photo's values).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.FilterDetail(exact=True)
    """

    _kernel_name = "DETAIL"

    def __init__(self, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated", *,
                 exact: bool = False) -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.exact = check_bool(exact, "exact")

    def _pil(self, image: np.ndarray, params: Params) -> np.ndarray:
        return filter_image(image, "DETAIL", self.exact)
