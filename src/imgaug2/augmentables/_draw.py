"""Drawing helpers shared by the augmentables (masks + alpha blending).

Every shape is first rasterised into a ``uint8`` coverage mask (OpenCV), then the
colour is blended into the image inside the mask's bounding rectangle only. This
works for every bool/int/float image dtype and any channel count. A coordinate
``x`` is drawn into pixel column ``floor(x)`` (the pixel that contains it).

Example:
    >>> import numpy as np
    >>> from imgaug2.augmentables._draw import blend_mask, points_mask
    >>> img = np.zeros((5, 5, 3), dtype=np.uint8)
    >>> out = blend_mask(img, points_mask((5, 5), np.array([[2.0, 2.0]]), 1), (255, 0, 0), 1.0)
    >>> out[2, 2].tolist()
    [255, 0, 0]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import cv2
import numpy as np

from imgaug2.augmentables._utils import points_inside_mask, to_float

__all__ = [
    "blend_mask",
    "check_alpha",
    "check_draw_image",
    "check_size",
    "color_values",
    "draw_keypoints",
    "points_mask",
    "polygon_fill_mask",
    "polyline_mask",
    "text_mask",
    "text_width",
    "write_back",
]

_COORD_LIMIT = 1_000_000.0


def check_draw_image(image: Any, name: str = "image") -> np.ndarray:
    """Validate an ``(H,W)`` or ``(H,W,C)`` numeric image."""
    if not isinstance(image, np.ndarray) or image.ndim not in (2, 3):
        raise ValueError(
            f"Argument `{name}` must be an (H,W) or (H,W,C) numpy array, got "
            f"{getattr(image, 'shape', type(image).__name__)}."
        )
    if image.dtype.kind not in "biuf":
        raise TypeError(
            f"Argument `{name}` must have a bool, integer or float dtype, got {image.dtype}."
        )
    return image


def check_alpha(alpha: Any, name: str = "alpha") -> float:
    """Validate an opacity in ``[0, 1]``."""
    value = to_float(alpha, name)
    if math.isnan(value) or not 0.0 <= value <= 1.0:
        raise ValueError(f"Argument `{name}` must be in [0.0, 1.0], got {alpha!r}.")
    return value


def check_size(size: Any, name: str = "size", minimum: int = 1) -> int:
    """Validate an integer drawing size (point side length or line thickness)."""
    value = to_float(size, name)
    if math.isnan(value) or value < minimum or value != int(value):
        raise ValueError(f"Argument `{name}` must be an integer >= {minimum}, got {size!r}.")
    return int(value)


def color_values(color: Any, nb_channels: int, name: str = "color") -> np.ndarray:
    """Return ``color`` as ``nb_channels`` float64 values.

    A single value is repeated; an RGB colour on a 1-channel image becomes its mean.
    """
    try:
        values = np.asarray(color, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError):
        raise TypeError(
            f"Argument `{name}` must be a number or a sequence of numbers, got {color!r}."
        ) from None
    if values.size == 0 or not np.all(np.isfinite(values)):
        raise ValueError(f"Argument `{name}` must contain finite numbers, got {color!r}.")
    if values.size == nb_channels:
        return values
    if values.size == 1:
        return np.repeat(values, nb_channels)
    if nb_channels == 1:
        return np.array([values.mean()])
    raise ValueError(
        f"Argument `{name}` has {values.size} values, but the image has {nb_channels} channels."
    )


def _cast_like(values: np.ndarray, dtype: np.dtype) -> np.ndarray:
    if dtype.kind == "b":
        return values > 0.5
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return np.clip(np.round(values), info.min, info.max).astype(dtype)
    return values.astype(dtype)


def blend_mask(image: np.ndarray, mask: np.ndarray, color: Any, alpha: float) -> np.ndarray:
    """Return a copy of ``image`` with ``color`` blended in where ``mask`` (uint8 0..255) is set."""
    result = np.array(image, order="C", copy=True)
    if mask.size == 0 or alpha <= 0:
        return result
    x, y, w, h = cv2.boundingRect(mask)
    if w == 0 or h == 0:
        return result
    nb_channels = 1 if image.ndim == 2 else image.shape[2]
    if nb_channels == 0:
        return result
    col = color_values(color, nb_channels)
    region = result[y : y + h, x : x + w].astype(np.float64)
    weight = mask[y : y + h, x : x + w].astype(np.float64) * (alpha / 255.0)
    if image.ndim == 2:
        blended = region * (1.0 - weight) + col[0] * weight
    else:
        weight = weight[:, :, np.newaxis]
        blended = region * (1.0 - weight) + col[np.newaxis, np.newaxis, :] * weight
    result[y : y + h, x : x + w] = _cast_like(blended, image.dtype)
    return result


def _int_coords(xy: np.ndarray) -> np.ndarray:
    coords = np.floor(np.clip(np.nan_to_num(xy, nan=-_COORD_LIMIT), -_COORD_LIMIT, _COORD_LIMIT))
    return coords.astype(np.int32).reshape(-1, 1, 2)


def points_mask(hw: Sequence[int], xy: np.ndarray, size: int) -> np.ndarray:
    """Mask with a ``size x size`` square at the pixel of each point."""
    height, width = int(hw[0]), int(hw[1])
    mask = np.zeros((height, width), dtype=np.uint8)
    if len(xy) == 0 or mask.size == 0:
        return mask
    finite = np.all(np.isfinite(xy), axis=1)
    starts = np.floor(xy[finite]).astype(np.int64) - (size - 1) // 2
    for x0, y0 in starts:
        x1, y1 = x0 + size, y0 + size
        if x1 <= 0 or y1 <= 0 or x0 >= width or y0 >= height:
            continue
        mask[max(y0, 0) : min(y1, height), max(x0, 0) : min(x1, width)] = 255
    return mask


def polyline_mask(
    hw: Sequence[int], xy: np.ndarray, closed: bool, thickness: int, antialiased: bool
) -> np.ndarray:
    """Mask with the (open or closed) polyline through ``xy`` drawn ``thickness`` px wide."""
    mask = np.zeros((int(hw[0]), int(hw[1])), dtype=np.uint8)
    if len(xy) == 0 or mask.size == 0:
        return mask
    pts = _int_coords(xy)
    line_type = cv2.LINE_AA if antialiased else cv2.LINE_8
    if len(xy) == 1:
        cv2.circle(
            mask, tuple(int(v) for v in pts[0, 0]), max(thickness // 2, 0), 255, -1, line_type
        )
    else:
        cv2.polylines(mask, [pts], bool(closed), 255, thickness=thickness, lineType=line_type)
    return mask


def polygon_fill_mask(hw: Sequence[int], xy: np.ndarray) -> np.ndarray:
    """Mask with the polygon through ``xy`` filled."""
    mask = np.zeros((int(hw[0]), int(hw[1])), dtype=np.uint8)
    if len(xy) < 3 or mask.size == 0:
        return mask
    cv2.fillPoly(mask, [_int_coords(xy)], 255, lineType=cv2.LINE_8)
    return mask


def write_back(image: np.ndarray, result: np.ndarray, copy: bool) -> np.ndarray:
    """Return ``result``, or write it into ``image`` when the caller asked for ``copy=False``."""
    if copy:
        return result
    image[...] = result
    return image


def draw_keypoints(
    image: Any,
    xy: np.ndarray,
    color: Any,
    alpha: Any,
    size: Any,
    copy: bool,
    raise_if_out_of_image: bool,
) -> np.ndarray:
    """Draw a ``size x size`` square at each keypoint of the ``(N,2)`` array ``xy``.

    Args:
        image: ``(H,W)`` or ``(H,W,C)`` image.
        xy: Keypoint coordinates.
        color: Colour, one value per channel.
        alpha: Opacity in ``[0, 1]``.
        size: Side length of the squares in pixels.
        copy: If ``False``, draw into ``image`` itself.
        raise_if_out_of_image: Raise ``ValueError`` if a keypoint is outside the image.

    Returns:
        The drawn image.
    """
    check_draw_image(image)
    alpha = check_alpha(alpha)
    size = check_size(size)
    if raise_if_out_of_image:
        outside = ~points_inside_mask(xy, image.shape)
        if np.any(outside):
            x, y = xy[np.argmax(outside)]
            raise ValueError(
                f"Cannot draw keypoint x={x:.4f}, y={y:.4f}: it is outside the image "
                f"of shape {image.shape}."
            )
    mask = points_mask(image.shape[0:2], xy, size)
    return write_back(image, blend_mask(image, mask, color, alpha), copy)


def _font_params(size: float) -> tuple[int, float, int]:
    font = cv2.FONT_HERSHEY_SIMPLEX
    thickness = max(1, round(size / 12))
    (_, ref_h), ref_base = cv2.getTextSize("Ag", font, 1.0, thickness)
    return font, size / float(ref_h + ref_base), thickness


def text_width(text: str, size: float) -> int:
    """Width in pixels of the widest line of ``text`` drawn at line height ``size``."""
    font, scale, thickness = _font_params(size)
    return max(cv2.getTextSize(line, font, scale, thickness)[0][0] for line in text.split("\n"))


def text_mask(hw: Sequence[int], y: float, x: float, text: str, size: float) -> np.ndarray:
    """Mask with anti-aliased text whose top-left corner is at ``(x, y)``; lines are ``size`` px apart."""
    mask = np.zeros((int(hw[0]), int(hw[1])), dtype=np.uint8)
    if mask.size == 0 or not text:
        return mask
    font, scale, thickness = _font_params(size)
    (_, line_h), _ = cv2.getTextSize("Ag", font, scale, thickness)
    for line_idx, line in enumerate(text.split("\n")):
        origin = (round(x), round(y + line_idx * size + line_h))
        cv2.putText(mask, line, origin, font, scale, 255, thickness, cv2.LINE_AA)
    return mask
