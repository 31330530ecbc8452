"""Augmenters whose outputs are identical to well-known Pillow functions (``iaa.pillike``).

Every augmenter here reproduces a Pillow call pixel for pixel without using
Pillow: ``ImageOps`` (Solarize, Posterize, Equalize, Autocontrast),
``ImageEnhance`` (EnhanceColor, EnhanceContrast, EnhanceBrightness,
EnhanceSharpness), the ``ImageFilter`` kernels (FilterBlur ... FilterDetail)
and ``Image.transform`` with ``AFFINE`` and nearest neighbour (Affine, which
also moves heatmaps, segmentation maps and coordinates). imgaug's function API
(``solarize``, ``equalize``, ``warp_affine``, ...) works on single images.

Images are uint8 ``(H,W)``, ``(H,W,1)``, ``(H,W,3)`` (RGB) or ``(H,W,4)`` (RGB
plus alpha, kept unchanged by the pixel augmenters); other channel counts raise
``ValueError`` and other dtypes ``TypeError``, both naming ``image``.

Example:
    >>> import numpy as np
    >>> import imgaug2.augmenters as iaa
    >>> aug = iaa.pillike.Affine(translate_px={"x": (-5, 5)})
    >>> images = aug(images=[np.full((32, 32, 3), 255, dtype=np.uint8)] * 3)
"""

from __future__ import annotations

from imgaug2.augmenters.pillike_affine import Affine, PillikeAffineParams
from imgaug2.augmenters.pillike_enhance import (EnhanceBrightness, EnhanceColor,
                                                EnhanceContrast, EnhanceSharpness,
                                                PillikeEnhanceParams)
from imgaug2.augmenters.pillike_filter import (FilterBlur, FilterContour, FilterDetail,
                                               FilterEdgeEnhance, FilterEdgeEnhanceMore,
                                               FilterEmboss, FilterFindEdges, FilterSharpen,
                                               FilterSmooth, FilterSmoothMore)
from imgaug2.augmenters.pillike_functions import (
    autocontrast, enhance_brightness, enhance_color, enhance_contrast, enhance_sharpness, equalize,
    equalize_, filter_blur, filter_contour, filter_detail, filter_edge_enhance,
    filter_edge_enhance_more, filter_emboss, filter_find_edges, filter_sharpen, filter_smooth,
    filter_smooth_more, posterize, posterize_, solarize, solarize_, warp_affine)
from imgaug2.augmenters.pillike_ops import (Autocontrast, Equalize, PillikeAutocontrastParams,
                                            PillikePosterizeParams, PillikeSolarizeParams,
                                            Posterize, Solarize)

__all__ = [
    "Solarize", "Posterize", "Equalize", "Autocontrast",
    "EnhanceColor", "EnhanceContrast", "EnhanceBrightness", "EnhanceSharpness",
    "FilterBlur", "FilterSmooth", "FilterSmoothMore", "FilterEdgeEnhance",
    "FilterEdgeEnhanceMore", "FilterFindEdges", "FilterContour", "FilterEmboss",
    "FilterSharpen", "FilterDetail", "Affine",
    "PillikeSolarizeParams", "PillikePosterizeParams", "PillikeAutocontrastParams",
    "PillikeEnhanceParams", "PillikeAffineParams",
    # imgaug's function API
    "solarize", "solarize_", "posterize", "posterize_", "equalize", "equalize_", "autocontrast",
    "enhance_color", "enhance_contrast", "enhance_brightness", "enhance_sharpness",
    "filter_blur", "filter_smooth", "filter_smooth_more", "filter_edge_enhance",
    "filter_edge_enhance_more", "filter_find_edges", "filter_contour", "filter_emboss",
    "filter_sharpen", "filter_detail", "warp_affine",
]
