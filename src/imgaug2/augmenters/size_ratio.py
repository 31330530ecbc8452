"""Crop or pad to powers of a base, to an aspect ratio, or to a square.

Same machinery as :mod:`imgaug2.augmenters.size_fixed`: per-axis totals
computed from the row's shape, split between the sides by a position, and
recorded as integer amounts.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from imgaug2.augmenters.size_fixed import _check_int_or_none, _CropPositioned, _PadPositioned
from imgaug2.core.registry import register
from imgaug2.kernels.size import round_half_away

__all__ = [
    "CropToPowersOf", "CenterCropToPowersOf", "PadToPowersOf", "CenterPadToPowersOf",
    "CropToAspectRatio", "CenterCropToAspectRatio", "PadToAspectRatio",
    "CenterPadToAspectRatio", "CropToSquare", "CenterCropToSquare", "PadToSquare",
    "CenterPadToSquare",
]


def _crop_power(size: int, base: int | None) -> int:
    # Largest base**k <= size with k >= 1; axes below the base stay as they are.
    if base is None or size < base:
        return 0
    power = base
    while power * base <= size:
        power *= base
    return size - power


def _pad_power(size: int, base: int | None) -> int:
    # Smallest base**k >= size with k >= 1; size 0 stays 0.
    if base is None or size <= 0:
        return 0
    power = base
    while power < size:
        power *= base
    return power - size


def _check_ratio(value: Any) -> float:
    if isinstance(value, (bool, np.bool_)) or not isinstance(
            value, (int, float, np.integer, np.floating)):
        raise TypeError("aspect_ratio must be a number (width / height), got %r" % (value,))
    value = float(value)
    if not math.isfinite(value) or value <= 0:
        raise ValueError("aspect_ratio must be a finite number > 0, got %r" % (value,))
    return value


def _crop_ratio(height: int, width: int, ratio: float) -> tuple[int, int]:
    if height == 0 or width == 0:
        return 0, 0
    if width > ratio * height:
        new_w = max(1, round_half_away(height * ratio))
        return 0, max(width - new_w, 0)
    if width < ratio * height:
        new_h = max(1, round_half_away(width / ratio))
        return max(height - new_h, 0), 0
    return 0, 0


def _pad_ratio(height: int, width: int, ratio: float) -> tuple[int, int]:
    if height == 0 and width == 0:
        return 0, 0
    if width < ratio * height:
        new_w = round_half_away(height * ratio)
        return 0, max(new_w - width, 0)
    if width > ratio * height:
        new_h = round_half_away(width / ratio)
        return max(new_h - height, 0), 0
    return 0, 0


# ------------------------------------------------------------------ powers

@register("CropToPowersOf")
class CropToPowersOf(_CropPositioned):
    """Crop each axis down to the largest power of a base that fits.

    An axis of size ``S >= B`` becomes ``B**k`` with the largest ``k >= 1``
    such that ``B**k <= S``; axes smaller than their base are left alone.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Args:
        width_base: Base for the width (int >= 2) or None.
        height_base: Base for the height (int >= 2) or None.
        position: See :class:`PadToFixedSize`.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CropToPowersOf(width_base=2, height_base=2)
    """

    def __init__(self, width_base: int | None, height_base: int | None,
                 position: Any = "uniform", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.width_base = _check_int_or_none(width_base, "width_base", 2)
        self.height_base = _check_int_or_none(height_base, "height_base", 2)
        self._init_crop(position)

    def _totals(self, height: int, width: int) -> tuple[int, int]:
        return _crop_power(height, self.height_base), _crop_power(width, self.width_base)


@register("CenterCropToPowersOf")
class CenterCropToPowersOf(CropToPowersOf):
    """:class:`CropToPowersOf` with ``position="center"``.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CenterCropToPowersOf(width_base=2, height_base=2)
    """

    def __init__(self, width_base: int | None, height_base: int | None, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(width_base, height_base, position="center", seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


@register("PadToPowersOf")
class PadToPowersOf(_PadPositioned):
    """Pad each axis up to the smallest power of a base that holds it.

    An axis of size ``S >= 1`` becomes ``B**k`` with the smallest ``k >= 1``
    such that ``B**k >= S``; size 0 stays 0.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Args:
        width_base: Base for the width (int >= 2) or None.
        height_base: Base for the height (int >= 2) or None.
        pad_mode: Image pad mode (see :class:`CropAndPad`).
        pad_cval: Image fill value (see :class:`CropAndPad`).
        position: See :class:`PadToFixedSize`.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.PadToPowersOf(width_base=2, height_base=2, pad_mode="edge")
    """

    _size_arg = "width_base/height_base"

    def __init__(self, width_base: int | None, height_base: int | None,
                 pad_mode: Any = "constant", pad_cval: Any = 0, position: Any = "uniform",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.width_base = _check_int_or_none(width_base, "width_base", 2)
        self.height_base = _check_int_or_none(height_base, "height_base", 2)
        self._init_pad(pad_mode, pad_cval, position)

    def _totals(self, height: int, width: int) -> tuple[int, int]:
        return _pad_power(height, self.height_base), _pad_power(width, self.width_base)


@register("CenterPadToPowersOf")
class CenterPadToPowersOf(PadToPowersOf):
    """:class:`PadToPowersOf` with ``position="center"``.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CenterPadToPowersOf(width_base=2, height_base=2)
    """

    def __init__(self, width_base: int | None, height_base: int | None,
                 pad_mode: Any = "constant", pad_cval: Any = 0, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(width_base, height_base, pad_mode=pad_mode, pad_cval=pad_cval,
                         position="center", seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)


# ------------------------------------------------------------ aspect ratio

@register("CropToAspectRatio")
class CropToAspectRatio(_CropPositioned):
    """Crop the longer side until ``width / height`` is ``aspect_ratio``.

    Too wide images lose columns (new width ``round_half_away(H * ratio)``,
    at least 1), too tall ones rows (new height ``round_half_away(W / ratio)``).
    Images with a zero-size axis are left alone.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Args:
        aspect_ratio: Target ``width / height`` (finite number > 0).
        position: See :class:`PadToFixedSize`.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CropToAspectRatio(2.0)
    """

    def __init__(self, aspect_ratio: float, position: Any = "uniform", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.aspect_ratio = _check_ratio(aspect_ratio)
        self._init_crop(position)

    def _totals(self, height: int, width: int) -> tuple[int, int]:
        return _crop_ratio(height, width, self.aspect_ratio)


@register("CenterCropToAspectRatio")
class CenterCropToAspectRatio(CropToAspectRatio):
    """:class:`CropToAspectRatio` with ``position="center"``.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CenterCropToAspectRatio(1.5)
    """

    def __init__(self, aspect_ratio: float, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(aspect_ratio, position="center", seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


@register("PadToAspectRatio")
class PadToAspectRatio(_PadPositioned):
    """Pad the shorter side until ``width / height`` is ``aspect_ratio``.

    Too tall images gain columns (new width ``round_half_away(H * ratio)``),
    too wide ones rows (new height ``round_half_away(W / ratio)``). Results
    above 1 GiB are refused with a ``ValueError`` naming ``aspect_ratio``.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Args:
        aspect_ratio: Target ``width / height`` (finite number > 0).
        pad_mode: Image pad mode (see :class:`CropAndPad`).
        pad_cval: Image fill value (see :class:`CropAndPad`).
        position: See :class:`PadToFixedSize`.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.PadToAspectRatio(1.0, pad_mode="reflect")
    """

    _size_arg = "aspect_ratio"

    def __init__(self, aspect_ratio: float, pad_mode: Any = "constant", pad_cval: Any = 0,
                 position: Any = "uniform", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.aspect_ratio = _check_ratio(aspect_ratio)
        self._init_pad(pad_mode, pad_cval, position)

    def _totals(self, height: int, width: int) -> tuple[int, int]:
        return _pad_ratio(height, width, self.aspect_ratio)


@register("CenterPadToAspectRatio")
class CenterPadToAspectRatio(PadToAspectRatio):
    """:class:`PadToAspectRatio` with ``position="center"``.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CenterPadToAspectRatio(1.5)
    """

    def __init__(self, aspect_ratio: float, pad_mode: Any = "constant", pad_cval: Any = 0,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(aspect_ratio, pad_mode=pad_mode, pad_cval=pad_cval, position="center",
                         seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)


# ------------------------------------------------------------------ square

@register("CropToSquare")
class CropToSquare(_CropPositioned):
    """Crop the longer side down to the shorter one.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Args:
        position: See :class:`PadToFixedSize`.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CropToSquare()
    """

    def __init__(self, position: Any = "uniform", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._init_crop(position)

    def _totals(self, height: int, width: int) -> tuple[int, int]:
        if height == 0 or width == 0:
            return 0, 0
        side = min(height, width)
        return height - side, width - side


@register("CenterCropToSquare")
class CenterCropToSquare(CropToSquare):
    """:class:`CropToSquare` with ``position="center"``.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CenterCropToSquare()
    """

    def __init__(self, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(position="center", seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)


@register("PadToSquare")
class PadToSquare(_PadPositioned):
    """Pad the shorter side up to the longer one.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Args:
        pad_mode: Image pad mode (see :class:`CropAndPad`).
        pad_cval: Image fill value (see :class:`CropAndPad`).
        position: See :class:`PadToFixedSize`.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.PadToSquare(pad_mode="edge")
    """

    _size_arg = "image"

    def __init__(self, pad_mode: Any = "constant", pad_cval: Any = 0, position: Any = "uniform",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._init_pad(pad_mode, pad_cval, position)

    def _totals(self, height: int, width: int) -> tuple[int, int]:
        side = max(height, width)
        return side - height, side - width


@register("CenterPadToSquare")
class CenterPadToSquare(PadToSquare):
    """:class:`PadToSquare` with ``position="center"``.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CenterPadToSquare()
    """

    def __init__(self, pad_mode: Any = "constant", pad_cval: Any = 0, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(pad_mode=pad_mode, pad_cval=pad_cval, position="center", seed=seed,
                         name=name, random_state=random_state, deterministic=deterministic)
