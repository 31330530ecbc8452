"""Shared plumbing of the geometric family: argument handling and the two warp bases.

``_MatrixWarp`` is the base of every augmenter that is one 3x3 matrix per row
(Affine and its shortcuts, AffineCv2, PerspectiveTransform); ``_FlowWarp`` the
base of those that are one dense flow per row (ElasticTransformation,
PiecewiseAffine, GridDistortion, OpticalDistortion). Subclasses only sample
their ``Params``; images, heatmaps, segmentation maps and coordinates follow
from the matrix or the flow.
"""

from __future__ import annotations

import math
from typing import Any, Callable, Sequence

import numpy as np

import imgaug2.parameters as iap
from imgaug2.core.base import ALL_DTYPES, Augmenter
from imgaug2.core.params import Params
from imgaug2.kernels.geometric import (map_matrix, map_shape, transform_xy, warp_heatmap_arr,
                                       warp_image, warp_plan, warp_segmap_arr)
from imgaug2.kernels.geometric_flow import (remap_heatmap_arr, remap_image, remap_segmap_arr)
from imgaug2.parameters import StochasticParameter

__all__ = [
    "MODE_ALIASES", "SCIPY_MODE_ALIASES", "CANONICAL_MODES", "ORDERS", "handle_mode",
    "handle_order", "handle_cval", "canonical_mode", "canonical_order", "check_bool",
    "check_choice", "draw_float", "draw_mode", "draw_order", "MODE_IDENTITY", "repair_polygons",
    "MAX_OUTPUT_ELEMENTS", "handle_polygon_recoverer",
]

CANONICAL_MODES = ("constant", "edge", "symmetric", "reflect", "wrap")
# skimage names (imgaug's Affine/PiecewiseAffine) plus cv2/numpy spellings
MODE_ALIASES: dict[Any, str] = {
    "constant": "constant", "edge": "edge", "replicate": "edge", "symmetric": "symmetric",
    "reflect": "reflect", "reflect_101": "reflect", "reflect101": "reflect", "wrap": "wrap",
}
# scipy.ndimage names (imgaug's ElasticTransformation): "reflect" repeats the edge pixel
SCIPY_MODE_ALIASES: dict[Any, str] = {
    "constant": "constant", "nearest": "edge", "edge": "edge", "replicate": "edge",
    "reflect": "symmetric", "symmetric": "symmetric", "mirror": "reflect",
    "reflect_101": "reflect", "wrap": "wrap",
}
ORDERS = (0, 1, 2, 3, 4, 5)
# refuse outputs that would allocate more than 1 GiB at 8 bytes per element
MAX_OUTPUT_ELEMENTS = (1 << 30) // 8


def check_bool(value: Any, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError("%s must be a bool, got %r" % (name, value))
    return bool(value)


def check_choice(value: Any, name: str, valid: Sequence[Any]) -> Any:
    if isinstance(value, bool) or value not in valid:
        raise ValueError("%s must be one of %s, got %r"
                         % (name, ", ".join(repr(v) for v in valid), value))
    return value


def canonical_mode(value: Any, name: str, aliases: dict[Any, str]) -> str:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, (str, int)) or value not in aliases:
        raise ValueError("%s: unknown mode %r; expected one of %s"
                         % (name, value, ", ".join(repr(k) for k in aliases)))
    return aliases[value]


def handle_mode(mode: Any, name: str = "mode",
                aliases: dict[Any, str] = MODE_ALIASES) -> StochasticParameter:
    """A parameter drawing canonical mode names ("ALL": every mode)."""
    if isinstance(mode, StochasticParameter):
        return mode
    if isinstance(mode, str) and mode == "ALL":
        return iap.Choice(list(CANONICAL_MODES))
    if isinstance(mode, list):
        if not mode:
            raise ValueError("%s: expected a non-empty list" % name)
        return iap.Choice([canonical_mode(m, name, aliases) for m in mode])
    if isinstance(mode, (str, int, np.integer)) and not isinstance(mode, bool):
        return iap.Deterministic(canonical_mode(mode, name, aliases))
    raise TypeError("%s: expected \"ALL\", a mode name, a list of them or a StochasticParameter, "
                    "got %r (%s)" % (name, mode, type(mode).__name__))


def canonical_order(value: Any, name: str, table: dict[int, int] | None = None) -> int:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if table is not None:
        if isinstance(value, bool) or value not in table:
            raise ValueError("%s: unknown order %r; expected one of %s"
                             % (name, value, ", ".join(repr(k) for k in table)))
        return table[value]
    if isinstance(value, bool) or not isinstance(value, int) or value not in ORDERS:
        raise ValueError("%s: unknown order %r; expected one of 0, 1, 2, 3, 4, 5" % (name, value))
    return value


def handle_order(order: Any, name: str = "order", table: dict[Any, int] | None = None,
                 all_values: Sequence[int] = (0, 1, 3, 4, 5)) -> StochasticParameter:
    """A parameter drawing interpolation orders (skimage numbering; "ALL": 0, 1, 3, 4, 5)."""
    if isinstance(order, StochasticParameter):
        return order
    if isinstance(order, str) and order == "ALL":
        return iap.Choice(list(all_values))
    if isinstance(order, list):
        if not order:
            raise ValueError("%s: expected a non-empty list" % name)
        return iap.Choice([canonical_order(o, name, table) for o in order])
    if isinstance(order, (int, np.integer, str)) and not isinstance(order, bool):
        if isinstance(order, str) and (table is None or order not in table):
            raise ValueError("%s: unknown order %r" % (name, order))
        return iap.Deterministic(canonical_order(order, name, table))
    raise TypeError("%s: expected an int, a list of ints, \"ALL\" or a StochasticParameter, "
                    "got %r (%s)" % (name, order, type(order).__name__))


def handle_cval(cval: Any, name: str = "cval") -> StochasticParameter:
    """Fill value(s): a number, ``(a, b)``, a list, a parameter or "ALL" (uniform 0-255).

    Values must lie in [-65536, 65536] (covering uint16/int16 images); at
    apply time they are clipped to the image dtype's range.
    """
    if isinstance(cval, str) and cval == "ALL":
        return iap.Uniform(0, 255)
    return iap.handle_continuous_param(cval, name, value_range=(-65536, 65536))


MODE_IDENTITY: dict[Any, str] = {m: m for m in CANONICAL_MODES}


def draw_mode(param: StochasticParameter, rng: np.random.Generator, aliases: dict[Any, str],
              raw: bool, name: str = "mode") -> str:
    """Draw a mode; ``raw`` parameters (user-given) are canonicalised through ``aliases``."""
    value = param.draw_sample(random_state=rng)
    if raw:
        return canonical_mode(value, name, aliases)
    return str(value)  # built from canonical names at construction


def draw_order(param: StochasticParameter, rng: np.random.Generator,
               table: dict[Any, int] | None, raw: bool, name: str = "order") -> int:
    """Draw an order; ``raw`` parameters (user-given) are translated through ``table``."""
    value = param.draw_sample(random_state=rng)
    if raw:
        return canonical_order(value, name, table)
    return int(value)  # built from canonical orders at construction


def draw_float(param: StochasticParameter, rng: np.random.Generator, name: str) -> float:
    if type(param) is iap.Deterministic:
        # constants were validated at construction; skip the parameter machinery
        return float(param.value)
    value = float(param.draw_sample(random_state=rng))
    if not math.isfinite(value):
        raise ValueError("%s: the parameter produced a non-finite value %r" % (name, value))
    return value


def handle_polygon_recoverer(value: Any, name: str = "polygon_recoverer") -> str | None:
    if value is None or (isinstance(value, str) and value == "auto"):
        return value
    raise ValueError("%s must be None or \"auto\", got %r" % (name, value))


def repair_polygons(psoi: Any) -> Any:
    """Repair invalid polygons when the augmentables support it (Shapely installed)."""
    repair = getattr(psoi, "repair", None)
    if repair is None:
        return psoi
    try:
        return repair()
    except ImportError:
        return psoi


# ------------------------------------------------------------------ bases

class _MatrixWarp(Augmenter):
    """Base: Params carry ``matrix`` (3x3, continuous coords), ``out_shape``, order, mode, cval."""

    supported_dtypes = ALL_DTYPES
    geometric = True

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        p: Any = params
        return warp_image(image, p.matrix, p.out_shape, p.order, p.mode, p.cval)

    def _image_plan(self, params: Params, image: np.ndarray) -> Any:
        # Used by subclasses with a shape memo (constant Affine configurations).
        p: Any = params
        if not p.applied:
            return None
        return warp_plan(image.shape, image.dtype, p.matrix, p.out_shape, p.order, p.mode,
                         p.cval)

    def _map_args(self, arr: np.ndarray, shape: tuple, params: Params) -> tuple:
        p: Any = params
        out_image_hw = p.out_shape
        out_hw = map_shape(arr.shape[:2], shape[:2], out_image_hw)
        m = map_matrix(p.matrix, shape[:2], out_image_hw, arr.shape[:2], out_hw)
        return m, out_hw, tuple(out_image_hw) + tuple(shape[2:])

    def _augment_heatmaps(self, heatmaps: Any, params: Params) -> Any:
        arr = heatmaps.arr_0to1
        m, out_hw, new_shape = self._map_args(arr, tuple(heatmaps.shape), params)
        out = warp_heatmap_arr(arr, m, out_hw, params.order)  # type: ignore[attr-defined]
        return heatmaps.replace(arr_0to1=out, shape=new_shape)

    def _augment_segmentation_maps(self, segmaps: Any, params: Params) -> Any:
        arr = segmaps.arr
        m, out_hw, new_shape = self._map_args(arr, tuple(segmaps.shape), params)
        return segmaps.replace(arr=warp_segmap_arr(arr, m, out_hw), shape=new_shape)

    def _augment_xy(self, xy: np.ndarray, params: Params, shape: tuple
                    ) -> tuple[np.ndarray, tuple]:
        p: Any = params
        return transform_xy(xy, p.matrix), tuple(p.out_shape) + tuple(shape[2:])


class _FlowWarp(Augmenter):
    """Base of dense-flow warps; subclasses provide the source functions and the point map.

    ``_sources(params, image_hw) -> (grid_src, point_src)`` and optionally
    ``_forward_points(xy, params, image_hw)`` (default: numeric inversion).
    The output image has the input's shape.
    """

    supported_dtypes = ALL_DTYPES
    geometric = True
    polygon_recoverer: Any = None
    _mode_aliases: dict[Any, str] = MODE_ALIASES

    def _init_fill(self, order: Any, cval: Any, mode: Any) -> None:
        """Handle the ``order``, ``cval`` and ``mode`` arguments (modes in ``_mode_aliases``).

        Args:
            order: Interpolation order argument.
            cval: Fill value argument.
            mode: Border mode argument.
        """
        self._order_raw = isinstance(order, StochasticParameter)
        self.order = handle_order(order, "order")
        self.cval = handle_cval(cval, "cval")
        self._mode_raw = isinstance(mode, StochasticParameter)
        self.mode = handle_mode(mode, "mode", self._mode_aliases)

    def _draw_fill(self, rng: np.random.Generator) -> tuple[int, float, str]:
        """Draw the row's order, cval and mode, in that order.

        Args:
            rng: The row's generator.

        Returns:
            ``(order, cval, mode)``.
        """
        order = draw_order(self.order, rng, None, self._order_raw)
        cval = draw_float(self.cval, rng, "cval")
        mode = draw_mode(self.mode, rng, self._mode_aliases, self._mode_raw)
        return order, cval, mode

    def _sources(self, params: Params, image_hw: tuple) -> tuple[Callable, Callable]:
        raise NotImplementedError

    def _forward_points(self, xy: np.ndarray, params: Params, image_hw: tuple) -> np.ndarray:
        from imgaug2.kernels.geometric_flow import invert_points
        grid, points = self._sources(params, image_hw)
        return invert_points(points, xy, grid_src=grid, image_hw=image_hw)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        p: Any = params
        grid, _ = self._sources(params, image.shape[:2])
        return remap_image(image, grid, image.shape[:2], p.order, p.mode, p.cval)

    def _augment_heatmaps(self, heatmaps: Any, params: Params) -> Any:
        shape = tuple(heatmaps.shape)
        grid, _ = self._sources(params, shape[:2])
        out = remap_heatmap_arr(heatmaps.arr_0to1, grid, shape[:2],
                                params.order)  # type: ignore[attr-defined]
        return heatmaps.replace(arr_0to1=out, shape=shape)

    def _augment_segmentation_maps(self, segmaps: Any, params: Params) -> Any:
        shape = tuple(segmaps.shape)
        grid, _ = self._sources(params, shape[:2])
        return segmaps.replace(arr=remap_segmap_arr(segmaps.arr, grid, shape[:2]), shape=shape)

    def _augment_xy(self, xy: np.ndarray, params: Params, shape: tuple
                    ) -> tuple[np.ndarray, tuple]:
        if xy.size == 0 or shape[0] == 0 or shape[1] == 0:
            return np.asarray(xy, dtype=np.float64).copy(), tuple(shape)
        return self._forward_points(np.asarray(xy, dtype=np.float64), params,
                                    tuple(shape[:2])), tuple(shape)

    def _augment_polygons(self, psoi: Any, params: Params) -> Any:
        out = self._augment_coords(psoi, params)
        if self.polygon_recoverer == "auto":
            out = repair_polygons(out)
        return out
