"""Normalisation of coordinate-based inputs (keypoints, boxes, polygons, line strings).

Used by :mod:`imgaug2.augmentables.normalization`; see there for the accepted
formats. Each kind is described by a :class:`_Spec`; the functions below turn
any accepted input into a list of ``*OnImage`` containers (one per image) and
turn augmented containers back into the input's format.

Example:
    >>> from imgaug2.augmentables._normalization_coords import normalize_coords, invert_coords, KEYPOINTS
    >>> rows = normalize_coords(KEYPOINTS, [[(1, 2)], [(3, 4), (5, 6)]], [(8, 8), (8, 8)])
    >>> invert_coords(KEYPOINTS, rows, [[(1, 2)], [(3, 4), (5, 6)]])
    [[(1.0, 2.0)], [(3.0, 4.0), (5.0, 6.0)]]
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage
from imgaug2.augmentables.lines import LineString, LineStringsOnImage
from imgaug2.augmentables.polys import Polygon, PolygonsOnImage

__all__ = [
    "BOUNDING_BOXES",
    "KEYPOINTS",
    "LINE_STRINGS",
    "POLYGONS",
    "invert_coords",
    "normalize_coords",
]

# Structure levels of an input value.
_NONE, _CONTAINER, _LEAF, _IMAGE, _BATCH, _EMPTY = (
    "none",
    "container",
    "leaf",
    "image",
    "batch",
    "empty",
)


def _is_number(value: Any) -> bool:
    return isinstance(value, (numbers.Real, np.number)) and not isinstance(value, (bool, np.bool_))


def _is_point(value: Any) -> bool:
    if isinstance(value, Keypoint):
        return True
    if isinstance(value, np.ndarray):
        return value.shape == (2,) and value.dtype.kind in "iuf"
    return (
        isinstance(value, (tuple, list)) and len(value) == 2 and all(_is_number(v) for v in value)
    )


class _Spec:
    """How one coordinate kind looks in its accepted input formats."""

    def __init__(
        self,
        name: str,
        container: type,
        item: type,
        leaf_array_ndim: int,
        is_leaf: Callable[[Any], bool],
        make_item: Callable[[Any], Any],
        item_to_leaf: Callable[[Any, Any], Any],
        to_array: Callable[[Any], np.ndarray | None],
    ) -> None:
        self.name = name
        self.container = container
        self.item = item
        self.leaf_array_ndim = (
            leaf_array_ndim  # ndim of one leaf given as array (0 = leaves are never arrays)
        )
        self.is_leaf = is_leaf
        self.make_item = make_item
        self.item_to_leaf = item_to_leaf
        self.to_array = to_array

    def array_level(self, arr: np.ndarray) -> str:
        """Level of an array input: leaf, one image or a batch of images."""
        offset = arr.ndim - self.leaf_array_ndim
        if offset == 0:
            return _LEAF if self.is_leaf(arr) else "bad"
        return {1: _IMAGE, 2: _BATCH}.get(offset, "bad")


# --------------------------------------------------------------------------- per-kind helpers
def _kp_leaf(value: Any) -> bool:
    return _is_point(value)


def _kp_to_leaf(item: Keypoint, template: Any) -> Any:
    x, y = item.x, item.y
    if isinstance(template, Keypoint) or template is None:
        return Keypoint(x, y)
    if isinstance(template, np.ndarray):
        return _cast(np.array([x, y]), template.dtype)
    return [x, y] if isinstance(template, list) else (x, y)


def _bb_leaf(value: Any) -> bool:
    if isinstance(value, BoundingBox):
        return True
    if isinstance(value, np.ndarray):
        return value.shape == (4,) and value.dtype.kind in "iuf"
    return (
        isinstance(value, (tuple, list)) and len(value) == 4 and all(_is_number(v) for v in value)
    )


def _bb_make(value: Any) -> BoundingBox:
    if isinstance(value, BoundingBox):
        return value
    return BoundingBox(*(float(v) for v in value))


def _bb_to_leaf(item: BoundingBox, template: Any) -> Any:
    if isinstance(template, BoundingBox) or template is None:
        return item.copy()
    values = [item.x1, item.y1, item.x2, item.y2]
    if isinstance(template, np.ndarray):
        return _cast(np.array(values), template.dtype)
    return values if isinstance(template, list) else tuple(values)


def _shape_leaf(item_cls: type) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        if isinstance(value, item_cls):
            return True
        if isinstance(value, np.ndarray):
            return value.ndim == 2 and value.shape[1] == 2 and value.dtype.kind in "iuf"
        return (
            isinstance(value, (list, tuple)) and len(value) > 0 and all(_is_point(p) for p in value)
        )

    return check


def _shape_make(item_cls: type) -> Callable[[Any], Any]:
    def make(value: Any) -> Any:
        return value if isinstance(value, item_cls) else item_cls(value)

    return make


def _shape_to_leaf(item: Any, template: Any) -> Any:
    if template is None or not isinstance(template, (np.ndarray, list, tuple)):
        return item.deepcopy()
    if isinstance(template, np.ndarray):
        return _cast(item.coords.copy(), template.dtype)
    point_template = template[0] if len(template) else (0.0, 0.0)
    points = [_kp_to_leaf(Keypoint(x, y), point_template) for x, y in item.coords]
    return points if isinstance(template, list) else tuple(points)


def _stack_coords(arrays: list[np.ndarray]) -> np.ndarray | None:
    if arrays and len({a.shape for a in arrays}) > 1:
        return None
    return np.stack(arrays) if arrays else np.zeros((0, 0, 2))


KEYPOINTS = _Spec(
    "keypoints",
    KeypointsOnImage,
    Keypoint,
    1,
    _kp_leaf,
    lambda v: v,
    _kp_to_leaf,
    lambda c: c.coords_xy(),
)
BOUNDING_BOXES = _Spec(
    "bounding_boxes",
    BoundingBoxesOnImage,
    BoundingBox,
    1,
    _bb_leaf,
    _bb_make,
    _bb_to_leaf,
    lambda c: c.to_xyxy_array(np.float64),
)
POLYGONS = _Spec(
    "polygons",
    PolygonsOnImage,
    Polygon,
    2,
    _shape_leaf(Polygon),
    _shape_make(Polygon),
    _shape_to_leaf,
    lambda c: _stack_coords([p.coords for p in c.items]),
)
LINE_STRINGS = _Spec(
    "line_strings",
    LineStringsOnImage,
    LineString,
    2,
    _shape_leaf(LineString),
    _shape_make(LineString),
    _shape_to_leaf,
    lambda c: _stack_coords([ls.coords for ls in c.items]),
)


def _cast(arr: np.ndarray, dtype: np.dtype) -> np.ndarray:
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return np.clip(np.round(arr), info.min, info.max).astype(dtype)
    return arr.astype(dtype)


# --------------------------------------------------------------------------- classification
def _level(spec: _Spec, value: Any) -> str:
    """Structure level of ``value``: none, container, leaf, image (items of one image), batch, empty."""
    if value is None:
        return _NONE
    if isinstance(value, spec.container):
        return _CONTAINER
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "iuf":
            raise TypeError(
                f"Argument `{spec.name}` must be a numeric array, got dtype {value.dtype}."
            )
        level = spec.array_level(value)
        if level == "bad":
            raise ValueError(
                f"Argument `{spec.name}` has an array of unsupported shape {value.shape}."
            )
        return level
    if spec.is_leaf(value):
        return _LEAF
    if isinstance(value, (list, tuple)):
        if len(value) == 0:
            return _EMPTY
        return _IMAGE if spec.is_leaf(value[0]) else _BATCH
    raise TypeError(
        f"Argument `{spec.name}` must be a {spec.container.__name__}, a list of them, arrays or "
        f"(nested) lists of {spec.item.__name__}/coordinates; got {type(value).__name__}."
    )


def _row_level(spec: _Spec, value: Any) -> str:
    """Level of one element of a batch: must describe one image."""
    if isinstance(value, spec.container):
        return _CONTAINER
    if isinstance(value, np.ndarray):
        level = _level(spec, value)
        if level != _IMAGE:
            raise ValueError(
                f"Argument `{spec.name}` contains an array of shape {value.shape}, which does not "
                f"describe the {spec.item.__name__}s of one image."
            )
        return _IMAGE
    if isinstance(value, (list, tuple)):
        for element in value:
            if not spec.is_leaf(element):
                raise TypeError(
                    f"Argument `{spec.name}` contains a per-image list with an entry of type "
                    f"{type(element).__name__}; expected {spec.item.__name__} objects or coordinates."
                )
        return _IMAGE
    raise TypeError(
        f"Argument `{spec.name}` contains an entry of type {type(value).__name__}; expected a "
        f"{spec.container.__name__} or a list of {spec.item.__name__}."
    )


def _image_container(spec: _Spec, value: Any, shape: tuple[int, ...]) -> Any:
    if isinstance(value, spec.container):
        return value
    try:
        if spec is KEYPOINTS:
            return KeypointsOnImage(value if isinstance(value, np.ndarray) else list(value), shape)
        if spec is BOUNDING_BOXES and isinstance(value, np.ndarray):
            return BoundingBoxesOnImage.from_xyxy_array(value.reshape(-1, 4), shape)
        return spec.container([spec.make_item(leaf) for leaf in value], shape)
    except (ValueError, TypeError) as exc:
        raise type(exc)(f"Argument `{spec.name}`: {exc}") from exc


def _need_shapes(
    spec: _Spec, shapes: Sequence[tuple[int, ...]] | None, count: int
) -> Sequence[tuple[int, ...]]:
    if shapes is None:
        raise ValueError(
            f"Argument `{spec.name}` was given as arrays/coordinates without an image shape. Pass the "
            f"images in the same call or use {spec.container.__name__} objects."
        )
    if len(shapes) != count:
        raise ValueError(
            f"Argument `{spec.name}` describes {count} image(s), but `images` has {len(shapes)}; both "
            f"need one entry per image."
        )
    return shapes


def normalize_coords(
    spec: _Spec, value: Any, shapes: Sequence[tuple[int, ...]] | None
) -> list[Any] | None:
    """Turn any accepted input of ``spec``'s kind into a list of containers (one per image)."""
    level = _level(spec, value)
    if level == _NONE:
        return None
    if level == _CONTAINER:
        result = [value]
    elif level == _EMPTY:
        if shapes is not None and len(shapes) == 1:
            result = [spec.container([], shapes[0])]
        else:
            result = []
    elif level == _LEAF:
        shape = _need_shapes(spec, shapes, 1)[0]
        result = [_image_container(spec, [value], shape)]
    elif level == _IMAGE:
        shape = _need_shapes(spec, shapes, 1)[0]
        result = [_image_container(spec, value, shape)]
    else:  # batch
        rows = list(value)
        row_levels = [_row_level(spec, row) for row in rows]
        if all(lvl == _CONTAINER for lvl in row_levels):
            result = rows
        else:
            row_shapes = _need_shapes(spec, shapes, len(rows))
            result = [_image_container(spec, row, shape) for row, shape in zip(rows, row_shapes)]
    if shapes is not None and len(result) != len(shapes):
        raise ValueError(
            f"Argument `{spec.name}` describes {len(result)} image(s), but `images` has {len(shapes)}; "
            f"both need one entry per image."
        )
    return result


# --------------------------------------------------------------------------- inversion
def _first_leaf(rows: Sequence[Any]) -> Any:
    for row in rows:
        if isinstance(row, np.ndarray):
            return None
        if isinstance(row, (list, tuple)) and len(row) > 0:
            return row[0]
    return None


def _image_to_format(spec: _Spec, container: Any, orig: Any, template: Any) -> Any:
    if isinstance(orig, spec.container):
        return container
    if isinstance(orig, np.ndarray):
        arr = spec.to_array(container)
        if arr is None:  # unequal point counts: one array per item
            return [_cast(item.coords, orig.dtype) for item in container.items]
        if arr.size == 0:
            return np.zeros((0,) + orig.shape[1:], dtype=orig.dtype)
        return _cast(arr, orig.dtype)
    leaves = [spec.item_to_leaf(item, template) for item in container.items]
    return tuple(leaves) if isinstance(orig, tuple) else leaves


def invert_coords(spec: _Spec, augmented: list[Any] | None, original: Any) -> Any:
    """Return ``augmented`` containers in the format of ``original``."""
    if original is None or augmented is None:
        return augmented
    level = _level(spec, original)
    if level == _CONTAINER:
        return augmented[0]
    if level == _EMPTY:
        if len(augmented) == 1 and len(augmented[0]) == 0:
            return type(original)()
        return type(original)(augmented)
    if level == _LEAF:
        items = augmented[0].items
        if not items:
            return None
        if isinstance(original, np.ndarray) and spec.leaf_array_ndim == 1:
            return _cast(spec.to_array(augmented[0])[0], original.dtype)
        template = original if not isinstance(original, spec.item) else None
        return spec.item_to_leaf(items[0], template)
    if level == _IMAGE:
        template = None if isinstance(original, np.ndarray) else original[0]
        return _image_to_format(spec, augmented[0], original, template)
    rows = list(original)
    if isinstance(original, np.ndarray):
        arrays = [_image_to_format(spec, c, original[0], None) for c in augmented]
        if (
            arrays
            and all(isinstance(a, np.ndarray) for a in arrays)
            and len({a.shape for a in arrays}) == 1
        ):
            return np.stack(arrays)
        if not arrays:
            return np.zeros((0,) + original.shape[1:], dtype=original.dtype)
        return arrays
    template = _first_leaf(rows)
    result = [
        _image_to_format(
            spec, c, row, row[0] if isinstance(row, (list, tuple)) and row else template
        )
        for c, row in zip(augmented, rows)
    ]
    return tuple(result) if isinstance(original, tuple) else result
