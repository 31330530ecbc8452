"""Geometric benchmark cases: matrix warps beside cv2.warpAffine / cv2.warpPerspective and
flow warps beside cv2.remap, all with the same fixed parameters.

Floors do the same pixel work with bare OpenCV: the matrix (or the dense maps)
is computed once per image size outside the timed call, so the ratio shows
what sampling, Params, the half-pixel matrix conversion and the dispatch
cost. The elastic "+field" floor also generates the noise field with bare
numpy/OpenCV exactly as the kernel does (noise, blur, resize), which is the
same work the augmenter has to do per row; the remap-only rows (elastic,
piecewise affine) are shown for reference (``info``), since a per-row random
displacement field is part of the work and they leave it out.
"""

import math

import cv2
import numpy as np

import imgaug2.augmenters as iaa
from _harness import Case
from imgaug2.kernels.geometric import affine_matrix, cv_matrix, perspective_matrix
from imgaug2.kernels.geometric_flow import dense_source, elastic_field, elastic_source
from imgaug2.kernels.geometric_flow import piecewise_source
from imgaug2.kernels.noise import noise_generator

_AFFINE = {"scale": 0.9, "rotate": 15.0, "translate_px": {"x": 5, "y": -3}, "shear": 5.0}


def _cached(build):
    cache = {}

    def get(shape):
        key = shape[:2]
        if key not in cache:
            cache[key] = build(shape)
        return cache[key]
    return get


_affine_m = _cached(lambda s: cv_matrix(affine_matrix(s, 0.9, 0.9, 5, -3, 15.0, 5.0, 0.0))[:2])
_rotate_m = _cached(lambda s: cv_matrix(affine_matrix(s, rotate=15.0))[:2])


def _persp(shape):
    h, w = shape[:2]
    quad = np.array([[0.04 * w, 0.03 * h], [0.95 * w, 0.05 * h], [0.97 * w, 0.96 * h],
                     [0.03 * w, 0.94 * h]])
    rect = np.array([[0.0, 0.0], [w, 0.0], [w, h], [0.0, h]])
    return cv_matrix(perspective_matrix(quad, rect))


_persp_m = _cached(_persp)


def _elastic_maps(shape):
    dx, dy = elastic_field(7, shape[0], shape[1], 30.0, 5.0)
    grid, _ = elastic_source(dx, dy)
    return dense_source(grid, shape[:2], shape[:2], shape[:2], shape[:2])


def _piecewise_maps(shape):
    jitter = np.random.default_rng(3).standard_normal((4, 4, 2)) * 0.03
    jitter[..., 0] *= shape[1]
    jitter[..., 1] *= shape[0]
    grid, _ = piecewise_source(jitter, shape[:2])
    return dense_source(grid, shape[:2], shape[:2], shape[:2], shape[:2])


_elastic_mm = _cached(_elastic_maps)
_piecewise_mm = _cached(_piecewise_maps)
_grid_xy = _cached(lambda s: (np.arange(s[1], dtype=np.float32)[None, :],
                              np.arange(s[0], dtype=np.float32)[:, None]))


def _elastic_with_field(im):
    # the same work as the kernel: coarse noise (sigma 5 -> factor 2), blur, resize, remap
    h, w = im.shape[:2]
    hc, wc = -(-h // 2), -(-w // 2)
    raw = noise_generator(7).bit_generator.random_raw(-(-2 * hc * wc // 4))
    noise = raw.view(np.uint16)[:2 * hc * wc].reshape(2, hc, wc).astype(np.float32)
    noise = noise * np.float32(2.0 / 65535.0) - np.float32(1.0)
    gain = np.float32(30.0 * math.sqrt((wc / w) * (hc / h)))
    gx, gy = _grid_xy(im.shape)
    maps = []
    for k, base in ((0, gx), (1, gy)):
        f = cv2.GaussianBlur(noise[k], (0, 0), sigmaX=5.0 * wc / w, sigmaY=5.0 * hc / h)
        f = cv2.resize(f, (w, h), interpolation=cv2.INTER_LINEAR)
        maps.append(f * gain + base)
    return cv2.remap(im, maps[0], maps[1], cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)


CASES = [
    Case("Affine(fixed, linear)", lambda: iaa.Affine(**_AFFINE, order=1),
         lambda im: cv2.warpAffine(im, _affine_m(im.shape), (im.shape[1], im.shape[0]),
                                   flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)),
    Case("Affine(fixed, nearest)", lambda: iaa.Affine(**_AFFINE, order=0),
         lambda im: cv2.warpAffine(im, _affine_m(im.shape), (im.shape[1], im.shape[0]),
                                   flags=cv2.INTER_NEAREST, borderMode=cv2.BORDER_CONSTANT)),
    Case("Affine(fixed, cubic, reflect)", lambda: iaa.Affine(**_AFFINE, order=3, mode="reflect"),
         lambda im: cv2.warpAffine(im, _affine_m(im.shape), (im.shape[1], im.shape[0]),
                                   flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REFLECT_101)),
    Case("Rotate(15)", lambda: iaa.Rotate(15),
         lambda im: cv2.warpAffine(im, _rotate_m(im.shape), (im.shape[1], im.shape[0]),
                                   flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)),
    Case("PerspectiveTransform(0.05)", lambda: iaa.PerspectiveTransform(scale=0.05),
         lambda im: cv2.warpPerspective(im, _persp_m(im.shape), (im.shape[1], im.shape[0]),
                                        flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT),
         note="floor: a fixed homography of similar strength"),
    Case("ElasticTransformation(30, 5) vs remap",
         lambda: iaa.ElasticTransformation(alpha=30.0, sigma=5.0, order=1),
         lambda im: cv2.remap(im, *_elastic_mm(im.shape), cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_CONSTANT),
         note="info: remap only, maps precomputed", info=True),
    Case("ElasticTransformation(30, 5) vs field+remap",
         lambda: iaa.ElasticTransformation(alpha=30.0, sigma=5.0, order=1),
         _elastic_with_field, note="floor: same noise field built per call"),
    Case("PiecewiseAffine(0.03, 4x4)",
         lambda: iaa.PiecewiseAffine(scale=0.03, nb_rows=4, nb_cols=4),
         lambda im: cv2.remap(im, *_piecewise_mm(im.shape), cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_CONSTANT),
         note="info: remap only, maps precomputed", info=True),
    Case("GridDistortion(5, 0.3)", lambda: iaa.GridDistortion(num_steps=5, distort_limit=0.3)),
    Case("OpticalDistortion(0.3)", lambda: iaa.OpticalDistortion(distort_limit=0.3)),
    Case("Jigsaw(4x4, 1 step)", lambda: iaa.Jigsaw(nb_rows=4, nb_cols=4, max_steps=1)),
]
