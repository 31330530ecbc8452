"""PIL-like augmenters beside bare OpenCV/numpy floors doing the same kind of work.

Floors approximate Pillow's operation with the usual OpenCV call (they do not
reproduce Pillow's rounding, which the augmenters do bit for bit; FilterDetail
and EnhanceColor only with ``exact=True``, timed in reference rows left out of
the summary).
"""

import cv2
import numpy as np

import imgaug2.augmenters as iaa
from _harness import Case
from imgaug2.augmenters.pillike_affine import affine_coefficients
from imgaug2.kernels.pillike import FILTERS, posterize_lut, solarize_lut

P = iaa.pillike
_SOLARIZE = solarize_lut(128)
_POSTERIZE = posterize_lut(4)


def _per_channel(fn):
    return lambda im: cv2.merge([fn(np.ascontiguousarray(im[:, :, c])) for c in range(3)])


def _stretch(im):
    # bare histogram stretch: calcHist per channel, then one LUT (what any cutoff needs)
    table = np.empty((1, 256, 3), dtype=np.uint8)
    for c in range(3):
        occupied = np.flatnonzero(cv2.calcHist([im], [c], None, [256], [0, 256]))
        lo, hi = occupied[0], max(occupied[-1], occupied[0] + 1)
        table[0, :, c] = np.clip((np.arange(256) - lo) * (255.0 / (hi - lo)), 0, 255)
    return cv2.LUT(im, table)


def _gray3(im):
    return cv2.cvtColor(cv2.cvtColor(im, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB)


def _contrast(im, factor=1.5):
    mean = cv2.mean(cv2.cvtColor(im, cv2.COLOR_RGB2GRAY))[0]
    return cv2.addWeighted(im, factor, im, 0.0, (1.0 - factor) * mean)


def _filter_floor(name):
    k = FILTERS[name]
    return lambda im: cv2.filter2D(im, -1, k.correlation, delta=k.offset)


def _affine_floor(im):
    a, b, c, d, e, f = affine_coefficients(im.shape, 0.9, 0.9, 0, 0, 15.0)
    # cv2 addresses pixel centres at integers: shift Pillow's continuous coordinates by 0.5
    m = np.array([[a, b, c + 0.5 * (a + b) - 0.5], [d, e, f + 0.5 * (d + e) - 0.5]])
    return cv2.warpAffine(im, m, (im.shape[1], im.shape[0]),
                          flags=cv2.INTER_NEAREST | cv2.WARP_INVERSE_MAP, borderValue=0)


_FILTER_CLASSES = {
    "FilterBlur": "BLUR", "FilterSmooth": "SMOOTH", "FilterSmoothMore": "SMOOTH_MORE",
    "FilterEdgeEnhance": "EDGE_ENHANCE", "FilterEdgeEnhanceMore": "EDGE_ENHANCE_MORE",
    "FilterFindEdges": "FIND_EDGES", "FilterContour": "CONTOUR", "FilterEmboss": "EMBOSS",
    "FilterSharpen": "SHARPEN", "FilterDetail": "DETAIL",
}

CASES = [
    Case("pillike.Solarize(1.0, 128)", lambda: P.Solarize(1.0, threshold=128),
         lambda im: cv2.LUT(im, _SOLARIZE)),
    Case("pillike.Posterize(4)", lambda: P.Posterize(4), lambda im: cv2.LUT(im, _POSTERIZE)),
    Case("pillike.Equalize()", lambda: P.Equalize(), _per_channel(cv2.equalizeHist)),
    Case("pillike.Autocontrast(5)", lambda: P.Autocontrast(5), _stretch),
    Case("pillike.EnhanceColor(1.5)", lambda: P.EnhanceColor(1.5),
         lambda im: cv2.addWeighted(im, 1.5, _gray3(im), -0.5, 0)),
    Case("pillike.EnhanceColor(1.5, exact)", lambda: P.EnhanceColor(1.5, exact=True),
         lambda im: cv2.addWeighted(im, 1.5, _gray3(im), -0.5, 0),
         note="Pillow's luma, bit-exact", info=True),
    Case("pillike.EnhanceContrast(1.5)", lambda: P.EnhanceContrast(1.5), _contrast),
    Case("pillike.EnhanceBrightness(1.5)", lambda: P.EnhanceBrightness(1.5),
         lambda im: cv2.addWeighted(im, 1.5, im, 0.0, 0)),
    Case("pillike.EnhanceSharpness(1.5)", lambda: P.EnhanceSharpness(1.5),
         lambda im: cv2.addWeighted(im, 1.5, _filter_floor("SMOOTH")(im), -0.5, 0)),
] + [
    Case("pillike.%s()" % cls, (lambda c=cls: getattr(P, c)()), _filter_floor(name))
    for cls, name in _FILTER_CLASSES.items()
] + [
    Case("pillike.FilterDetail(exact)", lambda: P.FilterDetail(exact=True),
         _filter_floor("DETAIL"), note="Pillow's float32 rounding, bit-exact", info=True),
] + [
    Case("pillike.Affine(rot 15, scale 0.9)", lambda: P.Affine(scale=0.9, rotate=15),
         _affine_floor),
]

# Every augmenter with its default arguments (no floor: a throughput figure only).
_DEFAULTS = ["Solarize", "Posterize", "Equalize", "Autocontrast", "EnhanceColor",
             "EnhanceContrast", "EnhanceBrightness", "EnhanceSharpness", "Affine",
             *_FILTER_CLASSES]
CASES += [Case("default pillike.%s()" % name, getattr(P, name), None, "defaults")
          for name in _DEFAULTS]
