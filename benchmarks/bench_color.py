"""Colour and contrast benchmark cases (issue "Pixel augmenters", part C).

Every augmenter is built with constant parameters; its floor does the same work
with bare OpenCV/numpy: ``cv2.LUT`` with the same table for the curves and
quantisers, ``cv2.cvtColor`` round trips plus the same LUT (split/LUT/merge on
the changed channels) for the hue, saturation and brightness augmenters,
``cv2.createCLAHE().apply``, ``cv2.equalizeHist`` and ``cv2.kmeans``.
"""

import cv2
import numpy as np
from _harness import Case

import imgaug2.augmenters as iaa
from imgaug2.kernels.color import (
    brightness_table,
    hue_add_table,
    hue_mul_table,
    kelvin_to_multipliers,
    posterize_table,
    saturation_add_table,
    saturation_mul_table,
    uniform_quantize_table,
)
from imgaug2.kernels.contrast import gamma_table, linear_table, log_table, sigmoid_table


def _lut(table):
    return lambda im: cv2.LUT(im, table)


def _channel_luts(to_code, back_code, tables):
    """cvtColor, map some channels through tables (split/LUT/merge), cvtColor back."""
    def floor(im):
        conv = cv2.cvtColor(im, to_code) if to_code is not None else im
        chans = list(cv2.split(conv))
        for c, t in tables.items():
            chans[c] = cv2.LUT(chans[c], t)
        out = cv2.merge(chans)
        return cv2.cvtColor(out, back_code) if back_code is not None else out
    return floor


def _hsv(hue=None, sat=None):
    tables = {}
    if hue is not None:
        tables[0] = hue
    if sat is not None:
        tables[1] = sat
    return _channel_luts(cv2.COLOR_RGB2HSV, cv2.COLOR_HSV2RGB, tables)


_HUE_UP = np.clip(np.rint(np.arange(256) * 255.0 / 180.0), 0, 255).astype(np.uint8)
_HUE_DOWN = ((np.arange(256) * 180 + 127) // 255).astype(np.uint8)


def _hue_sat_int16(im):
    """WithHueAndSaturation's contract done bare: children see int16 hue (0-254) and
    saturation planes, the results are wrapped/clipped back; the child here multiplies
    the int16 saturation by 1.3 (rounded, in double precision, as Multiply does)."""
    h, s, v = cv2.split(cv2.cvtColor(im, cv2.COLOR_RGB2HSV))
    hs = cv2.merge([cv2.LUT(h, _HUE_UP), s]).astype(np.int16)
    hue, sat = cv2.split(hs)
    sat = cv2.multiply(sat, (1.3,) * 4, dtype=cv2.CV_16S)
    sat = np.clip(sat, 0, 255).astype(np.uint8)
    hue = cv2.LUT(hue.astype(np.uint8), _HUE_DOWN)  # the child left the hue in range
    return cv2.cvtColor(cv2.merge([hue, sat, v]), cv2.COLOR_HSV2RGB)


def _gray(im):
    return cv2.cvtColor(cv2.cvtColor(im, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB)


def _gray_blend(im):
    return cv2.addWeighted(_gray(im), 0.5, im, 0.5, 0.0)


_CLAHE = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8, 8))


def _clahe_all(im):
    return cv2.merge([_CLAHE.apply(c) for c in cv2.split(im)])


def _clahe_lab(im):
    lab = cv2.cvtColor(im, cv2.COLOR_RGB2Lab)
    chans = list(cv2.split(lab))
    chans[0] = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8, 8)).apply(chans[0])
    return cv2.cvtColor(cv2.merge(chans), cv2.COLOR_Lab2RGB)


def _eq_all(im):
    return cv2.merge([cv2.equalizeHist(c) for c in cv2.split(im)])


def _eq_lab(im):
    lab = cv2.cvtColor(im, cv2.COLOR_RGB2Lab)
    chans = list(cv2.split(lab))
    chans[0] = cv2.equalizeHist(chans[0])
    return cv2.cvtColor(cv2.merge(chans), cv2.COLOR_Lab2RGB)


def _kmeans(im, k=8, max_size=128):
    """Shrink, cluster (k-means++ start, one attempt), map every pixel to its nearest centre.

    The same work as the augmenter (which maps the full-size image so that at most
    ``k`` colours remain), with OpenCV's clustering and one matrix product for the
    distances (``|c|^2 - 2 x.c`` ranks centres as the squared distance does).
    """
    h, w = im.shape[:2]
    f = max_size / max(h, w)
    small = cv2.resize(im, (int(w * f), int(h * f)), interpolation=cv2.INTER_LINEAR) \
        if f < 1 else im
    samples = small.reshape(-1, 3).astype(np.float32)
    criteria = (cv2.TERM_CRITERIA_MAX_ITER + cv2.TERM_CRITERIA_EPS, 10, 1.0)
    _, _, centers = cv2.kmeans(samples, k, None, criteria, 1, cv2.KMEANS_PP_CENTERS)
    palette = np.clip(np.rint(centers), 0, 255)
    pixels = im.reshape(-1, 3).astype(np.float32)
    dist = pixels @ (palette.T * -2.0).astype(np.float32) + (palette * palette).sum(axis=1)
    return palette.astype(np.uint8)[dist.argmin(axis=1)].reshape(im.shape)


_KELVIN = [saturation_mul_table(m) for m in kelvin_to_multipliers(4000.0)]
_YCC = (cv2.COLOR_RGB2YCrCb, cv2.COLOR_YCrCb2RGB)

CASES = [
    # contrast curves: one cv2.LUT with the same table
    Case("GammaContrast(1.5)", lambda: iaa.GammaContrast(1.5), _lut(gamma_table(1.5))),
    Case("SigmoidContrast(6, 0.5)", lambda: iaa.SigmoidContrast(6.0, 0.5),
         _lut(sigmoid_table(6.0, 0.5))),
    Case("LogContrast(1.2)", lambda: iaa.LogContrast(1.2), _lut(log_table(1.2))),
    Case("LinearContrast(1.3)", lambda: iaa.LinearContrast(1.3), _lut(linear_table(1.3))),
    Case("AllChannelsCLAHE(2, 8)", lambda: iaa.AllChannelsCLAHE(2.0, 8), _clahe_all),
    Case("CLAHE(2, 8) Lab", lambda: iaa.CLAHE(2.0, 8), _clahe_lab),
    Case("AllChannelsHistogramEqualization", lambda: iaa.AllChannelsHistogramEqualization(),
         _eq_all),
    Case("HistogramEqualization Lab", lambda: iaa.HistogramEqualization(), _eq_lab),
    # colourspace, gray, temperature
    Case("Grayscale(1.0)", lambda: iaa.Grayscale(1.0), _gray),
    Case("Grayscale(0.5)", lambda: iaa.Grayscale(0.5), _gray_blend),
    Case("ChangeColorspace(HSV)", lambda: iaa.ChangeColorspace("HSV"),
         lambda im: cv2.cvtColor(im, cv2.COLOR_RGB2HSV)),
    Case("ChangeColorTemperature(4000)", lambda: iaa.ChangeColorTemperature(4000),
         _channel_luts(None, None, dict(enumerate(_KELVIN)))),
    # brightness (YCrCb)
    Case("MultiplyAndAddToBrightness YCrCb",
         lambda: iaa.MultiplyAndAddToBrightness(1.2, 10, to_colorspace="YCrCb",
                                                random_order=False),
         _channel_luts(*_YCC, {0: brightness_table(1.2, 10.0, True)})),
    Case("MultiplyBrightness(1.2) YCrCb",
         lambda: iaa.MultiplyBrightness(1.2, to_colorspace="YCrCb"),
         _channel_luts(*_YCC, {0: brightness_table(1.2, 0.0, True)})),
    Case("AddToBrightness(20) YCrCb", lambda: iaa.AddToBrightness(20, to_colorspace="YCrCb"),
         _channel_luts(*_YCC, {0: brightness_table(1.0, 20.0, True)})),
    Case("WithBrightnessChannels(Linear 1.3)",
         lambda: iaa.WithBrightnessChannels(iaa.LinearContrast(1.3), to_colorspace="YCrCb"),
         _channel_luts(*_YCC, {0: linear_table(1.3)}), note="container"),
    Case("WithColorspace(HSV, Linear 1.3)",
         lambda: iaa.WithColorspace("HSV", children=iaa.LinearContrast(1.3)),
         _channel_luts(cv2.COLOR_RGB2HSV, cv2.COLOR_HSV2RGB,
                       {0: linear_table(1.3), 1: linear_table(1.3), 2: linear_table(1.3)}),
         note="container"),
    # hue / saturation (HSV)
    Case("MultiplyHueAndSaturation(1.2, 1.3)",
         lambda: iaa.MultiplyHueAndSaturation(mul_hue=1.2, mul_saturation=1.3),
         _hsv(hue_mul_table(1.2), saturation_mul_table(1.3))),
    Case("WithHueAndSaturation(S x1.3)",
         lambda: iaa.WithHueAndSaturation(iaa.WithChannels(1, iaa.Multiply(1.3))),
         _hue_sat_int16, note="container; floor: its int16 hand-off"),
    Case("WithHueAndSaturation(S x1.3) vs LUT",
         lambda: iaa.WithHueAndSaturation(iaa.WithChannels(1, iaa.Multiply(1.3))),
         _hsv(sat=saturation_mul_table(1.3)), note="floor: MultiplySaturation's LUT", info=True),
    Case("MultiplyHue(1.2)", lambda: iaa.MultiplyHue(1.2), _hsv(hue=hue_mul_table(1.2))),
    Case("MultiplySaturation(1.3)", lambda: iaa.MultiplySaturation(1.3),
         _hsv(sat=saturation_mul_table(1.3))),
    Case("RemoveSaturation(0.5)", lambda: iaa.RemoveSaturation(0.5),
         _hsv(sat=saturation_mul_table(0.5))),
    Case("AddToHueAndSaturation(20, 20)",
         lambda: iaa.AddToHueAndSaturation(value_hue=20, value_saturation=20),
         _hsv(hue_add_table(20), saturation_add_table(20))),
    Case("AddToHue(20)", lambda: iaa.AddToHue(20), _hsv(hue=hue_add_table(20))),
    Case("AddToSaturation(20)", lambda: iaa.AddToSaturation(20),
         _hsv(sat=saturation_add_table(20))),
    # quantisation
    Case("UniformColorQuantization(8)", lambda: iaa.UniformColorQuantization(8),
         _lut(uniform_quantize_table(8))),
    Case("UniformColorQuantizationToNBits(4)", lambda: iaa.UniformColorQuantizationToNBits(4),
         _lut(posterize_table(4))),
    Case("Posterize(4)", lambda: iaa.Posterize(4), _lut(posterize_table(4))),
    Case("KMeansColorQuantization(8) RGB",
         lambda: iaa.KMeansColorQuantization(8, to_colorspace=None), _kmeans,
         note="floor: cv2.kmeans (k-means++) + nearest centre per pixel"),
]

# Every augmenter with its default arguments (no floor: a throughput figure only);
# the colourspace converters need a target colourspace.
_DEFAULTS = ["Grayscale", "WithBrightnessChannels", "MultiplyAndAddToBrightness",
             "MultiplyBrightness", "AddToBrightness", "WithHueAndSaturation",
             "MultiplyHueAndSaturation", "MultiplyHue", "MultiplySaturation", "RemoveSaturation",
             "AddToHueAndSaturation", "AddToHue", "AddToSaturation", "ChangeColorTemperature",
             "KMeansColorQuantization", "UniformColorQuantization",
             "UniformColorQuantizationToNBits", "Posterize", "GammaContrast", "SigmoidContrast",
             "LogContrast", "LinearContrast", "AllChannelsCLAHE", "CLAHE",
             "AllChannelsHistogramEqualization", "HistogramEqualization"]
CASES += [Case("default %s()" % name, getattr(iaa, name), None,
               "heavy: k-means per image" if name == "KMeansColorQuantization" else "defaults")
          for name in _DEFAULTS]
CASES += [Case("default WithColorspace(HSV)", lambda: iaa.WithColorspace("HSV"), None, "defaults"),
          Case("default ChangeColorspace(HSV)", lambda: iaa.ChangeColorspace("HSV"), None,
               "defaults")]
