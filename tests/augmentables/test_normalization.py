"""Tests for imgaug2.augmentables.normalization: every accepted format and its inversion."""

from __future__ import annotations

import numpy as np
import pytest

from imgaug2.augmentables import normalization as nz
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage
from imgaug2.augmentables.lines import LineString, LineStringsOnImage
from imgaug2.augmentables.polys import Polygon, PolygonsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage

SHAPES2 = [(8, 8, 3), (8, 8, 3)]
SHAPES1 = [(8, 8, 3)]


def _identity(kind, value, shapes):
    rows = getattr(nz, f"normalize_{kind}")(value, shapes)
    return rows, getattr(nz, f"invert_normalize_{kind}")(rows, value)


class TestImages:
    def test_none(self):
        assert nz.normalize_images(None) is None
        assert nz.invert_normalize_images(None, None) is None

    def test_array_gives_views(self):
        batch = np.zeros((2, 4, 5, 3), dtype=np.uint8)
        rows = nz.normalize_images(batch)
        assert len(rows) == 2 and rows[0].shape == (4, 5, 3)
        assert np.shares_memory(rows[0], batch)
        back = nz.invert_normalize_images([r.copy() for r in rows], batch)
        assert isinstance(back, np.ndarray) and back.shape == batch.shape

    def test_list_and_tuple(self):
        images = [np.zeros((4, 5), np.float32), np.zeros((2, 3, 1), np.float32)]
        rows = nz.normalize_images(images)
        assert [r.shape for r in rows] == [(4, 5), (2, 3, 1)] and rows[0] is images[0]
        assert isinstance(nz.invert_normalize_images(rows, images), list)
        assert isinstance(nz.invert_normalize_images(rows, tuple(images)), tuple)
        assert nz.normalize_images([]) == []

    def test_array_with_different_output_shapes_becomes_list(self):
        batch = np.zeros((2, 4, 4, 3), dtype=np.uint8)
        out = nz.invert_normalize_images(
            [np.zeros((4, 4, 3), np.uint8), np.zeros((2, 2, 3), np.uint8)], batch
        )
        assert isinstance(out, list)
        assert nz.invert_normalize_images([], batch).shape == (0, 4, 4, 3)

    @pytest.mark.parametrize("ndim", [2, 3])
    def test_single_image_refused(self, ndim):
        with pytest.raises(ValueError, match="`images`.*image="):
            nz.normalize_images(np.zeros((4, 4, 3)[:ndim]))

    def test_errors(self):
        with pytest.raises(ValueError, match="`images`"):
            nz.normalize_images(np.zeros((1, 2, 3, 4, 5)))
        with pytest.raises(TypeError, match="`images`"):
            nz.normalize_images(np.zeros((1, 2, 2, 3), dtype=complex))
        with pytest.raises(TypeError, match="`images`"):
            nz.normalize_images([np.zeros((2, 2), dtype=object)])
        with pytest.raises(TypeError, match="`images`"):
            nz.normalize_images(["not an image"])
        with pytest.raises(ValueError, match="`images`"):
            nz.normalize_images([np.zeros(3)])
        with pytest.raises(TypeError, match="`images`"):
            nz.normalize_images("abc")
        with pytest.raises(ValueError, match="`images`"):
            nz.normalize_images([np.zeros((2, 2))], shapes=SHAPES2)

    @pytest.mark.parametrize(
        "dtype",
        [
            bool,
            np.uint8,
            np.int8,
            np.uint16,
            np.int32,
            np.int64,
            np.float16,
            np.float32,
            np.float64,
        ],
    )
    def test_dtypes_accepted(self, dtype):
        assert nz.normalize_images(np.zeros((1, 2, 2, 1), dtype=dtype))[0].dtype == np.dtype(dtype)


class TestHeatmaps:
    def test_object_forms(self):
        hm = HeatmapsOnImage(np.zeros((4, 4), np.float32), shape=(8, 8, 3))
        rows, back = _identity("heatmaps", hm, SHAPES1)
        assert rows == [hm] and back is hm
        rows, back = _identity("heatmaps", [hm, hm], SHAPES2)
        assert back == [hm, hm]

    def test_4d_array(self):
        arr = np.zeros((2, 4, 4, 3), np.float32)
        rows, back = _identity("heatmaps", arr, SHAPES2)
        assert rows[0].shape == (8, 8, 3) and rows[0].arr_0to1.shape == (4, 4, 3)
        assert isinstance(back, np.ndarray) and back.shape == arr.shape and back.dtype == np.float32

    @pytest.mark.parametrize("shape", [(4, 4, 2), (4, 4)])
    def test_single_array(self, shape):
        arr = np.full(shape, 0.5, np.float64)
        rows, back = _identity("heatmaps", arr, SHAPES1)
        assert len(rows) == 1 and back.shape == shape and back.dtype == np.float64

    def test_list_of_arrays(self):
        arrs = [np.zeros((4, 4, 1), np.float32), np.zeros((2, 2), np.float32)]
        _rows, back = _identity("heatmaps", arrs, SHAPES2)
        assert [b.shape for b in back] == [(4, 4, 1), (2, 2)]

    def test_errors(self):
        with pytest.raises(ValueError, match="`heatmaps`.*image shape"):
            nz.normalize_heatmaps(np.zeros((1, 4, 4, 1), np.float32))
        with pytest.raises(ValueError, match="`heatmaps`.*`images`"):
            nz.normalize_heatmaps(np.zeros((3, 4, 4, 1), np.float32), SHAPES2)
        with pytest.raises(TypeError, match="`heatmaps`"):
            nz.normalize_heatmaps(np.zeros((1, 4, 4, 1), np.uint8), SHAPES1)
        with pytest.raises(ValueError, match="`heatmaps`"):
            nz.normalize_heatmaps(np.full((1, 4, 4, 1), 5.0, np.float32), SHAPES1)
        with pytest.raises(TypeError, match="`heatmaps`"):
            nz.normalize_heatmaps("x")
        with pytest.raises(TypeError, match="`heatmaps`"):
            nz.normalize_heatmaps([np.zeros((2, 2), np.float32), "x"], SHAPES2)
        with pytest.raises(ValueError, match="`heatmaps`.*`images`"):
            nz.normalize_heatmaps(HeatmapsOnImage(np.zeros((2, 2), np.float32), (2, 2)), SHAPES2)


class TestSegmaps:
    def test_3d_array_is_n_maps(self):
        arr = np.zeros((2, 4, 4), np.uint8)
        rows, back = _identity("segmentation_maps", arr, SHAPES2)
        assert len(rows) == 2 and rows[0].arr.shape == (4, 4, 1)
        assert back.shape == arr.shape and back.dtype == np.uint8

    def test_4d_and_2d_arrays(self):
        _, back = _identity("segmentation_maps", np.zeros((2, 4, 4, 2), bool), SHAPES2)
        assert back.shape == (2, 4, 4, 2) and back.dtype == bool
        _, back = _identity("segmentation_maps", np.ones((4, 4), np.int64), SHAPES1)
        assert back.shape == (4, 4) and back.dtype == np.int64

    def test_objects_and_lists(self):
        segmap = SegmentationMapsOnImage(np.zeros((2, 2), np.int32), (2, 2))
        assert _identity("segmentation_maps", segmap, None)[1] is segmap
        assert _identity("segmentation_maps", [segmap], None)[1] == [segmap]
        arrs = [np.zeros((2, 2), np.int32), np.zeros((3, 3, 2), np.int16)]
        _, back = _identity("segmentation_maps", arrs, SHAPES2)
        assert [b.shape for b in back] == [(2, 2), (3, 3, 2)] and back[1].dtype == np.int16

    def test_errors(self):
        with pytest.raises(TypeError, match="`segmentation_maps`"):
            nz.normalize_segmentation_maps(np.zeros((1, 2, 2), np.float32), SHAPES1)
        with pytest.raises(ValueError, match="`segmentation_maps`.*image shape"):
            nz.normalize_segmentation_maps(np.zeros((1, 2, 2), np.int32))
        with pytest.raises(ValueError, match="`segmentation_maps`.*`images`"):
            nz.normalize_segmentation_maps(np.zeros((1, 2, 2), np.int32), SHAPES2)
        with pytest.raises(TypeError, match="`segmentation_maps`"):
            nz.normalize_segmentation_maps([np.zeros((2, 2), np.float32)], SHAPES1)
        with pytest.raises(TypeError, match="`segmentation_maps`"):
            nz.normalize_segmentation_maps(5)
        with pytest.raises(ValueError, match="`segmentation_maps`"):
            nz.normalize_segmentation_maps(np.zeros((2,), np.int32), SHAPES1)


class TestKeypoints:
    def test_container_forms(self):
        kpsoi = KeypointsOnImage([(1, 2)], shape=(8, 8, 3))
        rows, back = _identity("keypoints", kpsoi, None)
        assert rows == [kpsoi] and back is kpsoi
        rows, back = _identity("keypoints", [kpsoi, kpsoi], SHAPES2)
        assert back == [kpsoi, kpsoi]

    def test_3d_array(self):
        arr = np.arange(12, dtype=np.float32).reshape(2, 3, 2)
        rows, back = _identity("keypoints", arr, SHAPES2)
        assert all(isinstance(r, KeypointsOnImage) and r.shape == (8, 8, 3) for r in rows)
        assert back.dtype == np.float32 and np.array_equal(back, arr)

    def test_int_array_is_rounded_back(self):
        arr = np.array([[[1, 2]]], dtype=np.int32)
        rows = nz.normalize_keypoints(arr, SHAPES1)
        rows = [r.shift(x=0.6) for r in rows]
        back = nz.invert_normalize_keypoints(rows, arr)
        assert back.dtype == np.int32 and back.tolist() == [[[2, 2]]]

    def test_2d_array_single_image(self):
        arr = np.zeros((3, 2))
        rows, back = _identity("keypoints", arr, SHAPES1)
        assert len(rows) == 1 and len(rows[0]) == 3 and back.shape == (3, 2)

    def test_single_image_lists(self):
        for value in ([Keypoint(1, 2), Keypoint(3, 4)], [(1, 2), (3, 4)], [[1, 2], [3, 4]]):
            rows, back = _identity("keypoints", value, SHAPES1)
            assert len(rows) == 1 and rows[0].to_xy_array().tolist() == [[1, 2], [3, 4]]
            assert type(back[0]) is type(value[0])
        _, back = _identity("keypoints", [(1, 2)], SHAPES1)
        assert back == [(1.0, 2.0)]

    def test_single_leaf(self):
        _, back = _identity("keypoints", Keypoint(1, 2), SHAPES1)
        assert isinstance(back, Keypoint) and back.x == 1.0
        _, back = _identity("keypoints", (1, 2), SHAPES1)
        assert back == (1.0, 2.0)
        _, back = _identity("keypoints", np.array([1, 2], dtype=np.float32), SHAPES1)
        assert back.dtype == np.float32 and back.tolist() == [1, 2]

    def test_list_of_lists(self):
        value = [[(1, 2)], [Keypoint(3, 4), Keypoint(5, 6)]]
        rows, back = _identity("keypoints", value, SHAPES2)
        assert [len(r) for r in rows] == [1, 2]
        assert back[0] == [(1.0, 2.0)] and isinstance(back[1][0], Keypoint)
        value = [np.zeros((2, 2)), np.ones((1, 2))]
        _, back = _identity("keypoints", value, SHAPES2)
        assert [b.shape for b in back] == [(2, 2), (1, 2)]
        tuples = ((Keypoint(1, 1),), (Keypoint(2, 2),))
        _, back = _identity("keypoints", tuples, SHAPES2)
        assert isinstance(back, tuple) and isinstance(back[0], tuple)

    def test_empty_lists_round_trip(self):
        rows, back = _identity("keypoints", [], None)
        assert rows == [] and back == []
        rows, back = _identity("keypoints", [], SHAPES1)
        assert len(rows) == 1 and len(rows[0]) == 0 and back == []
        rows, back = _identity("keypoints", [[], []], SHAPES2)
        assert [len(r) for r in rows] == [0, 0] and back == [[], []]
        rows, back = _identity("keypoints", np.zeros((2, 0, 2)), SHAPES2)
        assert back.shape == (2, 0, 2)

    def test_errors_name_argument(self):
        with pytest.raises(ValueError, match="`keypoints`.*image shape"):
            nz.normalize_keypoints(np.zeros((1, 3, 2)))
        with pytest.raises(ValueError, match="`keypoints`.*`images`"):
            nz.normalize_keypoints(np.zeros((3, 3, 2)), SHAPES2)
        with pytest.raises(ValueError, match="`keypoints`.*`images`"):
            nz.normalize_keypoints([KeypointsOnImage([], (2, 2))], SHAPES2)
        with pytest.raises(ValueError, match="`keypoints`"):
            nz.normalize_keypoints(np.zeros((1, 3, 3)), SHAPES1)
        with pytest.raises(ValueError, match="`keypoints`"):
            nz.normalize_keypoints(np.zeros((1, 1, 3, 2)), SHAPES1)
        with pytest.raises(TypeError, match="`keypoints`"):
            nz.normalize_keypoints("abc", SHAPES1)
        with pytest.raises(TypeError, match="`keypoints`"):
            nz.normalize_keypoints([["a", "b"]], SHAPES1)
        with pytest.raises(TypeError, match="`keypoints`"):
            nz.normalize_keypoints(np.zeros((1, 2, 2), dtype=object), SHAPES1)

    def test_shapes_may_be_images(self):
        rows = nz.normalize_keypoints([[(1, 1)]], [np.zeros((5, 6, 3))])
        assert rows[0].shape == (5, 6, 3)


class TestBoundingBoxes:
    def test_forms_and_inversion(self):
        arr = np.array([[[0, 0, 1, 1]], [[1, 1, 2, 2]]], dtype=np.float64)
        rows, back = _identity("bounding_boxes", arr, SHAPES2)
        assert isinstance(rows[0], BoundingBoxesOnImage) and back.shape == (2, 1, 4)
        rows, back = _identity("bounding_boxes", np.array([[0, 0, 1, 1]]), SHAPES1)
        assert back.shape == (1, 4) and back.dtype == np.int64
        rows, back = _identity("bounding_boxes", [(0, 0, 1, 1), (1, 1, 3, 3)], SHAPES1)
        assert back == [(0.0, 0.0, 1.0, 1.0), (1.0, 1.0, 3.0, 3.0)]
        bbs = [[BoundingBox(0, 0, 1, 1, label="a")], [BoundingBox(1, 1, 2, 2, label="b")]]
        rows, back = _identity("bounding_boxes", bbs, SHAPES2)
        assert [r.labels for r in rows] == [["a"], ["b"]] and back[1][0].label == "b"
        _, back = _identity("bounding_boxes", BoundingBox(0, 0, 1, 1, label="s"), SHAPES1)
        assert isinstance(back, BoundingBox) and back.label == "s"
        bbsoi = BoundingBoxesOnImage([], shape=(3, 3))
        assert _identity("bounding_boxes", bbsoi, None)[1] is bbsoi

    def test_removed_boxes_give_list(self):
        arr = np.array(
            [[[0, 0, 1, 1], [20, 20, 30, 30]], [[0, 0, 1, 1], [1, 1, 2, 2]]], dtype=np.float32
        )
        rows = nz.normalize_bounding_boxes(arr, SHAPES2)
        rows = [r.remove_out_of_image() for r in rows]
        back = nz.invert_normalize_bounding_boxes(rows, arr)
        assert isinstance(back, list) and [b.shape for b in back] == [(1, 4), (2, 4)]
        assert back[0].dtype == np.float32

    def test_bad_boxes_raise_naming_argument(self):
        with pytest.raises(ValueError, match="`bounding_boxes`.*x2"):
            nz.normalize_bounding_boxes([(5, 0, 1, 1)], SHAPES1)
        with pytest.raises(ValueError, match="`bounding_boxes`.*finite"):
            nz.normalize_bounding_boxes(np.array([[[0, 0, np.nan, 1]]]), SHAPES1)
        with pytest.raises(ValueError, match="`bounding_boxes`.*image shape"):
            nz.normalize_bounding_boxes([(0, 0, 1, 1)])
        with pytest.raises(ValueError, match="`bounding_boxes`"):
            nz.normalize_bounding_boxes(np.zeros((1, 1, 3)), SHAPES1)


class TestPolygonsAndLineStrings:
    @pytest.mark.parametrize(
        ("kind", "cls", "container"),
        [("polygons", Polygon, PolygonsOnImage), ("line_strings", LineString, LineStringsOnImage)],
    )
    def test_forms(self, kind, cls, container):
        pts = [(0, 0), (4, 0), (4, 4)]
        # (N,P,K,2) array
        arr = np.array([[pts, pts], [pts, pts]], dtype=np.float32)
        rows, back = _identity(kind, arr, SHAPES2)
        assert isinstance(rows[0], container) and len(rows[0]) == 2 and back.shape == (2, 2, 3, 2)
        # (P,K,2) array: one image
        rows, back = _identity(kind, np.array([pts]), SHAPES1)
        assert len(rows) == 1 and back.shape == (1, 3, 2)
        # (K,2) array: one item of one image
        rows, back = _identity(kind, np.array(pts), SHAPES1)
        assert len(rows[0]) == 1 and back.shape == (3, 2)
        # list of point lists: one image
        rows, back = _identity(kind, [pts, pts], SHAPES1)
        assert (
            len(rows) == 1 and len(rows[0]) == 2 and back[0] == [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0)]
        )
        # list of lists of objects
        value = [[cls(pts, label="x")], [cls(pts), cls(pts)]]
        rows, back = _identity(kind, value, SHAPES2)
        assert (
            [len(r) for r in rows] == [1, 2]
            and back[0][0].label == "x"
            and isinstance(back[1][1], cls)
        )
        # list of lists of arrays
        value = [[np.array(pts)], []]
        rows, back = _identity(kind, value, SHAPES2)
        assert isinstance(back[0][0], np.ndarray) and back[1] == []
        # single object and container
        _, back = _identity(kind, cls(pts, label="s"), SHAPES1)
        assert isinstance(back, cls) and back.label == "s"
        obj = container([cls(pts)], shape=(8, 8))
        assert _identity(kind, obj, None)[1] is obj
        assert _identity(kind, [obj], SHAPES1)[1] == [obj]

    def test_unequal_counts_give_list(self):
        arr = np.array([[[(0, 0), (9, 0), (0, 9)]], [[(0, 0), (1, 0), (0, 1)]]], dtype=np.float64)
        rows = nz.normalize_polygons(arr, [(4, 4), (4, 4)])
        clipped = [r.clip_out_of_image() for r in rows]
        back = nz.invert_normalize_polygons(clipped, arr)
        assert isinstance(back, list) and back[0].shape == (1, 4, 2) and back[1].shape == (1, 3, 2)

    def test_errors(self):
        with pytest.raises(ValueError, match="`polygons`.*image shape"):
            nz.normalize_polygons([[(0, 0), (1, 0), (1, 1)]])
        with pytest.raises(ValueError, match="`line_strings`"):
            nz.normalize_line_strings(np.zeros((2, 2, 2, 2, 2)), SHAPES1)
        with pytest.raises(ValueError, match="`line_strings`.*`images`"):
            nz.normalize_line_strings([[], [], []], SHAPES2)
        with pytest.raises(TypeError, match="`polygons`"):
            nz.normalize_polygons([[["a"]]], SHAPES1)


def test_estimate_nb_rows():
    assert nz.estimate_nb_rows(images=[1, 2], keypoints=[3, 4], heatmaps=None) == 2
    assert nz.estimate_nb_rows() == 0
    with pytest.raises(ValueError, match="`images`.*`keypoints`"):
        nz.estimate_nb_rows(images=[1], keypoints=[1, 2])


def test_normalize_shapes():
    assert nz.normalize_shapes(None) is None
    assert nz.normalize_shapes(np.zeros((2, 3, 4, 1))) == [(3, 4, 1), (3, 4, 1)]
