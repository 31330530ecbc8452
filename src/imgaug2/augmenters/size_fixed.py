"""Crop or pad to a target size: fixed sizes and multiples (with a position).

Each augmenter computes, from the row's image shape, how many pixels the
height and width must lose (crop) or gain (pad), then splits each total
between the two sides with a position ``(x, y)`` in ``[0, 1]``: ``x = 0``
puts the whole horizontal amount on the left side, ``x = 1`` on the right,
``y = 0`` the vertical amount on the top, ``y = 1`` on the bottom (imgaug's
convention: ``"left-top"`` pads/crops only the left and top sides). The
left share of a total ``T`` is ``min(floor((T + 1) * (1 - x)), T)``, so a
uniform ``x`` gives every split ``0..T`` the same chance; for ``"center"``
an odd total puts the extra pixel on the left/top side.

Sampling order per row, only when the row needs cropping/padding: the
position (x, then y), then for padding augmenters ``pad_mode`` and
``pad_cval``. Axes of size 0 are never cropped; padding them fills the new
pixels with ``pad_cval`` whatever the mode. The resulting amounts are stored in
:class:`~imgaug2.augmenters.size_crop_pad.CropPadParams`, so all targets,
replay and records use exactly the same integer translation.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.size_crop_pad import _UNCHANGED, _CropPadBase
from imgaug2.core.memo import NOT_CONSTANT, ShapeMemo
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.size import MAX_OUTPUT_BYTES

__all__ = [
    "PadToFixedSize", "CenterPadToFixedSize", "CropToFixedSize", "CenterCropToFixedSize",
    "CropToMultiplesOf", "CenterCropToMultiplesOf", "PadToMultiplesOf",
    "CenterPadToMultiplesOf",
]

_NAMED_X = {"left": 0.0, "center": 0.5, "right": 1.0}
_NAMED_Y = {"top": 0.0, "center": 0.5, "bottom": 1.0}


def _check_int_or_none(value: Any, name: str, minimum: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError("%s must be an int or None, got %r" % (name, value))
    if value < minimum:
        raise ValueError("%s must be >= %d or None, got %d" % (name, minimum, value))
    return int(value)


def _handle_position(position: Any) -> tuple[str, Any]:
    """-> ("const", (x, y)) | ("pair", (param_x, param_y)) | ("joint", param)."""
    if isinstance(position, str):
        if position == "uniform":
            return "pair", (iap.Uniform(0.0, 1.0), iap.Uniform(0.0, 1.0))
        if position == "normal":
            return "pair", tuple(iap.Clip(iap.Normal(0.5, 0.45 / 2), 0.0, 1.0) for _ in "xy")
        if position == "center":
            return "const", (0.5, 0.5)
        parts = position.split("-")
        if len(parts) == 2 and parts[0] in _NAMED_X and parts[1] in _NAMED_Y:
            return "const", (_NAMED_X[parts[0]], _NAMED_Y[parts[1]])
        raise ValueError("position: expected 'uniform', 'normal', 'center', "
                         "'<left|center|right>-<top|center|bottom>', an (x, y) tuple or a "
                         "parameter, got %r" % (position,))
    if isinstance(position, iap.StochasticParameter):
        return "joint", position
    if isinstance(position, tuple) and len(position) == 2:
        params = tuple(iap.handle_continuous_param(v, "position[%d]" % i, value_range=(0.0, 1.0))
                       for i, v in enumerate(position))
        if all(type(p) is iap.Deterministic for p in params):
            return "const", tuple(float(p.value) for p in params)
        return "pair", params
    raise TypeError("position: expected a string, an (x, y) tuple or a parameter, got %r"
                    % (position,))


def _position_value(value: Any) -> float:
    if isinstance(value, (str, np.str_)):
        raise ValueError("position: the parameter returned the string %r" % (value,))
    v = float(value)
    if math.isnan(v):
        raise ValueError("position: the parameter returned NaN")
    return min(max(v, 0.0), 1.0)


def _split(total: int, frac: float) -> int:
    """Share of ``total`` for the left/top side at position ``frac``."""
    return min(math.floor((total + 1) * (1.0 - frac)), total)


class _PositionedBase(ShapeMemo, _CropPadBase):
    """Crop or pad by per-axis totals split with a position."""

    #: -1: the totals are crops; +1: the totals are pads
    _sign = 1

    def _init_position(self, position: Any) -> None:
        self._pos_mode, self._pos = _handle_position(position)
        self.position = position

    def _draw_position(self, rng: Any) -> tuple[float, float]:
        mode = self._pos_mode
        if mode == "const":
            return self._pos
        if mode == "pair":
            px, py = self._pos
            return (_position_value(px.draw_sample(random_state=rng)),
                    _position_value(py.draw_sample(random_state=rng)))
        xy = self._pos.draw_samples((2,), random_state=rng)
        return _position_value(xy[0]), _position_value(xy[1])

    def _totals(self, height: int, width: int) -> tuple[int, int]:
        """(vertical, horizontal) pixels to crop or pad for an image of this size."""
        raise NotImplementedError

    def _constant_params(self, shape: tuple) -> Params:
        if self._pos_mode == "const" and (self._sign < 0 or self._const_fill is not None):
            return self._sample_shape(None, shape)  # draws nothing
        return NOT_CONSTANT

    def _sample_shape(self, rng: Any, shape: tuple) -> Params:
        total_h, total_w = self._totals(int(shape[0]), int(shape[1]))
        if total_h <= 0 and total_w <= 0:
            return _UNCHANGED
        x, y = self._draw_position(rng)
        left = _split(total_w, x)
        top = _split(total_h, y)
        s = self._sign
        return self._make_params(shape, s * top, s * (total_w - left), s * (total_h - top),
                                 s * left, rng)


class _PadPositioned(_PositionedBase):
    _sign = 1

    def _init_pad(self, pad_mode: Any, pad_cval: Any, position: Any) -> None:
        self._init_fill(pad_mode, pad_cval)
        self._init_position(position)


class _CropPositioned(_PositionedBase):
    _sign = -1

    def _init_crop(self, position: Any) -> None:
        self._const_fill = ("constant", 0)  # crops never pad
        self._init_position(position)


# --------------------------------------------------------------- fixed size

@register("PadToFixedSize")
class PadToFixedSize(_PadPositioned):
    """Pad images that are smaller than ``height x width`` up to that size.

    Larger axes are left as they are. See the module docstring for how the
    position splits the padding.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Args:
        width: Minimum width (int >= 1), or None to leave widths alone.
        height: Minimum height (int >= 1), or None.
        pad_mode: Image pad mode (see :class:`CropAndPad`); heatmaps and
            segmentation maps always pad with the constant 0.
        pad_cval: Image fill value (see :class:`CropAndPad`).
        position: ``"uniform"`` (default), ``"normal"``, ``"center"``,
            ``"<left|center|right>-<top|center|bottom>"``, an ``(x, y)``
            tuple of numbers in [0, 1] or parameters, or one parameter drawing
            ``(x, y)``.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.PadToFixedSize(width=100, height=100, position="center")
    """

    _size_arg = "width/height"

    def __init__(self, width: int | None, height: int | None, pad_mode: Any = "constant",
                 pad_cval: Any = 0, position: Any = "uniform", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.width = _check_int_or_none(width, "width", 1)
        self.height = _check_int_or_none(height, "height", 1)
        if self.width is not None and self.height is not None \
                and self.width * self.height > MAX_OUTPUT_BYTES:
            raise ValueError("width/height: padding to %dx%d would create images above the "
                             "1 GiB limit" % (self.height, self.width))
        self._init_pad(pad_mode, pad_cval, position)

    def _totals(self, height: int, width: int) -> tuple[int, int]:
        th = 0 if self.height is None else max(self.height - height, 0)
        tw = 0 if self.width is None else max(self.width - width, 0)
        return th, tw


@register("CenterPadToFixedSize")
class CenterPadToFixedSize(PadToFixedSize):
    """:class:`PadToFixedSize` with ``position="center"``.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CenterPadToFixedSize(width=64, height=64)
    """

    def __init__(self, width: int | None, height: int | None, pad_mode: Any = "constant",
                 pad_cval: Any = 0, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(width, height, pad_mode=pad_mode, pad_cval=pad_cval,
                         position="center", seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)


@register("CropToFixedSize")
class CropToFixedSize(_CropPositioned):
    """Crop images that are larger than ``height x width`` down to that size.

    Smaller axes are left as they are (combine with :class:`PadToFixedSize`
    for an exact size). With the default ``"uniform"`` position this is a
    random crop.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Args:
        width: Maximum width (int >= 1), or None to leave widths alone.
        height: Maximum height (int >= 1), or None.
        position: See :class:`PadToFixedSize`; ``x = 0`` crops only on the
            left, ``x = 1`` only on the right.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CropToFixedSize(width=224, height=224)
    """

    def __init__(self, width: int | None, height: int | None, position: Any = "uniform",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.width = _check_int_or_none(width, "width", 1)
        self.height = _check_int_or_none(height, "height", 1)
        self._init_crop(position)

    def _totals(self, height: int, width: int) -> tuple[int, int]:
        th = 0 if self.height is None else max(height - self.height, 0)
        tw = 0 if self.width is None else max(width - self.width, 0)
        return th, tw


@register("CenterCropToFixedSize")
class CenterCropToFixedSize(CropToFixedSize):
    """:class:`CropToFixedSize` with ``position="center"``.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CenterCropToFixedSize(width=224, height=224)
    """

    def __init__(self, width: int | None, height: int | None, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(width, height, position="center", seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


# ---------------------------------------------------------------- multiples

@register("CropToMultiplesOf")
class CropToMultiplesOf(_CropPositioned):
    """Crop each axis down to a multiple of a number.

    An axis of size ``S >= M`` loses ``S mod M`` pixels; axes smaller than
    their multiple are left as they are.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Args:
        width_multiple: Multiple for the width (int >= 1) or None.
        height_multiple: Multiple for the height (int >= 1) or None.
        position: See :class:`PadToFixedSize`.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CropToMultiplesOf(width_multiple=32, height_multiple=32)
    """

    def __init__(self, width_multiple: int | None, height_multiple: int | None,
                 position: Any = "uniform", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.width_multiple = _check_int_or_none(width_multiple, "width_multiple", 1)
        self.height_multiple = _check_int_or_none(height_multiple, "height_multiple", 1)
        self._init_crop(position)

    def _totals(self, height: int, width: int) -> tuple[int, int]:
        return (_crop_multiple(height, self.height_multiple),
                _crop_multiple(width, self.width_multiple))


def _crop_multiple(size: int, multiple: int | None) -> int:
    if multiple is None or size < multiple:
        return 0
    return size % multiple


@register("CenterCropToMultiplesOf")
class CenterCropToMultiplesOf(CropToMultiplesOf):
    """:class:`CropToMultiplesOf` with ``position="center"``.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CenterCropToMultiplesOf(width_multiple=16, height_multiple=16)
    """

    def __init__(self, width_multiple: int | None, height_multiple: int | None,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(width_multiple, height_multiple, position="center", seed=seed,
                         name=name, random_state=random_state, deterministic=deterministic)


@register("PadToMultiplesOf")
class PadToMultiplesOf(_PadPositioned):
    """Pad each axis up to the next multiple of a number.

    An axis of size ``S`` gains ``(-S) mod M`` pixels (size 0 stays 0).

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Args:
        width_multiple: Multiple for the width (int >= 1) or None.
        height_multiple: Multiple for the height (int >= 1) or None.
        pad_mode: Image pad mode (see :class:`CropAndPad`).
        pad_cval: Image fill value (see :class:`CropAndPad`).
        position: See :class:`PadToFixedSize`.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.PadToMultiplesOf(width_multiple=32, height_multiple=32)
    """

    _size_arg = "width_multiple/height_multiple"

    def __init__(self, width_multiple: int | None, height_multiple: int | None,
                 pad_mode: Any = "constant", pad_cval: Any = 0, position: Any = "uniform",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.width_multiple = _check_int_or_none(width_multiple, "width_multiple", 1)
        self.height_multiple = _check_int_or_none(height_multiple, "height_multiple", 1)
        self._init_pad(pad_mode, pad_cval, position)

    def _totals(self, height: int, width: int) -> tuple[int, int]:
        th = 0 if self.height_multiple is None else (-height) % self.height_multiple
        tw = 0 if self.width_multiple is None else (-width) % self.width_multiple
        return th, tw


@register("CenterPadToMultiplesOf")
class CenterPadToMultiplesOf(PadToMultiplesOf):
    """:class:`PadToMultiplesOf` with ``position="center"``.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CenterPadToMultiplesOf(width_multiple=32, height_multiple=32)
    """

    def __init__(self, width_multiple: int | None, height_multiple: int | None,
                 pad_mode: Any = "constant", pad_cval: Any = 0, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(width_multiple, height_multiple, pad_mode=pad_mode, pad_cval=pad_cval,
                         position="center", seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
