"""Vectorised bounding-box helpers used by :mod:`imgaug2.augmentables.bbs`.

All functions take ``(N,4)`` float64 ``x1, y1, x2, y2`` arrays.

Example:
    >>> import numpy as np
    >>> from imgaug2.augmentables._bbs_ops import partly_within_mask
    >>> partly_within_mask(np.array([[0.0, 0.0, 2.0, 2.0], [10.0, 0.0, 12.0, 2.0]]), (10, 10)).tolist()
    [True, False]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import cv2
import numpy as np

from imgaug2.augmentables import _draw
from imgaug2.augmentables._utils import interval_overlap_mask

__all__ = [
    "draw_boxes",
    "extract_box",
    "fully_within_mask",
    "out_of_image_fractions",
    "partly_within_mask",
    "validate_xyxy",
]

_LIMIT = 1_000_000


def validate_xyxy(xyxy: np.ndarray, name: str, single: bool = False) -> None:
    """Raise ``ValueError`` for NaN/inf coordinates or ``x2 < x1`` / ``y2 < y1`` (never swaps)."""
    if xyxy.size == 0:
        return
    finite = np.all(np.isfinite(xyxy), axis=1)
    where = "" if single else " (box {i})"
    if not np.all(finite):
        i = int(np.argmin(finite))
        x1, y1, x2, y2 = xyxy[i]
        raise ValueError(
            f"Argument `{name}`{where.format(i=i)}: bounding box coordinates must be finite, got "
            f"x1={x1}, y1={y1}, x2={x2}, y2={y2}."
        )
    bad = (xyxy[:, 2] < xyxy[:, 0]) | (xyxy[:, 3] < xyxy[:, 1])
    if np.any(bad):
        i = int(np.argmax(bad))
        x1, y1, x2, y2 = xyxy[i]
        detail = f"x2={x2} < x1={x1}" if x2 < x1 else f"y2={y2} < y1={y1}"
        raise ValueError(
            f"Argument `{name}`{where.format(i=i)}: invalid bounding box with {detail}. Boxes need "
            f"x1 <= x2 and y1 <= y2; imgaug2 never swaps coordinates silently."
        )


def partly_within_mask(xyxy: np.ndarray, shape: Sequence[int]) -> np.ndarray:
    """Boxes overlapping the image area (zero-length sides use the point rule ``0 <= v < size``)."""
    height, width = shape[0:2]
    return interval_overlap_mask(xyxy[:, 0], xyxy[:, 2], width) & interval_overlap_mask(
        xyxy[:, 1], xyxy[:, 3], height
    )


def fully_within_mask(xyxy: np.ndarray, shape: Sequence[int]) -> np.ndarray:
    """Boxes inside ``[0, W] x [0, H]`` that also overlap the image."""
    height, width = shape[0:2]
    inside = (xyxy[:, 0] >= 0) & (xyxy[:, 1] >= 0) & (xyxy[:, 2] <= width) & (xyxy[:, 3] <= height)
    return inside & partly_within_mask(xyxy, shape)


def out_of_image_fractions(xyxy: np.ndarray, shape: Sequence[int]) -> np.ndarray:
    """Fraction of each box's area outside the image; zero-area boxes give 0 (inside) or 1."""
    height, width = shape[0:2]
    widths = xyxy[:, 2] - xyxy[:, 0]
    heights = xyxy[:, 3] - xyxy[:, 1]
    area = widths * heights
    inside_w = np.clip(np.minimum(xyxy[:, 2], width) - np.maximum(xyxy[:, 0], 0), 0, None)
    inside_h = np.clip(np.minimum(xyxy[:, 3], height) - np.maximum(xyxy[:, 1], 0), 0, None)
    with np.errstate(divide="ignore", invalid="ignore"):
        frac = 1.0 - (inside_w * inside_h) / area
    fallback = np.where(partly_within_mask(xyxy, shape), 0.0, 1.0)
    return np.clip(np.where(area > 0, frac, fallback), 0.0, 1.0)


def _pixel_bounds(xyxy: np.ndarray) -> np.ndarray:
    """Integer ``left, top, right, bottom`` pixel indices covered by each box (inclusive)."""
    clipped = np.clip(xyxy, -_LIMIT, _LIMIT)
    left = np.floor(clipped[:, 0])
    top = np.floor(clipped[:, 1])
    right = np.maximum(left, np.ceil(clipped[:, 2]) - 1)
    bottom = np.maximum(top, np.ceil(clipped[:, 3]) - 1)
    return np.stack([left, top, right, bottom], axis=1).astype(np.int64)


def _text_color(color: Any, nb_channels: int) -> np.ndarray:
    col = _draw.color_values(color, nb_channels)
    brightness = float(np.mean(col[:3])) if nb_channels > 0 else 0.0
    return np.full(nb_channels, 0.0 if brightness > 127 else 255.0)


def draw_boxes(
    xyxy: np.ndarray,
    labels: Sequence[Any],
    image: np.ndarray,
    color: Any,
    alpha: float,
    size: int,
    copy: bool,
    raise_if_out_of_image: bool,
    draw_box: bool = True,
    size_text: int = 20,
    label_height: int = 30,
) -> np.ndarray:
    """Draw box outlines (``size`` px, growing outwards) and label tags for non-``None`` labels."""
    _draw.check_draw_image(image)
    alpha = _draw.check_alpha(alpha)
    size = _draw.check_size(size, "size")
    size_text = _draw.check_size(size_text, "size_text")
    label_height = _draw.check_size(label_height, "height")
    if raise_if_out_of_image and len(xyxy):
        outside = ~partly_within_mask(xyxy, image.shape)
        if np.any(outside):
            x1, y1, x2, y2 = xyxy[int(np.argmax(outside))]
            raise ValueError(
                f"Cannot draw bounding box x1={x1}, y1={y1}, x2={x2}, y2={y2}: it is fully "
                f"outside the image of shape {image.shape}."
            )
    hw = image.shape[0:2]
    box_mask = np.zeros(hw, dtype=np.uint8)
    text_mask = np.zeros(hw, dtype=np.uint8)
    if box_mask.size == 0 or len(xyxy) == 0:
        return _draw.write_back(image, np.array(image, copy=True, order="C"), copy)
    for (left, top, right, bottom), label in zip(_pixel_bounds(xyxy), labels):
        if draw_box:
            for i in range(size):
                cv2.rectangle(
                    box_mask,
                    (int(left - i), int(top - i)),
                    (int(right + i), int(bottom + i)),
                    255,
                    1,
                )
        if label is None:
            continue
        text = str(label)
        tag_w = _draw.text_width(text, size_text) + 8
        tag_top = top - label_height if top - label_height >= 0 else top
        tag_left = left - (size - 1)
        cv2.rectangle(
            box_mask,
            (int(tag_left), int(tag_top)),
            (int(tag_left + tag_w - 1), int(tag_top + label_height - 1)),
            255,
            -1,
        )
        offset = max(0, (label_height - size_text) // 2)
        text_mask |= _draw.text_mask(hw, tag_top + offset, tag_left + 4, text, size_text)
    result = _draw.blend_mask(image, box_mask, color, alpha)
    if text_mask.any():
        nb_channels = 1 if image.ndim == 2 else image.shape[2]
        result = _draw.blend_mask(result, text_mask, _text_color(color, nb_channels), alpha)
    return _draw.write_back(image, result, copy)


def extract_box(
    xyxy: np.ndarray, image: np.ndarray, pad: bool, pad_max: int | None, prevent_zero_size: bool
) -> np.ndarray:
    """Cut the pixels covered by one box out of ``image`` (zero padding outside if ``pad``)."""
    _draw.check_draw_image(image)
    if pad_max is not None and (not isinstance(pad_max, (int, np.integer)) or pad_max < 0):
        raise ValueError(f"Argument `pad_max` must be an integer >= 0 or None, got {pad_max!r}.")
    x1, y1, x2, y2 = np.clip(xyxy, -_LIMIT, _LIMIT)
    xa, ya, xb, yb = math.floor(x1), math.floor(y1), math.ceil(x2), math.ceil(y2)
    if prevent_zero_size:
        xb = max(xb, xa + 1)
        yb = max(yb, ya + 1)
    height, width = image.shape[0:2]
    bounds = []
    for lo, hi, limit in ((ya, yb, height), (xa, xb, width)):
        span = hi - lo
        before = min(max(-lo, 0), span)
        after = min(max(hi - limit, 0), span - before)
        bounds.append((before, after, lo + before, hi - after))
    (pt, pb, cy1, cy2), (pl, pr, cx1, cx2) = bounds
    crop = image[max(cy1, 0) : max(cy2, 0), max(cx1, 0) : max(cx2, 0)]
    if pad:
        if pad_max is not None:
            pt, pb, pl, pr = (min(v, pad_max) for v in (pt, pb, pl, pr))
        widths = [(pt, pb), (pl, pr)] + [(0, 0)] * (image.ndim - 2)
        crop = np.pad(crop, widths, mode="constant")
    if prevent_zero_size and (crop.shape[0] == 0 or crop.shape[1] == 0):
        crop = np.zeros((1, 1) + image.shape[2:], dtype=image.dtype)
    return np.ascontiguousarray(crop)
