"""Hue and saturation augmenters (HSV colourspace, one ``cv2.LUT`` per channel).

Each row is converted to HSV, hue and saturation are mapped through 256-entry
tables and the image is converted back. Hue is an angle: OpenCV stores it as
``[0, 180)``; changes wrap around modulo 180. Hue values in imgaug's scale
(``[-255, 255]``, 255 = one full turn) become ``int(v * 180 / 255)`` OpenCV
units, truncated toward zero as imgaug does. Saturation changes are rounded
and clipped to ``[0, 255]``. Rows whose change is a no-op (adding 0,
multiplying by 1) are skipped, so they are returned bit-exactly.

Gray inputs (``(H,W)``/``(H,W,1)``) have no hue or saturation and are returned
unchanged; alpha channels pass through; 2 or 5+ channels raise ``ValueError``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.color_common import CSPACE_RGB, ColorAugmenter, check_colorspace
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.color import (
    hsv_lut,
    hue_add_table,
    hue_mul_table,
    hue_shift_units,
    saturation_add_table,
    saturation_mul_table,
)

__all__ = [
    "MultiplyHueAndSaturation", "MultiplyHue", "MultiplySaturation", "RemoveSaturation",
    "AddToHueAndSaturation", "AddToHue", "AddToSaturation", "HueSaturationMulParams",
    "HueSaturationAddParams",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class HueSaturationMulParams(Params):
    """Multipliers of the OpenCV hue (wrapping) and of the saturation (clipped)."""

    hue: float = 1.0
    saturation: float = 1.0


@dataclass(frozen=True, slots=True, kw_only=True)
class HueSaturationAddParams(Params):
    """Values added to the hue (imgaug scale, wrapping) and to the saturation."""

    hue: int = 0
    saturation: int = 0


def _require(value: Any, name: str, kind: str) -> None:
    """Raise TypeError when a single-channel augmenter's ``value`` argument is None.

    Args:
        value: The argument as given.
        name: Its name, for the error message.
        kind: What a scalar value must be (``"a number"``, ``"an integer"``).

    Raises:
        TypeError: ``value`` is None.
    """
    if value is None:
        raise TypeError(f"{name}: expected {kind}, a tuple (a, b), a list or a "
                        "StochasticParameter, got None")


def _exclusive(value: Any, others: dict[str, Any]) -> None:
    for name, other in others.items():
        if other is not None:
            raise ValueError("%s: may not be set together with the combined argument "
                             "(got %r for it and %r for the combined one)" % (name, other, value))


# -------------------------------------------------------------------- multiply

@register("MultiplyHueAndSaturation")
class MultiplyHueAndSaturation(ColorAugmenter):
    """Multiply hue and saturation by random values.

    Either ``mul`` (the same value for hue and saturation, or one each with
    ``per_channel``) or ``mul_hue``/``mul_saturation`` may be given. The hue
    multiplier acts on OpenCV's ``[0, 180)`` hue (rounded, wrapping), which is
    the same as acting on imgaug's 255-step hue scale. Without any argument
    ``mul_hue=(0.5, 1.5)`` and ``mul_saturation=(0.0, 1.7)``. Samples per row:
    with ``mul``: ``per_channel``, then one or two values; otherwise the hue
    value (if set), then the saturation value (if set).

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        mul: Multiplier in ``[-10, 10]`` for hue and saturation.
        mul_hue: Hue multiplier in ``[-10, 10]``.
        mul_saturation: Saturation multiplier in ``[0, 10]``.
        per_channel: Probability of drawing separate ``mul`` values for hue and
            saturation (bool or number in ``[0, 1]``).
        from_colorspace: Colourspace of the inputs.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.MultiplyHueAndSaturation((0.5, 1.5), per_channel=True)
    """

    def __init__(self, mul: Any = None, mul_hue: Any = None, mul_saturation: Any = None,
                 per_channel: Any = False, from_colorspace: str = CSPACE_RGB,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        if mul is None and mul_hue is None and mul_saturation is None:
            mul_hue, mul_saturation = (0.5, 1.5), (0.0, 1.7)
        self.mul = self.mul_hue = self.mul_saturation = None
        if mul is not None:
            _exclusive(mul, {"mul_hue": mul_hue, "mul_saturation": mul_saturation})
            self.mul = iap.handle_continuous_param(mul, "mul", value_range=(-10.0, 10.0))
        if mul_hue is not None:
            self.mul_hue = iap.handle_continuous_param(mul_hue, "mul_hue",
                                                       value_range=(-10.0, 10.0))
        if mul_saturation is not None:
            self.mul_saturation = iap.handle_continuous_param(
                mul_saturation, "mul_saturation", value_range=(0.0, 10.0))
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")
        self.from_colorspace = check_colorspace(from_colorspace, "from_colorspace")
        self._freeze_if_constant(self.mul, self.mul_hue, self.mul_saturation, self.per_channel)

    def _draw(self, rng: Any, shape: tuple) -> Params:
        hue = sat = 1.0
        if self.mul is not None:
            if float(self.per_channel.draw_sample(random_state=rng)) > 0.5:
                hue, sat = (float(v) for v in self.mul.draw_samples((2,), random_state=rng))
            else:
                hue = sat = float(self.mul.draw_sample(random_state=rng))
        else:
            if self.mul_hue is not None:
                hue = float(self.mul_hue.draw_sample(random_state=rng))
            if self.mul_saturation is not None:
                sat = float(self.mul_saturation.draw_sample(random_state=rng))
        hue = min(max(hue, -10.0), 10.0)
        sat = min(max(sat, 0.0), 10.0)
        return HueSaturationMulParams(applied=not (hue == 1.0 and sat == 1.0), hue=hue,
                                      saturation=sat)

    def _color(self, image: np.ndarray, params: Params) -> np.ndarray:
        p: HueSaturationMulParams = params  # type: ignore[assignment]
        return hsv_lut(image, self.from_colorspace,
                       None if p.hue == 1.0 else hue_mul_table(p.hue),
                       None if p.saturation == 1.0 else saturation_mul_table(p.saturation))


@register("MultiplyHue")
class MultiplyHue(MultiplyHueAndSaturation):
    """Multiply the hue by random values (``MultiplyHueAndSaturation(mul_hue=mul)``).

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        mul: Hue multiplier in ``[-10, 10]``: number, ``(a, b)``, list or parameter.
        from_colorspace: Colourspace of the inputs.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.MultiplyHue((0.5, 1.5))
    """

    def __init__(self, mul: Any = (-3.0, 3.0), from_colorspace: str = CSPACE_RGB,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        _require(mul, "mul", "a number")
        mul = iap.handle_continuous_param(mul, "mul", value_range=(-10.0, 10.0))
        super().__init__(mul_hue=mul, from_colorspace=from_colorspace, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


@register("MultiplySaturation")
class MultiplySaturation(MultiplyHueAndSaturation):
    """Multiply the saturation by random values (``mul_saturation=mul``).

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        mul: Saturation multiplier in ``[0, 10]``: number, ``(a, b)``, list or parameter.
        from_colorspace: Colourspace of the inputs.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.MultiplySaturation((0.5, 1.5))
    """

    def __init__(self, mul: Any = (0.0, 3.0), from_colorspace: str = CSPACE_RGB,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        _require(mul, "mul", "a number")
        mul = iap.handle_continuous_param(mul, "mul", value_range=(0.0, 10.0))
        super().__init__(mul_saturation=mul, from_colorspace=from_colorspace, seed=seed,
                         name=name, random_state=random_state, deterministic=deterministic)


@register("RemoveSaturation")
class RemoveSaturation(MultiplySaturation):
    """Remove a random fraction of the saturation (1 removes all colour).

    Same as ``MultiplySaturation(1 - mul)``.

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        mul: Fraction of the saturation to remove, in ``[0, 1]``: number,
            ``(a, b)``, list or parameter.
        from_colorspace: Colourspace of the inputs.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.RemoveSaturation((0.0, 1.0))
    """

    def __init__(self, mul: Any = 1, from_colorspace: str = CSPACE_RGB, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        removed = iap.handle_continuous_param(mul, "mul", value_range=(0.0, 1.0))
        kept = (iap.Deterministic(1.0 - float(removed.value))
                if isinstance(removed, iap.Deterministic)
                else iap.Subtract(1.0, removed, elementwise=True))
        super().__init__(mul=kept,
                         from_colorspace=from_colorspace, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


# ------------------------------------------------------------------------- add

def _value_param(value: Any, name: str) -> iap.StochasticParameter:
    return iap.handle_discrete_param(value, name, value_range=(-255, 255), allow_floats=False)


@register("AddToHueAndSaturation")
class AddToHueAndSaturation(ColorAugmenter):
    """Add random values to hue and saturation.

    Either ``value`` (the same value for hue and saturation, or one each with
    ``per_channel``) or ``value_hue``/``value_saturation`` may be given; all
    are integers in ``[-255, 255]``. Hue values use imgaug's scale (255 = one
    full turn, mapped to ``int(v * 180 / 255)`` OpenCV units and wrapping);
    saturation is clipped to ``[0, 255]``. Without any argument
    ``value_hue=(-40, 40)`` and ``value_saturation=(-40, 40)``. Samples per
    row: with ``value``: ``per_channel``, then one or two values; otherwise the
    hue value (if set), then the saturation value (if set).

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        value: Integer added to hue and saturation.
        value_hue: Integer added to the hue.
        value_saturation: Integer added to the saturation.
        per_channel: Probability of drawing separate ``value`` values for hue
            and saturation (bool or number in ``[0, 1]``).
        from_colorspace: Colourspace of the inputs.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.AddToHueAndSaturation((-50, 50), per_channel=True)
    """

    def __init__(self, value: Any = None, value_hue: Any = None, value_saturation: Any = None,
                 per_channel: Any = False, from_colorspace: str = CSPACE_RGB,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        if value is None and value_hue is None and value_saturation is None:
            value_hue, value_saturation = (-40, 40), (-40, 40)
        self.value = self.value_hue = self.value_saturation = None
        if value is not None:
            _exclusive(value, {"value_hue": value_hue, "value_saturation": value_saturation})
            self.value = _value_param(value, "value")
        if value_hue is not None:
            self.value_hue = _value_param(value_hue, "value_hue")
        if value_saturation is not None:
            self.value_saturation = _value_param(value_saturation, "value_saturation")
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")
        self.from_colorspace = check_colorspace(from_colorspace, "from_colorspace")
        self._freeze_if_constant(self.value, self.value_hue, self.value_saturation,
                                 self.per_channel)

    @staticmethod
    def _int(v: Any) -> int:
        return int(min(max(float(v), -255.0), 255.0))

    def _draw(self, rng: Any, shape: tuple) -> Params:
        hue = sat = 0
        if self.value is not None:
            if float(self.per_channel.draw_sample(random_state=rng)) > 0.5:
                hue, sat = (self._int(v) for v in self.value.draw_samples((2,),
                                                                         random_state=rng))
            else:
                hue = sat = self._int(self.value.draw_sample(random_state=rng))
        else:
            if self.value_hue is not None:
                hue = self._int(self.value_hue.draw_sample(random_state=rng))
            if self.value_saturation is not None:
                sat = self._int(self.value_saturation.draw_sample(random_state=rng))
        noop = hue_shift_units(hue) == 0 and sat == 0
        return HueSaturationAddParams(applied=not noop, hue=hue, saturation=sat)

    def _color(self, image: np.ndarray, params: Params) -> np.ndarray:
        p: HueSaturationAddParams = params  # type: ignore[assignment]
        return hsv_lut(image, self.from_colorspace,
                       None if hue_shift_units(p.hue) == 0 else hue_add_table(p.hue),
                       None if p.saturation == 0 else saturation_add_table(p.saturation))


@register("AddToHue")
class AddToHue(AddToHueAndSaturation):
    """Add random values to the hue (``AddToHueAndSaturation(value_hue=value)``).

    ``value`` is an integer in ``[-255, 255]`` (255 = one full turn of the
    colour circle); the hue wraps around.

    Supported dtypes: uint8 (others raise TypeError).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.AddToHue((-50, 50))
    """

    def __init__(self, value: Any = (-255, 255), from_colorspace: str = CSPACE_RGB,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        _require(value, "value", "an integer")
        value = _value_param(value, "value")
        super().__init__(value_hue=value, from_colorspace=from_colorspace, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


@register("AddToSaturation")
class AddToSaturation(AddToHueAndSaturation):
    """Add random values to the saturation (``value_saturation=value``).

    ``value`` is an integer in ``[-255, 255]``; saturation is clipped to [0, 255].

    Supported dtypes: uint8 (others raise TypeError).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.AddToSaturation((-50, 50))
    """

    def __init__(self, value: Any = (-75, 75), from_colorspace: str = CSPACE_RGB,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        _require(value, "value", "an integer")
        value = _value_param(value, "value")
        super().__init__(value_saturation=value, from_colorspace=from_colorspace, seed=seed,
                         name=name, random_state=random_state, deterministic=deterministic)
