"""Colour kernels: colourspace conversion, hue/saturation/brightness tables,
colour temperature and colour quantisation. All work on uint8 arrays.

Colourspaces are named as in imgaug: ``RGB``, ``BGR``, ``GRAY``, ``CIE`` (XYZ),
``YCrCb``, ``HSV``, ``HLS``, ``Lab``, ``Luv``, ``YUV``. Conversions use
``cv2.cvtColor`` directly where OpenCV has a code and go through RGB otherwise.
A 3-channel ``GRAY`` image holds the gray value in every channel.

Hue follows OpenCV's uint8 convention, ``[0, 180)`` for a full turn. Hue
changes given on imgaug's ``[-255, 255]`` scale (255 = one full turn) are
mapped to ``int(v * 180 / 255)`` hue units (truncated toward zero, as imgaug
does) and wrap modulo 180.
"""

from __future__ import annotations

import functools
import math

import cv2
import numpy as np

from imgaug2.kernels.buffers import scratch

from imgaug2.kernels.contrast import apply_lut_channels
from imgaug2.kernels.noise import noise_generator

__all__ = [
    "COLORSPACES", "BRIGHTNESS_CHANNEL", "convert_colorspace", "gray_to_colorspace_channel",
    "rgb_to_gray", "gray_to_rgb", "blend_uint8",
    "hue_add_table", "hue_mul_table", "saturation_add_table", "saturation_mul_table",
    "hsv_lut", "brightness_table", "brightness_lut",
    "kelvin_to_multipliers", "color_temperature",
    "uniform_quantize_table", "posterize_table", "kmeans_palette",
    "hue_shift_units", "hsv_to_hue_sat", "hue_sat_to_hsv",
]

COLORSPACES = ("RGB", "BGR", "GRAY", "CIE", "YCrCb", "HSV", "HLS", "Lab", "Luv", "YUV")

#: Index of the brightness-like channel in each colourspace that has one.
BRIGHTNESS_CHANNEL = {"YCrCb": 0, "HSV": 2, "HLS": 1, "Lab": 0, "Luv": 0, "YUV": 0}

_CV_NAMES = {"CIE": "XYZ", "YCrCb": "YCrCb", "HSV": "HSV", "HLS": "HLS", "Lab": "Lab",
             "Luv": "Luv", "YUV": "YUV"}


def _build_codes() -> dict[tuple[str, str], int]:
    codes = {("RGB", "BGR"): cv2.COLOR_RGB2BGR, ("BGR", "RGB"): cv2.COLOR_BGR2RGB}
    for name, cv_name in _CV_NAMES.items():
        for base in ("RGB", "BGR"):
            codes[(base, name)] = getattr(cv2, "COLOR_%s2%s" % (base, cv_name))
            codes[(name, base)] = getattr(cv2, "COLOR_%s2%s" % (cv_name, base))
    return codes


_CODES = _build_codes()


def rgb_to_gray(image: np.ndarray, from_colorspace: str = "RGB") -> np.ndarray:
    """``(H,W)`` gray version of a 3-channel uint8 image in ``from_colorspace``."""
    arr = np.ascontiguousarray(image)
    if from_colorspace == "GRAY":
        return np.ascontiguousarray(arr[:, :, 0])
    if from_colorspace == "BGR":
        return cv2.cvtColor(arr, cv2.COLOR_BGR2GRAY)
    if from_colorspace != "RGB":
        arr = cv2.cvtColor(arr, _CODES[(from_colorspace, "RGB")])
    return cv2.cvtColor(arr, cv2.COLOR_RGB2GRAY)


def gray_to_rgb(gray: np.ndarray) -> np.ndarray:
    """``(H,W,3)`` image with the 2-D ``gray`` in every channel."""
    return cv2.cvtColor(np.ascontiguousarray(gray), cv2.COLOR_GRAY2RGB)


def convert_colorspace(image: np.ndarray, from_colorspace: str, to_colorspace: str
                       ) -> np.ndarray:
    """Convert a uint8 ``(H,W,3)`` image between two colourspaces (new array)."""
    arr = np.ascontiguousarray(image)
    if from_colorspace == to_colorspace or arr.size == 0:
        return arr.copy()
    if to_colorspace == "GRAY":
        return gray_to_rgb(rgb_to_gray(arr, from_colorspace))
    if from_colorspace == "GRAY":
        arr = gray_to_rgb(arr[:, :, 0])
        from_colorspace = "RGB"
        if to_colorspace == "RGB":
            return arr
    code = _CODES.get((from_colorspace, to_colorspace))
    if code is not None:
        return cv2.cvtColor(arr, code)
    rgb = cv2.cvtColor(arr, _CODES[(from_colorspace, "RGB")])
    return cv2.cvtColor(rgb, _CODES[("RGB", to_colorspace)])


def gray_to_colorspace_channel(gray: np.ndarray, to_colorspace: str) -> np.ndarray:
    """The channel of ``to_colorspace`` that carries a gray image's information.

    RGB, BGR, GRAY and CIE-like spaces give the gray value itself (channel 0
    of the converted image for CIE); spaces with a brightness channel give that
    channel. Returns a 2-D uint8 array.
    """
    if to_colorspace in ("RGB", "BGR", "GRAY"):
        return np.array(gray, copy=True, order="C")
    converted = convert_colorspace(gray_to_rgb(gray), "RGB", to_colorspace)
    idx = BRIGHTNESS_CHANNEL.get(to_colorspace, 1)  # CIE: Y (luminance) is channel 1
    return np.ascontiguousarray(converted[:, :, idx])


def blend_uint8(new: np.ndarray, old: np.ndarray, alpha: float) -> np.ndarray:
    """``alpha * new + (1 - alpha) * old``, rounded (uint8, same shapes)."""
    if alpha >= 1.0:
        return np.ascontiguousarray(new)
    if alpha <= 0.0:
        return np.array(old, copy=True, order="C")
    return cv2.addWeighted(np.ascontiguousarray(new), float(alpha),
                           np.ascontiguousarray(old), 1.0 - float(alpha), 0.0)


# ---------------------------------------------------------- hue / saturation

def _frozen(table: np.ndarray) -> np.ndarray:
    table.flags.writeable = False
    return table


_RANGE = np.arange(256, dtype=np.int64)


def hue_shift_units(value_hue: int) -> int:
    """imgaug-scale hue change ``[-255, 255]`` -> OpenCV hue units (truncated)."""
    return int(float(value_hue) * 180.0 / 255.0)


@functools.lru_cache(maxsize=1024)
def hue_add_table(value_hue: int) -> np.ndarray:
    """Table adding an imgaug-scale hue value, wrapping modulo 180."""
    return _frozen(np.mod(_RANGE + hue_shift_units(value_hue), 180).astype(np.uint8))


@functools.lru_cache(maxsize=1024)
def hue_mul_table(mul: float) -> np.ndarray:
    """Table multiplying OpenCV hue by ``mul`` (rounded), wrapping modulo 180."""
    return _frozen(np.mod(np.rint(_RANGE * float(mul)), 180).astype(np.uint8))


@functools.lru_cache(maxsize=1024)
def saturation_add_table(value: int) -> np.ndarray:
    """Table adding ``value`` to saturation, clipped to [0, 255]."""
    return _frozen(np.clip(_RANGE + int(value), 0, 255).astype(np.uint8))


@functools.lru_cache(maxsize=1024)
def saturation_mul_table(mul: float) -> np.ndarray:
    """Table multiplying saturation by ``mul`` (rounded), clipped to [0, 255]."""
    return _frozen(np.clip(np.rint(_RANGE * float(mul)), 0, 255).astype(np.uint8))


def hsv_lut(image: np.ndarray, from_colorspace: str, hue_table: np.ndarray | None,
            sat_table: np.ndarray | None) -> np.ndarray:
    """Convert a 3-channel image to HSV, map H and S through tables, convert back."""
    hsv = convert_colorspace(image, from_colorspace, "HSV")
    hsv = apply_lut_channels(hsv, [hue_table, sat_table, None])
    return convert_colorspace(hsv, "HSV", from_colorspace)


# ------------------------------------------------------------------ brightness

@functools.lru_cache(maxsize=1024)
def brightness_table(mul: float, add: float, mul_first: bool) -> np.ndarray:
    """Table applying ``x * mul`` and ``x + add`` in the given order.

    Each step is rounded and clipped to [0, 255], like two uint8 augmenters
    applied one after the other.
    """
    x = _RANGE.astype(np.float64)
    steps = ((np.multiply, mul), (np.add, add)) if mul_first else ((np.add, add),
                                                                   (np.multiply, mul))
    for op, value in steps:
        with np.errstate(over="ignore", invalid="ignore"):
            x = np.clip(np.rint(op(x, float(value))), 0, 255)
    return _frozen(x.astype(np.uint8))


def brightness_lut(image: np.ndarray, from_colorspace: str, to_colorspace: str,
                   table: np.ndarray) -> np.ndarray:
    """Map the brightness channel of ``to_colorspace`` through ``table``."""
    converted = convert_colorspace(image, from_colorspace, to_colorspace)
    tables: list[np.ndarray | None] = [None, None, None]
    tables[BRIGHTNESS_CHANNEL[to_colorspace]] = table
    converted = apply_lut_channels(converted, tables)
    return convert_colorspace(converted, to_colorspace, from_colorspace)


# --------------------------------------------------------------- temperature

@functools.lru_cache(maxsize=1024)
def kelvin_to_multipliers(kelvin: float) -> tuple[float, float, float]:
    """RGB multipliers in [0, 1] for a black body at ``kelvin`` (1000-40000 K).

    A smooth fit of the black-body colour table published by Mitchell
    Charity: warm temperatures keep red at 1 and dim blue (to 0 below
    1900 K), 6600 K is about neutral, hotter ones dim red and green.
    """
    t = float(kelvin) / 100.0
    if t <= 66.0:
        red = 255.0
        green = 99.4708025861 * math.log(t) - 161.1195681661
    else:
        red = 329.698727446 * (t - 60.0) ** -0.1332047592
        green = 288.1221695283 * (t - 60.0) ** -0.0755148492
    if t >= 66.0:
        blue = 255.0
    elif t <= 19.0:
        blue = 0.0
    else:
        blue = 138.5177312231 * math.log(t - 10.0) - 305.0447927307
    return tuple(min(max(v, 0.0), 255.0) / 255.0 for v in (red, green, blue))  # type: ignore


def color_temperature(image: np.ndarray, kelvin: float, from_colorspace: str) -> np.ndarray:
    """Scale the R, G and B channels by the multipliers of ``kelvin``."""
    mults = kelvin_to_multipliers(kelvin)
    tables = [saturation_mul_table(m) for m in mults]
    if from_colorspace == "RGB":
        return apply_lut_channels(image, tables)
    if from_colorspace == "BGR":
        return apply_lut_channels(image, tables[::-1])
    rgb = convert_colorspace(image, from_colorspace, "RGB")
    return convert_colorspace(apply_lut_channels(rgb, tables), "RGB", from_colorspace)


# ---------------------------------------------------------------- quantisation

@functools.lru_cache(maxsize=512)
def uniform_quantize_table(n_colors: int) -> np.ndarray:
    """Table mapping each of ``n_colors`` equal bins of [0, 256) to its centre."""
    width = 256.0 / int(n_colors)
    values = np.floor(_RANGE / width) * width + width / 2.0
    return _frozen(np.clip(np.floor(values), 0, 255).astype(np.uint8))


@functools.lru_cache(maxsize=16)
def posterize_table(nb_bits: int) -> np.ndarray:
    """Table keeping the ``nb_bits`` highest bits of each value (others zeroed)."""
    mask = (0xFF << (8 - int(nb_bits))) & 0xFF
    return _frozen((_RANGE & mask).astype(np.uint8))


def _planes(pixels: np.ndarray) -> list[np.ndarray]:
    """Contiguous float32 channel planes of an ``(N, C)`` array.

    Planar arithmetic keeps the distance loops on long contiguous vectors:
    numpy's reductions over a 3-wide axis and BLAS products with an inner
    dimension of 3 are both an order of magnitude slower here.
    """
    return [np.ascontiguousarray(pixels[:, c], dtype=np.float32) for c in range(pixels.shape[1])]


def _sq_dist(planes: list[np.ndarray], center: np.ndarray, out: np.ndarray,
             tmp: np.ndarray) -> np.ndarray:
    np.subtract(planes[0], center[0], out=out)
    np.multiply(out, out, out=out)
    for plane, value in zip(planes[1:], center[1:]):
        np.subtract(plane, value, out=tmp)
        np.multiply(tmp, tmp, out=tmp)
        out += tmp
    return out


def _nearest(planes: list[np.ndarray], centers: np.ndarray) -> np.ndarray:
    """Index of the nearest centre for every pixel (first one on ties)."""
    n = planes[0].shape[0]
    best = np.empty(n, dtype=np.float32)
    dist = np.empty(n, dtype=np.float32)
    tmp = np.empty(n, dtype=np.float32)
    closer = np.empty(n, dtype=bool)
    idx = np.zeros(n, dtype=np.int32)
    _sq_dist(planes, centers[0], best, tmp)
    for k in range(1, centers.shape[0]):
        _sq_dist(planes, centers[k], dist, tmp)
        np.less(dist, best, out=closer)
        np.copyto(best, dist, where=closer)
        idx[closer] = k
    return idx


def _kmeanspp_init(planes: list[np.ndarray], k: int, rng: np.random.Generator) -> np.ndarray:
    """k-means++ seeding: each new centre drawn with probability ~ squared distance."""
    n = planes[0].shape[0]
    samples = np.stack(planes, axis=1)
    centers = np.empty((k, len(planes)), dtype=np.float32)
    centers[0] = samples[int(rng.integers(0, n))]
    closest = np.empty(n, dtype=np.float32)
    dist = np.empty(n, dtype=np.float32)
    tmp = np.empty(n, dtype=np.float32)
    _sq_dist(planes, centers[0], closest, tmp)
    for j in range(1, k):
        cumulative = np.cumsum(closest, dtype=np.float64)
        total = float(cumulative[-1])
        if total <= 0.0:
            # Fewer distinct colours than clusters: duplicate centres are harmless.
            centers[j:] = centers[0]
            break
        idx = int(np.searchsorted(cumulative, rng.random() * total, side="right"))
        centers[j] = samples[min(idx, n - 1)]
        np.minimum(closest, _sq_dist(planes, centers[j], dist, tmp), out=closest)
    return centers


def kmeans_palette(image: np.ndarray, n_colors: int, seed: int,
                   fit_image: np.ndarray | None = None
                   ) -> tuple[np.ndarray, np.ndarray] | None:
    """k-means colour palette of a uint8 image and each pixel's palette index.

    The centres are fitted on ``fit_image`` (e.g. a downscaled copy; default:
    ``image``) with OpenCV's ``cv2.kmeans`` (at most 10 iterations, stop when
    centres move less than 1.0). The run is deterministic: it starts from a
    k-means++ seeding drawn from ``noise_generator(seed)``, handed to OpenCV as
    initial labels (``KMEANS_USE_INITIAL_LABELS``, one attempt), so OpenCV's
    own global, thread-local RNG is neither used nor changed. Every pixel of
    ``image`` is then assigned to its nearest (rounded) centre.

    Returns:
        ``(palette, labels)``: ``(K, C)`` uint8 centres and the flat ``(H*W,)``
        index of each pixel's centre, or ``None`` when the fitted image has no
        more pixels than ``n_colors`` (nothing to quantise).
    """
    fit = image if fit_image is None else fit_image
    nb = 1 if image.ndim == 2 else image.shape[2]
    samples = np.ascontiguousarray(fit.reshape(-1, nb), dtype=np.float32)
    k = int(n_colors)
    if samples.shape[0] <= k:
        return None
    planes = _planes(samples)
    centers = _kmeanspp_init(planes, k, noise_generator(seed))
    labels = _nearest(planes, centers)
    criteria = (cv2.TERM_CRITERIA_MAX_ITER + cv2.TERM_CRITERIA_EPS, 10, 1.0)
    _, labels, centers = cv2.kmeans(samples, k, labels.reshape(-1, 1), criteria, 1,
                                    cv2.KMEANS_USE_INITIAL_LABELS)
    palette = np.clip(np.rint(centers), 0, 255).astype(np.uint8)
    if fit_image is None:
        return palette, labels.reshape(-1)
    return palette, _nearest(_planes(image.reshape(-1, nb)), palette.astype(np.float32))


# ------------------------------------------- hue/saturation planes (WithHueAndSaturation)

_INT16 = np.dtype(np.int16)
_UINT8 = np.dtype(np.uint8)
_I16_0 = np.int16(0)
_I16_255 = np.int16(255)
# OpenCV's uint8 hue [0, 180) onto the 255-step circle [0, 255) children see, rounded
_HUE_UP = np.clip(np.rint(np.arange(256) * 255.0 / 180.0), 0, 255).astype(np.uint8)
# and back: (h * 180 + 127) // 255, the rounded inverse (no exact halves occur)
_HUE_DOWN = ((np.arange(256) * 180 + 127) // 255).astype(np.uint8)
# any int16 hue, indexed by its uint16 bit pattern: wrapped modulo 255, then mapped back
_HUE_WRAP_DOWN = _HUE_DOWN[np.mod(np.arange(65536, dtype=np.uint16).view(np.int16),
                                  255, dtype=np.int32)]


def hsv_to_hue_sat(color: np.ndarray, from_colorspace: str = "HSV"
                   ) -> tuple[np.ndarray, np.ndarray]:
    """``(hue and saturation as int16 (H,W,2), the value plane)`` of a uint8 colour image.

    ``color`` is converted from ``from_colorspace`` to HSV first (nothing to do
    for "HSV"). The hue goes from OpenCV's ``[0, 180)`` to ``[0, 255)``. Whole-
    plane OpenCV calls (split, LUT, merge) rather than strided numpy writes, and
    the intermediates live in per-thread buffers: fresh ones page-fault.

    Example:
        >>> hs, v = hsv_to_hue_sat(np.array([[[90, 7, 9]]], np.uint8))
        >>> hs.tolist(), v.tolist()
        ([[[128, 7]]], [[9]])
    """
    h, w = color.shape[:2]
    code = _CODES.get((from_colorspace, "HSV"))
    if code is not None:
        hsv = cv2.cvtColor(np.ascontiguousarray(color), code,
                           dst=scratch("hs_hsv", (h, w, 3), np.uint8))
    elif from_colorspace == "HSV":
        hsv = np.ascontiguousarray(color)
    else:
        hsv = convert_colorspace(color, from_colorspace, "HSV")
    hue, sat = scratch("hs_hue", (h, w), np.uint8), scratch("hs_sat", (h, w), np.uint8)
    value = np.empty((h, w), np.uint8)  # kept until the way back: owned, not a buffer
    cv2.split(hsv, mv=[hue, sat, value])
    cv2.LUT(hue, _HUE_UP, dst=hue)
    pair = cv2.merge([hue, sat], dst=scratch("hs_pair", (h, w, 2), np.uint8))
    return pair.astype(np.int16), value


def hue_sat_to_hsv(hs: np.ndarray, value: np.ndarray, to_colorspace: str = "HSV"
                   ) -> np.ndarray:
    """Undo :func:`hsv_to_hue_sat` for an integer ``(H,W,2)`` result of children.

    The hue is taken modulo 255 (it wraps around the circle) and mapped back to
    ``[0, 180)``; the saturation is clipped to ``[0, 255]``; the HSV image is
    converted to ``to_colorspace`` (a new array).

    Example:
        >>> hs = np.array([[[128 + 255, 300]]], np.int16)
        >>> hue_sat_to_hsv(hs, np.array([[9]], np.uint8)).tolist()
        [[[90, 255, 9]]]
    """
    h, w = value.shape
    if hs.dtype.kind == "b":
        hs = hs.astype(np.uint8)
    if hs.dtype in (_INT16, _UINT8):
        hue, sat = (scratch("hs_back%d" % i, (h, w), hs.dtype) for i in (0, 1))
        cv2.split(np.ascontiguousarray(hs), mv=[hue, sat])
        lo, hi, _, _ = cv2.minMaxLoc(hue)
        hue8 = scratch("hs_hue", (h, w), np.uint8)
        if lo >= 0 and hi < 255:
            np.copyto(hue8, hue, casting="unsafe")
            cv2.LUT(hue8, _HUE_DOWN, dst=hue8)
        else:
            np.take(_HUE_WRAP_DOWN, hue.astype(np.int16).view(np.uint16), out=hue8)
        if sat.dtype == _INT16:
            np.clip(sat, _I16_0, _I16_255, out=sat)
            sat8 = scratch("hs_sat", (h, w), np.uint8)
            np.copyto(sat8, sat, casting="unsafe")
            sat = sat8
    else:  # int8, uint16: rare, plain numpy
        hue8 = _HUE_DOWN[np.mod(hs[:, :, 0], 255, dtype=np.int32)]
        sat = np.ascontiguousarray(np.clip(hs[:, :, 1], 0, 255), dtype=np.uint8)
    if to_colorspace == "HSV":
        return cv2.merge([hue8, sat, value])
    hsv = cv2.merge([hue8, sat, value], dst=scratch("hs_hsv", (h, w, 3), np.uint8))
    return convert_colorspace(hsv, "HSV", to_colorspace)
