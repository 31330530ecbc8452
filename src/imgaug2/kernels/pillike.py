"""Pure uint8 kernels that reproduce Pillow's ImageOps, ImageEnhance and ImageFilter.

Every function here returns exactly what the corresponding Pillow call returns
(verified pixel by pixel in ``tests/test_pillike.py``), computed with numpy and
OpenCV; Pillow itself is never imported. The exception is opt-in:
``exact=False`` in :func:`enhance_color` and :func:`filter_image` trades a
difference of 1 on a few pixels for speed (see there). The behaviour reproduced, established
by experiment:

* ImageOps: ``solarize`` keeps values below the threshold and inverts the rest;
  ``posterize`` clears the low ``8 - bits`` bits; ``equalize`` and
  ``autocontrast`` build one lookup table per channel from its histogram.
* ImageEnhance blends the image with a degenerate image in float32:
  ``trunc(d + a * (x - d))`` with ``a`` rounded to float32, each step rounded to
  float32, then clipped to [0, 255]. Degenerates: black (brightness), the
  rounded mean of the luma image (contrast), the luma image (colour) and the
  SMOOTH-filtered image (sharpness).
* Luma is ``(19595 R + 38470 G + 7471 B + 32768) >> 16``.
* ImageFilter: see :mod:`imgaug2.kernels.pillike_filter`; Image.transform
  AFFINE: see :mod:`imgaug2.kernels.pillike_affine` (both re-exported here).

Channel layout (all kernels): ``(H,W)`` and ``(H,W,1)`` are gray, ``(H,W,3)`` is
RGB and ``(H,W,4)`` is RGB plus an alpha channel that is returned unchanged.
Callers validate the layout (:func:`check_layout`).
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict

import cv2
import numpy as np

from imgaug2.kernels._cv import lut
from imgaug2.kernels.pillike_affine import (affine_image, affine_indices, affine_map,
                                            affine_xy, scaled_coefficients)
from imgaug2.kernels.pillike_base import (IDENTITY, LAYOUT_ERROR, as_float, check_layout,
                                          color_channels, color_part, finish, plane_view,
                                          restore, scratch)
from imgaug2.kernels.pillike_filter import FILTERS, filter_color, filter_image

__all__ = [
    "FILTERS", "LAYOUT_ERROR", "check_layout", "solarize_lut", "posterize_lut", "equalize_lut",
    "autocontrast_lut", "apply_channel_luts", "solarize", "posterize", "equalize",
    "autocontrast", "luma", "enhance_brightness", "enhance_contrast", "enhance_color",
    "enhance_sharpness", "blend_float32", "filter_image", "affine_indices", "affine_image",
    "affine_map", "affine_xy", "scaled_coefficients", "scratch",
]

_IDENTITY = IDENTITY
_RAMP = np.arange(256, dtype=np.float64)
_F32 = np.float32
# Luma weights scaled by 2**-16: every product and partial sum of a uint8 pixel is exact in
# float32, so a float32 transform plus truncation gives Pillow's integer formula bit for bit.
_LUMA_MATRIX = np.array([[19595.0 / 65536.0, 38470.0 / 65536.0, 7471.0 / 65536.0, 0.5]],
                        dtype=np.float32)
# calcHist counts in float32: exact below 2**24 pixels per channel.
_CALCHIST_MAX_PIXELS = 1 << 24

_plane_view = plane_view
_restore = restore
_color_channels = color_channels
_color_part = color_part
_finish = finish


# ----------------------------------------------------------------------- LUT kernels

@functools.lru_cache(maxsize=512)
def solarize_lut(threshold: float) -> np.ndarray:
    """Values below ``threshold`` stay, the others become ``255 - v`` (read-only, cached)."""
    lut = np.where(_IDENTITY < threshold, _IDENTITY, 255 - _IDENTITY).astype(np.uint8)
    lut.flags.writeable = False
    return lut


def posterize_lut(bits: int) -> np.ndarray:
    """Keep the ``bits`` most significant bits of each value."""
    mask = (0xFF << (8 - int(bits))) & 0xFF
    return (_IDENTITY & mask).astype(np.uint8)


def apply_channel_luts(image: np.ndarray, luts: list[np.ndarray]) -> np.ndarray:
    """Apply one 256-entry LUT per colour channel (one LUT: all of them); alpha is kept."""
    if image.size == 0:
        return image.copy()
    plane = _plane_view(image)
    n = _color_channels(image)
    if plane.ndim == 2:
        return _restore(lut(plane, luts[0]), image)
    if len(luts) == 1 or all(lut is luts[0] for lut in luts):
        # one table for every channel is about twice as fast as per-channel tables
        out = lut(plane, luts[0])
        if plane.shape[2] == 4:
            out[:, :, 3] = plane[:, :, 3]
        return out
    table = np.empty((1, 256, plane.shape[2]), dtype=np.uint8)
    for c in range(n):
        table[0, :, c] = luts[c if len(luts) > 1 else 0]
    if plane.shape[2] == 4:
        table[0, :, 3] = _IDENTITY
    return lut(plane, table)


def solarize(image: np.ndarray, threshold: float) -> np.ndarray:
    """``PIL.ImageOps.solarize``."""
    return apply_channel_luts(image, [solarize_lut(float(threshold))])


def posterize(image: np.ndarray, bits: int) -> np.ndarray:
    """``PIL.ImageOps.posterize``: a bitwise AND with the kept bits (alpha untouched)."""
    if image.size == 0:
        return image.copy()
    mask = (0xFF << (8 - int(bits))) & 0xFF
    src = np.ascontiguousarray(image)
    if src.ndim == 3 and src.shape[2] == 4:
        # one 32-bit AND per RGBA pixel; the alpha byte's mask is 0xFF
        word = np.array([mask, mask, mask, 255], dtype=np.uint8).view(np.uint32)[0]
        return np.bitwise_and(src.view(np.uint32), word).view(np.uint8)
    return np.bitwise_and(src, np.uint8(mask))


# ------------------------------------------------------------------ histogram kernels

def _split(image: np.ndarray) -> tuple[list[np.ndarray], np.ndarray | None]:
    """The colour planes of ``image`` as contiguous 2D arrays, and its alpha plane (or None).

    Per-plane histograms and single-table LUTs are much faster in OpenCV than
    their interleaved multi-channel forms, which more than pays for the split.
    """
    plane = _plane_view(image)
    if plane.ndim == 2:
        return [plane], None
    planes = list(cv2.split(plane))
    if len(planes) == 4:
        return planes[:3], planes[3]
    return planes, None


def _merge(planes: list[np.ndarray], alpha: np.ndarray | None, image: np.ndarray) -> np.ndarray:
    """Reassemble processed planes in ``image``'s layout (a new array)."""
    if len(planes) == 1:
        out = planes[0]
        if out is image or np.shares_memory(out, image):
            out = out.copy()
        return _restore(out, image)
    return cv2.merge(planes if alpha is None else planes + [alpha])


def _histograms(planes: list[np.ndarray], mask: np.ndarray | None = None) -> np.ndarray:
    """256-bin histogram of every plane (only where ``mask`` is nonzero), as float64 rows."""
    hists = np.empty((len(planes), 256), dtype=np.float64)
    h, w = planes[0].shape
    if h * w < _CALCHIST_MAX_PIXELS:
        for row, plane in zip(hists, planes, strict=True):
            row[:] = cv2.calcHist([plane], [0], mask, [256], [0, 256]).ravel()
        return hists
    select = (slice(None), slice(None)) if mask is None else (mask != 0)
    for row, plane in zip(hists, planes, strict=True):
        row[:] = np.bincount(plane[select].ravel(), minlength=256)
    return hists


def equalize_lut(hist: np.ndarray) -> np.ndarray:
    """Equalisation table of one channel (identity for constant or near-empty channels).

    The step is the pixel count without the highest occupied bin, divided by 255
    (integer division); value ``i`` maps to ``(step // 2 + count below i) // step``.
    """
    occupied = hist[hist > 0]
    if occupied.size <= 1:
        return _IDENTITY
    step = (int(hist.sum()) - int(occupied[-1])) // 255
    if step == 0:
        return _IDENTITY
    below = np.concatenate(([0], np.cumsum(hist[:-1])))
    return np.minimum((below + step // 2) // step, 255).astype(np.uint8)


def autocontrast_lut(hist: np.ndarray, cutoff_low: float, cutoff_high: float) -> np.ndarray:
    """Stretch table of one channel after cutting ``cutoff`` percent off each end.

    ``total * cutoff // 100`` pixels are removed from the darkest bins and the
    same share of the total from the brightest; the remaining range
    ``[lo, hi]`` is stretched to [0, 255] with ``int(i * scale - lo * scale)``.
    """
    cumulative = np.cumsum(hist.astype(np.int64))
    total = int(cumulative[-1])
    cut_low = total * cutoff_low // 100
    cut_high = total * cutoff_high // 100
    if total - cut_low <= cut_high:
        return _IDENTITY  # everything was cut away
    # lowest bin still holding pixels after cut_low were removed from the bottom
    lo = int(np.searchsorted(cumulative, cut_low, side="right"))
    # highest bin whose pixels at or above it outnumber the cut from the top
    below = cumulative - hist
    hi = int(np.searchsorted(below, total - cut_high, side="left")) - 1
    if hi <= lo:
        return _IDENTITY
    scale = 255.0 / (hi - lo)
    # int() truncates towards zero, so the values below lo (negative) become 0 too
    return np.clip(np.trunc(_RAMP * scale - lo * scale), 0, 255).astype(np.uint8)


def _equalize_luts(hists: np.ndarray) -> list[np.ndarray | None]:
    """:func:`equalize_lut` of every histogram row at once (None: identity).

    Counts are integers below 2**53, so float64 cumulative sums are exact, and
    the floor of a correctly rounded quotient of two such integers is their
    integer quotient. A histogram with at most one occupied bin gets step 0.
    """
    cumulative = np.cumsum(hists, axis=1)
    # count of the highest occupied bin of each channel
    last = hists[np.arange(hists.shape[0]), 255 - np.argmax(hists[:, ::-1] > 0, axis=1)]
    step = np.floor((cumulative[:, 255] - last) / 255.0)
    divisor = np.maximum(step, 1.0)[:, np.newaxis]
    below = cumulative - hists
    below += np.floor(divisor / 2.0)
    below /= divisor
    np.floor(below, out=below)
    np.minimum(below, 255.0, out=below)
    luts = below.astype(np.uint8)
    return [luts[i] if step[i] > 0 else None for i in range(hists.shape[0])]


def equalize(image: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    """``PIL.ImageOps.equalize(image, mask)`` (per channel; ``mask``: uint8 ``(H,W)``)."""
    if image.size == 0:
        return image.copy()
    planes, alpha = _split(image)
    luts = _equalize_luts(_histograms(planes, mask))
    return _merge([p if table is None else lut(p, table) for p, table in zip(planes, luts)],
                  alpha, image)


def autocontrast(image: np.ndarray, cutoffs: tuple, ignore: tuple = ()) -> np.ndarray:
    """``PIL.ImageOps.autocontrast(image, cutoff, ignore)`` with one cutoff per colour channel.

    ``cutoffs`` holds ``(low, high)`` percentages per channel; a single pair is
    used for every channel. Histogram bins listed in ``ignore`` count as empty.
    """
    if image.size == 0:
        return image.copy()
    planes, alpha = _split(image)
    hists = _histograms(planes)
    hists[:, list(ignore)] = 0
    if len(cutoffs) == 1:
        cutoffs = tuple(cutoffs) * len(planes)
    luts = [autocontrast_lut(h, lo, hi) for h, (lo, hi) in zip(hists, cutoffs, strict=False)]
    return _merge([lut(p, table) for p, table in zip(planes, luts)], alpha, image)


# ----------------------------------------------------------------------- ImageEnhance

_as_float = as_float


def _luma_unfloored(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(rgb as float32, luma + fraction as float32)``, both scratch arrays.

    The second array holds ``(19595 R + 38470 G + 7471 B + 32768) / 65536``
    exactly; its floor (or a truncating cast, the values being positive) is
    Pillow's luma.
    """
    rgb_f = _as_float("rgb", rgb)
    lum = cv2.transform(rgb_f, _LUMA_MATRIX, dst=scratch("luma", rgb.shape[:2]))
    return rgb_f, lum


def _luma_float(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(rgb as float32, integer luma as float32)``, both scratch arrays."""
    rgb_f, lum = _luma_unfloored(rgb)
    np.floor(lum, out=lum)
    return rgb_f, lum


_LUMA_LOCAL = threading.local()


def _luma_buffers(shape: tuple) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """This thread's ``(rgb float32, luma float32, luma uint8)`` work arrays for ``shape``.

    One lookup instead of three :func:`scratch` calls: the luma sits on the
    path of every EnhanceColor and EnhanceContrast row.
    """
    bufs = getattr(_LUMA_LOCAL, "bufs", None)
    if bufs is None or bufs[0].shape != shape:
        hw = shape[:2]
        # zeroed: see _luma_u8
        bufs = (np.zeros(shape, np.float32), np.empty(hw, np.float32), np.empty(hw, np.uint8))
        if bufs[0].nbytes <= 16 << 20:
            _LUMA_LOCAL.bufs = bufs
    return bufs


def _luma_u8(rgb: np.ndarray) -> np.ndarray:
    """Pillow's luma as a uint8 scratch array (the cast truncates, which floors here)."""
    values, lum, out = _luma_buffers(rgb.shape)
    # uint8 to float32 through cv2.accumulateWeighted with weight 1: dst * 0 + src * 1 is
    # src exactly for finite dst, a little faster than numpy's cast. This work array is
    # zeroed when created and only ever receives converted pixels, so it stays finite.
    cv2.accumulateWeighted(rgb, values, 1.0)
    cv2.transform(values, _LUMA_MATRIX, dst=lum)
    np.copyto(out, lum, casting="unsafe")
    return out


def luma(rgb: np.ndarray) -> np.ndarray:
    """Pillow's ``convert("L")`` of an ``(H,W,3)`` uint8 RGB image, as ``(H,W)`` uint8."""
    return _luma_u8(rgb).copy()


def _blend_lut(degenerate: float, factor: float) -> np.ndarray:
    """Pillow's float32 blend of a constant with every uint8 value."""
    base = _F32(degenerate)
    values = (_RAMP.astype(np.float32) - base) * _F32(factor) + base
    np.clip(values, 0, 255, out=values)
    return values.astype(np.uint8)


def _blend_into(out: np.ndarray, base: np.ndarray, factor: float) -> np.ndarray:
    """``out`` (float32 image, overwritten) blended with float32 ``base``, as uint8."""
    np.subtract(out, base, out=out)
    np.multiply(out, _F32(factor), out=out)
    np.add(out, base, out=out)
    np.clip(out, 0, 255, out=out)
    return out.astype(np.uint8)


def blend_float32(degenerate: np.ndarray, image: np.ndarray, factor: float) -> np.ndarray:
    """``Image.blend(degenerate, image, factor)`` for uint8 arrays of one shape."""
    return _blend_into(_as_float("blend_image", image), _as_float("blend_base", degenerate),
                       factor)


def _ramp_layouts() -> list[tuple[np.ndarray, np.ndarray]]:
    """All 256 values laid out as rows of 256, 8, 3 and 1 elements (strided views).

    OpenCV's element-wise kernels run a SIMD main loop and narrower or scalar tails;
    these rows send every value through each of them.
    """
    layouts = []
    for width in (256, 8, 3, 1):
        rows = -(-256 // width)
        values = np.resize(_IDENTITY, rows * width).reshape(rows, width)
        if width == 256:
            layouts.append((values, values))
            continue
        holder = np.zeros((rows, width + 5), dtype=np.uint8)
        holder[:, :width] = values
        layouts.append((holder[:, :width], values))
    return layouts


_LAYOUTS = _ramp_layouts()
# Moves OpenCV's round-half-to-even onto truncation, far below any tested margin.
_TRUNC_SHIFT = -0.5 + 2.0 ** -14


# How _linear_lut applies a blend table: cv2.transform of a one-channel view, cv2.addWeighted
# of the image with itself, or the table itself (cv2.LUT).
_BY_TRANSFORM, _BY_ADDWEIGHTED, _BY_TABLE = 0, 1, 2


def _transform_layouts() -> list[tuple[np.ndarray, np.ndarray]]:
    """:data:`_LAYOUTS` with every view made contiguous (how _linear_lut calls cv2.transform)."""
    layouts = [(np.ascontiguousarray(view), values) for view, values in _LAYOUTS]
    for view, _ in layouts:
        view.flags.writeable = False
    return layouts


_CONTIGUOUS_LAYOUTS = _transform_layouts()


@functools.lru_cache(maxsize=512)
def _linear_plan(alpha: float, degenerate: float) -> tuple[np.ndarray, int, np.ndarray]:
    """Pillow's blend table for a constant degenerate and the fastest OpenCV call that
    reproduces it bit for bit for all 256 values on every code path tried.

    ``alpha`` is the factor rounded to float32. Returns ``(table, how, matrix)``
    with ``how`` one of ``_BY_*`` and ``matrix`` the ``(1, 2)`` cv2.transform
    matrix ``[alpha, gamma]``. A one-channel cv2.transform computes
    ``saturate(round(alpha * v + gamma))`` at roughly 1.5 times the speed of
    cv2.addWeighted, which in turn is about twice as fast as cv2.LUT. Plans are
    cached (constant factors and the 256 possible means repeat); about 1 pair in
    100 fails both checks (the two calls round alike here) and uses the table.
    """
    lut = _blend_lut(degenerate, alpha)
    gamma = (1.0 - alpha) * degenerate + _TRUNC_SHIFT
    matrix = np.array([[alpha, gamma]])
    if all(np.array_equal(cv2.transform(view, matrix).reshape(values.shape), lut[values])
           for view, values in _CONTIGUOUS_LAYOUTS):
        how = _BY_TRANSFORM
    elif all(np.array_equal(cv2.addWeighted(view, alpha, view, 0.0, gamma), lut[values])
             for view, values in _LAYOUTS):
        how = _BY_ADDWEIGHTED
    else:
        how = _BY_TABLE
    lut.flags.writeable = False
    matrix.flags.writeable = False
    return lut, how, matrix


def _linear_lut(image: np.ndarray, factor: float, degenerate: float) -> np.ndarray:
    """Blend every colour channel with a constant degenerate value (alpha kept)."""
    alpha = float(_F32(factor))
    lut, how, matrix = _linear_plan(alpha, float(degenerate))
    if how == _BY_TRANSFORM:
        src = np.ascontiguousarray(image)
        # every channel as one plane of H rows: one matrix serves them all
        out = cv2.transform(src.reshape(src.shape[0], -1), matrix).reshape(src.shape)
        if src.ndim == 3 and src.shape[2] == 4:
            out[:, :, 3] = src[:, :, 3]
        return out
    if how == _BY_TABLE:
        return apply_channel_luts(image, [lut])
    plane = image if image.ndim == 2 or image.shape[2] == 3 else _plane_view(image)
    out = cv2.addWeighted(plane, alpha, plane, 0.0, matrix[0, 1])
    if plane.ndim == 3 and plane.shape[2] == 4:
        out[:, :, 3] = plane[:, :, 3]
    return out if plane is image else _restore(out, image)


def enhance_brightness(image: np.ndarray, factor: float) -> np.ndarray:
    """``ImageEnhance.Brightness(image).enhance(factor)``."""
    if image.size == 0:
        return image.copy()
    return _linear_lut(image, factor, 0.0)


def enhance_contrast(image: np.ndarray, factor: float) -> np.ndarray:
    """``ImageEnhance.Contrast(image).enhance(factor)``: blend with the rounded luma mean."""
    if image.size == 0:
        return image.copy()
    color = image if image.ndim == 3 and image.shape[2] == 3 else _color_part(image)
    total = cv2.sumElems(color if color.ndim == 2 else _luma_u8(color))[0]
    mean = int(total / (color.shape[0] * color.shape[1]) + 0.5)
    return _linear_lut(image, factor, float(mean))


# factor (as float32) -> None (seen once) or whether cv2.addWeighted reproduces the blend
_BLEND_PLANS: OrderedDict = OrderedDict()
_BLEND_LOCK = threading.Lock()
_BLEND_PLANS_MAX = 256
# factor -> plan, for factors already checked (oldest dropped first)
_BLEND_DECIDED: dict = {}
_BLEND_GRIDS: list = []


def _blend_grids() -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Every (degenerate, image) uint8 pair, as one block and as rows of 8, 3 and 1 pairs."""
    if not _BLEND_GRIDS:
        degenerate = np.repeat(_IDENTITY, 256).reshape(256, 256)
        image = np.ascontiguousarray(degenerate.T)
        grids = [(degenerate, image, np.arange(65536))]
        for width in (8, 3, 1):
            rows = -(-65536 // width)
            flat = np.resize(np.arange(65536), rows * width)
            views = []
            for source in (degenerate, image):
                holder = np.zeros((rows, width + 3), dtype=np.uint8)
                holder[:, :width] = source.ravel()[flat].reshape(rows, width)
                views.append(holder[:, :width])
            grids.append((views[0], views[1], flat))
        _BLEND_GRIDS[:] = grids
    return _BLEND_GRIDS


def _blend_is_linear(alpha: float) -> bool:
    """Whether ``cv2.addWeighted`` reproduces Pillow's float32 blend for factor ``alpha``.

    Checked on all 65536 value pairs and on every OpenCV code path, once per factor
    and only when a factor comes back (constant or listed factors), so factors
    drawn from continuous ranges never pay the ~2 ms check.
    """
    # decided factors are read without the lock (a dict lookup is atomic)
    plan = _BLEND_DECIDED.get(alpha)
    if plan is not None:
        return plan
    with _BLEND_LOCK:
        known = alpha in _BLEND_PLANS
        plan = _BLEND_PLANS.get(alpha)
        if known:
            _BLEND_PLANS.move_to_end(alpha)
    if plan is not None:
        return plan
    if not known:
        with _BLEND_LOCK:
            _BLEND_PLANS[alpha] = None
            while len(_BLEND_PLANS) > _BLEND_PLANS_MAX:
                _BLEND_PLANS.popitem(last=False)
        return False
    grids = _blend_grids()
    expected = blend_float32(grids[0][0], grids[0][1], alpha).ravel()
    plan = True
    for degenerate, image, index in grids:
        out = cv2.addWeighted(image, alpha, degenerate, 1.0 - alpha, _TRUNC_SHIFT)
        if not np.array_equal(out.ravel(), expected[index]):
            plan = False
            break
    with _BLEND_LOCK:
        _BLEND_PLANS[alpha] = plan
        _BLEND_DECIDED[alpha] = plan
        while len(_BLEND_DECIDED) > _BLEND_PLANS_MAX:
            del _BLEND_DECIDED[next(iter(_BLEND_DECIDED))]
    return plan


def _blend(degenerate: np.ndarray, color: np.ndarray, factor: float) -> np.ndarray:
    """Pillow's blend of two same-shape uint8 arrays."""
    alpha = float(_F32(factor))
    if _blend_is_linear(alpha):
        return cv2.addWeighted(color, alpha, degenerate, 1.0 - alpha, _TRUNC_SHIFT)
    return blend_float32(degenerate, color, alpha)


def enhance_color(image: np.ndarray, factor: float, exact: bool = True) -> np.ndarray:
    """``ImageEnhance.Color(image).enhance(factor)``: blend with the luma image.

    Gray images are their own degenerate, so they come back unchanged.
    ``exact=False`` takes the luma image from OpenCV's RGB to gray conversion,
    whose fixed-point weights differ slightly from Pillow's: its luma is off by
    one where Pillow's weighted sum lies next to a rounding boundary (0.06% of
    a photo's pixels with OpenCV 5), which moves the blend there by
    ``|1 - factor|`` before truncation. The blend itself is Pillow's either way.
    """
    if image.size == 0 or image.ndim == 2 or image.shape[2] == 1:
        return image.copy()
    color = image if image.shape[2] == 3 else np.ascontiguousarray(image[:, :, :3])
    alpha = float(_F32(factor))
    if _blend_is_linear(alpha):
        gray = _luma_u8(color) if exact else cv2.cvtColor(color, cv2.COLOR_RGB2GRAY)
        gray3 = cv2.cvtColor(gray, cv2.COLOR_GRAY2RGB)
        out = cv2.addWeighted(color, alpha, gray3, 1.0 - alpha, _TRUNC_SHIFT, dst=gray3)
    else:
        if exact:
            rgb_f, lum = _luma_float(color)
        else:
            rgb_f = _as_float("rgb", color)
            lum = _as_float("luma", cv2.cvtColor(color, cv2.COLOR_RGB2GRAY))
        base = cv2.cvtColor(lum, cv2.COLOR_GRAY2RGB, dst=scratch("luma3", color.shape))
        out = _blend_into(rgb_f, base, alpha)
    return out if image.shape[2] == 3 else _finish(out, image)


def enhance_sharpness(image: np.ndarray, factor: float) -> np.ndarray:
    """``ImageEnhance.Sharpness(image).enhance(factor)``: blend with the SMOOTH-filtered image."""
    if image.size == 0:
        return image.copy()
    color = _color_part(image)
    smooth = filter_color(color, "SMOOTH")
    return _finish(_restore(_blend(smooth, color, factor), color), image)
