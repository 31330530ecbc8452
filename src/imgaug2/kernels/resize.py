"""Resize kernels for images, heatmaps and segmentation maps (OpenCV).

``cv2.resize`` samples at pixel centres, matching the library's continuous
pixel convention: resizing ``W -> W'`` maps ``x -> x * W' / W`` exactly.
"""

from __future__ import annotations

import cv2
import numpy as np

from imgaug2.kernels._cv import apply_interpolating

__all__ = ["resize_image", "resize_heatmap_arr", "resize_segmap_arr", "INTERPOLATIONS",
           "interpolation_code", "scale_xy"]

INTERPOLATIONS = {
    "nearest": cv2.INTER_NEAREST,
    "linear": cv2.INTER_LINEAR,
    "area": cv2.INTER_AREA,
    "cubic": cv2.INTER_CUBIC,
}


def interpolation_code(interpolation: str | int | None, downscale: bool) -> int:
    """cv2 flag for a name/flag; ``None`` picks area for shrinking, cubic for growing."""
    if interpolation is None:
        return cv2.INTER_AREA if downscale else cv2.INTER_CUBIC
    if isinstance(interpolation, str):
        if interpolation not in INTERPOLATIONS:
            raise ValueError("interpolation must be one of %s, got %r"
                             % (sorted(INTERPOLATIONS), interpolation))
        return INTERPOLATIONS[interpolation]
    if interpolation in INTERPOLATIONS.values():
        return int(interpolation)
    raise ValueError("interpolation must be one of %s or a cv2.INTER_* flag, got %r"
                     % (sorted(INTERPOLATIONS), interpolation))


def resize_image(image: np.ndarray, height: int, width: int,
                 interpolation: str | int | None = None) -> np.ndarray:
    """Resize an ``(H,W[,C])`` array of any supported dtype to ``height x width``."""
    h, w = image.shape[:2]
    if (h, w) == (height, width):
        return image.copy()
    if h == 0 or w == 0 or height == 0 or width == 0:
        return np.zeros((height, width) + image.shape[2:], dtype=image.dtype)
    code = interpolation_code(interpolation, downscale=height * width < h * w)
    nearest = code == cv2.INTER_NEAREST
    if image.dtype == np.bool_ and not nearest:
        code = cv2.INTER_NEAREST
        nearest = True
    return apply_interpolating(
        lambda a: cv2.resize(a, (width, height), interpolation=code), image, nearest=nearest)


def resize_heatmap_arr(arr: np.ndarray, height: int, width: int,
                       interpolation: str | int = "cubic") -> np.ndarray:
    """Resize a float ``(H,W,C)`` heatmap array; values stay in [0, 1]."""
    out = resize_image(arr, height, width, interpolation)
    return np.clip(out, 0.0, 1.0, out=out) if out.size else out


def resize_segmap_arr(arr: np.ndarray, height: int, width: int) -> np.ndarray:
    """Nearest-neighbour resize of an integer ``(H,W,C)`` label array (no new labels)."""
    return resize_image(arr, height, width, "nearest")


def scale_xy(xy: np.ndarray, from_shape: tuple, to_shape: tuple) -> np.ndarray:
    """Scale coordinates from an image of ``from_shape`` to one of ``to_shape``."""
    out = xy.astype(np.float64, copy=True)
    if from_shape[1]:
        out[:, 0] *= to_shape[1] / from_shape[1]
    if from_shape[0]:
        out[:, 1] *= to_shape[0] / from_shape[0]
    return out
