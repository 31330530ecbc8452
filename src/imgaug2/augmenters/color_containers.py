"""Colour containers: run child augmenters on a converted version of each image.

``WithColorspace`` hands its children the image in another colourspace,
``WithBrightnessChannels`` only the brightness channel of a (random)
colourspace, ``WithHueAndSaturation`` the hue and saturation channels as an
int16 array. Afterwards the children's result is converted back. Other
targets (heatmaps, segmentation maps, coordinates) go through the children
unchanged in meaning, so geometric children keep annotations aligned.

Channel layouts follow :mod:`imgaug2.augmenters.color_common`: alpha channels
pass through (children must then keep the image size), gray images are
expanded to RGB for the conversion and brought back to gray afterwards, empty
images reach the children as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from imgaug2.augmenters.color_common import (
    CSPACE_HLS,
    CSPACE_HSV,
    CSPACE_RGB,
    CSPACE_YUV,
    CSPACE_Lab,
    CSPACE_Luv,
    CSPACE_YCrCb,
    check_colorspace,
    check_layout,
    draw_colorspace,
    handle_colorspace_param,
    split_alpha,
)
from imgaug2.augmenters.meta import Sequential, _Container, handle_children_list
from imgaug2.core.base import Augmenter
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.color import (
    BRIGHTNESS_CHANNEL,
    COLORSPACES,
    convert_colorspace,
    gray_to_rgb,
    hsv_to_hue_sat,
    hue_sat_to_hsv,
    rgb_to_gray,
)

__all__ = ["WithColorspace", "WithBrightnessChannels", "WithHueAndSaturation",
           "BrightnessChannelParams"]

_BRIGHTNESS_SPACES = tuple(BRIGHTNESS_CHANNEL)


@dataclass(frozen=True, slots=True, kw_only=True)
class BrightnessChannelParams(Params):
    """The colourspace whose brightness channel the children receive."""

    colorspace: str = "YCrCb"


class _State:
    """What a row needs to undo its forward conversion."""

    __slots__ = ("kind", "alpha", "extra", "ndim")

    def __init__(self, kind: str, alpha: Any = None, extra: Any = None, ndim: int = 3) -> None:
        self.kind = kind
        self.alpha = alpha
        self.extra = extra
        self.ndim = ndim


class _ConvertingContainer(_Container):
    """Runs its children on converted images and converts their results back."""

    supported_dtypes = frozenset({"uint8"})

    def _init_children(self, children: Any) -> None:
        self.children = Sequential(handle_children_list(children), name="%s-then" % self.name)

    def get_children_lists(self) -> list[list[Augmenter]]:
        return [self.children]

    def _current_children_config(self) -> dict[str, Any]:
        return {"children": list(self.children) or None}

    # forward: (image, params) -> (child image, state); backward: inverse
    def _forward(self, image: np.ndarray, params: Params) -> tuple[np.ndarray, _State]:
        raise NotImplementedError

    def _backward(self, out: np.ndarray, state: _State, params: Params) -> np.ndarray:
        raise NotImplementedError

    def _apply(self, cols: dict[str, list], params: list[Params], rows: list[int],
               keys: list | None, path: tuple, call: Any, parents: tuple) -> dict[str, list]:
        if not self._propagates(cols, call, parents) or not len(self.children):
            return cols
        images = cols.get("images")
        states: list[_State] = []
        if images is not None:
            converted = []
            for im, p in zip(images, params):
                if im.size == 0:
                    converted.append(im)
                    states.append(_State("empty"))
                    continue
                check_layout(im, type(self).__name__)
                child, state = self._forward(im, p)
                converted.append(child)
                states.append(state)
            cols = dict(cols)
            cols["images"] = converted
        order = tuple(range(len(self.children)))
        out = self._run_sequence(order, cols, rows, keys, path, call, parents,
                                 list(self.children), self._child_tags())
        if images is not None:
            back = []
            for res, state, p in zip(out["images"], states, params):
                if state.kind == "empty":
                    back.append(res)
                    continue
                back.append(self._backward(self._check_child_output(res), state, p))
            out = dict(out)
            out["images"] = back
        return out

    def _check_child_output(self, res: Any) -> np.ndarray:
        if not isinstance(res, np.ndarray) or res.ndim != 3:
            raise ValueError("%s: children must return (H,W,C) image arrays, got %r"
                             % (type(self).__name__, getattr(res, "shape", type(res))))
        return res

    def _with_alpha(self, color: np.ndarray, alpha: np.ndarray | None) -> np.ndarray:
        if alpha is None:
            return color
        if color.shape[:2] != alpha.shape[:2]:
            raise ValueError("%s: children changed the image size from %s to %s; the alpha "
                             "channel of 4-channel images cannot follow"
                             % (type(self).__name__, alpha.shape[:2], color.shape[:2]))
        return np.concatenate([color, alpha], axis=2)

    @staticmethod
    def _as_uint8(arr: np.ndarray, channels: int, who: str) -> np.ndarray:
        if arr.shape[2] != channels:
            raise ValueError("%s: children must keep %d channels, got shape %s"
                             % (who, channels, arr.shape))
        if arr.dtype != np.uint8:
            arr = np.clip(np.rint(arr.astype(np.float64)), 0, 255).astype(np.uint8)
        return np.ascontiguousarray(arr)


# -------------------------------------------------------------- WithColorspace

@register("WithColorspace")
class WithColorspace(_ConvertingContainer):
    """Apply children to images converted to another colourspace, then convert back.

    Children receive uint8 ``(H,W,3)`` images in ``to_colorspace`` (``GRAY``:
    the gray value in all three channels). Gray inputs are expanded to RGB,
    converted, and brought back to gray at the end; alpha channels pass through.

    Supported dtypes: uint8 (and the children must accept uint8).

    Args:
        to_colorspace: Colourspace the children work in (one name).
        from_colorspace: Colourspace of the inputs (any but ``GRAY``).
        children: Augmenter or list of augmenters.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.WithColorspace("HSV", children=iaa.WithChannels(0, iaa.LinearContrast(1.5)))
    """

    def __init__(self, to_colorspace: str, from_colorspace: str = CSPACE_RGB,
                 children: Any = None, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.to_colorspace = check_colorspace(to_colorspace, "to_colorspace", COLORSPACES)
        self.from_colorspace = check_colorspace(from_colorspace, "from_colorspace")
        self._init_children(children)

    def _forward(self, image: np.ndarray, params: Params) -> tuple[np.ndarray, _State]:
        if image.ndim == 2 or image.shape[2] == 1:
            gray = image if image.ndim == 2 else image[:, :, 0]
            rgb = gray_to_rgb(gray)
            return convert_colorspace(rgb, "RGB", self.to_colorspace), _State(
                "gray", ndim=image.ndim)
        color, alpha = split_alpha(image)
        return convert_colorspace(color, self.from_colorspace, self.to_colorspace), _State(
            "color", alpha=alpha)

    def _backward(self, out: np.ndarray, state: _State, params: Params) -> np.ndarray:
        arr = self._as_uint8(out, 3, "WithColorspace")
        if state.kind == "gray":
            gray = rgb_to_gray(arr, self.to_colorspace)
            return gray if state.ndim == 2 else gray[:, :, np.newaxis]
        return self._with_alpha(convert_colorspace(arr, self.to_colorspace,
                                                   self.from_colorspace), state.alpha)


# ------------------------------------------------------- WithBrightnessChannels

@register("WithBrightnessChannels")
class WithBrightnessChannels(_ConvertingContainer):
    """Apply children to the brightness channel of a randomly chosen colourspace.

    Per row one colourspace is drawn from ``to_colorspace``; the image is
    converted, its brightness channel (Y of YCrCb/YUV, V of HSV, L of
    HLS/Lab/Luv) is handed to the children as a uint8 ``(H,W,1)`` array, put
    back and the image converted back. A gray input is its own brightness
    channel. Alpha channels pass through. Samples per row: the colourspace.

    Supported dtypes: uint8 (and the children must accept uint8).

    Args:
        children: Augmenter or list of augmenters.
        to_colorspace: A name, a list of names (one picked per row) or a
            parameter; from YCrCb, HSV, HLS, Lab, Luv, YUV.
        from_colorspace: Colourspace of the inputs.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.WithBrightnessChannels(iaa.LinearContrast((0.5, 1.5)))
    """

    def __init__(self, children: Any = None,
                 to_colorspace: Any = (CSPACE_YCrCb, CSPACE_HSV, CSPACE_HLS, CSPACE_Lab,
                                       CSPACE_Luv, CSPACE_YUV),
                 from_colorspace: str = CSPACE_RGB, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.to_colorspace = handle_colorspace_param(to_colorspace, "to_colorspace",
                                                     _BRIGHTNESS_SPACES)
        self.from_colorspace = check_colorspace(from_colorspace, "from_colorspace")
        self._init_children(children)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        space = draw_colorspace(self.to_colorspace, rng, "to_colorspace", _BRIGHTNESS_SPACES)
        return BrightnessChannelParams(colorspace=space)

    def _forward(self, image: np.ndarray, params: Params) -> tuple[np.ndarray, _State]:
        if image.ndim == 2 or image.shape[2] == 1:
            gray = image if image.ndim == 2 else image[:, :, 0]
            return np.array(gray, copy=True, order="C")[:, :, np.newaxis], _State(
                "gray", ndim=image.ndim)
        space = params.colorspace  # type: ignore[attr-defined]
        color, alpha = split_alpha(image)
        converted = convert_colorspace(color, self.from_colorspace, space)
        channel = cv2.extractChannel(converted, BRIGHTNESS_CHANNEL[space])
        return channel[:, :, np.newaxis], _State("color", alpha=alpha, extra=converted)

    def _backward(self, out: np.ndarray, state: _State, params: Params) -> np.ndarray:
        arr = self._as_uint8(out, 1, "WithBrightnessChannels")
        if state.kind == "gray":
            return arr if state.ndim == 3 else np.ascontiguousarray(arr[:, :, 0])
        converted = state.extra
        if arr.shape[:2] != converted.shape[:2]:
            raise ValueError("WithBrightnessChannels: children changed the image size from %s "
                             "to %s; size-changing children are not allowed here"
                             % (converted.shape[:2], arr.shape[:2]))
        space = params.colorspace  # type: ignore[attr-defined]
        # ``converted`` is this row's private forward result: filled in place.
        converted[:, :, BRIGHTNESS_CHANNEL[space]] = arr[:, :, 0]
        return self._with_alpha(convert_colorspace(converted, space, self.from_colorspace),
                                state.alpha)


# -------------------------------------------------------- WithHueAndSaturation

@register("WithHueAndSaturation")
class WithHueAndSaturation(_ConvertingContainer):
    """Apply children to the hue and saturation channels (HSV) of images.

    Children receive an int16 ``(H,W,2)`` array: channel 0 is the hue mapped
    from OpenCV's ``[0, 180)`` to ``[0, 255)`` (255 = one full turn), channel
    1 the saturation in ``[0, 255]``. int16 leaves room for children such as
    additions to overshoot: afterwards the hue is taken modulo 255 (so it
    wraps around the colour circle) and mapped back to ``[0, 180)`` with
    rounding, the saturation is clipped to ``[0, 255]``, and the image is
    converted back from HSV. Gray inputs are expanded to RGB (hue and
    saturation 0) and brought back to gray at the end; alpha channels pass
    through.

    Supported dtypes: uint8 (the children must accept int16).

    Args:
        children: Augmenter or list of augmenters.
        from_colorspace: Colourspace of the inputs.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.WithHueAndSaturation(iaa.WithChannels(1, iaa.LinearContrast((0.5, 1.5))))
    """

    def __init__(self, children: Any = None, from_colorspace: str = CSPACE_RGB,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.from_colorspace = check_colorspace(from_colorspace, "from_colorspace")
        self._init_children(children)
        for i, child in enumerate(self.children):
            if "int16" not in child._tree_dtypes():
                raise TypeError("children[%d]: WithHueAndSaturation hands its children int16 "
                                "arrays, but %s does not support int16"
                                % (i, type(child).__name__))

    def _tree_dtypes(self) -> frozenset[str]:
        # Children see int16 hue/saturation arrays, never the uint8 input.
        for _, child in self._child_entries():
            if "int16" not in child._tree_dtypes():
                return frozenset()
        return type(self).supported_dtypes

    def _forward(self, image: np.ndarray, params: Params) -> tuple[np.ndarray, _State]:
        if image.ndim == 2 or image.shape[2] == 1:
            gray = image if image.ndim == 2 else image[:, :, 0]
            hsv = convert_colorspace(gray_to_rgb(gray), CSPACE_RGB, CSPACE_HSV)
            state = _State("gray", extra=hsv, ndim=image.ndim)
        else:
            color, alpha = split_alpha(image)
            state = _State("color", alpha=alpha)
            hsv = color
        hs, state.extra = hsv_to_hue_sat(hsv, self.from_colorspace if state.kind == "color"
                                         else CSPACE_HSV)
        return hs, state

    def _backward(self, out: np.ndarray, state: _State, params: Params) -> np.ndarray:
        value = state.extra
        if out.shape[2] != 2 or out.shape[:2] != value.shape[:2]:
            raise ValueError("WithHueAndSaturation: children must return (H,W,2) arrays of the "
                             "input size %s, got %s" % (value.shape[:2], out.shape))
        target = CSPACE_RGB if state.kind == "gray" else self.from_colorspace
        if out.dtype.kind in "iub" and out.dtype.itemsize <= 2:
            converted = hue_sat_to_hsv(out, value, target)
        else:
            values = np.nan_to_num(out.astype(np.float64), nan=0.0, posinf=0.0, neginf=0.0)
            hue = np.mod(np.rint(np.mod(values[:, :, 0], 255) * (180.0 / 255.0)), 180)
            sat = np.clip(np.rint(values[:, :, 1]), 0, 255)
            hsv = cv2.merge([hue.astype(np.uint8), sat.astype(np.uint8), value])
            converted = convert_colorspace(hsv, CSPACE_HSV, target)
        if state.kind == "gray":
            gray = rgb_to_gray(converted)
            return gray if state.ndim == 2 else gray[:, :, np.newaxis]
        return self._with_alpha(converted, state.alpha)

