"""Non-affine warps: PerspectiveTransform (one homography per row) and the dense-flow
family ElasticTransformation, PiecewiseAffine, GridDistortion, OpticalDistortion.

Flow warps define a source function ``src(q)`` (the output at ``q`` reads the
input at ``src(q)``, continuous coordinates). Images, heatmaps and
segmentation maps are resampled with ``cv2.remap``; coordinates move to the
``q`` whose source is the point: in closed form for grid and optical
distortions, by numerical inversion of the field for elastic and piecewise
affine warps (see :func:`imgaug2.kernels.geometric_flow.invert_points`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.geometric_common import (MODE_ALIASES, SCIPY_MODE_ALIASES, _FlowWarp,
                                                 _MatrixWarp, check_bool, draw_float, draw_mode,
                                                 handle_cval, handle_mode,
                                                 handle_polygon_recoverer, repair_polygons)
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.geometric import fit_output_matrix, perspective_matrix
from imgaug2.kernels.geometric_flow import (elastic_field, elastic_source, grid_inverse,
                                            grid_source, optical_inverse, optical_source,
                                            piecewise_source)
from imgaug2.parameters import StochasticParameter

__all__ = ["PerspectiveTransform", "PerspectiveParams", "ElasticTransformation", "ElasticParams",
           "PiecewiseAffine", "PiecewiseAffineParams", "GridDistortion", "GridDistortionParams",
           "OpticalDistortion", "OpticalDistortionParams"]

_MAX_CORNER_OFFSET = 0.45


@dataclass(frozen=True, slots=True, kw_only=True)
class PerspectiveParams(Params):
    """One row of a perspective warp: homography (continuous coords), output size, fill."""

    matrix: np.ndarray = field(default_factory=lambda: np.eye(3))
    out_shape: tuple = ()
    order: int = 1
    mode: str = "constant"
    cval: float = 0.0


@register("PerspectiveTransform")
class PerspectiveTransform(_MatrixWarp):
    """Random four-point perspective transform.

    Each image corner is moved inwards by ``|N(0, s)|`` times the image width
    (x) or height (y), with ``s`` drawn from ``scale`` per row and each
    offset capped at 0.45. The quadrilateral of the moved corners is warped
    onto the output rectangle: the input size with ``keep_size`` (a single
    warp, no separate resize), otherwise the quadrilateral's larger side
    lengths. With ``fit_output`` the plane is grown so the whole input stays
    visible (skipped for a row whose corners cross the horizon or would need
    more than 4x the input size per side). Linear interpolation.

    Supported dtypes: all, handled as in :class:`Affine` (order 1).

    Sampling order per row: s, eight offsets (tl.x, tl.y, tr.x, tr.y, br.x,
    br.y, bl.x, bl.y), cval, mode.

    Args:
        scale: Standard deviation ``s`` of the corner offsets, in [0, 1]
            (fraction of the image size): number, ``(a, b)``, list or parameter.
        cval: Fill value (as in :class:`Affine`).
        mode: ``constant`` or ``replicate`` (also any :class:`Affine` mode).
        keep_size: Output has the input size.
        fit_output: Keep the whole input image visible.
        polygon_recoverer: ``"auto"`` repairs polygons that became invalid; None.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.PerspectiveTransform(scale=(0.01, 0.1))
    """

    def __init__(self, scale: Any = (0.0, 0.06), cval: Any = 0, mode: Any = "constant",
                 keep_size: bool = True, fit_output: bool = False,
                 polygon_recoverer: Any = "auto", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.scale = iap.handle_continuous_param(scale, "scale", value_range=(0, 1))
        self.cval = handle_cval(cval, "cval")
        self._mode_raw = isinstance(mode, StochasticParameter)
        self.mode = handle_mode(mode, "mode", MODE_ALIASES)
        self.keep_size = check_bool(keep_size, "keep_size")
        self.fit_output = check_bool(fit_output, "fit_output")
        self.polygon_recoverer = handle_polygon_recoverer(polygon_recoverer)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        sigma = draw_float(self.scale, rng, "scale")
        offsets = np.minimum(np.abs(rng.standard_normal(8) * max(sigma, 0.0)), _MAX_CORNER_OFFSET)
        cval = draw_float(self.cval, rng, "cval")
        mode = draw_mode(self.mode, rng, MODE_ALIASES, self._mode_raw)
        h, w = int(shape[0]), int(shape[1])
        if h == 0 or w == 0:
            return PerspectiveParams(matrix=np.eye(3), out_shape=(h, w), mode=mode, cval=cval)
        o = offsets.tolist()
        quad = [[o[0] * w, o[1] * h], [w - o[2] * w, o[3] * h],
                [w - o[4] * w, h - o[5] * h], [o[6] * w, h - o[7] * h]]
        if self.keep_size:
            out_w, out_h = float(w), float(h)
        else:
            quad = np.array(quad)
            out_w = max(1.0, float(round(max(np.hypot(*(quad[1] - quad[0])),
                                             np.hypot(*(quad[2] - quad[3]))))))
            out_h = max(1.0, float(round(max(np.hypot(*(quad[3] - quad[0])),
                                             np.hypot(*(quad[2] - quad[1]))))))
        rect = [[0.0, 0.0], [out_w, 0.0], [out_w, out_h], [0.0, out_h]]
        matrix = perspective_matrix(quad, rect)
        out_hw = (int(out_h), int(out_w))
        if self.fit_output:
            matrix, out_hw = self._fit(matrix, (h, w), out_hw)
        return PerspectiveParams(matrix=matrix, out_shape=out_hw, mode=mode, cval=cval)

    def _fit(self, matrix: np.ndarray, in_hw: tuple, out_hw: tuple) -> tuple[np.ndarray, tuple]:
        h, w = in_hw
        corners = np.array([[0.0, 0.0], [w, 0.0], [w, h], [0.0, h]])
        wcoord = matrix[2, 0] * corners[:, 0] + matrix[2, 1] * corners[:, 1] + matrix[2, 2]
        if np.any(wcoord <= 1e-6):
            return matrix, out_hw
        fitted, fit_hw = fit_output_matrix(matrix, in_hw)
        if fit_hw[0] > 4 * max(h, out_hw[0]) or fit_hw[1] > 4 * max(w, out_hw[1]):
            return matrix, out_hw
        if self.keep_size:
            scale = np.diag([out_hw[1] / fit_hw[1], out_hw[0] / fit_hw[0], 1.0])
            return scale @ fitted, out_hw
        return fitted, fit_hw

    def _augment_polygons(self, psoi: Any, params: Params) -> Any:
        out = self._augment_coords(psoi, params)
        return repair_polygons(out) if self.polygon_recoverer == "auto" else out


# ------------------------------------------------------------------ elastic

@dataclass(frozen=True, slots=True, kw_only=True)
class ElasticParams(Params):
    """One row of an elastic warp: the field is rebuilt from ``seed``, ``alpha``, ``sigma``."""

    seed: int = 0
    alpha: float = 0.0
    sigma: float = 0.0
    order: int = 3
    mode: str = "constant"
    cval: float = 0.0


@register("ElasticTransformation")
class ElasticTransformation(_FlowWarp):
    """Move pixels locally along a smooth random displacement field.

    The field is uniform noise in [-1, 1] per pixel and axis (expanded from a
    seed stored in the row's Params), smoothed with a Gaussian of ``sigma``
    px and multiplied by ``alpha``; the output at ``q`` reads the input at
    ``q + field(q)``. For ``sigma >= 4`` the noise lives on a coarser grid
    (factor ``floor(sigma / 2)``) with the same field statistics, which keeps
    large sigmas cheap. Keypoints and other coordinates are moved to the
    position whose source is the point (fixed-point/Newton inversion of the
    field, see ``docs/geometry.md``).

    Supported dtypes: all, handled as in :class:`Affine` (order 0 keeps
    integer/bool values exact).

    Sampling order per row: alpha, sigma, order, cval, mode, noise seed.

    Args:
        alpha: Displacement strength in px per unit of smoothed noise, in [0, 10000].
        sigma: Smoothing of the field in px, in [0, 500].
        order: Interpolation order 0-5 (as in :class:`Affine`).
        cval: Fill value for ``constant``.
        mode: scipy.ndimage names: ``constant``, ``nearest``, ``reflect``
            (edge repeated), ``mirror`` (edge not repeated), ``wrap``.
        polygon_recoverer: ``"auto"`` repairs polygons that became invalid; None.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.ElasticTransformation(alpha=(0, 50), sigma=5.0)
    """

    _mode_aliases = SCIPY_MODE_ALIASES

    def __init__(self, alpha: Any = (0.0, 40.0), sigma: Any = (4.0, 8.0), order: Any = 3,
                 cval: Any = 0, mode: Any = "constant", polygon_recoverer: Any = "auto",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 10000))
        self.sigma = iap.handle_continuous_param(sigma, "sigma", value_range=(0, 500))
        self._init_fill(order, cval, mode)
        self.polygon_recoverer = handle_polygon_recoverer(polygon_recoverer)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        alpha = draw_float(self.alpha, rng, "alpha")
        sigma = draw_float(self.sigma, rng, "sigma")
        if alpha < 0 or sigma < 0:
            raise ValueError("alpha/sigma: the parameters produced negative values (%r, %r)"
                             % (alpha, sigma))
        sigma = min(sigma, 500.0)
        order, cval, mode = self._draw_fill(rng)
        seed = int(rng.integers(0, 2**63 - 1))
        return ElasticParams(applied=alpha > 0, seed=seed, alpha=alpha, sigma=sigma,
                             order=order, mode=mode, cval=cval)

    def _sources(self, params: Params, image_hw: tuple) -> tuple[Callable, Callable]:
        p: Any = params
        dx, dy = elastic_field(p.seed, int(image_hw[0]), int(image_hw[1]), p.alpha, p.sigma)
        return elastic_source(dx, dy)


# --------------------------------------------------------- piecewise affine

@dataclass(frozen=True, slots=True, kw_only=True)
class PiecewiseAffineParams(Params):
    """Knot offsets ``(rows, cols, 2)`` in px (x, y) on the regular grid, and the fill."""

    jitter: np.ndarray = field(default_factory=lambda: np.zeros((2, 2, 2)))
    order: int = 1
    mode: str = "constant"
    cval: float = 0.0


@register("PiecewiseAffine")
class PiecewiseAffine(_FlowWarp):
    """Jitter a regular grid of points and warp each grid triangle affinely.

    Knots sit on a ``nb_rows x nb_cols`` grid spanning the image, borders
    included. Each knot gets an offset ``N(0, s)`` per axis (times the image
    height/width unless ``absolute_scale``); the output at a knot reads the
    input at the knot plus its offset, and in between the offset is linear
    on the two triangles of each grid cell. Coordinates are moved by
    inverting that map numerically (exact up to 1e-6 px where it does not fold).

    Supported dtypes: all, handled as in :class:`Affine`.

    Sampling order per row: s, rows, cols, offsets (row-major, x then y),
    order, cval, mode.

    Args:
        scale: ``s``, the offsets' standard deviation, in [0, 1] (fraction) or
            in px with ``absolute_scale``.
        nb_rows: Knot rows, 2-1000.
        nb_cols: Knot columns, 2-1000.
        order: Interpolation order (as in :class:`Affine`).
        cval: Fill value for ``constant``.
        mode: Border mode (as in :class:`Affine`).
        absolute_scale: ``scale`` is in pixels.
        polygon_recoverer: ``"auto"`` repairs polygons that became invalid; None.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.PiecewiseAffine(scale=(0.01, 0.05), nb_rows=4, nb_cols=4)
    """

    def __init__(self, scale: Any = (0.0, 0.04), nb_rows: Any = (2, 4), nb_cols: Any = (2, 4),
                 order: Any = 1, cval: Any = 0, mode: Any = "constant",
                 absolute_scale: bool = False, polygon_recoverer: Any = None, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.absolute_scale = check_bool(absolute_scale, "absolute_scale")
        self.scale = iap.handle_continuous_param(
            scale, "scale", value_range=(0, 10000 if self.absolute_scale else 1))
        self.nb_rows = iap.handle_discrete_param(nb_rows, "nb_rows", value_range=(2, 1000),
                                                 allow_floats=False)
        self.nb_cols = iap.handle_discrete_param(nb_cols, "nb_cols", value_range=(2, 1000),
                                                 allow_floats=False)
        self._init_fill(order, cval, mode)
        self.polygon_recoverer = handle_polygon_recoverer(polygon_recoverer)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        s = max(draw_float(self.scale, rng, "scale"), 0.0)
        nr = min(max(int(self.nb_rows.draw_sample(random_state=rng)), 2), 1000)
        nc = min(max(int(self.nb_cols.draw_sample(random_state=rng)), 2), 1000)
        jitter = rng.standard_normal((nr, nc, 2)) * s
        if not self.absolute_scale:
            jitter[..., 0] *= shape[1]
            jitter[..., 1] *= shape[0]
        order, cval, mode = self._draw_fill(rng)
        return PiecewiseAffineParams(applied=bool(np.any(jitter)), jitter=jitter, order=order,
                                     mode=mode, cval=cval)

    def _sources(self, params: Params, image_hw: tuple) -> tuple[Callable, Callable]:
        return piecewise_source(params.jitter, image_hw)  # type: ignore[attr-defined]


# ---------------------------------------------------- grid / optical distortion

def _symmetric_range(value: Any, name: str, limit: float) -> StochasticParameter:
    """A number ``l`` means ``Uniform(-l, l)``; other forms as handle_continuous_param."""
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        iap.handle_continuous_param(value, name, value_range=(-limit, limit))
        v = abs(float(value))
        return iap.Uniform(-v, v) if v > 0 else iap.Deterministic(0.0)
    return iap.handle_continuous_param(value, name, value_range=(-limit, limit))


@dataclass(frozen=True, slots=True, kw_only=True)
class GridDistortionParams(Params):
    """Relative width change of each grid step along x and y, and the fill."""

    x_steps: tuple = ()
    y_steps: tuple = ()
    order: int = 1
    mode: str = "reflect"
    cval: float = 0.0


@register("GridDistortion")
class GridDistortion(_FlowWarp):
    """Stretch and squeeze the cells of a ``num_steps x num_steps`` grid (Albumentations-style).

    Both axes are cut into ``num_steps`` equal cells; output cell ``k`` reads a
    source cell ``1 + d_k`` times as wide (``d_k`` drawn per cell and axis),
    the source cells rescaled so the image border stays put. The map is
    separable and piecewise linear, so coordinates are moved exactly (no
    iteration).

    Supported dtypes: all, handled as in :class:`Affine`.

    Sampling order per row: num_steps, x steps, y steps, order, cval, mode.

    Args:
        num_steps: Cells per axis, 1-1000.
        distort_limit: ``d_k`` range: a number ``l`` means ``(-l, l)``; or
            ``(a, b)``, a list or a parameter; values in (-1, 1) (sampled values
            are clipped to [-0.99, 0.99]).
        order: Interpolation order (as in :class:`Affine`, default linear).
        cval: Fill value for ``constant``.
        mode: Border mode (as in :class:`Affine`; default ``reflect`` like
            Albumentations' ``BORDER_REFLECT_101``).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.GridDistortion(num_steps=5, distort_limit=0.3)
    """

    def __init__(self, num_steps: Any = 5, distort_limit: Any = 0.3, order: Any = 1,
                 cval: Any = 0, mode: Any = "reflect", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.num_steps = iap.handle_discrete_param(num_steps, "num_steps", value_range=(1, 1000),
                                                   allow_floats=False)
        self.distort_limit = _symmetric_range(distort_limit, "distort_limit", 0.99)
        self._init_fill(order, cval, mode)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        n = min(max(int(self.num_steps.draw_sample(random_state=rng)), 1), 1000)
        xs = np.clip(self.distort_limit.draw_samples((n,), random_state=rng), -0.99, 0.99)
        ys = np.clip(self.distort_limit.draw_samples((n,), random_state=rng), -0.99, 0.99)
        order, cval, mode = self._draw_fill(rng)
        if not (np.all(np.isfinite(xs)) and np.all(np.isfinite(ys))):
            raise ValueError("distort_limit: the parameter produced non-finite values")
        return GridDistortionParams(applied=bool(np.any(xs) or np.any(ys)),
                                    x_steps=tuple(float(v) for v in xs),
                                    y_steps=tuple(float(v) for v in ys),
                                    order=order, mode=mode, cval=cval)

    def _sources(self, params: Params, image_hw: tuple) -> tuple[Callable, Callable]:
        p: Any = params
        return grid_source(np.array(p.x_steps), np.array(p.y_steps), image_hw)

    def _forward_points(self, xy: np.ndarray, params: Params, image_hw: tuple) -> np.ndarray:
        p: Any = params
        return grid_inverse(np.array(p.x_steps), np.array(p.y_steps), image_hw, xy)


@dataclass(frozen=True, slots=True, kw_only=True)
class OpticalDistortionParams(Params):
    """Radial coefficient ``k`` and centre shift (fractions of W, H), and the fill."""

    k: float = 0.0
    shift_x: float = 0.0
    shift_y: float = 0.0
    order: int = 1
    mode: str = "reflect"
    cval: float = 0.0


@register("OpticalDistortion")
class OpticalDistortion(_FlowWarp):
    """Barrel/pincushion lens distortion (Albumentations-style).

    With normalised coordinates ``n = (q - c) / (W, H)`` around the centre
    ``c = (W/2 + dx W, H/2 + dy H)``, the output at ``q`` reads
    ``c + (W, H) n (1 + k r^2 + k r^4)``, ``r = |n|`` (OpenCV's camera model
    with ``k1 = k2 = k``, focal lengths W and H). Coordinates are moved by
    solving the radial equation per point (exact; where a strong barrel
    distortion folds, the fold radius is used).

    Supported dtypes: all, handled as in :class:`Affine`.

    Sampling order per row: k, dx, dy, order, cval, mode.

    Args:
        distort_limit: ``k`` range: a number ``l`` means ``(-l, l)``; or
            ``(a, b)``, list, parameter; values in [-10, 10].
        shift_limit: Centre shift range (fraction of the size), a number ``s``
            means ``(-s, s)``; values in [-1, 1].
        order: Interpolation order (as in :class:`Affine`, default linear).
        cval: Fill value for ``constant``.
        mode: Border mode (as in :class:`Affine`; default ``reflect``).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.OpticalDistortion(distort_limit=0.3, shift_limit=0.05)
    """

    def __init__(self, distort_limit: Any = 0.05, shift_limit: Any = 0.05, order: Any = 1,
                 cval: Any = 0, mode: Any = "reflect", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.distort_limit = _symmetric_range(distort_limit, "distort_limit", 10.0)
        self.shift_limit = _symmetric_range(shift_limit, "shift_limit", 1.0)
        self._init_fill(order, cval, mode)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        k = min(max(draw_float(self.distort_limit, rng, "distort_limit"), -10.0), 10.0)
        dx = min(max(draw_float(self.shift_limit, rng, "shift_limit"), -1.0), 1.0)
        dy = min(max(draw_float(self.shift_limit, rng, "shift_limit"), -1.0), 1.0)
        order, cval, mode = self._draw_fill(rng)
        return OpticalDistortionParams(applied=k != 0, k=k, shift_x=dx, shift_y=dy, order=order,
                                       mode=mode, cval=cval)

    def _sources(self, params: Params, image_hw: tuple) -> tuple[Callable, Callable]:
        p: Any = params
        return optical_source(p.k, p.shift_x, p.shift_y, image_hw)

    def _forward_points(self, xy: np.ndarray, params: Params, image_hw: tuple) -> np.ndarray:
        p: Any = params
        return optical_inverse(p.k, p.shift_x, p.shift_y, image_hw, xy)

