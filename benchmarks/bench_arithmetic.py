"""Arithmetic family benchmark cases: each augmenter at fixed parameters beside the bare
OpenCV/numpy code doing the same work (LUTs, saturating adds, mask multiplies, JPEG
round trips). Random floors draw from one reused numpy PCG64 generator; the augmenters
expand a fresh Philox generator from the row's seed, which is part of their cost.
"""

import cv2
import numpy as np

import imgaug2.augmenters as iaa
import imgaug2.parameters as iap
from _harness import Case
from imgaug2.augmenters.arithmetic import ContrastNormalization

_RNG = np.random.default_rng(0)
_AR = np.arange(256, dtype=np.float64)


def _table(values: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(values), 0, 255).astype(np.uint8)


_ADD_T = _table(_AR + 10)
_MUL_T = _table(_AR * 1.2)
_SOL_T = np.where(_AR >= 128, 255 - _AR, _AR).astype(np.uint8)
_CN_T = _table(128 + 1.5 * (_AR - 128))


def _noise_floor(draw):
    def floor(im):
        return cv2.add(im, draw(im.shape), dtype=cv2.CV_8U)
    return floor


def _uniform(shape):
    return _RNG.random(shape, dtype=np.float32) * np.float32(40) - np.float32(20)


def _gauss(shape):
    return _RNG.standard_normal(shape, dtype=np.float32) * np.float32(10)


def _gauss_shared(im):
    plane = _RNG.standard_normal(im.shape[:2], dtype=np.float32) * np.float32(10)
    return cv2.add(im, cv2.merge([plane] * im.shape[2]), dtype=cv2.CV_8U)


def _laplace(shape):
    return _RNG.laplace(0.0, 10.0, shape).astype(np.float32)


def _poisson(shape):
    k = _RNG.poisson(10.0, shape).astype(np.float32)
    return np.where(_RNG.random(shape) < 0.5, -k, k)


def _mul_elementwise(im):
    f = _RNG.random(im.shape, dtype=np.float32) * np.float32(0.4) + np.float32(0.8)
    return cv2.multiply(im, f, dtype=cv2.CV_8U)


def _dropout(im):
    return im * (_RNG.random(im.shape[:2]) >= 0.1)[:, :, None]


def _dropout_pc(im):
    return im * (_RNG.random(im.shape) >= 0.1)


def _coarse(im):
    small = (_RNG.random((8, 8)) >= 0.1).astype(np.uint8)
    mask = cv2.resize(small, im.shape[1::-1], interpolation=cv2.INTER_NEAREST)
    return im * mask[:, :, None]


def _drop_channel(im):
    out = im.copy()
    out[:, :, 1] = 0
    return out


def _salt_pepper(im):
    out = im.copy()
    mask = _RNG.random(im.shape[:2]) < 0.05
    salt = _RNG.random(int(mask.sum())) < 0.5
    out[mask] = np.where(salt, 255, 0).astype(np.uint8)[:, None]
    return out


def _impulse(im):
    out = im.copy()
    mask = _RNG.random(im.shape) < 0.05
    out[mask] = np.where(_RNG.random(int(mask.sum())) < 0.5, 255, 0).astype(np.uint8)
    return out


def _fill(value, coarse=False):
    """Replace 5% of the pixels (or of an 8x8 grid's cells) with ``value``."""
    def floor(im):
        out = im.copy()
        if coarse:
            small = (_RNG.random((8, 8)) < 0.05).astype(np.uint8)
            mask = cv2.resize(small, im.shape[1::-1], interpolation=cv2.INTER_NEAREST) > 0
        else:
            mask = _RNG.random(im.shape[:2]) < 0.05
        out[mask] = value
        return out
    return floor


def _coarse_salt_pepper(im):
    out = im.copy()
    small = (_RNG.random((8, 8)) < 0.05).astype(np.uint8)
    mask = cv2.resize(small, im.shape[1::-1], interpolation=cv2.INTER_NEAREST) > 0
    salt = _RNG.random(int(mask.sum())) < 0.5
    out[mask] = np.where(salt, 255, 0).astype(np.uint8)[:, None]
    return out


_replace = _fill(255)


def _cutout(im):
    out = im.copy()
    h, w = im.shape[:2]
    s = int(round(0.2 * h))
    y, x = h // 2 - s // 2, w // 2 - s // 2
    out[y:y + s, x:x + s] = 128
    return out


def _jpeg(im):
    ok, buf = cv2.imencode(".jpg", im, [int(cv2.IMWRITE_JPEG_QUALITY), 50])
    return cv2.imdecode(buf, cv2.IMREAD_COLOR)


CASES = [
    Case("Add(10)", lambda: iaa.Add(10), lambda im: cv2.LUT(im, _ADD_T)),
    Case("Add((-20,20)) default", lambda: iaa.Add((-20, 20)), lambda im: cv2.LUT(im, _ADD_T)),
    Case("Multiply(1.2)", lambda: iaa.Multiply(1.2), lambda im: cv2.LUT(im, _MUL_T)),
    Case("Invert(1.0)", lambda: iaa.Invert(1.0), cv2.bitwise_not),
    Case("Solarize(threshold=128)", lambda: iaa.Solarize(1.0, threshold=128),
         lambda im: cv2.LUT(im, _SOL_T)),
    Case("ContrastNormalization(1.5)",
         lambda: ContrastNormalization(1.5), lambda im: cv2.LUT(im, _CN_T)),
    Case("AddElementwise((-20,20),pc)", lambda: iaa.AddElementwise((-20, 20), per_channel=True),
         _noise_floor(_uniform)),
    Case("AdditiveGaussianNoise(10,pc)",
         lambda: iaa.AdditiveGaussianNoise(scale=10, per_channel=True), _noise_floor(_gauss)),
    Case("AdditiveGaussianNoise(10)", lambda: iaa.AdditiveGaussianNoise(scale=10),
         _gauss_shared),
    Case("AdditiveLaplaceNoise(10,pc)",
         lambda: iaa.AdditiveLaplaceNoise(scale=10, per_channel=True), _noise_floor(_laplace),
         "floor: rng.laplace"),
    Case("AdditivePoissonNoise(10,pc)",
         lambda: iaa.AdditivePoissonNoise(10, per_channel=True), _noise_floor(_poisson),
         "floor: rng.poisson; ours: table lookup"),
    Case("MultiplyElementwise((.8,1.2),pc)",
         lambda: iaa.MultiplyElementwise((0.8, 1.2), per_channel=True), _mul_elementwise),
    Case("Dropout(0.1)", lambda: iaa.Dropout(0.1), _dropout),
    Case("Dropout(0.1,pc)", lambda: iaa.Dropout(0.1, per_channel=True), _dropout_pc),
    Case("CoarseDropout(0.1,size_px=8)", lambda: iaa.CoarseDropout(0.1, size_px=8), _coarse),
    Case("Dropout2d(channel 1)", lambda: iaa.Dropout2d(iap.DeterministicList([1, 0, 1])),
         _drop_channel, "keep mask (1, 0, 1)"),
    Case("TotalDropout(1.0)", lambda: iaa.TotalDropout(1.0), np.zeros_like),
    Case("SaltAndPepper(0.05)", lambda: iaa.SaltAndPepper(0.05), _salt_pepper),
    Case("ImpulseNoise(0.05)", lambda: iaa.ImpulseNoise(0.05), _impulse),
    Case("Salt(0.05)", lambda: iaa.Salt(0.05), _fill(255)),
    Case("Pepper(0.05)", lambda: iaa.Pepper(0.05), _fill(0)),
    Case("CoarseSaltAndPepper(0.05,size_px=8)",
         lambda: iaa.CoarseSaltAndPepper(0.05, size_px=8), _coarse_salt_pepper),
    Case("CoarseSalt(0.05,size_px=8)", lambda: iaa.CoarseSalt(0.05, size_px=8),
         _fill(255, coarse=True)),
    Case("CoarsePepper(0.05,size_px=8)", lambda: iaa.CoarsePepper(0.05, size_px=8),
         _fill(0, coarse=True)),
    Case("ReplaceElementwise(0.05,255)", lambda: iaa.ReplaceElementwise(0.05, 255), _replace),
    Case("Cutout(center,0.2)", lambda: iaa.Cutout(position="center", size=0.2), _cutout),
    Case("JpegCompression(50)", lambda: iaa.JpegCompression(50), _jpeg,
         "ours also swaps RGB<->BGR"),
]

# Every augmenter with its default arguments (no floor: a throughput figure only).
_DEFAULTS = ["Add", "AddElementwise", "AdditiveGaussianNoise", "AdditiveLaplaceNoise",
             "AdditivePoissonNoise", "Multiply", "MultiplyElementwise", "Cutout", "Dropout",
             "CoarseDropout", "Dropout2d", "TotalDropout", "SaltAndPepper", "ImpulseNoise",
             "CoarseSaltAndPepper", "Salt", "CoarseSalt", "Pepper", "CoarsePepper", "Invert",
             "Solarize", "JpegCompression"]
CASES += [Case("default %s()" % name, getattr(iaa, name), None, "defaults")
          for name in _DEFAULTS]
CASES.append(Case("default ContrastNormalization()", ContrastNormalization, None, "defaults"))
CASES.append(Case("default ReplaceElementwise(0.05,0)",
                  lambda: iaa.ReplaceElementwise(0.05, 0), None, "defaults"))
