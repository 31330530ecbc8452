"""Jigsaw (cell shuffling) and WithPolarWarping (children applied in polar space)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.geometric_common import check_bool
from imgaug2.augmenters.meta import (Sequential, _Container, _FunctionAugmenter,
                                     handle_children_list)
from imgaug2.core.base import ALL_DTYPES, Augmenter
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.geometric import map_shape
from imgaug2.kernels.geometric_misc import (cart_to_polar_xy, from_polar_array, jigsaw_array,
                                            jigsaw_destinations, jigsaw_xy, polar_shape,
                                            polar_to_cart_xy, to_polar_array)
from imgaug2.kernels.resize import resize_heatmap_arr, resize_segmap_arr

__all__ = ["Jigsaw", "JigsawParams", "WithPolarWarping"]


@dataclass(frozen=True, slots=True, kw_only=True)
class JigsawParams(Params):
    """Grid size, destination position of each cell (row-major) and padding (t, r, b, l)."""

    nb_rows: int = 1
    nb_cols: int = 1
    destinations: tuple = ()
    pad: tuple = (0, 0, 0, 0)


@register("Jigsaw")
class Jigsaw(Augmenter):
    """Cut the image into a grid of cells and move cells to neighbouring positions.

    With ``allow_pad`` the image is first zero-padded (split evenly, extra
    pixel at the bottom/right) to a multiple of the grid, so the output can be
    larger than the input; without it, the cells cover the largest multiple
    of the grid at the top-left and the remaining border strip stays in place.
    Each row runs ``max_steps`` rounds; in a round every cell swaps with at
    most one random 4-neighbour, so a cell ends at most ``max_steps`` cells
    from its origin. Heatmaps and segmentation maps of another size are
    resized to the image size, shuffled, and resized back. Coordinates move
    with their cell (exact); a bounding box becomes the envelope of its moved
    corners.

    Supported dtypes: all (pixels are copied, never interpolated).

    Sampling order per row: rows, cols, rounds, then per round a permutation
    of the positions and one direction per position.

    Args:
        nb_rows: Grid rows, 1-1000 (int, ``(a, b)``, list, parameter).
        nb_cols: Grid columns, 1-1000.
        max_steps: Swap rounds, 0-1000.
        allow_pad: Pad to a multiple of the grid.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Jigsaw(nb_rows=(3, 6), nb_cols=(3, 6), max_steps=2)
    """

    supported_dtypes = ALL_DTYPES
    geometric = True

    def __init__(self, nb_rows: Any = (3, 10), nb_cols: Any = (3, 10), max_steps: Any = 1,
                 allow_pad: bool = True, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.nb_rows = iap.handle_discrete_param(nb_rows, "nb_rows", value_range=(1, 1000),
                                                 allow_floats=False)
        self.nb_cols = iap.handle_discrete_param(nb_cols, "nb_cols", value_range=(1, 1000),
                                                 allow_floats=False)
        self.max_steps = iap.handle_discrete_param(max_steps, "max_steps", value_range=(0, 1000),
                                                   allow_floats=False)
        self.allow_pad = check_bool(allow_pad, "allow_pad")

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        rows = min(max(int(self.nb_rows.draw_sample(random_state=rng)), 1), 1000)
        cols = min(max(int(self.nb_cols.draw_sample(random_state=rng)), 1), 1000)
        steps = min(max(int(self.max_steps.draw_sample(random_state=rng)), 0), 1000)
        n = rows * cols
        order = np.argsort(rng.random((steps, n)), axis=1)
        directions = rng.integers(0, 4, size=(steps, n))
        h, w = int(shape[0]), int(shape[1])
        pad = (0, 0, 0, 0)
        if self.allow_pad and h > 0 and w > 0:
            ph, pw = (-h) % rows, (-w) % cols
            pad = (ph // 2, pw - pw // 2, ph - ph // 2, pw // 2)
        dest = jigsaw_destinations(rows, cols, steps, order, directions)
        moved = dest != tuple(range(n))
        return JigsawParams(applied=moved or any(pad), nb_rows=rows, nb_cols=cols,
                            destinations=dest, pad=pad)

    @staticmethod
    def _padded_hw(shape: tuple, p: Any) -> tuple[int, int]:
        top, right, bottom, left = p.pad
        return int(shape[0]) + top + bottom, int(shape[1]) + left + right

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        p: Any = params
        return jigsaw_array(image, p.nb_rows, p.nb_cols, p.destinations, p.pad)

    def _map(self, arr: np.ndarray, shape: tuple, p: Any, resize: Any) -> tuple[np.ndarray, tuple]:
        image_hw = (int(shape[0]), int(shape[1]))
        out_image_hw = self._padded_hw(shape, p)
        new_shape = out_image_hw + tuple(shape[2:])
        if tuple(arr.shape[:2]) == image_hw:
            return jigsaw_array(arr, p.nb_rows, p.nb_cols, p.destinations, p.pad), new_shape
        out_hw = map_shape(arr.shape[:2], image_hw, out_image_hw)
        big = resize(arr, image_hw[0], image_hw[1])
        big = jigsaw_array(big, p.nb_rows, p.nb_cols, p.destinations, p.pad)
        return resize(big, out_hw[0], out_hw[1]), new_shape

    def _augment_heatmaps(self, heatmaps: Any, params: Params) -> Any:
        out, shape = self._map(heatmaps.arr_0to1, tuple(heatmaps.shape), params,
                               lambda a, h, w: resize_heatmap_arr(a, h, w, "linear"))
        return heatmaps.replace(arr_0to1=out, shape=shape)

    def _augment_segmentation_maps(self, segmaps: Any, params: Params) -> Any:
        out, shape = self._map(segmaps.arr, tuple(segmaps.shape), params, resize_segmap_arr)
        return segmaps.replace(arr=out, shape=shape)

    def _augment_xy(self, xy: np.ndarray, params: Params, shape: tuple
                    ) -> tuple[np.ndarray, tuple]:
        p: Any = params
        padded = self._padded_hw(shape, p)
        return (jigsaw_xy(xy, padded, p.nb_rows, p.nb_cols, p.destinations, p.pad),
                padded + tuple(shape[2:]))


@register("WithPolarWarping")
class WithPolarWarping(_Container):
    """Apply children in polar space: unroll the image around its centre, augment, roll back.

    The polar image of an ``H x W`` image has ``ceil(R)`` radius columns and
    ``ceil(pi R)`` angle rows (``R`` = half the diagonal); children see it
    (and heatmaps, segmentation maps and coordinates converted alike) and may
    change its size. Conversions resample linearly (nearest for segmentation
    maps) and fill new pixels with 0 / label 0; annotations skip the round trip
    when no child moves pixels (no geometric child, no Lambda). Coordinates convert exactly;
    a bounding box becomes the envelope of its converted corners both ways,
    so boxes grow (as with rotations). Polygons are not repaired.

    Supported dtypes: all, restricted to what the children support.

    Args:
        children: Augmenters applied in polar space.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.WithPolarWarping(iaa.Affine(translate_percent={"x": (-0.1, 0.1)}))
    """

    supported_dtypes = ALL_DTYPES

    def __init__(self, children: Any = None, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.children = Sequential(handle_children_list(children), name="%s-then" % self.name)

    def get_children_lists(self) -> list[list[Augmenter]]:
        return [self.children]

    def _current_children_config(self) -> dict[str, Any]:
        return {"children": list(self.children) or None}

    def _apply(self, cols: dict[str, list], params: list[Params], rows: list[int],
               keys: list | None, path: tuple, call: Any, parents: tuple) -> dict[str, list]:
        if not self._propagates(cols, call, parents) or not len(self.children):
            return cols
        # annotations only take the lossy round trip when a child can move them
        moving = self._moves_annotations()
        polar = {name: [_to_polar(name, item) for item in column]
                 for name, column in cols.items() if name == "images" or moving}
        for name, column in cols.items():
            polar.setdefault(name, column)
        order = tuple(range(len(self.children)))
        out = self._run_sequence(order, polar, rows, keys, path, call, parents,
                                 list(self.children), self._child_tags())
        result = {}
        for name, column in out.items():
            if name != "images" and not moving:
                result[name] = column
                continue
            result[name] = [_from_polar(name, item, orig)
                            for item, orig in zip(column, cols[name], strict=True)]
        return result

    def _moves_annotations(self) -> bool:
        return any(node.geometric or isinstance(node, _FunctionAugmenter)
                   for _, node in self.children._walk())


def _hw(shape: tuple) -> tuple[int, int]:
    return int(shape[0]), int(shape[1])


def _to_polar(name: str, item: Any) -> Any:
    if name == "images":
        hw = _hw(item.shape)
        return to_polar_array(item, hw, polar_shape(hw), 1)
    shape = tuple(item.shape)
    hw = _hw(shape)
    phw = polar_shape(hw)
    new_shape = phw + shape[2:]
    if name == "heatmaps":
        arr = item.arr_0to1
        out_hw = map_shape(arr.shape[:2], hw, phw)
        out = to_polar_array(arr, hw, phw, 1, out_hw)
        np.clip(out, 0.0, 1.0, out=out)
        return item.replace(arr_0to1=out, shape=new_shape)
    if name == "segmentation_maps":
        arr = item.arr
        out_hw = map_shape(arr.shape[:2], hw, phw)
        return item.replace(arr=to_polar_array(arr, hw, phw, 0, out_hw), shape=new_shape)
    return item.replace_coords(cart_to_polar_xy(item.coords_xy(), hw, phw), new_shape)


def _from_polar(name: str, item: Any, orig: Any) -> Any:
    if name == "images":
        hw = _hw(orig.shape)
        return from_polar_array(item, _hw(item.shape), hw, 1, hw)
    shape = tuple(orig.shape)
    hw = _hw(shape)
    phw = _hw(tuple(item.shape))
    if name == "heatmaps":
        out_hw = _hw(orig.arr_0to1.shape)
        out = from_polar_array(item.arr_0to1, phw, hw, 1, out_hw)
        np.clip(out, 0.0, 1.0, out=out)
        return item.replace(arr_0to1=out, shape=shape)
    if name == "segmentation_maps":
        out_hw = _hw(orig.arr.shape)
        return item.replace(arr=from_polar_array(item.arr, phw, hw, 0, out_hw), shape=shape)
    return item.replace_coords(polar_to_cart_xy(item.coords_xy(), hw, phw), shape)
