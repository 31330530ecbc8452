"""Contrast kernels: intensity curves, CLAHE and histogram equalisation.

uint8 images go through ``cv2.LUT`` with a 256-entry table per channel (built
in float64 once per parameter value and cached), so no pixel is ever converted
to float. Other dtypes are computed in float64 and brought back:

* integer dtypes are normalised over their full range, ``[min, max] -> [0, 1]``
  (so ``[0, 65535]`` for uint16 and ``[-32768, 32767]`` for int16), the curve
  is applied, and the result is scaled back, rounded and clipped;
* float dtypes are intensities on ``[0, 1]``: the gamma, sigmoid and log curves
  clip their input to ``[0, 1]`` first (they are only defined there), the
  linear curve works on any value and clips to the dtype's finite range.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import cv2
import numpy as np

from imgaug2.kernels._cv import lut, restore_dtype

__all__ = [
    "apply_lut", "apply_lut_channels", "gamma_table", "sigmoid_table", "log_table",
    "linear_table", "gamma_contrast", "sigmoid_contrast", "log_contrast", "linear_contrast",
    "clahe_channel", "clahe_image", "equalize_hist_image", "CURVE_DTYPES",
]

#: dtypes the curve kernels accept (float64 holds every value of these exactly).
CURVE_DTYPES = frozenset({"uint8", "uint16", "uint32", "int8", "int16", "int32", "float16",
                          "float32", "float64"})

_X01 = np.linspace(0.0, 1.0, 256)


def _finish_table(values: np.ndarray) -> np.ndarray:
    table = np.clip(np.rint(values * 255.0), 0, 255).astype(np.uint8)
    table.flags.writeable = False  # shared through the cache
    return table


# Tables are cached per parameter value: fixed or list-valued parameters (the
# common case in training pipelines) then cost one dict lookup per row.
@functools.lru_cache(maxsize=1024)
def gamma_table(gamma: float) -> np.ndarray:
    """uint8 table of ``255 * (x / 255) ** gamma`` (rounded)."""
    return _finish_table(np.power(_X01, gamma))


@functools.lru_cache(maxsize=1024)
def sigmoid_table(gain: float, cutoff: float) -> np.ndarray:
    """uint8 table of ``255 / (1 + exp(gain * (cutoff - x / 255)))``."""
    with np.errstate(over="ignore"):
        return _finish_table(1.0 / (1.0 + np.exp(gain * (cutoff - _X01))))


@functools.lru_cache(maxsize=1024)
def log_table(gain: float) -> np.ndarray:
    """uint8 table of ``255 * gain * log2(1 + x / 255)``."""
    return _finish_table(gain * np.log2(1.0 + _X01))


@functools.lru_cache(maxsize=1024)
def linear_table(alpha: float) -> np.ndarray:
    """uint8 table of ``128 + alpha * (x - 128)`` (rounded, clipped)."""
    values = 128.0 + alpha * (np.arange(256, dtype=np.float64) - 128.0)
    table = np.clip(np.rint(values), 0, 255).astype(np.uint8)
    table.flags.writeable = False
    return table


# ----------------------------------------------------------------- LUT plumbing

def apply_lut(image: np.ndarray, table: np.ndarray) -> np.ndarray:
    """Map every uint8 value of ``image`` through one 256-entry uint8 ``table``.

    Works for any layout (``(H,W)``, ``(H,W,C)`` with any ``C``) and returns a
    new C-contiguous array of the input's shape.
    """
    if image.size == 0:
        return image.copy()
    if image.ndim == 3 and 1 < image.shape[2] <= 4 and image.flags.c_contiguous:
        return lut(image, table)
    arr = np.ascontiguousarray(image)
    # One table for all channels: the channel axis does not matter, so a 2-D
    # view lets cv2.LUT run its single-channel loop on every layout.
    return lut(arr.reshape(arr.shape[0], -1), table).reshape(image.shape)


def apply_lut_channels(image: np.ndarray, tables: Sequence[np.ndarray | None]) -> np.ndarray:
    """Map channel ``c`` of a uint8 ``(H,W,C)`` image through ``tables[c]``.

    ``None`` leaves a channel unchanged. ``len(tables)`` must equal ``C``.
    """
    if image.size == 0:
        return image.copy()
    arr = np.ascontiguousarray(image)
    if arr.ndim == 2:
        return apply_lut(arr, tables[0]) if tables[0] is not None else arr.copy()
    first = tables[0]
    if first is not None and all(t is first for t in tables):
        return apply_lut(arr, first)
    channels = list(cv2.split(arr))
    for c, table in enumerate(tables):
        if table is not None:
            channels[c] = lut(channels[c], table)
    return cv2.merge(channels).reshape(arr.shape)


def _lut_curve(image: np.ndarray, values: Sequence, make: Callable[..., np.ndarray]
               ) -> np.ndarray:
    if len(values) == 1:
        return apply_lut(image, make(*values[0]))
    return apply_lut_channels(image, [make(*v) for v in values])


# -------------------------------------------------------- other dtypes: float64

def _float_curve(image: np.ndarray, values: Sequence,
                 curve: Callable[..., np.ndarray], clip01: bool) -> np.ndarray:
    """Apply ``curve(x01, *args)`` per channel in float64 (see module docstring)."""
    if image.size == 0:
        return image.copy()
    dtype = image.dtype
    x = image.astype(np.float64)
    if dtype.kind in "ui":
        info = np.iinfo(dtype)
        lo, span = float(info.min), float(info.max) - float(info.min)
        x -= lo
        x /= span
    elif clip01:
        np.clip(x, 0.0, 1.0, out=x)
    with np.errstate(over="ignore", invalid="ignore"):
        if len(values) == 1 or x.ndim == 2:
            x = curve(x, *values[0])
        else:
            x = np.stack([curve(x[:, :, c], *values[c]) for c in range(x.shape[2])], axis=2)
    if dtype.kind in "ui":
        x *= span
        x += lo
        return restore_dtype(x, dtype)
    finfo = np.finfo(dtype)
    np.clip(x, finfo.min, finfo.max, out=x)
    return x.astype(dtype)


def _gamma_curve(x: np.ndarray, gamma: float) -> np.ndarray:
    return np.power(x, gamma)


def _sigmoid_curve(x: np.ndarray, gain: float, cutoff: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(gain * (cutoff - x)))


def _log_curve(x: np.ndarray, gain: float) -> np.ndarray:
    return gain * np.log2(1.0 + x)


def _linear_curve_float(x: np.ndarray, alpha: float, center: float) -> np.ndarray:
    return center + alpha * (x - center)


def gamma_contrast(image: np.ndarray, gammas: Sequence[float]) -> np.ndarray:
    """``x -> x ** gamma`` on normalised intensities; one gamma or one per channel."""
    values = [(float(g),) for g in gammas]
    if image.dtype == np.uint8:
        return _lut_curve(image, values, gamma_table)
    return _float_curve(image, values, _gamma_curve, clip01=True)


def sigmoid_contrast(image: np.ndarray, gains: Sequence[float],
                     cutoffs: Sequence[float]) -> np.ndarray:
    """``x -> 1 / (1 + exp(gain * (cutoff - x)))`` on normalised intensities."""
    values = [(float(g), float(c)) for g, c in zip(gains, cutoffs)]
    if image.dtype == np.uint8:
        return _lut_curve(image, values, sigmoid_table)
    return _float_curve(image, values, _sigmoid_curve, clip01=True)


def log_contrast(image: np.ndarray, gains: Sequence[float]) -> np.ndarray:
    """``x -> gain * log2(1 + x)`` on normalised intensities."""
    values = [(float(g),) for g in gains]
    if image.dtype == np.uint8:
        return _lut_curve(image, values, log_table)
    return _float_curve(image, values, _log_curve, clip01=True)


def linear_contrast(image: np.ndarray, alphas: Sequence[float]) -> np.ndarray:
    """``x -> center + alpha * (x - center)``, clipped to the dtype's range.

    ``center`` is 128 for uint8, ``(min + max + 1) / 2`` for other integer
    dtypes (32768 for uint16, 0 for int16) and 0.5 for floats.
    """
    if image.dtype == np.uint8:
        return _lut_curve(image, [(float(a),) for a in alphas], linear_table)
    if image.size == 0:
        return image.copy()
    dtype = image.dtype
    if dtype.kind in "ui":
        info = np.iinfo(dtype)
        center = (float(info.min) + float(info.max) + 1.0) / 2.0
    else:
        center = 0.5
    x = image.astype(np.float64)
    values = [(float(a), center) for a in alphas]
    with np.errstate(over="ignore", invalid="ignore"):
        if len(values) == 1 or x.ndim == 2:
            x = _linear_curve_float(x, *values[0])
        else:
            x = np.stack([_linear_curve_float(x[:, :, c], *values[c])
                          for c in range(x.shape[2])], axis=2)
    if dtype.kind in "ui":
        return restore_dtype(x, dtype)
    finfo = np.finfo(dtype)
    np.clip(x, finfo.min, finfo.max, out=x)
    return x.astype(dtype)


# ------------------------------------------------------------ CLAHE / hist. eq.

def clahe_channel(channel: np.ndarray, clip_limit: float, grid_h: int, grid_w: int
                  ) -> np.ndarray:
    """CLAHE on one 2-D uint8/uint16 channel with a ``grid_h x grid_w`` tile grid.

    A grid of at most one tile per axis leaves the channel unchanged (copy).
    """
    if channel.size == 0 or (grid_h <= 1 and grid_w <= 1):
        return channel.copy()
    clahe = cv2.createCLAHE(clipLimit=float(clip_limit),
                            tileGridSize=(max(int(grid_w), 1), max(int(grid_h), 1)))
    return clahe.apply(np.ascontiguousarray(channel))


def clahe_image(image: np.ndarray, settings: Sequence[tuple[float, int, int]]) -> np.ndarray:
    """CLAHE on every channel; ``settings`` holds one ``(clip, gh, gw)`` or one per channel."""
    if image.size == 0:
        return image.copy()
    if image.ndim == 2:
        return clahe_channel(image, *settings[0])
    channels = cv2.split(np.ascontiguousarray(image))
    out = [clahe_channel(ch, *(settings[0] if len(settings) == 1 else settings[c]))
           for c, ch in enumerate(channels)]
    return cv2.merge(out).reshape(image.shape)


def equalize_hist_image(image: np.ndarray) -> np.ndarray:
    """``cv2.equalizeHist`` on every channel of a uint8 image."""
    if image.size == 0:
        return image.copy()
    arr = np.ascontiguousarray(image)
    if arr.ndim == 2:
        return cv2.equalizeHist(arr)
    if arr.shape[2] == 1:
        return cv2.equalizeHist(arr[:, :, 0])[:, :, np.newaxis]
    return cv2.merge([cv2.equalizeHist(ch) for ch in cv2.split(arr)]).reshape(arr.shape)
