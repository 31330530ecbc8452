"""Blur, convolutional, edges and pooling benchmark cases.

Each floored case configures the augmenter with constant parameters and
compares it with the bare OpenCV/numpy call doing the same work. Cases
without a floor ("default ...") show the throughput of the imgaug default
parameters (random per image). MeanShiftBlur's defaults (radii 5-40) take
seconds per 256x256 image and are left out; its fixed case shows the cost.
"""

import math

import cv2
import numpy as np
from _harness import Case

import imgaug2.augmenters as iaa
from imgaug2.kernels.convolutional import directed_edge_detect_matrix

_SHARPEN = np.array([[-1, -1, -1], [-1, 9.0, -1], [-1, -1, -1]], dtype=np.float32)


def _filter_blend(effect, alpha):
    """filter2D with the effect matrix, then addWeighted with the original."""
    effect = np.asarray(effect, np.float32)

    def floor(im):
        out = cv2.filter2D(im, -1, effect, borderType=cv2.BORDER_REFLECT_101)
        return cv2.addWeighted(out, alpha, im, 1.0 - alpha, 0.0)
    return floor


def _sharpen_effect(lightness):
    m = np.full((3, 3), -1.0, np.float32)
    m[1, 1] = 8.0 + lightness
    return m


def _emboss_effect(s):
    return np.array([[-1 - s, -s, 0], [-s, 1, s], [0, s, 1 + s]], np.float32)


_EDGE = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], np.float32)


def _motion_kernel(k):
    kern = np.zeros((k, k), np.float32)
    kern[:, k // 2] = 1.0 / k
    return kern


def _canny_floor(im):
    edges = cv2.Canny(im, 100, 200, apertureSize=3, L2gradient=True)
    return cv2.merge([edges, edges, edges])


def _pad(im, k):
    h, w = im.shape[:2]
    ph, pw = (-h) % k, (-w) % k
    if ph or pw:
        return cv2.copyMakeBorder(im, 0, ph, 0, pw, cv2.BORDER_REPLICATE)
    return im


def _avg_pool_floor(k, keep):
    def floor(im):
        p = _pad(im, k)
        out = cv2.resize(p, (p.shape[1] // k, p.shape[0] // k), interpolation=cv2.INTER_AREA)
        if keep:
            out = cv2.resize(out, (p.shape[1], p.shape[0]), interpolation=cv2.INTER_CUBIC)
        return out
    return floor


def _reduce_pool_floor(k, fn):
    def floor(im):
        p = _pad(im, k)
        h, w = p.shape[0] // k, p.shape[1] // k
        return fn(p.reshape(h, k, w, k, p.shape[2]), axis=(1, 3)).astype(im.dtype)
    return floor


_S = 1.5
_K = 2 * math.ceil(3 * _S) + 1

CASES = [
    # ---------------------------------------------------------------- blur
    Case("GaussianBlur(1.5)", lambda: iaa.GaussianBlur(_S),
         lambda im: cv2.GaussianBlur(im, (_K, _K), _S, borderType=cv2.BORDER_REFLECT_101)),
    Case("AverageBlur(5)", lambda: iaa.AverageBlur(5),
         lambda im: cv2.blur(im, (5, 5), borderType=cv2.BORDER_REFLECT_101)),
    Case("MedianBlur(5)", lambda: iaa.MedianBlur(5), lambda im: cv2.medianBlur(im, 5)),
    Case("BilateralBlur(5, 75, 75)", lambda: iaa.BilateralBlur(5, 75, 75),
         lambda im: cv2.bilateralFilter(im, 5, 75, 75, borderType=cv2.BORDER_REFLECT_101)),
    Case("MotionBlur(7, angle=0, dir=0)", lambda: iaa.MotionBlur(7, angle=0, direction=0),
         lambda im: cv2.filter2D(im, -1, _motion_kernel(7), borderType=cv2.BORDER_REFLECT_101)),
    Case("MeanShiftBlur(5, 10)", lambda: iaa.MeanShiftBlur(5.0, 10.0),
         lambda im: cv2.pyrMeanShiftFiltering(im, 5.0, 10.0)),
    # ------------------------------------------------------- convolutional
    Case("Convolve(3x3)", lambda: iaa.Convolve(_SHARPEN),
         lambda im: cv2.filter2D(im, -1, _SHARPEN, borderType=cv2.BORDER_REFLECT_101)),
    Case("Sharpen(1.0, 1.0)", lambda: iaa.Sharpen(1.0, 1.0),
         lambda im: cv2.filter2D(im, -1, _sharpen_effect(1.0),
                                 borderType=cv2.BORDER_REFLECT_101)),
    Case("Sharpen(0.5, 1.0)", lambda: iaa.Sharpen(0.5, 1.0),
         _filter_blend(_sharpen_effect(1.0), 0.5), note="floor: filter2D + addWeighted"),
    Case("Emboss(0.5, 1.0)", lambda: iaa.Emboss(0.5, 1.0), _filter_blend(_emboss_effect(1.0), 0.5),
         note="floor: filter2D + addWeighted"),
    Case("EdgeDetect(0.5)", lambda: iaa.EdgeDetect(0.5), _filter_blend(_EDGE, 0.5),
         note="floor: filter2D + addWeighted"),
    Case("DirectedEdgeDetect(0.5, 0.25)", lambda: iaa.DirectedEdgeDetect(0.5, 0.25),
         _filter_blend(directed_edge_detect_matrix(1.0, 0.25), 0.5),
         note="floor: filter2D + addWeighted"),
    # --------------------------------------------------------------- edges
    Case("Canny(1.0, (100, 200), 3)",
         lambda: iaa.Canny(1.0, ([100], [200]), 3,
                           colorizer=iaa.RandomColorsBinaryImageColorizer(255, 0)),
         _canny_floor, note="floor: Canny + merge"),
    # ------------------------------------------------------------- pooling
    Case("AveragePooling(3, keep_size=False)", lambda: iaa.AveragePooling(3, keep_size=False),
         _avg_pool_floor(3, False), note="floor: pad + resize AREA"),
    Case("AveragePooling(3)", lambda: iaa.AveragePooling(3), _avg_pool_floor(3, True),
         note="floor: pad + AREA + CUBIC back"),
    Case("MaxPooling(3, keep_size=False)", lambda: iaa.MaxPooling(3, keep_size=False),
         _reduce_pool_floor(3, np.max), note="floor: numpy reshape-max"),
    Case("MinPooling(3, keep_size=False)", lambda: iaa.MinPooling(3, keep_size=False),
         _reduce_pool_floor(3, np.min), note="floor: numpy reshape-min"),
    Case("MedianPooling(3, keep_size=False)", lambda: iaa.MedianPooling(3, keep_size=False),
         _reduce_pool_floor(3, np.median), note="floor: numpy reshape-median"),
    # ------------------------------------------- defaults (random, no floor)
    Case("default GaussianBlur()", lambda: iaa.GaussianBlur()),
    Case("default AverageBlur()", lambda: iaa.AverageBlur()),
    Case("default MedianBlur()", lambda: iaa.MedianBlur()),
    Case("default BilateralBlur()", lambda: iaa.BilateralBlur()),
    Case("default MotionBlur()", lambda: iaa.MotionBlur()),
    Case("default Convolve(3x3)", lambda: iaa.Convolve(_SHARPEN)),
    Case("default Sharpen()", lambda: iaa.Sharpen()),
    Case("default Emboss()", lambda: iaa.Emboss()),
    Case("default EdgeDetect()", lambda: iaa.EdgeDetect()),
    Case("default DirectedEdgeDetect()", lambda: iaa.DirectedEdgeDetect()),
    Case("default Canny()", lambda: iaa.Canny()),
    Case("default AveragePooling()", lambda: iaa.AveragePooling()),
    Case("default MaxPooling()", lambda: iaa.MaxPooling()),
    Case("default MinPooling()", lambda: iaa.MinPooling()),
    Case("default MedianPooling()", lambda: iaa.MedianPooling()),
]
