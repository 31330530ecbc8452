"""PIL-like affine transformation (``Image.transform(..., AFFINE, ..., NEAREST)``).

One forward matrix per row: translate the centre to the origin, rotate, shear,
scale, translate, move the centre back. Images are warped exactly as Pillow's
``Image.transform`` with the inverse coefficients, nearest neighbour and the
sampled fill colour; heatmaps and segmentation maps (nearest neighbour, fill 0)
and all coordinate targets follow the same matrix, so annotations stay aligned
with the pixels.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.pillike_common import PillikeAugmenter
from imgaug2.core.memo import NOT_CONSTANT, ShapeMemo
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.pillike import affine_image, affine_map, affine_xy
from imgaug2.parameters import StochasticParameter

__all__ = ["Affine", "PillikeAffineParams", "affine_coefficients"]

_IDENTITY_COEFFS = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0)
_SCALE_RANGE = (1e-4, 1e4)
_SHEAR_LIMIT = 89.0
_XS = {"left": 0.0, "center": 0.5, "right": 1.0}
_YS = {"top": 0.0, "center": 0.5, "bottom": 1.0}


@dataclass(frozen=True, slots=True, kw_only=True)
class PillikeAffineParams(Params):
    """One row's transform.

    ``coeffs`` are Pillow's inverse coefficients ``(a, b, c, d, e, f)``: an output
    pixel centre ``(x, y)`` samples the input at ``(a x + b y + c, d x + e y + f)``
    (continuous coordinates). ``matrix`` is the forward 3x3 float64 map (their
    inverse), used for coordinates; ``out_shape`` the output's ``(H, W)``;
    ``fill`` one value per channel.
    """

    coeffs: tuple = _IDENTITY_COEFFS
    matrix: np.ndarray = dataclasses.field(default_factory=lambda: np.eye(3))
    out_shape: tuple = (0, 0)
    fill: tuple = ()


def affine_coefficients(shape: tuple, scale_x: float = 1.0, scale_y: float = 1.0,
                        translate_x: float = 0.0, translate_y: float = 0.0,
                        rotate: float = 0.0, shear_x: float = 0.0, shear_y: float = 0.0,
                        center: tuple = (0.5, 0.5)) -> tuple:
    """Inverse coefficients (Pillow's AFFINE data) of one augmentation of an image of ``shape``.

    The forward map rotates by ``rotate`` degrees (clockwise on screen), shears
    (``x += tan(shear_x) * y``, ``y += tan(shear_y) * x``), scales and then
    translates by ``(translate_x, translate_y)`` pixels, all about the centre
    ``(center[0] * W, center[1] * H)``.
    """
    cx, cy = center[0] * shape[1], center[1] * shape[0]
    theta = math.radians(rotate)
    cos, sin = math.cos(theta), math.sin(theta)
    kx, ky = math.tan(math.radians(shear_x)), math.tan(math.radians(shear_y))
    if abs(1.0 - kx * ky) < 1e-9:
        # tan(shear_x) * tan(shear_y) == 1 flattens the plane; keep the map invertible
        ky *= 1.0 - 1e-6
    # A = S @ Sh @ R
    a00 = scale_x * (cos + kx * sin)
    a01 = scale_x * (-sin + kx * cos)
    a10 = scale_y * (ky * cos + sin)
    a11 = scale_y * (-ky * sin + cos)
    tx = cx + translate_x - (a00 * cx + a01 * cy)
    ty = cy + translate_y - (a10 * cx + a11 * cy)
    det = a00 * a11 - a01 * a10
    i00, i01, i10, i11 = a11 / det, -a01 / det, -a10 / det, a00 / det
    return (i00, i01, -(i00 * tx + i01 * ty), i10, i11, -(i10 * tx + i11 * ty))


def _forward(coeffs: tuple) -> np.ndarray:
    """The forward 3x3 matrix: the inverse of the coefficients' affine map."""
    a, b, c, d, e, f = coeffs
    det = a * e - b * d
    m00, m01, m10, m11 = e / det, -b / det, -d / det, a / det
    matrix = np.array([[m00, m01, -(m00 * c + m01 * f)], [m10, m11, -(m10 * c + m11 * f)],
                       [0.0, 0.0, 1.0]])
    # Params may be shared between rows (constant parameters): keep them immutable
    matrix.flags.writeable = False
    return matrix


def _axis_pair(value: Any, name: str, handle: Callable[[Any, str], StochasticParameter],
               default: float = 0.0) -> tuple[StochasticParameter, StochasticParameter | None]:
    """``{"x": ..., "y": ...}`` gives one parameter per axis (a missing axis gets
    ``default``), anything else one for both."""
    if isinstance(value, dict):
        unknown = set(value) - {"x", "y"}
        if unknown:
            raise ValueError("%s: dict keys must be 'x' and/or 'y', got %s"
                             % (name, sorted(map(str, unknown))))
        return (handle(value.get("x", default), '%s["x"]' % name),
                handle(value.get("y", default), '%s["y"]' % name))
    return handle(value, name), None


def _handle_center(center: Any) -> tuple:
    """``("joint", param)`` or ``(param_x, param_y)`` in relative coordinates."""
    if isinstance(center, StochasticParameter):
        return ("joint", center)
    if isinstance(center, str):
        if center == "uniform":
            return (iap.Uniform(0.0, 1.0), iap.Uniform(0.0, 1.0))
        if center == "normal":
            return (iap.Clip(iap.Normal(0.5, 0.175), 0.0, 1.0),
                    iap.Clip(iap.Normal(0.5, 0.175), 0.0, 1.0))
        if center == "center":
            return (iap.Deterministic(0.5), iap.Deterministic(0.5))
        parts = center.split("-")
        if len(parts) == 2 and parts[0] in _XS and parts[1] in _YS:
            return (iap.Deterministic(_XS[parts[0]]), iap.Deterministic(_YS[parts[1]]))
        raise ValueError("center: expected 'uniform', 'normal', 'center' or '<left|center|"
                         "right>-<top|center|bottom>', got %r" % (center,))
    if isinstance(center, tuple) and len(center) == 2:
        return tuple(iap.handle_continuous_param(v, "center[%d]" % i, value_range=(0.0, 1.0))
                     for i, v in enumerate(center))
    raise TypeError("center: expected a string, an (x, y) tuple or a StochasticParameter, "
                    "got %r (%s)" % (center, type(center).__name__))


def _all_constant(value: Any) -> bool:
    """Whether ``value`` (parameters, possibly nested in tuples) draws nothing random."""
    if isinstance(value, tuple):
        return all(_all_constant(v) for v in value)
    if isinstance(value, StochasticParameter):
        return type(value) is iap.Deterministic
    return True


def _draw(param: StochasticParameter, rng: Any, name: str) -> float:
    value = float(param.draw_sample(random_state=rng))
    if not math.isfinite(value):
        raise ValueError("%s: the parameter produced a non-finite value %r" % (name, value))
    return value


@register("pillike.Affine")
class Affine(ShapeMemo, PillikeAugmenter):
    """Scale, translate, rotate and shear with Pillow's nearest-neighbour affine warp.

    Images equal ``Image.transform(size, Image.AFFINE, coeffs, Image.NEAREST,
    fillcolor=fill)`` with the row's inverse coefficients; every other target is
    moved by the same matrix (heatmaps and segmentation maps with nearest
    neighbour and fill 0, scaled to their own size). Samples per row, in order:
    scale x (and y for a dict), translation x (and y for a dict), rotation,
    shear x (and y for a dict), one fill value per channel, centre x and y.
    Shear angles act through their tangent (imgaug used ``tanh``, a tiny
    difference below about 20 degrees).

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        scale: Zoom factor in [1e-4, 1e4] (1 = none): number, ``(a, b)``, list,
            parameter, or ``{"x": ..., "y": ...}`` for independent axes; one
            value serves both axes otherwise.
        translate_percent: Shift as a fraction of the image width/height (same
            forms; one value serves both axes unless a dict is given).
        translate_px: Shift in pixels (integers; same forms). At most one of
            ``translate_percent`` and ``translate_px`` may be given.
        rotate: Rotation in degrees, clockwise: number, ``(a, b)``, list or parameter.
        shear: Shear in degrees in [-89, 89]: the x-shear, or a dict with
            ``"x"``/``"y"``.
        fillcolor: Value of new pixels in [0, 256): number, ``(a, b)`` (a value per
            channel drawn uniformly, truncated), list, parameter, ``"ALL"`` (any
            colour) or None (0). A number fills every channel (alpha included).
        center: Transformation centre as relative ``(x, y)`` (``(0, 0)``: top-left
            corner, ``(0.5, 0.5)``: image centre), a position name such as
            ``"left-top"``, ``"uniform"``, ``"normal"`` or a parameter drawing
            both coordinates.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.Affine(rotate=(-20, 20), fillcolor=(0, 256))
    """

    geometric = True

    def __init__(self, scale: Any = 1.0, translate_percent: Any = None,
                 translate_px: Any = None, rotate: Any = 0.0, shear: Any = 0.0,
                 fillcolor: Any = 0, center: Any = (0.5, 0.5), seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.scale = _axis_pair(scale, "scale", lambda v, n: iap.handle_continuous_param(
            v, n, value_range=_SCALE_RANGE), default=1.0)
        if translate_percent is not None and translate_px is not None:
            raise ValueError("translate_percent, translate_px: give at most one of them")
        self.translate_relative = translate_percent is not None
        if translate_percent is not None:
            self.translate = _axis_pair(
                translate_percent, "translate_percent",
                lambda v, n: iap.handle_continuous_param(v, n, value_range=(-100.0, 100.0)))
        else:
            self.translate = _axis_pair(
                0 if translate_px is None else translate_px, "translate_px",
                lambda v, n: iap.handle_discrete_param(v, n, value_range=(-1e6, 1e6)))
        self.rotate = iap.handle_continuous_param(rotate, "rotate", value_range=(-1e6, 1e6))
        if isinstance(shear, dict):
            self.shear = _axis_pair(shear, "shear", lambda v, n: iap.handle_continuous_param(
                v, n, value_range=(-_SHEAR_LIMIT, _SHEAR_LIMIT)))
        else:
            self.shear = (iap.handle_continuous_param(
                shear, "shear", value_range=(-_SHEAR_LIMIT, _SHEAR_LIMIT)), iap.Deterministic(0.0))
        if fillcolor is None:
            fillcolor = 0
        elif isinstance(fillcolor, str) and fillcolor == "ALL":
            fillcolor = (0, 256)
        self.fillcolor = iap.handle_continuous_param(fillcolor, "fillcolor",
                                                     value_range=(0.0, 256.0))
        self.center = _handle_center(center)

    # ----------------------------------------------------------------- sampling
    # PillikeAugmenter._sample checks the layout, then draws through the memo.
    _sample = PillikeAugmenter._sample
    _draw = ShapeMemo._sample

    def _constant_params(self, shape: tuple) -> Params:
        state = (self.scale, self.translate, self.rotate, self.shear, self.fillcolor,
                 self.center, self.translate_relative)
        if _all_constant(state):
            return self._sample_shape(None, shape)  # type: ignore[arg-type]
        return NOT_CONSTANT

    def _sample_shape(self, rng: np.random.Generator, shape: tuple) -> Params:
        scale_x = _draw(self.scale[0], rng, "scale")
        scale_y = scale_x if self.scale[1] is None else _draw(self.scale[1], rng, "scale")
        tx = _draw(self.translate[0], rng, "translate")
        ty = tx if self.translate[1] is None else _draw(self.translate[1], rng, "translate")
        rotate = _draw(self.rotate, rng, "rotate")
        shear_x = _draw(self.shear[0], rng, "shear")
        shear_y = _draw(self.shear[1], rng, "shear")  # type: ignore[arg-type]
        channels = shape[2] if len(shape) == 3 else 1
        if isinstance(self.fillcolor, iap.Deterministic):
            # a constant consumes nothing; skip building the row's generator
            fills = [self.fillcolor.value] * channels
        else:
            fills = self.fillcolor.draw_samples((channels,), random_state=rng)
        if self.center[0] == "joint":
            cx, cy = (float(v) for v in self.center[1].draw_samples((2,), random_state=rng))
        else:
            cx = _draw(self.center[0], rng, "center")
            cy = _draw(self.center[1], rng, "center")
        if not (math.isfinite(cx) and math.isfinite(cy)):
            raise ValueError("center: the parameter produced a non-finite value")
        h, w = (shape[0], shape[1]) if len(shape) >= 2 else (0, 0)
        if self.translate_relative:
            tx, ty = tx * w, ty * h
        lo, hi = _SCALE_RANGE
        coeffs = affine_coefficients(
            (h, w), min(max(scale_x, lo), hi), min(max(scale_y, lo), hi), tx, ty, rotate,
            min(max(shear_x, -_SHEAR_LIMIT), _SHEAR_LIMIT),
            min(max(shear_y, -_SHEAR_LIMIT), _SHEAR_LIMIT), (cx, cy))
        fill = tuple(int(min(max(v, 0.0), 255.0)) if math.isfinite(v) else 0
                     for v in (float(x) for x in fills))
        coeffs = tuple(float(v) for v in coeffs)
        return PillikeAffineParams(applied=coeffs != _IDENTITY_COEFFS, coeffs=coeffs,
                                   matrix=_forward(coeffs), out_shape=(h, w), fill=fill)

    # ------------------------------------------------------------------ targets
    def _pil(self, image: np.ndarray, params: Params) -> np.ndarray:
        p: PillikeAffineParams = params  # type: ignore[assignment]
        fill = p.fill
        channels = image.shape[2] if image.ndim == 3 else 1
        if len(fill) < channels:
            # replayed on a layout with more channels than the draw saw
            fill = tuple(fill) + (fill[-1] if fill else 0,) * (channels - len(fill))
        return affine_image(image, p.coeffs, fill)

    def _augment_heatmaps(self, heatmaps: Any, params: Params) -> Any:
        p: PillikeAffineParams = params  # type: ignore[assignment]
        arr = affine_map(heatmaps.arr_0to1, p.coeffs, tuple(heatmaps.shape[:2]), 0.0)
        return heatmaps.replace(arr_0to1=arr, shape=tuple(heatmaps.shape))

    def _augment_segmentation_maps(self, segmaps: Any, params: Params) -> Any:
        p: PillikeAffineParams = params  # type: ignore[assignment]
        arr = affine_map(segmaps.arr, p.coeffs, tuple(segmaps.shape[:2]), 0)
        return segmaps.replace(arr=arr, shape=tuple(segmaps.shape))

    def _augment_xy(self, xy: np.ndarray, params: Params, shape: tuple
                    ) -> tuple[np.ndarray, tuple]:
        p: PillikeAffineParams = params  # type: ignore[assignment]
        return affine_xy(xy, p.matrix), tuple(shape)
