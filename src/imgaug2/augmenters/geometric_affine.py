"""Affine augmenters: Affine, ScaleX/Y, TranslateX/Y, Rotate, ShearX/Y, AffineCv2.

Each row is one 3x3 matrix in continuous coordinates (pixel ``(x, y)``
covers ``[x, x+1)``): scale, then shear, then rotate about the image centre
``(W/2, H/2)``, then translate. The matrix is stored in the row's
``AffineParams``; images are warped with ``cv2.warpAffine`` (the matrix
shifted by half a pixel to OpenCV's index convention), heatmaps and
segmentation maps with the matrix rescaled to their own size, and keypoints,
box corners, polygon and line-string points with the matrix itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.geometric_common import (MAX_OUTPUT_ELEMENTS, MODE_ALIASES, _MatrixWarp,
                                                 check_bool, check_choice, draw_float,
                                                 draw_mode, draw_order, handle_cval,
                                                 handle_mode, handle_order)
from imgaug2.core.memo import NOT_CONSTANT, ShapeMemo
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.geometric import affine_matrix, fit_output_matrix
from imgaug2.parameters import StochasticParameter

__all__ = ["Affine", "AffineParams", "ScaleX", "ScaleY", "TranslateX", "TranslateY", "Rotate",
           "ShearX", "ShearY", "AffineCv2"]

_SCALE_RANGE = (1e-3, 1e3)
_PERCENT_RANGE = (-100.0, 100.0)
_PX_RANGE = (-1e6, 1e6)
_ROTATE_RANGE = (-1e5, 1e5)
_SHEAR_RANGE = (-89.0, 89.0)
_BACKENDS = ("auto", "cv2", "skimage")

# AffineCv2 takes OpenCV's flags: cv2.INTER_* -> skimage order, cv2.BORDER_* -> mode name
_CV2_ORDERS: dict[Any, int] = {
    cv2.INTER_NEAREST: 0, cv2.INTER_LINEAR: 1, cv2.INTER_CUBIC: 3, cv2.INTER_AREA: 1,
    cv2.INTER_LANCZOS4: 4, "nearest": 0, "linear": 1, "cubic": 3, "area": 1, "lanczos4": 4,
}
_CV2_MODES: dict[Any, str] = {
    cv2.BORDER_CONSTANT: "constant", cv2.BORDER_REPLICATE: "edge",
    cv2.BORDER_REFLECT: "symmetric", cv2.BORDER_WRAP: "wrap", cv2.BORDER_REFLECT_101: "reflect",
    "constant": "constant", "replicate": "edge", "reflect": "symmetric", "wrap": "wrap",
    "reflect_101": "reflect",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class AffineParams(Params):
    """One row of an affine warp.

    Attributes:
        matrix: 3x3 float64, input plane -> output plane, continuous coordinates.
        out_shape: Output image ``(height, width)``.
        order: Interpolation order (0 nearest, 1 linear, 2/3 cubic, 4/5 Lanczos4).
        mode: Border mode (constant, edge, symmetric, reflect, wrap).
        cval: Fill value for ``constant``.
    """

    matrix: np.ndarray = field(default_factory=lambda: np.eye(3))
    out_shape: tuple = ()
    order: int = 1
    mode: str = "constant"
    cval: float = 0.0


def _handle_axis_pair(value: Any, name: str, default: float, value_range: tuple,
                      discrete: bool = False) -> tuple[StochasticParameter, Any]:
    """``(param_x, param_y | None)``; ``None`` for y means "reuse the x sample"."""
    handle = iap.handle_discrete_param if discrete else iap.handle_continuous_param
    if isinstance(value, dict):
        unknown = set(value) - {"x", "y"}
        if unknown:
            raise ValueError("%s: dict keys must be 'x' and/or 'y', got %s"
                             % (name, sorted(unknown)))
        px = handle(value.get("x", default), "%s['x']" % name, value_range=value_range)
        py = handle(value.get("y", default), "%s['y']" % name, value_range=value_range)
        return px, py
    return handle(value, name, value_range=value_range), None


def _draw_pair(pair: tuple[StochasticParameter, Any], rng: np.random.Generator,
               name: str) -> tuple[float, float]:
    x = draw_float(pair[0], rng, name)
    y = x if pair[1] is None else draw_float(pair[1], rng, name)
    return x, y


#: Stand-in generator for constant configurations, which draw nothing from it.
_NO_DRAWS = np.random.Generator(np.random.Philox(0))


@register("Affine")
class Affine(ShapeMemo, _MatrixWarp):
    """Scale, shear, rotate (about the image centre) and translate images and all targets.

    Supported dtypes: all. uint8, uint16, int16, float32 and float64 are warped
    directly by ``cv2.warpAffine``; int8/int32 directly with order 0; bool with
    order 0 as is, otherwise interpolated as float and thresholded at 0.5;
    int64/uint64 with order 0 exactly (index gather), other orders and the
    remaining dtypes through float64 with rounding and clipping back. Float
    outputs are clipped to the dtype's finite range.

    Sampling order per row: scale x (and y if given separately), translation x
    (and y), rotation, shear x (and y), order, cval, mode.

    Args:
        scale: Scale factor, > 0 (1.0: none): number, ``(a, b)``, list,
            parameter, or ``{"x": ..., "y": ...}`` for separate axes (otherwise one
            sample scales both).
        translate_percent: Translation as a fraction of the image size (same
            forms; one sample moves both axes unless a dict is given).
        translate_px: Translation in pixels (integers; same forms). Only one of
            ``translate_percent`` and ``translate_px`` may be set.
        rotate: Rotation in degrees, clockwise on screen.
        shear: Shear in degrees (x only, or a dict with ``x``/``y``); a positive
            x shear moves the lower half left, a positive y shear the right half up.
        order: Interpolation: 0 nearest, 1 linear, 2/3 cubic, 4/5 Lanczos4;
            int, list, ``"ALL"`` or parameter.
        cval: Fill value for ``mode="constant"`` (in [-65536, 65536], clipped to
            the dtype): number, ``(a, b)``, list, parameter or ``"ALL"`` (0-255).
            Heatmaps are filled with 0, segmentation maps with label 0.
        mode: ``constant``, ``edge``, ``symmetric``, ``reflect`` (mirror without
            repeating the edge) or ``wrap`` (or a list, ``"ALL"``, a parameter).
        fit_output: Grow/shrink the output so the whole transformed image fits
            (translation is then irrelevant); the content is centred.
        backend: ``"auto"``, ``"cv2"`` or ``"skimage"``; all use OpenCV (the
            skimage spelling is accepted for imgaug compatibility).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Affine(scale=(0.8, 1.2), rotate=(-30, 30), translate_px={"x": (-8, 8)})
    """

    _order_table: dict[Any, int] | None = None
    _mode_aliases: dict[Any, str] = MODE_ALIASES

    def __init__(self, scale: Any = None, translate_percent: Any = None, translate_px: Any = None,
                 rotate: Any = None, shear: Any = None, order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.scale = _handle_axis_pair(1.0 if scale is None else scale, "scale", 1.0,
                                       _SCALE_RANGE)
        if translate_percent is not None and translate_px is not None:
            raise ValueError("translate_percent and translate_px cannot both be set")
        if translate_px is not None:
            self.translate = _handle_axis_pair(translate_px, "translate_px", 0, _PX_RANGE,
                                               discrete=True)
            self.translate_unit = "px"
        else:
            self.translate = _handle_axis_pair(0.0 if translate_percent is None
                                               else translate_percent, "translate_percent",
                                               0.0, _PERCENT_RANGE)
            self.translate_unit = "percent"
        self.rotate = iap.handle_continuous_param(0.0 if rotate is None else rotate, "rotate",
                                                  value_range=_ROTATE_RANGE)
        if isinstance(shear, dict):
            self.shear = _handle_axis_pair(shear, "shear", 0.0, _SHEAR_RANGE)
        else:
            self.shear = (iap.handle_continuous_param(0.0 if shear is None else shear, "shear",
                                                      value_range=_SHEAR_RANGE),
                          iap.Deterministic(0.0))
        self._order_raw = isinstance(order, StochasticParameter)
        self.order = handle_order(order, "order", self._order_table,
                                  all_values=tuple(sorted(set((self._order_table or {
                                      0: 0, 1: 1, 3: 3, 4: 4, 5: 5}).values()))))
        self.cval = handle_cval(cval, "cval")
        self._mode_raw = isinstance(mode, StochasticParameter)
        self.mode = handle_mode(mode, "mode", self._mode_aliases)
        self.fit_output = check_bool(fit_output, "fit_output")
        self.backend = check_choice(backend, "backend", _BACKENDS)

    def _constant_params(self, shape: tuple) -> Params:
        parts = (*self.scale, *self.translate, self.rotate, *self.shear, self.order, self.cval,
                 self.mode)
        if not all(p is None or type(p) is iap.Deterministic for p in parts):
            return NOT_CONSTANT
        return self._sample_shape(_NO_DRAWS, shape)

    def _sample_shape(self, rng: np.random.Generator, shape: tuple) -> Params:
        sx, sy = _draw_pair(self.scale, rng, "scale")
        if not (sx > 0 and sy > 0):
            raise ValueError("scale: the parameter produced a non-positive scale (%r, %r)"
                             % (sx, sy))
        tx, ty = _draw_pair(self.translate, rng, "translate_" + self.translate_unit)
        if self.translate_unit == "percent":
            tx *= shape[1]
            ty *= shape[0]
        rot = draw_float(self.rotate, rng, "rotate")
        shx, shy = _draw_pair(self.shear, rng, "shear")
        order = draw_order(self.order, rng, self._order_table, self._order_raw)
        cval = draw_float(self.cval, rng, "cval")
        mode = draw_mode(self.mode, rng, self._mode_aliases, self._mode_raw)
        matrix = affine_matrix(shape, sx, sy, tx, ty, rot, shx, shy)
        out_hw = (int(shape[0]), int(shape[1]))
        if self.fit_output:
            matrix, out_hw = fit_output_matrix(matrix, shape, max_side=32767)
            channels = int(np.prod(shape[2:])) if len(shape) > 2 else 1
            if out_hw[0] * out_hw[1] * max(channels, 1) > MAX_OUTPUT_ELEMENTS:
                raise ValueError("fit_output: the transformed image (%dx%d) would need more than "
                                 "1 GiB; reduce scale" % out_hw)
        return AffineParams(matrix=matrix, out_shape=out_hw, order=order, mode=mode, cval=cval)


def _kw(order: Any, cval: Any, mode: Any, fit_output: bool, backend: str, seed: Any,
        name: str | None, random_state: Any, deterministic: Any) -> dict[str, Any]:
    return {"order": order, "cval": cval, "mode": mode, "fit_output": fit_output,
            "backend": backend, "seed": seed, "name": name, "random_state": random_state,
            "deterministic": deterministic}


@register("ScaleX")
class ScaleX(Affine):
    """Scale along the x-axis only (the image keeps its size; see :class:`Affine`).

    Supported dtypes: as :class:`Affine`.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.ScaleX((0.5, 1.5))
    """

    def __init__(self, scale: Any = (0.5, 1.5), order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        param = iap.handle_continuous_param(scale, "scale", value_range=_SCALE_RANGE)
        super().__init__(scale={"x": param, "y": 1.0},
                         **_kw(order, cval, mode, fit_output, backend, seed, name, random_state,
                               deterministic))


@register("ScaleY")
class ScaleY(Affine):
    """Scale along the y-axis only (see :class:`Affine`).

    Supported dtypes: as :class:`Affine`.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.ScaleY((0.5, 1.5))
    """

    def __init__(self, scale: Any = (0.5, 1.5), order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        param = iap.handle_continuous_param(scale, "scale", value_range=_SCALE_RANGE)
        super().__init__(scale={"x": 1.0, "y": param},
                         **_kw(order, cval, mode, fit_output, backend, seed, name, random_state,
                               deterministic))


def _translate_args(percent: Any, px: Any, axis: str) -> dict[str, Any]:
    if percent is not None and px is not None:
        raise ValueError("percent and px cannot both be set")
    if percent is None and px is None:
        percent = (-0.25, 0.25)
    other = "y" if axis == "x" else "x"
    if px is not None:
        param = iap.handle_discrete_param(px, "px", value_range=_PX_RANGE)
        return {"translate_px": {axis: param, other: 0}}
    param = iap.handle_continuous_param(percent, "percent", value_range=_PERCENT_RANGE)
    return {"translate_percent": {axis: param, other: 0.0}}


@register("TranslateX")
class TranslateX(Affine):
    """Translate along the x-axis (see :class:`Affine`).

    Supported dtypes: as :class:`Affine`.

    Args:
        percent: Fraction of the width (default ``(-0.25, 0.25)`` if ``px`` is None).
        px: Pixels (integers).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.TranslateX(px=(-20, 20))
    """

    def __init__(self, percent: Any = None, px: Any = None, order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(**_translate_args(percent, px, "x"),
                         **_kw(order, cval, mode, fit_output, backend, seed, name, random_state,
                               deterministic))


@register("TranslateY")
class TranslateY(Affine):
    """Translate along the y-axis (see :class:`Affine`).

    Supported dtypes: as :class:`Affine`.

    Args:
        percent: Fraction of the height (default ``(-0.25, 0.25)`` if ``px`` is None).
        px: Pixels (integers).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.TranslateY(percent=(-0.1, 0.1))
    """

    def __init__(self, percent: Any = None, px: Any = None, order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(**_translate_args(percent, px, "y"),
                         **_kw(order, cval, mode, fit_output, backend, seed, name, random_state,
                               deterministic))


@register("Rotate")
class Rotate(Affine):
    """Rotate about the image centre, clockwise on screen for positive angles (see Affine).

    Supported dtypes: as :class:`Affine`.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Rotate((-45, 45))
    """

    def __init__(self, rotate: Any = (-30, 30), order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(rotate=rotate,
                         **_kw(order, cval, mode, fit_output, backend, seed, name, random_state,
                               deterministic))


@register("ShearX")
class ShearX(Affine):
    """Shear along the x-axis in degrees (see :class:`Affine`).

    Supported dtypes: as :class:`Affine`.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.ShearX((-20, 20))
    """

    def __init__(self, shear: Any = (-30, 30), order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        param = iap.handle_continuous_param(shear, "shear", value_range=_SHEAR_RANGE)
        super().__init__(shear={"x": param, "y": 0.0},
                         **_kw(order, cval, mode, fit_output, backend, seed, name, random_state,
                               deterministic))


@register("ShearY")
class ShearY(Affine):
    """Shear along the y-axis in degrees (see :class:`Affine`).

    Supported dtypes: as :class:`Affine`.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.ShearY((-20, 20))
    """

    def __init__(self, shear: Any = (-30, 30), order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        param = iap.handle_continuous_param(shear, "shear", value_range=_SHEAR_RANGE)
        super().__init__(shear={"x": 0.0, "y": param},
                         **_kw(order, cval, mode, fit_output, backend, seed, name, random_state,
                               deterministic))


@register("AffineCv2")
class AffineCv2(Affine):
    """:class:`Affine` with OpenCV-style ``order``/``mode`` values (imgaug's AffineCv2).

    ``order`` takes ``cv2.INTER_NEAREST``/``LINEAR``/``CUBIC``/``AREA``
    (treated as linear for warps)/``LANCZOS4`` or their names; ``mode`` takes
    ``cv2.BORDER_CONSTANT``/``REPLICATE``/``REFLECT``/``WRAP``/``REFLECT_101``
    or ``"constant"``, ``"replicate"``, ``"reflect"``, ``"wrap"``,
    ``"reflect_101"``. Same matrix and pixel convention as :class:`Affine`.

    Supported dtypes: as :class:`Affine`.

    Example:
        >>> import cv2
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.AffineCv2(rotate=(-10, 10), order=cv2.INTER_CUBIC, mode=cv2.BORDER_REPLICATE)
    """

    _order_table = _CV2_ORDERS
    _mode_aliases = _CV2_MODES

    def __init__(self, scale: Any = 1.0, translate_percent: Any = None, translate_px: Any = None,
                 rotate: Any = 0.0, shear: Any = 0.0, order: Any = cv2.INTER_LINEAR, cval: Any = 0,
                 mode: Any = cv2.BORDER_CONSTANT, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(scale=scale, translate_percent=translate_percent,
                         translate_px=translate_px, rotate=rotate, shear=shear, order=order,
                         cval=cval, mode=mode, seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
