"""Colour augmenters: colourspaces, grayscale, brightness and colour temperature.

This module also re-exports the hue/saturation family (``color_hsv``) and the
colour quantisation family (``color_quantize``). Every colour augmenter works
on uint8 images and follows the channel-layout policy of
:mod:`imgaug2.augmenters.color_common`: ``(H,W,3)`` is a colour image in
``from_colorspace``, a fourth channel is alpha and passes through, ``(H,W)`` and
``(H,W,1)`` are gray, any other channel count is a ``ValueError`` naming
``image``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.color_common import (
    CSPACE_ALL,
    CSPACE_BGR,
    CSPACE_CIE,
    CSPACE_GRAY,
    CSPACE_HLS,
    CSPACE_HSV,
    CSPACE_RGB,
    CSPACE_YUV,
    ColorAugmenter,
    CSPACE_Lab,
    CSPACE_Luv,
    CSPACE_YCrCb,
    check_colorspace,
    draw_colorspace,
    handle_colorspace_param,
)
from imgaug2.augmenters.color_containers import (
    WithBrightnessChannels,
    WithColorspace,
    WithHueAndSaturation,
)
from imgaug2.augmenters.color_hsv import (
    AddToHue,
    AddToHueAndSaturation,
    AddToSaturation,
    MultiplyHue,
    MultiplyHueAndSaturation,
    MultiplySaturation,
    RemoveSaturation,
)
from imgaug2.augmenters.color_quantize import (
    KMeansColorQuantization,
    Posterize,
    UniformColorQuantization,
    UniformColorQuantizationToNBits,
)
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.color import (
    BRIGHTNESS_CHANNEL,
    COLORSPACES,
    blend_uint8,
    brightness_lut,
    brightness_table,
    color_temperature,
    convert_colorspace,
    gray_to_colorspace_channel,
    gray_to_rgb,
    rgb_to_gray,
)
from imgaug2.kernels.contrast import apply_lut

__all__ = [
    "CSPACE_RGB", "CSPACE_BGR", "CSPACE_GRAY", "CSPACE_CIE", "CSPACE_YCrCb", "CSPACE_HSV",
    "CSPACE_HLS", "CSPACE_Lab", "CSPACE_Luv", "CSPACE_YUV", "CSPACE_ALL",
    "WithColorspace", "ChangeColorspace", "Grayscale", "WithBrightnessChannels",
    "MultiplyAndAddToBrightness", "MultiplyBrightness", "AddToBrightness",
    "WithHueAndSaturation", "MultiplyHueAndSaturation", "MultiplyHue", "MultiplySaturation",
    "RemoveSaturation", "AddToHueAndSaturation", "AddToHue", "AddToSaturation",
    "ChangeColorTemperature", "KMeansColorQuantization", "UniformColorQuantization",
    "UniformColorQuantizationToNBits", "Posterize",
    "ChangeColorspaceParams", "BrightnessParams", "ColorTemperatureParams",
]

_BRIGHTNESS_SPACES = tuple(BRIGHTNESS_CHANNEL)
_DEFAULT_BRIGHTNESS_SPACES = (CSPACE_YCrCb, CSPACE_HSV, CSPACE_HLS, CSPACE_Lab, CSPACE_Luv,
                              CSPACE_YUV)


# ----------------------------------------------------------- ChangeColorspace

@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeColorspaceParams(Params):
    """Target colourspace and blend strength of the converted image."""

    to_colorspace: str = "RGB"
    alpha: float = 1.0


@register("ChangeColorspace")
class ChangeColorspace(ColorAugmenter):
    """Convert images to another colourspace, blended with the input by ``alpha``.

    The output holds the converted values (e.g. H, S, V for ``HSV``) in the
    input's channels; ``GRAY`` fills all three channels with the gray value.
    Gray inputs become the channel of ``to_colorspace`` that carries a gray
    image's information (the brightness channel, or the gray value itself for
    RGB/BGR/GRAY). Samples per row: ``to_colorspace``, then ``alpha``.

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        to_colorspace: Target colourspace: a name from ``CSPACE_ALL``, a list of
            names (one picked per row) or a parameter drawing names.
        from_colorspace: Colourspace of the inputs (any but ``GRAY``).
        alpha: Opacity of the converted image in ``[0, 1]``: number, ``(a, b)``,
            list or parameter.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.ChangeColorspace(["HSV", "Lab"], alpha=(0.5, 1.0))
    """

    # imgaug kept the colourspace names on the class too (``ChangeColorspace.HSV``).
    RGB, BGR, GRAY, CIE = CSPACE_RGB, CSPACE_BGR, CSPACE_GRAY, CSPACE_CIE
    YCrCb, HSV, HLS, Lab, Luv, YUV = (CSPACE_YCrCb, CSPACE_HSV, CSPACE_HLS, CSPACE_Lab,
                                      CSPACE_Luv, CSPACE_YUV)
    COLORSPACES = frozenset(COLORSPACES)

    def __init__(self, to_colorspace: Any, from_colorspace: str = CSPACE_RGB, alpha: Any = 1.0,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.to_colorspace = handle_colorspace_param(to_colorspace, "to_colorspace",
                                                     COLORSPACES)
        self.from_colorspace = check_colorspace(from_colorspace, "from_colorspace")
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0.0, 1.0))
        self._freeze_if_constant(self.to_colorspace, self.alpha)

    def _draw(self, rng: Any, shape: tuple) -> Params:
        to = draw_colorspace(self.to_colorspace, rng, "to_colorspace", COLORSPACES)
        alpha = min(max(float(self.alpha.draw_sample(random_state=rng)), 0.0), 1.0)
        return ChangeColorspaceParams(applied=alpha > 0.0 and to != self.from_colorspace,
                                      to_colorspace=to, alpha=alpha)

    def _color(self, image: np.ndarray, params: Params) -> np.ndarray:
        p: ChangeColorspaceParams = params  # type: ignore[assignment]
        converted = convert_colorspace(image, self.from_colorspace, p.to_colorspace)
        return blend_uint8(converted, image, p.alpha)

    def _gray(self, gray: np.ndarray, params: Params) -> np.ndarray:
        p: ChangeColorspaceParams = params  # type: ignore[assignment]
        return blend_uint8(gray_to_colorspace_channel(gray, p.to_colorspace), gray, p.alpha)


@register("Grayscale")
class Grayscale(ChangeColorspace):
    """Remove colour: blend each image with its gray version (3 channels kept).

    ``alpha=1`` gives ``cv2.cvtColor(image, COLOR_RGB2GRAY)`` in every channel.
    The output stays in ``from_colorspace``: for spaces other than RGB/BGR the
    gray RGB image is converted back into it before blending (imgaug blended
    the raw gray values instead). Gray inputs are returned unchanged.
    Samples per row: ``alpha``.

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        alpha: Opacity of the gray image in ``[0, 1]``: number, ``(a, b)``, list
            or parameter.
        from_colorspace: Colourspace of the inputs (any but ``GRAY``).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Grayscale(alpha=(0.0, 1.0))
    """

    def __init__(self, alpha: Any = 1, from_colorspace: str = CSPACE_RGB, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(to_colorspace=CSPACE_GRAY, from_colorspace=from_colorspace,
                         alpha=alpha, seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)

    def _draw(self, rng: Any, shape: tuple) -> Params:
        alpha = min(max(float(self.alpha.draw_sample(random_state=rng)), 0.0), 1.0)
        return ChangeColorspaceParams(applied=alpha > 0.0, to_colorspace=CSPACE_GRAY,
                                      alpha=alpha)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        if (params.alpha >= 1.0 and image.ndim == 3 and image.shape[2] == 3  # type: ignore
                and image.size and self.from_colorspace in ("RGB", "BGR")):
            # Common case: two cvtColor calls, no blending or layout work.
            return gray_to_rgb(rgb_to_gray(image, self.from_colorspace))
        return super()._augment_image(image, params)

    def _color(self, image: np.ndarray, params: Params) -> np.ndarray:
        gray = gray_to_rgb(rgb_to_gray(image, self.from_colorspace))
        if self.from_colorspace not in ("RGB", "BGR"):
            gray = convert_colorspace(gray, "RGB", self.from_colorspace)
        return blend_uint8(gray, image, params.alpha)  # type: ignore[attr-defined]


# ------------------------------------------------------------------ brightness

@dataclass(frozen=True, slots=True, kw_only=True)
class BrightnessParams(Params):
    """Colourspace whose brightness channel is changed, and how."""

    colorspace: str = "YCrCb"
    mul: float = 1.0
    add: float = 0.0
    mul_first: bool = True


@register("MultiplyAndAddToBrightness")
class MultiplyAndAddToBrightness(ColorAugmenter):
    """Multiply and add to the brightness channel of a random colourspace.

    Each row is converted to one colourspace picked from ``to_colorspace``;
    its brightness channel (Y of YCrCb/YUV, V of HSV, L of HLS/Lab/Luv) is
    multiplied by ``mul`` and ``add`` is added (each step rounded and clipped
    to [0, 255], both done by one ``cv2.LUT``), then the image is converted
    back. Gray inputs are their own brightness channel. Samples per row:
    colourspace, ``mul``, ``add``, then (``random_order`` only) one uniform
    number: below 0.5 the addition comes first.

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        mul: Brightness multiplier: number, ``(a, b)``, list or parameter.
        add: Value added to the brightness: number, ``(a, b)``, list or parameter.
        to_colorspace: Colourspace(s) with a brightness channel: a name, a list
            (one picked per row) or a parameter; from YCrCb, HSV, HLS, Lab, Luv, YUV.
        from_colorspace: Colourspace of the inputs.
        random_order: Apply multiplication and addition in a random order per row.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.MultiplyAndAddToBrightness(mul=(0.5, 1.5), add=(-30, 30))
    """

    def __init__(self, mul: Any = (0.7, 1.3), add: Any = (-30, 30),
                 to_colorspace: Any = _DEFAULT_BRIGHTNESS_SPACES,
                 from_colorspace: str = CSPACE_RGB, random_order: bool = True,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.mul = iap.handle_continuous_param(mul, "mul", value_range=(-1e4, 1e4))
        self.add = iap.handle_continuous_param(add, "add", value_range=(-1e4, 1e4))
        self.to_colorspace = handle_colorspace_param(to_colorspace, "to_colorspace",
                                                     _BRIGHTNESS_SPACES)
        self.from_colorspace = check_colorspace(from_colorspace, "from_colorspace")
        if not isinstance(random_order, (bool, np.bool_)):
            raise TypeError("random_order must be a bool, got %r" % (random_order,))
        self.random_order = bool(random_order)
        if not self.random_order:
            self._freeze_if_constant(self.mul, self.add, self.to_colorspace)

    def _draw(self, rng: Any, shape: tuple) -> Params:
        space = draw_colorspace(self.to_colorspace, rng, "to_colorspace", _BRIGHTNESS_SPACES)
        mul = float(self.mul.draw_sample(random_state=rng))
        add = float(self.add.draw_sample(random_state=rng))
        mul_first = True
        if self.random_order:
            mul_first = bool(rng.random() >= 0.5)
        return BrightnessParams(applied=not (mul == 1.0 and add == 0.0), colorspace=space,
                                mul=mul, add=add, mul_first=mul_first)

    def _table(self, p: BrightnessParams) -> np.ndarray:
        return brightness_table(p.mul, p.add, p.mul_first)

    def _color(self, image: np.ndarray, params: Params) -> np.ndarray:
        p: BrightnessParams = params  # type: ignore[assignment]
        return brightness_lut(image, self.from_colorspace, p.colorspace, self._table(p))

    def _gray(self, gray: np.ndarray, params: Params) -> np.ndarray:
        return apply_lut(gray, self._table(params))  # type: ignore[arg-type]


@register("MultiplyBrightness")
class MultiplyBrightness(MultiplyAndAddToBrightness):
    """Multiply the brightness channel of a random colourspace.

    Same as ``MultiplyAndAddToBrightness(mul=mul, add=0)``.
    Supported dtypes: uint8 (others raise TypeError).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.MultiplyBrightness((0.5, 1.5))
    """

    def __init__(self, mul: Any = (0.7, 1.3), to_colorspace: Any = _DEFAULT_BRIGHTNESS_SPACES,
                 from_colorspace: str = CSPACE_RGB, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(mul=mul, add=0, to_colorspace=to_colorspace,
                         from_colorspace=from_colorspace, random_order=False, seed=seed,
                         name=name, random_state=random_state, deterministic=deterministic)


@register("AddToBrightness")
class AddToBrightness(MultiplyAndAddToBrightness):
    """Add to the brightness channel of a random colourspace.

    Same as ``MultiplyAndAddToBrightness(mul=1, add=add)``.
    Supported dtypes: uint8 (others raise TypeError).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.AddToBrightness((-30, 30))
    """

    def __init__(self, add: Any = (-30, 30), to_colorspace: Any = _DEFAULT_BRIGHTNESS_SPACES,
                 from_colorspace: str = CSPACE_RGB, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(mul=1.0, add=add, to_colorspace=to_colorspace,
                         from_colorspace=from_colorspace, random_order=False, seed=seed,
                         name=name, random_state=random_state, deterministic=deterministic)


# ----------------------------------------------------------------- temperature

@dataclass(frozen=True, slots=True, kw_only=True)
class ColorTemperatureParams(Params):
    kelvin: float = 6600.0


@register("ChangeColorTemperature")
class ChangeColorTemperature(ColorAugmenter):
    """Tint images as if lit by a black body of ``kelvin`` degrees.

    R, G and B are scaled by the black body's colour normalised to [0, 1]
    (see :func:`imgaug2.kernels.color.kelvin_to_multipliers`): 1000-4000 K
    gives red/orange/yellow tints, about 6600 K is neutral, 10000-40000 K
    gives increasingly blue tones. Gray inputs are tinted as RGB and
    converted back to gray. Samples per row: ``kelvin``.

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        kelvin: Temperature in ``[1000, 40000]``: number, ``(a, b)``, list or
            parameter (drawn values are clipped to that interval).
        from_colorspace: Colourspace of the inputs.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.ChangeColorTemperature((1100, 10000))
    """

    def __init__(self, kelvin: Any = (1000, 11000), from_colorspace: str = CSPACE_RGB,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.kelvin = iap.handle_continuous_param(kelvin, "kelvin", value_range=(1000, 40000))
        self.from_colorspace = check_colorspace(from_colorspace, "from_colorspace")
        self._freeze_if_constant(self.kelvin)

    def _draw(self, rng: Any, shape: tuple) -> Params:
        kelvin = min(max(float(self.kelvin.draw_sample(random_state=rng)), 1000.0), 40000.0)
        return ColorTemperatureParams(kelvin=kelvin)

    def _color(self, image: np.ndarray, params: Params) -> np.ndarray:
        return color_temperature(image, params.kelvin, self.from_colorspace)  # type: ignore

    def _gray(self, gray: np.ndarray, params: Params) -> np.ndarray:
        tinted = color_temperature(gray_to_rgb(gray), params.kelvin, "RGB")  # type: ignore
        return rgb_to_gray(tinted)
