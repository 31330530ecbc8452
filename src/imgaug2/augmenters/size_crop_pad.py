"""Crop and pad by per-side amounts: CropAndPad, Crop, Pad (and the shared machinery).

Every augmenter of this module and of :mod:`imgaug2.augmenters.size_fixed`
samples four signed integer amounts per row, ``(top, right, bottom, left)``,
for that row's image shape: positive values pad, negative values crop. The
amounts are recorded in :class:`CropPadParams`, so replay never re-derives
them. Cropping comes first, then padding; coordinates therefore move by
exactly ``(+left, +top)``.

Heatmaps and segmentation maps smaller than their image get the amounts
scaled to their own size (``round_half_away(amount * map_size / image_size)``
per side), and are always padded with the constant 0 (imgaug's defaults);
the image pad mode and cval apply to images only. With ``keep_size`` the
result is resized back to the input size (images and heatmaps cubic,
segmentation maps nearest neighbour) and coordinates are scaled by the same
factors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

import imgaug2.parameters as iap
from imgaug2.core.base import ALL_DTYPES, Augmenter
from imgaug2.core.memo import NOT_CONSTANT, ShapeMemo
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.resize import resize_aligned, scale_xy
from imgaug2.kernels.size import (
    MAX_OUTPUT_BYTES,
    PAD_MODES,
    check_output_size,
    crop_pad_image,
    crop_pad_plan,
    crop_pad_shape,
    crop_pad_xy,
    limit_crops,
    round_half_away,
    scale_amounts,
)

__all__ = ["CropAndPad", "Crop", "Pad", "CropPadParams"]

_Deterministic = iap.Deterministic


@dataclass(frozen=True, slots=True, kw_only=True)
class CropPadParams(Params):
    """Signed per-side amounts for one row (``> 0`` pad, ``< 0`` crop) and the image fill.

    ``pad_mode``/``pad_cval`` apply to images; heatmaps and segmentation maps
    are padded with the constant 0.
    """

    top: int = 0
    right: int = 0
    bottom: int = 0
    left: int = 0
    pad_mode: str = "constant"
    pad_cval: float = 0


# ------------------------------------------------------------------ helpers

def handle_pad_mode(pad_mode: Any, name: str = "pad_mode") -> iap.StochasticParameter:
    """``"ALL"``, a mode name, a list of names or a parameter -> parameter."""
    return iap.handle_categorical_string_param(pad_mode, name, PAD_MODES)


def handle_pad_cval(pad_cval: Any, name: str = "pad_cval") -> iap.StochasticParameter:
    """A number, ``(a, b)`` (ints: discrete uniform, else uniform), a list or a parameter."""
    if isinstance(pad_cval, tuple) and len(pad_cval) == 2 and all(
            isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_))
            for v in pad_cval):
        return iap.handle_discrete_param(pad_cval, name)
    return iap.handle_continuous_param(pad_cval, name)


def _raw_max(value: Any) -> float | None:
    """Largest number (at least 0) in a plain value; None when a parameter is involved."""
    if isinstance(value, iap.StochasticParameter):
        return None
    if isinstance(value, (tuple, list)):
        best = 0.0
        for v in value:
            m = _raw_max(v)
            if m is None:
                return None
            best = max(best, m)
        return best
    if isinstance(value, (int, float, np.integer, np.floating)):
        return max(float(value), 0.0)
    return None


def _check_bool(value: Any, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError("%s must be a bool, got %r" % (name, value))
    return bool(value)


def _const_value(param: Any) -> Any:
    return param.value if type(param) is _Deterministic else None


class _CropPadBase(Augmenter):
    """Applies :class:`CropPadParams` to every target; subclasses implement ``_sample``."""

    supported_dtypes = ALL_DTYPES
    geometric = True
    keep_size = False
    #: argument(s) named when the output would exceed the size limit
    _size_arg = "size"

    def _init_fill(self, pad_mode: Any, pad_cval: Any) -> None:
        self.pad_mode = handle_pad_mode(pad_mode)
        self.pad_cval = handle_pad_cval(pad_cval)
        mode = _const_value(self.pad_mode)
        cval = _const_value(self.pad_cval)
        self._const_fill = None if mode is None or cval is None else (str(mode), _plain(cval))

    def _draw_fill(self, rng: Any) -> tuple[str, float]:
        fill = self._const_fill
        if fill is not None:
            return fill
        mode = self.pad_mode.draw_sample(random_state=rng)
        if not isinstance(mode, (str, np.str_)) or str(mode) not in PAD_MODES:
            raise ValueError("pad_mode: the parameter returned %r; expected one of %s"
                             % (mode, ", ".join(PAD_MODES)))
        cval = self.pad_cval.draw_sample(random_state=rng)
        if isinstance(cval, (str, np.str_)) or not np.isfinite(cval):
            raise ValueError("pad_cval: the parameter returned %r; expected a finite number"
                             % (cval,))
        return str(mode), _plain(cval)

    def _make_params(self, shape: tuple, top: int, right: int, bottom: int, left: int,
                     rng: Any) -> CropPadParams:
        """Limit crops to the row's shape, check the output size, draw the fill if padding."""
        h, w = shape[0], shape[1]
        crop_h = (-top if top < 0 else 0) + (-bottom if bottom < 0 else 0)
        crop_w = (-left if left < 0 else 0) + (-right if right < 0 else 0)
        if (crop_h and crop_h >= h) or (crop_w and crop_w >= w):
            top, right, bottom, left = limit_crops(top, right, bottom, left, int(h), int(w))
        if top > 0 or right > 0 or bottom > 0 or left > 0:
            out_h, out_w = h + top + bottom, w + left + right
            channels = shape[2] if len(shape) > 2 else 1
            if out_h * out_w * channels > MAX_OUTPUT_BYTES:
                check_output_size((out_h, out_w, channels), 1, self._size_arg)
            mode, cval = self._draw_fill(rng)
            return CropPadParams(top=top, right=right, bottom=bottom, left=left,
                                 pad_mode=mode, pad_cval=cval)
        if top == 0 and right == 0 and bottom == 0 and left == 0:
            return _UNCHANGED
        return CropPadParams(top=top, right=right, bottom=bottom, left=left)

    # ---------------------------------------------------------- targets
    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        p: CropPadParams = params  # type: ignore[assignment]
        top, right, bottom, left = p.top, p.right, p.bottom, p.left
        shape = image.shape
        # Output <= 4x the input unless an axis more than doubles: only then (or for
        # huge inputs) is the exact size worth computing before allocating.
        if top + bottom > shape[0] or left + right > shape[1] \
                or image.nbytes > MAX_OUTPUT_BYTES // 4:
            check_output_size(crop_pad_shape(shape, top, right, bottom, left), image.itemsize,
                              self._size_arg)
        out = crop_pad_image(image, top, right, bottom, left, p.pad_mode, p.pad_cval)
        if self.keep_size and out.shape[:2] != image.shape[:2]:
            out = resize_aligned(out, image.shape[0], image.shape[1], "cubic")
        return out

    def _image_plan(self, params: Params, image: np.ndarray) -> Any:
        # Used by ShapeMemo subclasses: constant amounts for this shape.
        if self.keep_size or not params.applied:
            return None
        p: CropPadParams = params  # type: ignore[assignment]
        return crop_pad_plan(image.shape, image.dtype, p.top, p.right, p.bottom, p.left,
                             p.pad_mode, p.pad_cval)

    def _map_amounts(self, p: CropPadParams, image_shape: tuple, arr_shape: tuple
                     ) -> tuple[int, int, int, int]:
        return scale_amounts((p.top, p.right, p.bottom, p.left), image_shape[:2], arr_shape[:2])

    def _crop_pad_map(self, arr: np.ndarray, shape: tuple, p: CropPadParams, cval: float,
                      interpolation: str) -> tuple[np.ndarray, tuple]:
        """Crop/pad a heatmap or segmentation map array and give its new image shape.

        Args:
            arr: The map's array.
            shape: Shape of the image the map belongs to.
            p: The row's crop/pad amounts (in image pixels).
            cval: Fill value of padded cells.
            interpolation: Resize interpolation back to the array's size with ``keep_size``.

        Returns:
            The new array and the new image shape.
        """
        amounts = self._map_amounts(p, shape, arr.shape)
        out = crop_pad_image(arr, *amounts, "constant", cval)
        if self.keep_size:
            if out.shape[:2] != arr.shape[:2]:
                out = resize_aligned(out, arr.shape[0], arr.shape[1], interpolation)
            return out, shape
        return out, crop_pad_shape(shape, p.top, p.right, p.bottom, p.left)

    def _augment_heatmaps(self, heatmaps: Any, params: Params) -> Any:
        p: CropPadParams = params  # type: ignore[assignment]
        out, new_shape = self._crop_pad_map(heatmaps.arr_0to1, tuple(heatmaps.shape), p, 0.0,
                                            "cubic")
        return heatmaps.replace(arr_0to1=out, shape=new_shape)

    def _augment_segmentation_maps(self, segmaps: Any, params: Params) -> Any:
        p: CropPadParams = params  # type: ignore[assignment]
        out, new_shape = self._crop_pad_map(segmaps.arr, tuple(segmaps.shape), p, 0, "nearest")
        return segmaps.replace(arr=out, shape=new_shape)

    def _augment_xy(self, xy: np.ndarray, params: Params, shape: tuple
                    ) -> tuple[np.ndarray, tuple]:
        p: CropPadParams = params  # type: ignore[assignment]
        out = crop_pad_xy(xy, p.top, p.left)
        new_shape = crop_pad_shape(shape, p.top, p.right, p.bottom, p.left)
        if self.keep_size:
            if new_shape[:2] != tuple(shape[:2]):
                out = scale_xy(out, new_shape, shape)
            return out, tuple(shape)
        return out, new_shape


_UNCHANGED = CropPadParams(applied=False)


def _plain(value: Any) -> Any:
    """numpy scalar -> int/float (ints stay ints so integer images get them exactly)."""
    if isinstance(value, (bool, np.bool_)):
        return int(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    return float(value)


# --------------------------------------------------------- per-side amounts

class _SidesAugmenter(ShapeMemo, _CropPadBase):
    """Shared by CropAndPad/Crop/Pad: ``px``/``percent`` per side, signs by subclass."""

    #: +1: values pad when positive (CropAndPad, Pad); -1: values crop (Crop)
    _sign = 1
    #: clip sampled values at 0 (Crop, Pad: parameters may return negatives)
    _nonnegative = False

    def _init_sides(self, px: Any, percent: Any, keep_size: Any, sample_independently: Any,
                    px_range: Any, percent_range: Any) -> None:
        self.keep_size = _check_bool(keep_size, "keep_size")
        self.sample_independently = _check_bool(sample_independently, "sample_independently")
        if px is not None and percent is not None:
            raise ValueError("px and percent: set at most one of them, got both")
        self._unit: str | None = None
        self._sides: tuple | None = None
        self._all: iap.StochasticParameter | None = None
        if px is not None:
            self._unit = "px"
            self._parse(px, "px", px_range, discrete=True)
            self._check_px_size(px)
        elif percent is not None:
            self._unit = "percent"
            self._parse(percent, "percent", percent_range, discrete=False)
        self._const = self._constant_sides()

    def _parse(self, value: Any, name: str, value_range: Any, discrete: bool) -> None:
        def handle(v: Any, where: str) -> iap.StochasticParameter:
            if discrete:
                return iap.handle_discrete_param(v, where, value_range, allow_floats=False)
            return iap.handle_continuous_param(v, where, value_range)

        if isinstance(value, tuple) and len(value) == 4:
            self._sides = tuple(handle(v, "%s[%d] (%s)" % (name, i, side))
                                for i, (v, side) in enumerate(
                                    zip(value, ("top", "right", "bottom", "left"))))
        elif isinstance(value, tuple) and len(value) != 2:
            raise ValueError("%s: a tuple must be (a, b) or (top, right, bottom, left), got %d "
                             "entries" % (name, len(value)))
        else:
            self._all = handle(value, name)

    def _check_px_size(self, px: Any) -> None:
        # Constant, range and list values are known now: refuse what cannot fit in 1 GiB.
        if isinstance(px, tuple) and len(px) == 4:
            maxes = [_raw_max(v) for v in px]
        else:
            m = _raw_max(px)
            maxes = [m] * 4
        if any(m is None for m in maxes) or self._sign < 0:
            return
        t, r, b, l = (int(m) for m in maxes)  # type: ignore[arg-type]
        if (1 + t + b) * (1 + l + r) > MAX_OUTPUT_BYTES:
            raise ValueError("px: padding by up to (%d, %d, %d, %d) pixels would create images "
                             "above the 1 GiB limit" % (t, r, b, l))

    def _constant_sides(self) -> tuple | None:
        if self._unit is None:
            return (0, 0, 0, 0)
        if self._sides is not None:
            values = [_const_value(p) for p in self._sides]
        else:
            v = _const_value(self._all)
            values = [v] * 4
        if any(v is None for v in values):
            return None
        return tuple(self._clean(v) for v in values)

    def _clean(self, v: Any) -> Any:
        if isinstance(v, (str, np.str_)):
            raise ValueError("%s: the parameter returned the string %r; expected a number"
                             % (self._unit, v))
        v = float(v) if self._unit == "percent" else v
        if not np.isfinite(v):
            raise ValueError("%s: the parameter returned %r; expected a finite number"
                             % (self._unit, v))
        if self._nonnegative and v < 0:
            v = 0
        return v

    def _draw_sides(self, rng: Any) -> tuple:
        if self._sides is not None:
            return tuple(self._clean(p.draw_sample(random_state=rng)) for p in self._sides)
        if self.sample_independently:
            values = self._all.draw_samples((4,), random_state=rng)  # type: ignore[union-attr]
            return tuple(self._clean(v) for v in values)
        v = self._clean(self._all.draw_sample(random_state=rng))  # type: ignore[union-attr]
        return (v, v, v, v)

    def _constant_params(self, shape: tuple) -> Params:
        values = self._const
        if values is None or (self._const_fill is None
                              and any(v * self._sign > 0 for v in values)):
            return NOT_CONSTANT
        return self._sample_shape(None, shape)  # draws nothing

    def _sample_shape(self, rng: Any, shape: tuple) -> Params:
        values = self._const
        if values is None:
            values = self._draw_sides(rng)
        if self._unit == "percent":
            h, w = int(shape[0]), int(shape[1])
            t, r, b, l = values
            amounts = (round_half_away(t * h), round_half_away(r * w),
                       round_half_away(b * h), round_half_away(l * w))
        else:
            amounts = tuple(int(v) for v in values)
        if self._sign < 0:
            amounts = tuple(-a for a in amounts)
        return self._make_params(shape, *amounts, rng)


@register("CropAndPad")
class CropAndPad(_SidesAugmenter):
    """Crop (negative values) or pad (positive values) each side of the image.

    Sampling order per row: the four side values (top, right, bottom, left;
    one draw for all four when ``sample_independently`` is False and a
    single value, range, list or parameter was given), then, only if the row
    is padded, ``pad_mode`` and ``pad_cval``. Fractions become pixels with
    ``round_half_away(fraction * H)`` (top/bottom) or ``* W`` (left/right).
    Crops never remove a whole axis: if they would, they shrink so that one
    row/column remains. Images with a zero-size axis are padded with
    ``pad_cval`` whatever the mode.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64); padding uses
    OpenCV where the mode maps onto a border type, ``numpy.pad`` otherwise.

    Args:
        px: Pixels per side (int). An int, ``(a, b)`` (uniform ints per side),
            a list, a parameter, or a 4-tuple ``(top, right, bottom, left)`` of
            any of those. Set at most one of ``px`` and ``percent``; with
            neither, nothing changes.
        percent: Fractions of the image height (top/bottom) or width
            (left/right), each in ``(-1, inf)``; same forms as ``px``.
        pad_mode: One of ``constant``, ``edge``, ``linear_ramp``, ``maximum``,
            ``mean``, ``median``, ``minimum``, ``reflect``, ``symmetric``,
            ``wrap``; ``"ALL"``, a list or a parameter picks one per row.
        pad_cval: Image fill for ``constant`` (ramp end for ``linear_ramp``):
            a number, ``(a, b)``, a list or a parameter; rounded and clipped to
            integer dtypes, ``> 0.5`` for bool. Heatmaps/segmaps pad with 0.
        keep_size: Resize the result back to the input size.
        sample_independently: Draw each side separately; False draws one
            value for all four sides (ignored for 4-tuples).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CropAndPad(percent=(-0.1, 0.1), pad_mode="edge", keep_size=False)
    """

    _size_arg = "px/percent"

    def __init__(self, px: Any = None, percent: Any = None, pad_mode: Any = "constant",
                 pad_cval: Any = 0, keep_size: bool = True, sample_independently: bool = True,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._init_fill(pad_mode, pad_cval)
        self._init_sides(px, percent, keep_size, sample_independently, None,
                         lambda v: v > -1.0)


@register("Crop")
class Crop(_SidesAugmenter):
    """Crop each side of the image by pixels or fractions (values >= 0).

    ``Crop(px=v)`` is ``CropAndPad(px=-v)``: same sampling order and limits.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Args:
        px: Pixels to crop per side (ints >= 0); same forms as in
            :class:`CropAndPad`. Values a parameter returns below 0 count as 0.
        percent: Fractions to crop per side, each in ``[0, 1)``.
        keep_size: Resize the result back to the input size.
        sample_independently: Draw each side separately.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Crop(px=(0, 16))
    """

    _sign = -1
    _nonnegative = True
    _size_arg = "px/percent"

    def __init__(self, px: Any = None, percent: Any = None, keep_size: bool = True,
                 sample_independently: bool = True, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._const_fill = ("constant", 0)  # crops never pad
        self._init_sides(px, percent, keep_size, sample_independently, (0, None),
                         lambda v: 0.0 <= v < 1.0)


@register("Pad")
class Pad(_SidesAugmenter):
    """Pad each side of the image by pixels or fractions (values >= 0).

    ``Pad(px=v)`` is ``CropAndPad(px=v)`` with values below 0 refused.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Args:
        px: Pixels to pad per side (ints >= 0); same forms as in
            :class:`CropAndPad`. Values a parameter returns below 0 count as 0.
        percent: Fractions of the height/width to pad per side (>= 0).
        pad_mode: See :class:`CropAndPad`.
        pad_cval: See :class:`CropAndPad`.
        keep_size: Resize the result back to the input size.
        sample_independently: Draw each side separately.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Pad(px=(0, 10), pad_mode=["constant", "edge"], pad_cval=(0, 255))
    """

    _nonnegative = True
    _size_arg = "px/percent"

    def __init__(self, px: Any = None, percent: Any = None, pad_mode: Any = "constant",
                 pad_cval: Any = 0, keep_size: bool = True, sample_independently: bool = True,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._init_fill(pad_mode, pad_cval)
        self._init_sides(px, percent, keep_size, sample_independently, (0, None),
                         lambda v: v >= 0.0)
