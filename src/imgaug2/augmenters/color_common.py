"""Shared pieces of the colour augmenters: colourspace names, argument checks and
the channel-layout policy.

Channel layouts (every colour augmenter, documented once here):

* ``(H,W,3)``: an image in ``from_colorspace``.
* ``(H,W,4)``: the first three channels are the colour image, the fourth is an
  alpha channel that is passed through unchanged.
* ``(H,W)`` and ``(H,W,1)``: a gray image. ``from_colorspace`` is ignored; each
  augmenter documents what it does with gray (most treat the gray value as the
  brightness and leave hue and saturation alone).
* ``(H,W,2)`` and five or more channels: ``ValueError`` naming ``image``.
* Empty images (a zero-sized axis) are returned unchanged (as a copy).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

import imgaug2.parameters as iap
from imgaug2.core.base import Augmenter
from imgaug2.core.params import Params
from imgaug2.kernels.color import COLORSPACES

__all__ = [
    "CSPACE_RGB", "CSPACE_BGR", "CSPACE_GRAY", "CSPACE_CIE", "CSPACE_YCrCb", "CSPACE_HSV",
    "CSPACE_HLS", "CSPACE_Lab", "CSPACE_Luv", "CSPACE_YUV", "CSPACE_ALL",
    "check_colorspace", "handle_colorspace_param", "check_layout", "ColorAugmenter",
    "draw_colorspace",
]

CSPACE_RGB = "RGB"
CSPACE_BGR = "BGR"
CSPACE_GRAY = "GRAY"
CSPACE_CIE = "CIE"
CSPACE_YCrCb = "YCrCb"
CSPACE_HSV = "HSV"
CSPACE_HLS = "HLS"
CSPACE_Lab = "Lab"
CSPACE_Luv = "Luv"
CSPACE_YUV = "YUV"
CSPACE_ALL = frozenset(COLORSPACES)

#: Source colourspaces: everything but GRAY (gray inputs are recognised by shape).
FROM_COLORSPACES = tuple(c for c in COLORSPACES if c != "GRAY")


def check_colorspace(value: Any, argname: str, allowed: Sequence[str] = FROM_COLORSPACES) -> str:
    """A single colourspace name from ``allowed``; errors name ``argname``."""
    if not isinstance(value, str):
        raise TypeError("%s: expected a colorspace name (one of %s), got %r (%s)"
                        % (argname, ", ".join(allowed), value, type(value).__name__))
    if value not in allowed:
        hint = ""
        if value == "GRAY" and argname == "from_colorspace":
            hint = " (1-channel images are recognised as gray automatically)"
        raise ValueError("%s: expected one of %s, got %r%s"
                         % (argname, ", ".join(allowed), value, hint))
    return value


def handle_colorspace_param(value: Any, argname: str, allowed: Sequence[str],
                            allow_none: bool = False) -> iap.StochasticParameter | None:
    """A colourspace choice: a name, a list of names or a parameter drawing names."""
    if value is None:
        if allow_none:
            return None
        raise TypeError("%s: expected a colorspace name, a list of names or a "
                        "StochasticParameter, got None" % argname)
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, str) and value == "ALL":
        value = list(allowed)
    if isinstance(value, (str, list, iap.StochasticParameter)):
        return iap.handle_categorical_string_param(value, argname, list(allowed))
    raise TypeError("%s: expected a colorspace name, a list of names or a "
                    "StochasticParameter, got %s" % (argname, type(value).__name__))


def draw_colorspace(param: iap.StochasticParameter, rng: np.random.Generator, argname: str,
                    allowed: Sequence[str]) -> str:
    """Draw one colourspace name; a parameter yielding anything else is an error."""
    value = param.draw_sample(random_state=rng)
    value = value.item() if isinstance(value, np.generic) else value
    if not isinstance(value, str) or value not in allowed:
        raise ValueError("%s: the parameter drew %r, expected one of %s"
                         % (argname, value, ", ".join(allowed)))
    return value


def check_layout(image: np.ndarray, who: str) -> int:
    """Channel count of a non-empty colour-augmenter input (1 for 2-D images)."""
    nb = 1 if image.ndim == 2 else image.shape[2]
    if nb not in (1, 3, 4):
        raise ValueError("image: %s needs a gray (H,W)/(H,W,1), an RGB-like (H,W,3) or an "
                         "RGBA-like (H,W,4) image, got shape %s" % (who, image.shape))
    return nb


def split_alpha(image: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """(3-channel colour part, alpha channel or None) of a 3/4-channel image."""
    if image.shape[2] == 4:
        return np.ascontiguousarray(image[:, :, :3]), image[:, :, 3:4]
    return np.ascontiguousarray(image), None


def join_alpha(color: np.ndarray, alpha: np.ndarray | None) -> np.ndarray:
    if alpha is None:
        return color
    return np.concatenate([color, alpha], axis=2)


class ColorAugmenter(Augmenter):
    """Leaf colour augmenter: applies the layout policy, subclasses do the colour work.

    Subclasses implement ``_color(image3, params)`` for a ``(H,W,3)`` uint8
    image and ``_gray(gray2d, params)`` for a 2-D gray image.
    """

    supported_dtypes = frozenset({"uint8"})
    #: Params shared by every row when all settings are constant (see _freeze_if_constant).
    _constant: Params | None = None

    def _freeze_if_constant(self, *params: Any) -> None:
        """Draw the Params once when every given parameter is constant.

        Called at the end of ``__init__``; rows then skip drawing entirely. A
        constant that is invalid (e.g. an unknown colourspace) fails here, at
        construction.
        """
        if all(p is None or isinstance(p, iap.Deterministic) for p in params):
            self._constant = self._draw(None, ())

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        # The layout is checked here as well, so that the error never depends on
        # whether the row's draw turned out to be a no-op (skipped rows).
        if len(shape) == 3 and shape[2] not in (1, 3, 4) and all(shape):
            raise ValueError("image: %s needs a gray (H,W)/(H,W,1), an RGB-like (H,W,3) or "
                             "an RGBA-like (H,W,4) image, got shape %s"
                             % (type(self).__name__, tuple(shape)))
        constant = self._constant
        return constant if constant is not None else self._draw(rng, shape)

    def _draw(self, rng: Any, shape: tuple) -> Params:
        """Draw one row's Params (``rng`` is None only for constant settings)."""
        raise NotImplementedError

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        if image.size == 0:
            return image.copy()
        nb = check_layout(image, type(self).__name__)
        if nb == 1:
            gray = np.ascontiguousarray(image if image.ndim == 2 else image[:, :, 0])
            out = self._gray(gray, params)
            return out if image.ndim == 2 else out[:, :, np.newaxis]
        color, alpha = split_alpha(image)
        return join_alpha(self._color(color, params), alpha)

    def _color(self, image: np.ndarray, params: Params) -> np.ndarray:
        raise NotImplementedError

    def _gray(self, gray: np.ndarray, params: Params) -> np.ndarray:
        return gray.copy()

