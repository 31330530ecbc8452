"""Convolution kernels: apply a matrix with ``cv2.filter2D`` and build the 3x3 effect matrices.

``cv2.filter2D`` computes a correlation (the matrix is not flipped), anchored
at ``(k // 2)`` for each axis, with BORDER_REFLECT_101 at the edges, as
imgaug did. uint8 goes straight into OpenCV and saturates to [0, 255]; other
dtypes follow :func:`imgaug2.kernels.blur.filter_image`.

The effect matrices blend an identity matrix with an effect matrix,
``(1 - alpha) * identity + alpha * effect``: one convolution then equals
blending the unclipped effect image with the original, in a single pass.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import cv2
import numpy as np

from imgaug2.kernels.blur import CV_MAX_CHANNELS, filter_image

__all__ = [
    "convolve",
    "convolve_per_channel",
    "directed_edge_detect_matrix",
    "edge_detect_matrix",
    "emboss_matrix",
    "identity_matrix",
    "sharpen_matrix",
]


def convolve(image: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """Correlate every channel of ``image`` with one 2-D ``matrix``.

    Args:
        image: ``(H,W[,C])`` array; any dtype :func:`filter_image` handles.
        matrix: 2-D float array (any size; even sizes anchor at ``k // 2``).

    Returns:
        New array, same shape and dtype.
    """
    kernel = np.asarray(matrix, dtype=np.float64)
    if image.dtype == np.uint8 and image.size and (image.ndim == 2
                                                   or image.shape[2] <= CV_MAX_CHANNELS):
        # float32 taps are what OpenCV uses for 8-bit data anyway.
        return _finish_shape(cv2.filter2D(np.ascontiguousarray(image), -1,
                                          kernel.astype(np.float32),
                                          borderType=cv2.BORDER_REFLECT_101), image)
    gain = float(np.abs(kernel).sum())
    return filter_image(lambda a: cv2.filter2D(a, -1, kernel, borderType=cv2.BORDER_REFLECT_101),
                        image, gain=gain)


def _finish_shape(out: np.ndarray, image: np.ndarray) -> np.ndarray:
    return out if out.shape == image.shape else out.reshape(image.shape)


def convolve_per_channel(image: np.ndarray, matrices: Sequence[np.ndarray | None]) -> np.ndarray:
    """Correlate channel ``c`` with ``matrices[c]``; ``None`` leaves a channel unchanged."""
    if image.ndim == 2:
        if len(matrices) != 1:
            raise ValueError("matrix: expected 1 matrix for a 2-D image, got %d" % len(matrices))
        return image.copy() if matrices[0] is None else convolve(image, matrices[0])
    if len(matrices) != image.shape[2]:
        raise ValueError("matrix: expected one matrix per channel (%d), got %d"
                         % (image.shape[2], len(matrices)))
    out = np.empty(image.shape, dtype=image.dtype)
    for c, m in enumerate(matrices):
        channel = np.ascontiguousarray(image[:, :, c])
        out[:, :, c] = channel if m is None else convolve(channel, m)
    return out


def identity_matrix() -> np.ndarray:
    """The 3x3 matrix that leaves an image unchanged."""
    m = np.zeros((3, 3), dtype=np.float64)
    m[1, 1] = 1.0
    return m


def _blend(effect: np.ndarray, alpha: float) -> np.ndarray:
    out = effect * alpha
    out[1, 1] += 1.0 - alpha
    return out


def sharpen_matrix(alpha: float, lightness: float) -> np.ndarray:
    """Sharpening: all neighbours -1, centre ``8 + lightness``, blended by ``alpha``.

    With ``lightness`` 1 the effect matrix sums to 1 (brightness kept);
    larger values brighten, smaller darken.
    """
    effect = np.full((3, 3), -1.0)
    effect[1, 1] = 8.0 + float(lightness)
    return _blend(effect, float(alpha))


def emboss_matrix(alpha: float, strength: float) -> np.ndarray:
    """Embossing: a diagonal relief, ``strength`` sets its depth; blended by ``alpha``."""
    s = float(strength)
    effect = np.array([[-1.0 - s, -s, 0.0],
                       [-s, 1.0, s],
                       [0.0, s, 1.0 + s]])
    return _blend(effect, float(alpha))


def edge_detect_matrix(alpha: float) -> np.ndarray:
    """4-neighbour Laplacian edge detector, blended by ``alpha``."""
    effect = np.array([[0.0, 1.0, 0.0],
                       [1.0, -4.0, 1.0],
                       [0.0, 1.0, 0.0]])
    return _blend(effect, float(alpha))


def directed_edge_detect_matrix(alpha: float, direction: float) -> np.ndarray:
    """Edge detector that favours one direction, blended by ``alpha``.

    ``direction`` is a fraction of a full turn (0 = up, 0.25 = right,
    0.5 = down, 0.75 = left; taken modulo 1). Each of the eight neighbours
    is weighted by ``(1 - d / 180) ** 4`` where ``d`` is its angular distance
    in degrees from ``direction``; the weights are normalised to sum to 1,
    negated, and the centre is 1, so flat regions map to 0.
    """
    turn = (float(direction) % 1.0) * 2.0 * math.pi
    # Image coordinates: x to the right, y down; 0 points up.
    tx, ty = math.sin(turn), -math.cos(turn)
    weights = []
    for dx, dy in _NEIGHBOURS:
        cosine = (dx * tx + dy * ty) / math.hypot(dx, dy)
        degrees = math.degrees(math.acos(max(-1.0, min(1.0, cosine))))
        weights.append((1.0 - degrees / 180.0) ** 4)
    total = sum(weights)
    effect = np.zeros((3, 3), dtype=np.float64)
    for (dx, dy), wgt in zip(_NEIGHBOURS, weights):
        effect[dy + 1, dx + 1] = -wgt / total
    effect[1, 1] = 1.0
    return _blend(effect, float(alpha))


_NEIGHBOURS = tuple((dx, dy) for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dx or dy)
