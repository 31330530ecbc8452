"""Flip and 90-degree rotation kernels for every target.

Pixel convention: continuous coordinates, pixel ``(x, y)`` covers
``[x, x+1) x [y, y+1)``. A horizontal flip maps ``x -> W - x``; a clockwise
quarter turn of an ``H x W`` image maps ``(x, y) -> (H - y, x)`` and yields a
``W x H`` image.
"""

from __future__ import annotations

import cv2
import numpy as np

from imgaug2.kernels._cv import apply_channelwise

__all__ = [
    "cv_flippable", "fliplr_image", "flipud_image", "fliplr_xy", "flipud_xy",
    "ROTATE_CODES", "rot90_image", "rot90_xy", "rot90_shape",
]

#: cv2.rotate codes of 1-3 clockwise quarter turns
ROTATE_CODES = {1: cv2.ROTATE_90_CLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_COUNTERCLOCKWISE}


def cv_flippable(image: np.ndarray) -> bool:
    """True if ``cv2.flip`` takes ``image`` whole (it keeps shape and dtype)."""
    return image.ndim == 3 and 1 < image.shape[2] <= 4 and image.dtype.kind != "b" \
        and image.size > 0


def fliplr_image(image: np.ndarray) -> np.ndarray:
    """Mirror an ``(H,W[,C])`` array left-right (new C-contiguous array)."""
    if cv_flippable(image):
        return cv2.flip(image, 1)
    if image.size == 0:
        return np.ascontiguousarray(image[:, ::-1])
    return apply_channelwise(lambda a: cv2.flip(a, 1), image)


def flipud_image(image: np.ndarray) -> np.ndarray:
    """Mirror an ``(H,W[,C])`` array top-bottom (new C-contiguous array)."""
    if cv_flippable(image):
        return cv2.flip(image, 0)
    if image.size == 0:
        return np.ascontiguousarray(image[::-1])
    return apply_channelwise(lambda a: cv2.flip(a, 0), image)


def fliplr_xy(xy: np.ndarray, width: int) -> np.ndarray:
    """``x -> width - x`` for an ``(M,2)`` coordinate array."""
    out = xy.copy()
    out[:, 0] = width - xy[:, 0]
    return out


def flipud_xy(xy: np.ndarray, height: int) -> np.ndarray:
    """``y -> height - y`` for an ``(M,2)`` coordinate array."""
    out = xy.copy()
    out[:, 1] = height - xy[:, 1]
    return out


def rot90_image(image: np.ndarray, k: int) -> np.ndarray:
    """Rotate clockwise by ``k`` quarter turns (``k`` taken modulo 4)."""
    k %= 4
    if k == 0:
        return image.copy()
    if image.size == 0:
        return np.ascontiguousarray(np.rot90(image, -k, axes=(0, 1)))
    code = ROTATE_CODES[k]
    return apply_channelwise(lambda a: cv2.rotate(a, code), image)


def rot90_shape(shape: tuple, k: int) -> tuple:
    """Image shape after ``k`` clockwise quarter turns."""
    if k % 2 == 1:
        return (shape[1], shape[0]) + tuple(shape[2:])
    return tuple(shape)


def rot90_xy(xy: np.ndarray, k: int, shape: tuple) -> np.ndarray:
    """Rotate coordinates clockwise by ``k`` quarter turns on an image of ``shape``."""
    k %= 4
    h, w = shape[0], shape[1]
    x, y = xy[:, 0], xy[:, 1]
    if k == 0:
        return xy.copy()
    if k == 1:
        return np.stack([h - y, x], axis=1)
    if k == 2:
        return np.stack([w - x, h - y], axis=1)
    return np.stack([y, w - x], axis=1)
