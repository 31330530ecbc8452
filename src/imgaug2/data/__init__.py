"""Bundled sample data: one photo plus hand-made annotations of every target type.

The functions keep imgaug's ``quokka*`` names and signatures, so code written for
imgaug runs unchanged, but the picture is a different one: **"Chelsea", a close-up
photo of a tabby cat's face** (451x300 px, RGB), taken by Stefan van der Walt and
released by him under CC0 1.0 (public-domain dedication) as one of scikit-image's
sample images. ``SOURCE.md`` in this folder and ``docs/sample_data.md`` give the
details.

Every annotation lives in ``chelsea_annotations.json`` next to the image and uses
continuous pixel coordinates (pixel ``(x, y)`` covers ``[x, x+1) x [y, y+1)``):

* keypoints, in this order (left/right as seen *by the cat*, so the cat's left eye
  is the one on the right of the picture): ``left_eye``, ``right_eye``, ``nose``,
  ``left_ear``, ``right_ear`` (see :data:`QUOKKA_KEYPOINT_NAMES`);
* one bounding box around the head, label ``"cat_head"``; the head fills most of
  the frame, so the box spans it from the left edge to x=399;
* one polygon outlining the visible head, label ``"cat_head"``;
* a segmentation map with classes 0 background, 1 cat, 2 eye, 3 nose
  (see :data:`QUOKKA_SEGMENTATION_CLASSES`);
* a one-channel heatmap: a gaussian blob (sigma 12 px at full size) at each keypoint.

``size`` and ``extract`` work the same way for the image and for every annotation:
the region given by ``extract`` is cut out first (``"square"`` is the centred
square), then the result is resized to ``size``. Coordinates are shifted and scaled
with exactly the factors applied to the pixels; maps are rendered at the requested
resolution from the same geometry. Annotations are not clipped to the crop.

Importing this module reads no file; the image and the annotations are loaded on
first use and cached, and every call returns fresh copies.
"""

from __future__ import annotations

import functools
import json
import math
import numbers
from importlib import resources
from typing import Any

import numpy as np

__all__ = [
    "QUOKKA_KEYPOINT_NAMES",
    "QUOKKA_SEGMENTATION_CLASSES",
    "quokka",
    "quokka_square",
    "quokka_heatmap",
    "quokka_segmentation_map",
    "quokka_keypoints",
    "quokka_bounding_boxes",
    "quokka_polygons",
]

#: Names of the keypoints returned by :func:`quokka_keypoints`, in order.
QUOKKA_KEYPOINT_NAMES = ("left_eye", "right_eye", "nose", "left_ear", "right_ear")

#: Class names of :func:`quokka_segmentation_map`; the index is the class id.
QUOKKA_SEGMENTATION_CLASSES = ("background", "cat", "eye", "nose")

_IMAGE_FILE = "chelsea.png"
_ANNOTATIONS_FILE = "chelsea_annotations.json"
_MAX_SIDE = 32768  # refuse absurd sizes / crops before allocating anything
_ELLIPSE_VERTICES = 72


# --------------------------------------------------------------------------- loading


def _read_bytes(name: str) -> bytes:
    return resources.files(__name__).joinpath(name).read_bytes()


@functools.lru_cache(maxsize=1)
def _full_image() -> np.ndarray:
    """The full-size photo, RGB uint8, read-only (cached; never hand it out)."""
    import cv2

    buf = np.frombuffer(_read_bytes(_IMAGE_FILE), dtype=np.uint8)
    bgr = cv2.imdecode(buf, cv2.IMREAD_COLOR)
    if bgr is None:  # pragma: no cover - only with a corrupted installation
        raise RuntimeError(f"could not decode bundled sample image {_IMAGE_FILE!r}")
    rgb = np.ascontiguousarray(bgr[:, :, ::-1])
    rgb.setflags(write=False)
    return rgb


def _readonly(arr: Any) -> np.ndarray:
    out = np.array(arr, dtype=np.float64)
    out.setflags(write=False)
    return out


@functools.lru_cache(maxsize=1)
def _annotations() -> dict:
    """Parsed annotations with read-only float64 arrays (cached; never handed out)."""
    raw = json.loads(_read_bytes(_ANNOTATIONS_FILE).decode("utf-8"))
    polygons = tuple((p["label"], _readonly(p["exterior"])) for p in raw["polygons"])
    regions = []
    for region in raw["segmentation"]["regions"]:
        if "polygon_ref" in region:
            pts = polygons[region["polygon_ref"]][1]
        elif "polygon" in region:
            pts = _readonly(region["polygon"])
        else:
            pts = _readonly(_ellipse_points(**region["ellipse"]))
        regions.append((int(region["class"]), pts))
    return {
        "height": int(raw["height"]),
        "width": int(raw["width"]),
        "keypoint_names": tuple(k["name"] for k in raw["keypoints"]),
        "keypoints": _readonly([[k["x"], k["y"]] for k in raw["keypoints"]]),
        "boxes": tuple(
            (b["label"], _readonly([b["x1"], b["y1"], b["x2"], b["y2"]]))
            for b in raw["bounding_boxes"]
        ),
        "polygons": polygons,
        "classes": tuple(raw["segmentation"]["classes"]),
        "regions": tuple(regions),
        "sigma": float(raw["heatmap"]["sigma"]),
    }


def _ellipse_points(cx: float, cy: float, rx: float, ry: float, angle_deg: float) -> np.ndarray:
    t = np.linspace(0.0, 2.0 * np.pi, _ELLIPSE_VERTICES, endpoint=False)
    a = np.deg2rad(angle_deg)
    ex, ey = rx * np.cos(t), ry * np.sin(t)
    xs = cx + ex * np.cos(a) - ey * np.sin(a)
    ys = cy + ex * np.sin(a) + ey * np.cos(a)
    return np.stack([xs, ys], axis=1)


# ----------------------------------------------------------------------- geometry


class _Frame:
    """Where the output lies in the full photo: crop origin plus scale factors.

    An output coordinate is ``(x - x0) * sx`` for a photo coordinate ``x``.
    """

    __slots__ = ("x0", "y0", "crop_h", "crop_w", "out_h", "out_w")

    def __init__(self, x0: int, y0: int, crop_h: int, crop_w: int, out_h: int, out_w: int):
        self.x0, self.y0 = x0, y0
        self.crop_h, self.crop_w = crop_h, crop_w
        self.out_h, self.out_w = out_h, out_w

    @property
    def sx(self) -> float:
        return self.out_w / self.crop_w

    @property
    def sy(self) -> float:
        return self.out_h / self.crop_h

    @property
    def shape(self) -> tuple[int, int, int]:
        return (self.out_h, self.out_w, 3)

    def points(self, xy: np.ndarray) -> np.ndarray:
        """Map (N, 2) photo coordinates into the output frame (new float64 array)."""
        out = np.array(xy, dtype=np.float64, copy=True).reshape(-1, 2)
        out[:, 0] = (out[:, 0] - self.x0) * self.sx
        out[:, 1] = (out[:, 1] - self.y0) * self.sy
        return out


def _is_number(v: Any) -> bool:
    return isinstance(v, numbers.Real) and not isinstance(v, (bool, np.bool_))


def _resolve_dim(value: Any, current: int) -> int:
    if value is None:
        return current
    if isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_)):
        result = int(value)
    elif _is_number(value):
        if not math.isfinite(float(value)):
            raise ValueError(f"size: expected a finite factor, got {value!r}")
        result = int(round(current * float(value)))
    else:
        raise TypeError(
            f"size: expected None, an int, a float or a tuple of those, got {type(value).__name__}"
        )
    if result < 1 or result > _MAX_SIDE:
        raise ValueError(f"size: resulting side {result} must lie in [1, {_MAX_SIDE}]")
    return result


def _resolve_size(size: Any, h: int, w: int) -> tuple[int, int]:
    """imgaug's rules: None keeps the shape, an int gives (size, size), a float scales
    both sides, a tuple ``(H, W[, C])`` gives per-side ints, factors or None."""
    if size is None:
        return h, w
    if isinstance(size, (tuple, list)):
        if len(size) not in (2, 3):
            raise ValueError(f"size: expected a tuple (H, W) or (H, W, C), got length {len(size)}")
        return _resolve_dim(size[0], h), _resolve_dim(size[1], w)
    if isinstance(size, np.ndarray) and size.ndim == 0:
        size = size.item()
    if _is_number(size):
        return _resolve_dim(size, h), _resolve_dim(size, w)
    raise TypeError(
        f"size: expected None, an int, a float or a tuple, got {type(size).__name__}"
    )


def _extract_box(extract: Any, h: int, w: int) -> tuple[int, int, int, int]:
    """Integer crop box (x1, y1, x2, y2) in photo pixels; may reach outside the photo."""
    if isinstance(extract, str):
        if extract != "square":
            raise ValueError(f"extract: expected None, 'square' or a box, got {extract!r}")
        side = min(h, w)
        x1, y1 = (w - side) // 2, (h - side) // 2
        return x1, y1, x1 + side, y1 + side
    bbs = getattr(extract, "bounding_boxes", None)
    if bbs is not None:  # a BoundingBoxesOnImage holding exactly one box
        if len(bbs) != 1:
            raise ValueError(
                f"extract: a BoundingBoxesOnImage must hold exactly one box, got {len(bbs)}"
            )
        extract = bbs[0]
    if all(hasattr(extract, a) for a in ("x1", "y1", "x2", "y2")):
        coords = [extract.x1, extract.y1, extract.x2, extract.y2]
    elif isinstance(extract, (tuple, list, np.ndarray)):
        if isinstance(extract, np.ndarray):
            coords = extract.reshape(-1).tolist()
        else:
            coords = list(extract)
        if len(coords) != 4:
            raise ValueError(f"extract: expected (x1, y1, x2, y2), got {len(coords)} values")
    else:
        raise TypeError(
            "extract: expected None, 'square', (x1, y1, x2, y2) or a BoundingBox, "
            f"got {type(extract).__name__}"
        )
    vals = []
    for c in coords:
        if not _is_number(c) or not math.isfinite(float(c)):
            raise ValueError(f"extract: coordinates must be finite numbers, got {coords!r}")
        vals.append(int(math.floor(float(c) + 0.5)))
    x1, y1, x2, y2 = vals
    if x2 <= x1 or y2 <= y1:
        raise ValueError(
            f"extract: box {tuple(coords)} is empty after rounding (need x2 > x1 and y2 > y1)"
        )
    if x2 - x1 > _MAX_SIDE or y2 - y1 > _MAX_SIDE:
        raise ValueError(f"extract: box sides must not exceed {_MAX_SIDE} pixels")
    return x1, y1, x2, y2


def _frame(size: Any, extract: Any) -> _Frame:
    ann = _annotations()
    h, w = ann["height"], ann["width"]
    if extract is None:
        x1, y1, x2, y2 = 0, 0, w, h
    else:
        x1, y1, x2, y2 = _extract_box(extract, h, w)
    crop_h, crop_w = y2 - y1, x2 - x1
    out_h, out_w = _resolve_size(size, crop_h, crop_w)
    return _Frame(x1, y1, crop_h, crop_w, out_h, out_w)


# ----------------------------------------------------------------- raw (array) data


def _image(frame: _Frame) -> np.ndarray:
    import cv2

    full = _full_image()
    h, w = full.shape[:2]
    x1, y1 = frame.x0, frame.y0
    x2, y2 = x1 + frame.crop_w, y1 + frame.crop_h
    if x1 >= 0 and y1 >= 0 and x2 <= w and y2 <= h:
        crop = full[y1:y2, x1:x2]
    else:  # the box reaches outside the photo: pad with black
        crop = np.zeros((frame.crop_h, frame.crop_w, 3), dtype=np.uint8)
        sx1, sy1, sx2, sy2 = max(x1, 0), max(y1, 0), min(x2, w), min(y2, h)
        if sx2 > sx1 and sy2 > sy1:
            crop[sy1 - y1 : sy2 - y1, sx1 - x1 : sx2 - x1] = full[sy1:sy2, sx1:sx2]
    if (frame.out_h, frame.out_w) == crop.shape[:2]:
        return np.array(crop, copy=True, order="C")
    down = frame.out_h <= frame.crop_h and frame.out_w <= frame.crop_w
    interp = cv2.INTER_AREA if down else cv2.INTER_CUBIC
    out = cv2.resize(np.ascontiguousarray(crop), (frame.out_w, frame.out_h), interpolation=interp)
    return np.ascontiguousarray(out.reshape(frame.out_h, frame.out_w, 3))


def _polygon_mask(pts: np.ndarray, h: int, w: int) -> np.ndarray:
    """(h, w) bool: pixels whose centre lies inside the polygon (even-odd rule).

    Exact scanline rasterisation: a crop by whole pixels gives the same pixels as
    cropping the full-size mask, and nothing depends on OpenCV's edge rounding."""
    x0, y0 = pts[:, 0], pts[:, 1]
    x1, y1 = np.roll(x0, -1), np.roll(y0, -1)
    yc = np.arange(h, dtype=np.float64)[:, None] + 0.5  # row centres, (h, 1)
    crosses = ((y0 <= yc) & (yc < y1)) | ((y1 <= yc) & (yc < y0))  # (h, edges)
    rows, edges = np.nonzero(crosses)
    if rows.size == 0:
        return np.zeros((h, w), dtype=bool)
    t = (yc[rows, 0] - y0[edges]) / (y1[edges] - y0[edges])
    xc = x0[edges] + t * (x1[edges] - x0[edges])
    # first pixel whose centre j + 0.5 is at or right of the crossing
    start = np.clip(np.ceil(xc - 0.5), 0, w).astype(np.int64)
    # every row has an even number of crossings, so pixels left of the first and
    # right of the last crossing are outside: only the bounding window is filled
    r0, r1 = int(rows.min()), int(rows.max()) + 1
    c0, c1 = int(start.min()), int(start.max())
    mask = np.zeros((h, w), dtype=bool)
    if c1 > c0:
        toggles = np.zeros((r1 - r0, c1 - c0), dtype=np.int32)
        keep = start < c1
        np.add.at(toggles, (rows[keep] - r0, start[keep] - c0), 1)
        mask[r0:r1, c0:c1] = (np.cumsum(toggles, axis=1) & 1).astype(bool)
    return mask


def _segmentation_array(frame: _Frame) -> np.ndarray:
    """(H, W) int32 class ids rendered at the output resolution.

    A pixel gets a region's class when its centre lies inside the region; later
    regions paint over earlier ones (cat, then eyes, then nose)."""
    arr = np.zeros((frame.out_h, frame.out_w), dtype=np.int32)
    for cls, pts in _annotations()["regions"]:
        arr[_polygon_mask(frame.points(pts), frame.out_h, frame.out_w)] = cls
    return arr


def _heatmap_array(frame: _Frame) -> np.ndarray:
    """(H, W, 1) float32 in [0, 1]: max over gaussian blobs at the keypoints,
    evaluated at each output pixel's centre (sigma is given in photo pixels);
    0 where the pixel centre lies outside the photo."""
    ann = _annotations()
    sigma = ann["sigma"]
    xs = frame.x0 + (np.arange(frame.out_w, dtype=np.float64) + 0.5) / frame.sx
    ys = frame.y0 + (np.arange(frame.out_h, dtype=np.float64) + 0.5) / frame.sy
    out = np.zeros((frame.out_h, frame.out_w), dtype=np.float32)
    for kx, ky in ann["keypoints"]:
        gx = np.exp(-((xs - kx) ** 2) / (2.0 * sigma * sigma)).astype(np.float32)
        gy = np.exp(-((ys - ky) ** 2) / (2.0 * sigma * sigma)).astype(np.float32)
        np.maximum(out, gy[:, None] * gx[None, :], out=out)
    # outside the photo (an ``extract`` box reaching past its edge) the map is 0
    out[(ys < 0) | (ys >= ann["height"]), :] = 0.0
    out[:, (xs < 0) | (xs >= ann["width"])] = 0.0
    np.clip(out, 0.0, 1.0, out=out)
    return out[:, :, None]


# ------------------------------------------------------------------------ public API


def quokka(size=None, extract=None) -> np.ndarray:
    """Return the sample photo as a uint8 RGB array of shape ``(H, W, 3)``.

    The photo is "Chelsea", a tabby cat's face (451x300 px, CC0; see the module
    docstring); the name ``quokka`` is kept for imgaug compatibility.

    Parameters
    ----------
    size : None or int or float or tuple, optional
        Output size, applied after ``extract``. ``None`` keeps the size, an int
        ``s`` gives ``(s, s)``, a float scales both sides, a tuple ``(H, W)`` (a
        third entry is ignored) gives each side as an int, a float factor or
        ``None``. Downscaling uses ``cv2.INTER_AREA``, upscaling ``cv2.INTER_CUBIC``.
    extract : None or "square" or tuple or BoundingBox, optional
        Region to cut out first: ``"square"`` is the centred square (300x300),
        otherwise a box ``(x1, y1, x2, y2)`` or an object with those attributes
        (or a ``BoundingBoxesOnImage`` holding one box). Coordinates are rounded;
        parts outside the photo are black.
    """
    return _image(_frame(size, extract))


def quokka_square(size=None) -> np.ndarray:
    """The centred square crop of :func:`quokka` (300x300 before ``size``)."""
    return quokka(size=size, extract="square")


def quokka_heatmap(size=None, extract=None):
    """Return a ``HeatmapsOnImage``: gaussian blobs (sigma 12 px at full size) at the
    five keypoints, one float32 channel in [0, 1], at the same size as
    ``quokka(size, extract)``."""
    from imgaug2.augmentables import HeatmapsOnImage

    frame = _frame(size, extract)
    return HeatmapsOnImage(_heatmap_array(frame), shape=frame.shape)


def quokka_segmentation_map(size=None, extract=None):
    """Return a ``SegmentationMapsOnImage`` (int32, one map) at the same size as
    ``quokka(size, extract)``: 0 background, 1 cat, 2 eye, 3 nose."""
    from imgaug2.augmentables import SegmentationMapsOnImage

    frame = _frame(size, extract)
    return SegmentationMapsOnImage(_segmentation_array(frame), shape=frame.shape)


def quokka_keypoints(size=None, extract=None):
    """Return a ``KeypointsOnImage`` with five keypoints, in this order:
    ``left_eye``, ``right_eye``, ``nose``, ``left_ear``, ``right_ear``.

    Left/right are as seen by the cat: its left eye is on the right of the
    picture. The ear points sit on the visible part of each ear (both ear tips
    are cut off by the top edge of the photo)."""
    from imgaug2.augmentables import Keypoint, KeypointsOnImage

    frame = _frame(size, extract)
    xy = frame.points(_annotations()["keypoints"])
    kps = [Keypoint(x=float(x), y=float(y)) for x, y in xy]
    return KeypointsOnImage(kps, shape=frame.shape)


def quokka_bounding_boxes(size=None, extract=None):
    """Return a ``BoundingBoxesOnImage`` with one box around the cat's head,
    label ``"cat_head"``. The head fills most of the photo, so at full size the
    box is ``(0, 0, 399, 300)``."""
    from imgaug2.augmentables import BoundingBox, BoundingBoxesOnImage

    frame = _frame(size, extract)
    boxes = []
    for label, xyxy in _annotations()["boxes"]:
        (x1, y1), (x2, y2) = frame.points(xyxy.reshape(2, 2))
        boxes.append(
            BoundingBox(x1=float(x1), y1=float(y1), x2=float(x2), y2=float(y2), label=label)
        )
    return BoundingBoxesOnImage(boxes, shape=frame.shape)


def quokka_polygons(size=None, extract=None):
    """Return a ``PolygonsOnImage`` with one polygon outlining the visible head,
    label ``"cat_head"`` (where the head runs off the photo, the outline follows
    the photo's edge)."""
    from imgaug2.augmentables import Polygon, PolygonsOnImage

    frame = _frame(size, extract)
    polys = [
        Polygon(frame.points(exterior), label=label)
        for label, exterior in _annotations()["polygons"]
    ]
    return PolygonsOnImage(polys, shape=frame.shape)
