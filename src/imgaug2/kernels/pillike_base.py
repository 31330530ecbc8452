"""Layout helpers and scratch buffers shared by the ``pillike`` kernel modules.

Channel layout (all pillike kernels): ``(H,W)`` and ``(H,W,1)`` are gray,
``(H,W,3)`` is RGB and ``(H,W,4)`` is RGB plus an alpha channel that is
returned unchanged. Callers validate the layout (:func:`check_layout`).
"""

from __future__ import annotations

import numpy as np

from imgaug2.kernels.buffers import scratch

__all__ = ["LAYOUT_ERROR", "IDENTITY", "check_layout", "scratch", "plane_view", "restore",
           "color_channels", "with_alpha", "color_part", "finish", "as_float"]

LAYOUT_ERROR = ("image: pillike augmenters take (H,W), (H,W,1), (H,W,3) or (H,W,4) uint8 "
                "images (a 4th channel is alpha and is kept), got shape %s")

IDENTITY = np.arange(256, dtype=np.uint8)
IDENTITY.flags.writeable = False


def as_float(name: str, image: np.ndarray) -> np.ndarray:
    """``image`` converted to float32 in a scratch array."""
    out = scratch(name, image.shape)
    np.copyto(out, image, casting="unsafe")
    return out


def check_layout(image: np.ndarray) -> None:
    """Refuse channel counts other than none, 1, 3 and 4 (``ValueError`` naming ``image``)."""
    if image.ndim == 3 and image.shape[2] not in (1, 3, 4):
        raise ValueError(LAYOUT_ERROR % (image.shape,))


def plane_view(image: np.ndarray) -> np.ndarray:
    """``(H,W,1)`` as ``(H,W)`` (a view); other layouts unchanged."""
    if image.ndim == 3 and image.shape[2] == 1:
        return image[:, :, 0]
    return image


def restore(out: np.ndarray, like: np.ndarray) -> np.ndarray:
    """Give ``out`` the channel axis layout of ``like`` (cv2 drops singleton axes)."""
    if like.ndim == 3 and out.ndim == 2:
        out = out[:, :, np.newaxis]
    return np.ascontiguousarray(out)


def color_channels(image: np.ndarray) -> int:
    """Number of colour channels (alpha excluded)."""
    if image.ndim == 2:
        return 1
    return 3 if image.shape[2] == 4 else image.shape[2]


def with_alpha(color: np.ndarray, image: np.ndarray) -> np.ndarray:
    """Re-attach ``image``'s alpha channel to a processed ``(H,W,3)`` colour result."""
    out = np.empty(image.shape, dtype=np.uint8)
    out[:, :, :3] = color
    out[:, :, 3] = image[:, :, 3]
    return out


def color_part(image: np.ndarray) -> np.ndarray:
    """The colour planes as a cv2-compatible array: ``(H,W)`` gray or ``(H,W,3)``."""
    plane = plane_view(image)
    if plane.ndim == 3 and plane.shape[2] == 4:
        return np.ascontiguousarray(plane[:, :, :3])
    return plane


def finish(result: np.ndarray, image: np.ndarray) -> np.ndarray:
    """Map a gray/RGB result back onto ``image``'s layout (alpha kept)."""
    if image.ndim == 3 and image.shape[2] == 4:
        return with_alpha(result, image)
    return restore(result, image)
