"""Edge-detection kernels: Canny edge maps, colouring and blending (uint8).

Gradients use the L2 norm (``L2gradient=True``), as imgaug did.
``cv2.Canny`` takes 1- or 3-channel uint8 images (3 channels: the gradient
of the strongest channel per pixel). Images with 4 channels are handled as
RGB plus an alpha channel that stays unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

__all__ = ["canny_edges", "canny_image", "color_channels"]


def color_channels(shape: tuple) -> int:
    """Channels that receive edge colours: all but a 4th (alpha) channel."""
    if len(shape) == 2:
        return 1
    return 3 if shape[2] == 4 else shape[2]


def canny_edges(image: np.ndarray, threshold_low: float, threshold_high: float,
                aperture: int) -> np.ndarray:
    """Binary ``(H,W)`` bool edge map of a uint8 image with 1, 3 or 4 channels."""
    if image.ndim == 3:
        c = image.shape[2]
        if c == 4:
            image = image[:, :, :3]
        elif c == 1:
            image = image[:, :, 0]
    arr = np.ascontiguousarray(image)
    edges = cv2.Canny(arr, float(threshold_low), float(threshold_high),
                      apertureSize=int(aperture), L2gradient=True)
    return edges > 0


def canny_image(image: np.ndarray, alpha: float, threshold_low: float, threshold_high: float,
                aperture: int, color_true: Sequence[int], color_false: Sequence[int]
                ) -> np.ndarray:
    """Colour the Canny edge map and blend it over ``image``.

    Edge pixels get ``color_true``, the rest ``color_false`` (one value per
    coloured channel); the result is ``alpha * colours + (1 - alpha) * image``
    (``cv2.addWeighted``, rounded). A 4th channel is copied unchanged.

    Args:
        image: uint8 ``(H,W)`` or ``(H,W,C)`` with C in 1, 3, 4.
        alpha: Opacity of the edge image in [0, 1].
        threshold_low: Lower hysteresis threshold.
        threshold_high: Upper hysteresis threshold.
        aperture: Sobel aperture (3, 5 or 7).
        color_true: Colour of edge pixels per coloured channel.
        color_false: Colour of the other pixels per coloured channel.
    """
    if image.size == 0 or alpha <= 0.0:
        return image.copy()
    if image.ndim == 3:
        c = image.shape[2]
        src = image[:, :, :3] if c == 4 else (image[:, :, 0] if c == 1 else image)
    else:
        src = image
    edges = cv2.Canny(np.ascontiguousarray(src), float(threshold_low), float(threshold_high),
                      apertureSize=int(aperture), L2gradient=True)
    n = color_channels(image.shape)
    # cv2.Canny writes only 0 and 255, so a two-entry lookup table colours the map.
    table = np.zeros((256, 1, n), dtype=np.uint8)
    table[0, 0, :] = np.asarray(color_false, dtype=np.uint8).reshape(-1)[:n]
    table[255, 0, :] = np.asarray(color_true, dtype=np.uint8).reshape(-1)[:n]
    source = edges if n == 1 else cv2.merge([edges] * n)
    colours = cv2.LUT(source, table if n > 1 else table[:, :, 0])
    colours = colours.reshape(edges.shape + (n,))
    if image.ndim == 2:
        colours = colours[:, :, 0]
        base = image
    else:
        base = image[:, :, :n]
    if alpha >= 1.0:
        blended = colours
    else:
        blended = cv2.addWeighted(colours, float(alpha), np.ascontiguousarray(base),
                                  1.0 - float(alpha), 0.0)
        blended = blended.reshape(colours.shape)
    if image.ndim == 3 and image.shape[2] == 4:
        out = np.empty(image.shape, dtype=np.uint8)
        out[:, :, :3] = blended
        out[:, :, 3] = image[:, :, 3]
        return out
    return np.ascontiguousarray(blended).reshape(image.shape)
