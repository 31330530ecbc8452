"""Input normalisation used by the augmenter core (and by :class:`UnnormalizedBatch`).

For every kind ``K`` in images, heatmaps, segmentation_maps, keypoints,
bounding_boxes, polygons and line_strings there are two functions:

* ``normalize_K(value, shapes=None) -> list | None`` turns any accepted user
  format into one list entry per image (``None`` stays ``None``). ``shapes`` are
  the image shapes of the call; they are needed for array/tuple annotations and
  are checked against the number of rows.
* ``invert_normalize_K(augmented, original)`` returns the augmented list in the
  format of ``original`` (array in -> array out when all rows have one shape,
  else a list; single object in -> single object out; tuples in -> tuples out).

Accepted formats:

* images: ``(N,H,W[,C])`` array (-> list of views, no copy) or list/tuple of
  ``(H,W[,C])`` arrays; bool/int/uint/float dtypes. A single 2D/3D array is
  refused (use ``image=``). Zero-sized axes (e.g. ``(H,W,0)``) are kept.
* heatmaps: :class:`HeatmapsOnImage`, a list of them, a float ``(N,H,W,C)``
  array, one ``(H,W[,C])`` float array (single image) or a list of float arrays.
  Arrays are read as values in ``[0, 1]``.
* segmentation_maps: :class:`SegmentationMapsOnImage`, a list of them, an
  int/bool ``(N,H,W)`` or ``(N,H,W,C)`` array, one ``(H,W)`` array (single image)
  or a list of ``(H,W[,C])`` arrays.
* keypoints: :class:`KeypointsOnImage`, a list of them, ``(N,K,2)`` or ``(K,2)``
  arrays, a list (one image) of :class:`Keypoint`/``(x, y)``, or a list of such
  lists/arrays (one per image).
* bounding_boxes: like keypoints with :class:`BoundingBox`/``(x1, y1, x2, y2)``
  and ``(N,B,4)``/``(B,4)`` arrays.
* polygons / line_strings: ``*OnImage``, lists of them, ``(N,P,K,2)``/``(P,K,2)``
  /``(K,2)`` arrays, a list (one image) of :class:`Polygon`/:class:`LineString`/
  ``(K,2)`` arrays/point lists, or a list of such lists (one per image).

An empty list means "no rows", except when exactly one image shape is given,
where it means "one image without annotations". Errors are ``ValueError`` /
``TypeError`` naming the argument (and ``images`` for count mismatches).

Example:
    >>> import numpy as np
    >>> from imgaug2.augmentables import normalization as nz
    >>> images = np.zeros((2, 4, 4, 3), dtype=np.uint8)
    >>> rows = nz.normalize_keypoints(np.zeros((2, 5, 2)), shapes=[im.shape for im in images])
    >>> nz.invert_normalize_keypoints(rows, np.zeros((2, 5, 2))).shape
    (2, 5, 2)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from imgaug2.augmentables._normalization_coords import (
    BOUNDING_BOXES,
    KEYPOINTS,
    LINE_STRINGS,
    POLYGONS,
    invert_coords,
    normalize_coords,
)
from imgaug2.augmentables.bbs import BoundingBoxesOnImage
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmentables.lines import LineStringsOnImage
from imgaug2.augmentables.polys import PolygonsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage

__all__ = [
    "COLUMN_NAMES",
    "estimate_nb_rows",
    "invert_normalize_bounding_boxes",
    "invert_normalize_heatmaps",
    "invert_normalize_images",
    "invert_normalize_keypoints",
    "invert_normalize_line_strings",
    "invert_normalize_polygons",
    "invert_normalize_segmentation_maps",
    "normalize_bounding_boxes",
    "normalize_heatmaps",
    "normalize_images",
    "normalize_keypoints",
    "normalize_line_strings",
    "normalize_polygons",
    "normalize_segmentation_maps",
    "normalize_shapes",
]

#: The normalisable columns, in the order the augmenter core processes them.
COLUMN_NAMES = (
    "images",
    "heatmaps",
    "segmentation_maps",
    "keypoints",
    "bounding_boxes",
    "polygons",
    "line_strings",
)

Shapes = Sequence[tuple[int, ...]] | None


def normalize_shapes(shapes: Any) -> list[tuple[int, ...]] | None:
    """Turn a list of shapes or of images into a list of shape tuples.

    Example:
        >>> normalize_shapes([np.zeros((2, 3)), (4, 5, 3)])
        [(2, 3), (4, 5, 3)]
    """
    if shapes is None:
        return None
    if isinstance(shapes, np.ndarray):
        return [tuple(int(v) for v in shapes.shape[1:])] * shapes.shape[0]
    result = []
    for shape in shapes:
        result.append(
            tuple(int(v) for v in (shape.shape if isinstance(shape, np.ndarray) else shape))
        )
    return result


def _count_check(name: str, count: int, shapes: Shapes) -> None:
    if shapes is not None and count != len(shapes):
        raise ValueError(
            f"Argument `{name}` has {count} entries, but `images` has {len(shapes)}; both need one "
            f"entry per image."
        )


def _need_shapes(name: str, shapes: Shapes, count: int) -> Sequence[tuple[int, ...]]:
    if shapes is None:
        wrapper = "HeatmapsOnImage" if name == "heatmaps" else "SegmentationMapsOnImage"
        raise ValueError(
            f"Argument `{name}` was given as array(s) without an image shape. Pass the images in the "
            f"same call or wrap the arrays in {wrapper}."
        )
    _count_check(name, count, shapes)
    return shapes


def _wrap(name: str, factory: Any, *args: Any) -> Any:
    try:
        return factory(*args)
    except (ValueError, TypeError) as exc:
        raise type(exc)(f"Argument `{name}`: {exc}") from exc


# --------------------------------------------------------------------------- images
def _check_image(image: Any, index: int | None) -> None:
    where = "" if index is None else f" (image {index})"
    if not isinstance(image, np.ndarray):
        raise TypeError(
            f"Argument `images`{where} must contain numpy arrays, got {type(image).__name__}."
        )
    if image.ndim not in (2, 3):
        raise ValueError(
            f"Argument `images`{where} must contain (H,W) or (H,W,C) arrays, got shape {image.shape}."
        )
    if image.dtype.kind not in "biuf":
        raise TypeError(
            f"Argument `images`{where} must have a bool, integer or float dtype, got {image.dtype}."
        )


def normalize_images(images: Any, shapes: Shapes = None) -> list[np.ndarray] | None:
    """Images as a list of ``(H,W[,C])`` arrays (views into a batch array, never copies).

    Example:
        >>> [im.shape for im in normalize_images(np.zeros((2, 3, 4, 0)))]
        [(3, 4, 0), (3, 4, 0)]
    """
    if images is None:
        return None
    shapes = normalize_shapes(shapes)
    if isinstance(images, np.ndarray):
        if images.ndim in (2, 3):
            raise ValueError(
                f"Argument `images` got a single {images.ndim}D array of shape {images.shape}. Pass "
                f"a batch as an (N,H,W[,C]) array or a list of images, or use `image=` for one image."
            )
        if images.ndim != 4:
            raise ValueError(
                f"Argument `images` must be an (N,H,W,C) array or a list of (H,W[,C]) arrays, got "
                f"shape {images.shape}."
            )
        if images.dtype.kind not in "biuf":
            raise TypeError(
                f"Argument `images` must have a bool, integer or float dtype, got {images.dtype}."
            )
        result = list(images)
    elif isinstance(images, (list, tuple)):
        result = list(images)
        for i, image in enumerate(result):
            _check_image(image, i)
    else:
        raise TypeError(
            f"Argument `images` must be an (N,H,W[,C]) array or a list of arrays, got "
            f"{type(images).__name__}."
        )
    _count_check("images", len(result), shapes)
    return result


def invert_normalize_images(images_aug: list[np.ndarray] | None, images_orig: Any) -> Any:
    """Augmented images in the input's format (a stacked array if the input was an array and
    all outputs share shape and dtype, else a list; a tuple for a tuple input).

    Example:
        >>> orig = np.zeros((2, 3, 3), dtype=np.uint8)[np.newaxis].repeat(2, axis=0)
        >>> invert_normalize_images(normalize_images(orig), orig).shape
        (2, 2, 3, 3)
    """
    if images_orig is None or images_aug is None:
        return images_aug
    if isinstance(images_orig, np.ndarray):
        if not images_aug:
            return np.zeros((0,) + images_orig.shape[1:], dtype=images_orig.dtype)
        if len({im.shape for im in images_aug}) == 1 and len({im.dtype for im in images_aug}) == 1:
            return np.stack(images_aug)
        return list(images_aug)
    return tuple(images_aug) if isinstance(images_orig, tuple) else list(images_aug)


# --------------------------------------------------------------------------- heatmaps
def normalize_heatmaps(heatmaps: Any, shapes: Shapes = None) -> list[HeatmapsOnImage] | None:
    """Heatmaps as a list of :class:`HeatmapsOnImage`.

    Example:
        >>> rows = normalize_heatmaps(np.zeros((2, 4, 4, 1), dtype=np.float32), shapes=[(8, 8, 3)] * 2)
        >>> len(rows), rows[0].shape
        (2, (8, 8, 3))
    """
    if heatmaps is None:
        return None
    shapes = normalize_shapes(shapes)
    if isinstance(heatmaps, HeatmapsOnImage):
        result = [heatmaps]
    elif isinstance(heatmaps, np.ndarray):
        if heatmaps.dtype.kind != "f":
            raise TypeError(
                f"Argument `heatmaps` must be a float array (values in [0, 1]), got {heatmaps.dtype}."
            )
        if heatmaps.ndim == 4:
            rows = list(heatmaps)
        elif heatmaps.ndim in (2, 3):
            rows = [heatmaps]
        else:
            raise ValueError(
                f"Argument `heatmaps` must be an (N,H,W,C) or (H,W[,C]) array, got {heatmaps.shape}."
            )
        row_shapes = _need_shapes("heatmaps", shapes, len(rows))
        result = [
            _wrap("heatmaps", HeatmapsOnImage, row, shape) for row, shape in zip(rows, row_shapes)
        ]
    elif isinstance(heatmaps, (list, tuple)):
        rows = list(heatmaps)
        if all(isinstance(row, HeatmapsOnImage) for row in rows):
            result = rows
        elif all(isinstance(row, np.ndarray) for row in rows):
            row_shapes = _need_shapes("heatmaps", shapes, len(rows))
            for row in rows:
                if row.dtype.kind != "f" or row.ndim not in (2, 3):
                    raise TypeError(
                        f"Argument `heatmaps` must contain float (H,W[,C]) arrays, got {row.dtype} "
                        f"{row.shape}."
                    )
            result = [
                _wrap("heatmaps", HeatmapsOnImage, row, shape)
                for row, shape in zip(rows, row_shapes)
            ]
        else:
            raise TypeError(
                "Argument `heatmaps` must be a list of HeatmapsOnImage or a list of float arrays."
            )
    else:
        raise TypeError(
            f"Argument `heatmaps` must be HeatmapsOnImage, a list of them or a float array, got "
            f"{type(heatmaps).__name__}."
        )
    _count_check("heatmaps", len(result), shapes)
    return result


def _maps_to_format(
    augmented: list[Any], original: Any, kind: type, single_ndims: tuple[int, ...]
) -> Any:
    if isinstance(original, kind):
        return augmented[0]
    if isinstance(original, np.ndarray):
        arrays = [m.get_arr().astype(original.dtype, copy=False) for m in augmented]
        if original.ndim in single_ndims:
            return arrays[0]
        if not arrays:
            return np.zeros((0,) + original.shape[1:], dtype=original.dtype)
        return np.stack(arrays) if len({a.shape for a in arrays}) == 1 else arrays
    rows = list(original)
    if rows and all(isinstance(row, np.ndarray) for row in rows):
        result: Any = [m.get_arr().astype(row.dtype, copy=False) for m, row in zip(augmented, rows)]
    else:
        result = list(augmented)
    return tuple(result) if isinstance(original, tuple) else result


def invert_normalize_heatmaps(
    heatmaps_aug: list[HeatmapsOnImage] | None, heatmaps_orig: Any
) -> Any:
    """Augmented heatmaps in the input's format (arrays via ``get_arr()``).

    Example:
        >>> orig = np.zeros((2, 4, 4, 1), dtype=np.float32)
        >>> invert_normalize_heatmaps(normalize_heatmaps(orig, [(4, 4)] * 2), orig).shape
        (2, 4, 4, 1)
    """
    if heatmaps_orig is None or heatmaps_aug is None:
        return heatmaps_aug
    return _maps_to_format(heatmaps_aug, heatmaps_orig, HeatmapsOnImage, (2, 3))


# --------------------------------------------------------------------------- segmentation maps
def normalize_segmentation_maps(
    segmaps: Any, shapes: Shapes = None
) -> list[SegmentationMapsOnImage] | None:
    """Segmentation maps as a list of :class:`SegmentationMapsOnImage`.

    Example:
        >>> rows = normalize_segmentation_maps(np.zeros((2, 4, 4), dtype=np.int32), shapes=[(4, 4)] * 2)
        >>> rows[0].arr.shape
        (4, 4, 1)
    """
    name = "segmentation_maps"
    if segmaps is None:
        return None
    shapes = normalize_shapes(shapes)
    if isinstance(segmaps, SegmentationMapsOnImage):
        result = [segmaps]
    elif isinstance(segmaps, np.ndarray):
        if segmaps.dtype.kind not in "biu":
            raise TypeError(f"Argument `{name}` must be an int or bool array, got {segmaps.dtype}.")
        if segmaps.ndim in (3, 4):
            rows = list(segmaps)
        elif segmaps.ndim == 2:
            rows = [segmaps]
        else:
            raise ValueError(
                f"Argument `{name}` must be an (N,H,W), (N,H,W,C) or (H,W) array, got {segmaps.shape}."
            )
        row_shapes = _need_shapes(name, shapes, len(rows))
        result = [
            _wrap(name, SegmentationMapsOnImage, row, shape) for row, shape in zip(rows, row_shapes)
        ]
    elif isinstance(segmaps, (list, tuple)):
        rows = list(segmaps)
        if all(isinstance(row, SegmentationMapsOnImage) for row in rows):
            result = rows
        elif all(isinstance(row, np.ndarray) for row in rows):
            row_shapes = _need_shapes(name, shapes, len(rows))
            result = [
                _wrap(name, SegmentationMapsOnImage, row, shape)
                for row, shape in zip(rows, row_shapes)
            ]
        else:
            raise TypeError(
                f"Argument `{name}` must be a list of SegmentationMapsOnImage or of int/bool arrays."
            )
    else:
        raise TypeError(
            f"Argument `{name}` must be SegmentationMapsOnImage, a list of them or an int/bool array, "
            f"got {type(segmaps).__name__}."
        )
    _count_check(name, len(result), shapes)
    return result


def invert_normalize_segmentation_maps(
    segmaps_aug: list[SegmentationMapsOnImage] | None, segmaps_orig: Any
) -> Any:
    """Augmented segmentation maps in the input's format (arrays via ``get_arr()``)."""
    if segmaps_orig is None or segmaps_aug is None:
        return segmaps_aug
    return _maps_to_format(segmaps_aug, segmaps_orig, SegmentationMapsOnImage, (2,))


# --------------------------------------------------------------------------- coordinate kinds
def normalize_keypoints(keypoints: Any, shapes: Shapes = None) -> list[KeypointsOnImage] | None:
    """Keypoints as a list of :class:`KeypointsOnImage` (see the module docstring for formats)."""
    return normalize_coords(KEYPOINTS, keypoints, normalize_shapes(shapes))


def invert_normalize_keypoints(
    keypoints_aug: list[KeypointsOnImage] | None, keypoints_orig: Any
) -> Any:
    """Augmented keypoints in the input's format."""
    return invert_coords(KEYPOINTS, keypoints_aug, keypoints_orig)


def normalize_bounding_boxes(
    bounding_boxes: Any, shapes: Shapes = None
) -> list[BoundingBoxesOnImage] | None:
    """Bounding boxes as a list of :class:`BoundingBoxesOnImage`."""
    return normalize_coords(BOUNDING_BOXES, bounding_boxes, normalize_shapes(shapes))


def invert_normalize_bounding_boxes(
    bounding_boxes_aug: list[BoundingBoxesOnImage] | None, bounding_boxes_orig: Any
) -> Any:
    """Augmented bounding boxes in the input's format."""
    return invert_coords(BOUNDING_BOXES, bounding_boxes_aug, bounding_boxes_orig)


def normalize_polygons(polygons: Any, shapes: Shapes = None) -> list[PolygonsOnImage] | None:
    """Polygons as a list of :class:`PolygonsOnImage`."""
    return normalize_coords(POLYGONS, polygons, normalize_shapes(shapes))


def invert_normalize_polygons(
    polygons_aug: list[PolygonsOnImage] | None, polygons_orig: Any
) -> Any:
    """Augmented polygons in the input's format."""
    return invert_coords(POLYGONS, polygons_aug, polygons_orig)


def normalize_line_strings(
    line_strings: Any, shapes: Shapes = None
) -> list[LineStringsOnImage] | None:
    """Line strings as a list of :class:`LineStringsOnImage`."""
    return normalize_coords(LINE_STRINGS, line_strings, normalize_shapes(shapes))


def invert_normalize_line_strings(
    line_strings_aug: list[LineStringsOnImage] | None, line_strings_orig: Any
) -> Any:
    """Augmented line strings in the input's format."""
    return invert_coords(LINE_STRINGS, line_strings_aug, line_strings_orig)


def estimate_nb_rows(**columns: list[Any] | None) -> int:
    """Number of rows of already normalised columns; ``ValueError`` if they disagree.

    Example:
        >>> estimate_nb_rows(images=[1, 2], keypoints=None, heatmaps=[3, 4])
        2
    """
    counts = {name: len(value) for name, value in columns.items() if value is not None}
    if len(set(counts.values())) > 1:
        details = ", ".join(f"`{name}`: {count}" for name, count in counts.items())
        raise ValueError(
            f"Arguments have different numbers of rows ({details}); they need one entry per image."
        )
    return next(iter(counts.values()), 0)
