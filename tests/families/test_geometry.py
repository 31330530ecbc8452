"""Geometry: coordinates follow pixels exactly, for every geometric catalogue entry.

(a) keypoints, box corners, polygon and line-string points match an
    independent float64 reference built from the recorded Params (matrix
    augmenters, flips, Rot90, and containers of them) within 1e-4 px;
(b) bright Gaussian blobs drawn at sub-pixel keypoints land, after
    augmentation, where the augmented keypoints are: intensity-weighted
    centroid (pixel centres at x + 0.5) within 0.05 px ("exact"), 0.1 px
    ("affine") or a median of 1.5 px ("smooth");
(c) flip∘flip and rot90⁴ are the identity for every target;
(d) segmentation labels after augmentation ⊆ input labels ∪ {0}.
"""

from __future__ import annotations

import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2.augmentables import (Keypoint,
                                  KeypointsOnImage, SegmentationMapsOnImage)
from tests.catalogue import ENTRIES, entry_ids
from tests.families.inputs import ALL_KWARGS, call_all, targets

ACTIVE = [e for e in ENTRIES if e.geometry in ("exact", "affine", "smooth")
          and "geometry" not in e.exclude and not e.image_only]
BLOB_TOL = {"exact": 0.05, "affine": 0.1}
SMOOTH_MEDIAN = 1.5
SHAPE = (96, 128, 3)
SIGMA = 1.5
RADIUS = 7
# containers that only route rows to children (their Params carry no geometry)
ROUTERS = {"Sequential", "SomeOf", "OneOf", "Sometimes"}


# ------------------------------------------------------------------ helpers

def _apply_h(matrix: np.ndarray, xy: np.ndarray) -> np.ndarray:
    """Reference: homogeneous float64 transform, written independently of the kernels."""
    pts = np.concatenate([xy, np.ones((len(xy), 1))], axis=1) @ matrix.T
    return pts[:, :2] / pts[:, 2:3]


def _named_matrix(cls_name: str, params, node, hw: tuple) -> tuple[np.ndarray, tuple] | None:
    h, w = hw
    if cls_name in ("Fliplr", "HorizontalFlip"):
        return np.array([[-1.0, 0, w], [0, 1, 0], [0, 0, 1]]), hw
    if cls_name in ("Flipud", "VerticalFlip"):
        return np.array([[1.0, 0, 0], [0, -1, h], [0, 0, 1]]), hw
    if cls_name == "Rot90":
        k = params.k % 4
        mats = {0: np.eye(3), 1: np.array([[0.0, -1, h], [1, 0, 0], [0, 0, 1]]),
                2: np.array([[-1.0, 0, w], [0, -1, h], [0, 0, 1]]),
                3: np.array([[0.0, 1, 0], [-1, 0, w], [0, 0, 1]])}
        m = mats[k]
        rotated = (w, h) if k % 2 else (h, w)
        if node.keep_size and rotated != hw:
            m = np.diag([w / rotated[1], h / rotated[0], 1.0]) @ m
            return m, hw
        return m, rotated
    return None


def row_matrix(aug, row: list, hw: tuple) -> tuple[np.ndarray, tuple] | None:
    """Compose the row's recorded geometry into one matrix, or None if it is not matrix-based."""
    nodes = {tuple(path): node for path, node in aug._walk()}
    m = np.eye(3)
    cur = tuple(hw)
    for path, cls_name, _name, params in row:
        node = nodes.get(tuple(path))
        if cls_name in ROUTERS:
            continue
        if not params.applied:
            continue
        matrix = getattr(params, "matrix", None)
        if isinstance(matrix, np.ndarray) and matrix.shape == (3, 3):
            assert matrix.dtype == np.float64, cls_name
            m = matrix @ m
            cur = tuple(int(v) for v in params.out_shape[:2])
            continue
        named = _named_matrix(cls_name, params, node, cur)
        if named is None:
            return None
        m = named[0] @ m
        cur = named[1]
    return m, cur


def _blob_image(hw: tuple, pts: np.ndarray, dtype: str) -> np.ndarray:
    yy, xx = np.mgrid[0:hw[0], 0:hw[1]] + 0.5
    img = np.zeros(hw, dtype=np.float64)
    for x, y in pts:
        img += np.exp(-((xx - x) ** 2 + (yy - y) ** 2) / (2 * SIGMA ** 2))
    img = np.repeat(img[:, :, None], 3, axis=2)
    if dtype == "uint8":
        return np.round(img * 255).astype(np.uint8)
    return img.astype(np.float32)


def _centroid(img: np.ndarray, x: float, y: float) -> tuple[float, float] | None:
    """Intensity-weighted centroid (pixel centres at i + 0.5) in a window around (x, y).

    The window has radius 7 px where the output allows it, at least 5 px
    (truncating a sigma-1.5 blob there biases the centroid by < 0.002 px).
    """
    h, w = img.shape[:2]
    if not (np.isfinite(x) and np.isfinite(y)):
        return None
    cx, cy = int(np.floor(x)), int(np.floor(y))
    r = min(RADIUS, cx, cy, w - 1 - cx, h - 1 - cy)
    if r < 5:
        return None
    sub = img[cy - r:cy + r + 1, cx - r:cx + r + 1, 0].astype(np.float64)
    total = sub.sum()
    if total <= 0:
        return None
    yy, xx = np.mgrid[cy - r:cy + r + 1, cx - r:cx + r + 1] + 0.5
    return float((sub * xx).sum() / total), float((sub * yy).sum() / total)


def _blob_points(rng: np.random.Generator) -> np.ndarray:
    """A grid of blobs 20 px apart around the image centre, 14 px from the borders."""
    h, w = SHAPE[:2]
    xs = [v for v in w / 2 + 20 * np.arange(-6, 7) if 14 <= v <= w - 14]
    ys = [v for v in h / 2 + 20 * np.arange(-6, 7) if 14 <= v <= h - 14]
    pts = [(x + rng.uniform(-2, 2), y + rng.uniform(-2, 2)) for y in ys for x in xs]
    return np.array(pts)


def _jigsaw_safe(aug, rec_row: list, pts: np.ndarray) -> np.ndarray:
    """Blobs of a Jigsaw row that do not straddle a cell border (those are cut apart)."""
    keep = np.ones(len(pts), dtype=bool)
    for _path, cls_name, _name, p in rec_row:
        if cls_name != "Jigsaw" or not p.applied:
            continue
        top, right, bottom, left = p.pad
        ch = (SHAPE[0] + top + bottom) // p.nb_rows
        cw = (SHAPE[1] + left + right) // p.nb_cols
        for i, (x, y) in enumerate(pts):
            fx, fy = (x + left) % cw, (y + top) % ch
            if min(fx, cw - fx) < 4 * SIGMA or min(fy, ch - fy) < 4 * SIGMA:
                keep[i] = False
    return keep


# ------------------------------------------------------------------ (a)

@pytest.mark.parametrize("which", ["default", "extreme"])
@pytest.mark.parametrize("entry", ACTIVE, ids=entry_ids(ACTIVE))
def test_coordinates_match_matrix_reference(entry, which):
    aug = entry.build(which, seed=3)
    checked = 0
    for trial in range(4):
        t = targets(seed=trial)
        *outs, rec = call_all(aug, t, return_record=True)
        ref = row_matrix(aug, rec.rows[0], tuple(t["image"].shape[:2]))
        if ref is None:
            continue
        m, out_hw = ref
        res = dict(zip(ALL_KWARGS, outs, strict=True))
        assert res["image"].shape[:2] == out_hw
        for name in ("keypoints", "polygons", "line_strings"):
            got = res[name].coords_xy()
            want = _apply_h(m, t[name].coords_xy())
            np.testing.assert_allclose(got, want, atol=1e-4, rtol=0, err_msg=name)
            assert tuple(res[name].shape[:2]) == out_hw
        corners = _apply_h(m, t["bounding_boxes"].coords_xy()).reshape(-1, 4, 2)
        want = np.concatenate([corners.min(axis=1), corners.max(axis=1)], axis=1)
        got = res["bounding_boxes"].coords_xy().reshape(-1, 4, 2)
        got = np.concatenate([got.min(axis=1), got.max(axis=1)], axis=1)
        np.testing.assert_allclose(got, want, atol=1e-4, rtol=0)
        assert [b.label for b in res["bounding_boxes"].bounding_boxes] == ["a", "b"]
        checked += 1
    if checked == 0:
        pytest.skip("%s is not matrix-based" % entry.name)


# ------------------------------------------------------------------ (b)

@pytest.mark.parametrize("entry", ACTIVE, ids=entry_ids(ACTIVE))
def test_blobs_follow_keypoints(entry):
    aug = entry.build("default", seed=5)
    dtype = "float32" if "float32" in aug._tree_dtypes() else "uint8"
    rng = np.random.default_rng(11)
    errors = []
    for _draw in range(4):
        pts = _blob_points(rng)
        img = _blob_image(SHAPE[:2], pts, dtype)
        kps = KeypointsOnImage([Keypoint(x=x, y=y) for x, y in pts], shape=SHAPE)
        out_img, out_kps, rec = aug(image=img, keypoints=kps, return_record=True)
        keep = _jigsaw_safe(aug, rec.rows[0], pts)
        for ok, (x, y) in zip(keep, out_kps.coords_xy(), strict=True):
            if not ok:
                continue
            c = _centroid(out_img, x, y)
            if c is None:
                continue
            errors.append(float(np.hypot(c[0] - x, c[1] - y)))
    if not errors:
        pytest.skip("%s: the output is too small to hold a blob window" % entry.name)
    errors = np.array(errors)
    if entry.geometry == "smooth":
        assert np.median(errors) <= SMOOTH_MEDIAN, (entry.name, np.round(errors, 3))
    else:
        tol = BLOB_TOL[entry.geometry]
        assert errors.max() <= tol, (entry.name, np.round(errors, 3))


# ------------------------------------------------------------------ (c)

def _all_targets(shape=(20, 30, 3)) -> dict:
    return targets(shape=shape, seed=4)


def _same(a, b) -> None:
    if isinstance(a, np.ndarray):
        assert a.shape == b.shape and np.array_equal(a, b)
    elif hasattr(a, "arr_0to1"):
        assert tuple(a.shape) == tuple(b.shape)
        np.testing.assert_allclose(a.arr_0to1, b.arr_0to1, atol=1e-6)
    elif hasattr(a, "arr") and hasattr(a, "replace"):
        assert tuple(a.shape) == tuple(b.shape) and np.array_equal(a.arr, b.arr)
    else:
        assert tuple(a.shape) == tuple(b.shape)
        np.testing.assert_allclose(a.coords_xy(), b.coords_xy(), atol=1e-9)


@pytest.mark.parametrize("pipeline", [
    lambda: iaa.Sequential([iaa.Fliplr(1.0), iaa.Fliplr(1.0)]),
    lambda: iaa.Sequential([iaa.Flipud(1.0), iaa.Flipud(1.0)]),
    lambda: iaa.Sequential([iaa.Rot90(1, keep_size=False) for _ in range(4)]),
    lambda: iaa.Sequential([iaa.Rot90(3, keep_size=False), iaa.Rot90(1, keep_size=False)]),
], ids=["fliplr2", "flipud2", "rot90x4", "rot90_3_then_1"])
def test_algebra_identities(pipeline):
    t = _all_targets()
    outs = call_all(pipeline(), t)
    for name, got in zip(ALL_KWARGS, outs, strict=True):
        _same(t[name], got)


def test_rot90_quarter_turns_compose():
    t = _all_targets()
    once = call_all(iaa.Rot90(2, keep_size=False), t)
    twice = call_all(iaa.Sequential([iaa.Rot90(1, keep_size=False),
                                     iaa.Rot90(1, keep_size=False)]), t)
    for a, b in zip(once, twice, strict=True):
        _same(a, b)


# ------------------------------------------------------------------ (d)

@pytest.mark.parametrize("which", ["default", "extreme"])
@pytest.mark.parametrize("entry", ACTIVE, ids=entry_ids(ACTIVE))
def test_segmentation_labels_stay_a_subset(entry, which):
    aug = entry.build(which, seed=6)
    h, w = 40, 52
    seg = np.zeros((h, w), dtype=np.int32)
    seg[5:20, 4:30] = 3
    seg[22:38, 10:25] = 7
    seg[10:35, 33:50] = 9
    allowed = {0, 3, 7, 9}
    image = np.zeros((h, w, 3), dtype=np.uint8)
    for _trial in range(3):
        segmaps = SegmentationMapsOnImage(seg, shape=image.shape)
        half = SegmentationMapsOnImage(seg[::2, ::2].copy(), shape=image.shape)
        _, out = aug(images=[image, image], segmentation_maps=[segmaps, half])
        for sm in out:
            labels = set(np.unique(sm.arr).tolist())
            assert labels <= allowed, (entry.name, labels)
