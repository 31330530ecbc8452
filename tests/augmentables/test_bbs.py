"""Tests for imgaug2.augmentables.bbs, including the documented bad-box policy."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage
from imgaug2.augmentables.polys import Polygon


class TestBadBoxPolicy:
    def test_x2_lt_x1_raises_naming_coordinates(self):
        with pytest.raises(ValueError, match=r"x2=1\.0 < x1=5\.0"):
            BoundingBox(x1=5, y1=0, x2=1, y2=1)

    def test_y2_lt_y1_raises(self):
        with pytest.raises(ValueError, match=r"y2=0\.0 < y1=3\.0"):
            BoundingBox(x1=0, y1=3, x2=1, y2=0)

    def test_never_swaps_silently_in_arrays(self):
        with pytest.raises(ValueError, match=r"`xyxy` \(box 1\).*x2=0\.0 < x1=2\.0"):
            BoundingBoxesOnImage.from_xyxy_array(
                np.array([[0, 0, 1, 1], [2, 0, 0, 1]]), shape=(5, 5)
            )
        with pytest.raises(ValueError, match="`bounding_boxes`"):
            BoundingBoxesOnImage(np.array([[2, 0, 0, 1]]), shape=(5, 5))
        bbsoi = BoundingBoxesOnImage([BoundingBox(0, 0, 1, 1)], shape=(5, 5))
        with pytest.raises(ValueError, match="`xyxy`"):
            bbsoi.fill_from_xyxy_array_(np.array([[3, 0, 1, 1]]))
        assert bbsoi.to_xyxy_array().tolist() == [[0, 0, 1, 1]]

    @pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
    def test_nan_and_inf_raise(self, bad):
        with pytest.raises(ValueError, match="finite"):
            BoundingBox(0, 0, bad, 1)
        with pytest.raises(ValueError, match="finite"):
            BoundingBoxesOnImage.from_xyxy_array(np.array([[0, 0, 1, bad]]), shape=(5, 5))

    def test_replace_coords_rejects_nan(self):
        bbsoi = BoundingBoxesOnImage([BoundingBox(0, 0, 1, 1)], shape=(5, 5))
        xy = bbsoi.coords_xy()
        xy[0, 0] = np.nan
        with pytest.raises(ValueError, match="`xy`"):
            bbsoi.replace_coords(xy, (5, 5))

    def test_setters_validate(self):
        bb = BoundingBox(0, 0, 2, 2)
        with pytest.raises(ValueError, match="x2"):
            bb.x2 = -1
        with pytest.raises(ValueError, match="finite"):
            bb.y1 = np.nan
        assert bb.x2 == 2.0 and bb.y1 == 0.0
        bb.x1 = 1
        assert bb.x1 == 1.0

    def test_zero_area_allowed(self):
        bb = BoundingBox(2, 2, 2, 5)
        assert bb.area == 0.0 and bb.width == 0.0
        assert bb.is_partly_within_image((10, 10))
        assert bb.compute_out_of_image_fraction((10, 10)) == 0.0
        assert BoundingBox(20, 2, 20, 5).compute_out_of_image_fraction((10, 10)) == 1.0
        bbsoi = BoundingBoxesOnImage([bb], shape=(10, 10))
        assert len(bbsoi.remove_out_of_image()) == 1
        assert len(bbsoi.clip_out_of_image()) == 1

    def test_out_of_image_boxes_kept_until_removed(self):
        bbsoi = BoundingBoxesOnImage([BoundingBox(20, 20, 30, 30, label="far")], shape=(10, 10))
        assert len(bbsoi) == 1
        assert len(bbsoi.shift(x=1)) == 1
        assert len(bbsoi.on((20, 20))) == 1
        assert len(bbsoi.remove_out_of_image()) == 0
        assert len(bbsoi.clip_out_of_image()) == 0
        assert len(bbsoi.remove_out_of_image_fraction(0.5)) == 0


class TestBoundingBox:
    def test_properties(self):
        bb = BoundingBox(1, 2, 5, 10, label="a")
        assert (bb.x1, bb.y1, bb.x2, bb.y2) == (1.0, 2.0, 5.0, 10.0)
        assert (bb.width, bb.height, bb.area) == (4.0, 8.0, 32.0)
        assert (bb.center_x, bb.center_y) == (3.0, 6.0)
        assert (bb.x1_int, bb.y2_int) == (1, 10)
        assert bb.coords.tolist() == [[1, 2], [5, 10]]
        assert bb.label == "a"
        assert isinstance(bb.x1, float)

    def test_intersection_union_iou(self):
        a, b = BoundingBox(0, 0, 4, 4), BoundingBox(2, 2, 6, 6)
        assert a.intersection(b).coords.tolist() == [[2, 2], [4, 4]]
        assert a.intersection(BoundingBox(10, 10, 11, 11)) is None
        assert a.intersection(BoundingBox(10, 10, 11, 11), default=0) == 0
        assert a.union(b).coords.tolist() == [[0, 0], [6, 6]]
        assert a.iou(b) == pytest.approx(4 / 28)
        assert a.iou(a) == 1.0
        assert BoundingBox(0, 0, 0, 0).iou(BoundingBox(0, 0, 0, 0)) == 0.0

    def test_contains(self):
        bb = BoundingBox(0, 0, 2, 2)
        assert bb.contains(Keypoint(1, 1)) and bb.contains((2, 2)) and not bb.contains((3, 1))

    @pytest.mark.parametrize(
        ("box", "fully", "partly"),
        [
            ((0, 0, 10, 10), True, True),
            ((1, 1, 5, 5), True, True),
            ((-1, 1, 5, 5), False, True),
            ((8, 8, 12, 12), False, True),
            ((10, 0, 12, 5), False, False),
            ((-5, 0, 0, 5), False, False),
            ((-5, -5, -1, -1), False, False),
        ],
    )
    def test_within_image(self, box, fully, partly):
        bb = BoundingBox(*box)
        assert bb.is_fully_within_image((10, 10, 3)) is fully
        assert bb.is_partly_within_image((10, 10, 3)) is partly
        assert bb.is_out_of_image((10, 10), fully=True, partly=False) is (not partly)
        assert bb.is_out_of_image((10, 10), fully=False, partly=True) is (partly and not fully)

    def test_out_of_image_area_and_fraction(self):
        bb = BoundingBox(-2, 0, 2, 4)
        assert bb.compute_out_of_image_area((10, 10)) == 8.0
        assert bb.compute_out_of_image_fraction((10, 10)) == 0.5

    def test_clip_out_of_image(self):
        bb = BoundingBox(-2, 1, 15, 20, label="x").clip_out_of_image((10, 12))
        assert bb.coords.tolist() == [[0, 1], [12, 10]]
        assert bb.label == "x"

    def test_shift_extend_project(self):
        bb = BoundingBox(1, 1, 3, 3)
        assert bb.shift(x=1, y=-1).coords.tolist() == [[2, 0], [4, 2]]
        assert bb.shift(top=1, left=2).coords.tolist() == [[3, 2], [5, 4]]
        assert bb.shift(bottom=1, right=1).coords.tolist() == [[0, 0], [2, 2]]
        assert bb.extend(all_sides=1, right=2).coords.tolist() == [[0, 0], [6, 4]]
        with pytest.raises(ValueError):
            bb.extend(all_sides=-2)
        assert bb.project((10, 10), (20, 40)).coords.tolist() == [[4, 2], [12, 6]]
        assert bb.coords.tolist() == [[1, 1], [3, 3]]
        assert bb.shift_(x=1) is bb and bb.x1 == 2.0

    def test_to_keypoints_and_polygon(self):
        bb = BoundingBox(1, 2, 3, 4, label="p")
        assert [(kp.x, kp.y) for kp in bb.to_keypoints()] == [(1, 2), (3, 2), (3, 4), (1, 4)]
        poly = bb.to_polygon()
        assert isinstance(poly, Polygon) and poly.label == "p" and poly.area == 4.0

    def test_from_point_soup(self):
        bb = BoundingBox.from_point_soup([(1, 5), (3, 2), (2, 8)])
        assert bb.coords.tolist() == [[1, 2], [3, 8]]
        with pytest.raises(ValueError, match="`xy`"):
            BoundingBox.from_point_soup(np.zeros((0, 2)))

    def test_extract_from_image(self):
        image = np.arange(100).reshape(10, 10)
        assert BoundingBox(1, 2, 4, 4).extract_from_image(image).tolist() == [
            [21, 22, 23],
            [31, 32, 33],
        ]
        padded = BoundingBox(-2, 0, 2, 1).extract_from_image(image)
        assert padded.tolist() == [[0, 0, 0, 1]]
        unpadded = BoundingBox(-2, 0, 2, 1).extract_from_image(image, pad=False)
        assert unpadded.tolist() == [[0, 1]]
        limited = BoundingBox(-5, 0, 2, 1).extract_from_image(image, pad_max=1)
        assert limited.shape == (1, 3)
        assert BoundingBox(3, 3, 3, 3).extract_from_image(image).shape == (1, 1)
        assert BoundingBox(30, 30, 31, 31).extract_from_image(image, pad=False).shape == (1, 1)
        rgb = np.zeros((10, 10, 3), dtype=np.uint8)
        assert BoundingBox(0, 0, 2.5, 3).extract_from_image(rgb).shape == (3, 3, 3)

    def test_draw_on_image(self):
        image = np.zeros((10, 10, 3), dtype=np.uint8)
        out = BoundingBox(2, 2, 6, 6).draw_on_image(image, color=(255, 0, 0))
        assert out[2, 2].tolist() == [255, 0, 0] and out[5, 5].tolist() == [255, 0, 0]
        assert out[6, 6].tolist() == [0, 0, 0] and out[3, 3].tolist() == [0, 0, 0]
        assert image.sum() == 0
        thick = BoundingBox(2, 2, 6, 6).draw_on_image(image, size=2)
        assert thick[1, 1].tolist() == [0, 255, 0]
        with pytest.raises(ValueError, match="outside"):
            BoundingBox(20, 20, 30, 30).draw_on_image(image, raise_if_out_of_image=True)
        half = BoundingBox(2, 2, 6, 6).draw_on_image(image, color=(200, 0, 0), alpha=0.5)
        assert half[2, 2].tolist() == [100, 0, 0]

    def test_draw_label_and_box(self):
        image = np.zeros((80, 80, 3), dtype=np.uint8)
        bb = BoundingBox(10, 40, 60, 70, label="cat")
        with_label = bb.draw_on_image(image)
        assert with_label[15:39, 10:40].any()  # label tag above the box
        box_only = bb.draw_box_on_image(image)
        assert not box_only[15:39, 10:40].any()
        label_only = bb.draw_label(image)
        assert label_only[15:39, 10:40].any() and not label_only[60, 10].any()

    def test_coords_almost_equals_and_almost_equals(self):
        a = BoundingBox(0, 0, 1, 1, label="a")
        assert a.coords_almost_equals(BoundingBox(0, 0, 1, 1.00001))
        assert a.coords_almost_equals([0, 0, 1, 1])
        assert not a.almost_equals(BoundingBox(0, 0, 1, 1, label="b"))
        assert a.almost_equals(BoundingBox(0, 0, 1, 1, label="a"))

    def test_copy_deepcopy_pickle(self):
        bb = BoundingBox(0, 0, 1, 1, label={"id": 1})
        assert bb.copy(x2=5).x2 == 5.0
        dc = bb.deepcopy()
        dc.label["id"] = 2
        assert bb.label["id"] == 1
        assert copy.deepcopy(bb).label == {"id": 1}
        loaded = pickle.loads(pickle.dumps(bb))
        assert loaded.coords_almost_equals(bb) and loaded.label == {"id": 1}
        assert "label={'id': 1}" in repr(bb)


def _bbsoi() -> BoundingBoxesOnImage:
    return BoundingBoxesOnImage(
        [
            BoundingBox(1, 1, 3, 3, label="in"),
            BoundingBox(8, 8, 12, 12, label="partly"),
            BoundingBox(20, 20, 25, 25, label="out"),
            BoundingBox(-4, 2, 1, 6, label="mostly-out"),
        ],
        shape=(10, 10, 3),
    )


class TestBoundingBoxesOnImage:
    def test_storage(self):
        bbsoi = _bbsoi()
        assert bbsoi._xyxy.dtype == np.float64 and bbsoi._xyxy.shape == (4, 4)
        assert bbsoi.labels == ["in", "partly", "out", "mostly-out"]
        assert bbsoi.to_xyxy_array().dtype == np.float32
        assert bbsoi.to_xyxy_array(np.float64).dtype == np.float64
        assert bbsoi.to_xy_array().shape == (8, 2)

    def test_views_write_through(self):
        bbsoi = _bbsoi()
        bbsoi.bounding_boxes[0].label = "renamed"
        bbsoi.bounding_boxes[0].x2 = 4
        assert bbsoi.labels[0] == "renamed" and bbsoi.to_xyxy_array()[0, 2] == 4

    def test_view_list_is_fresh_and_follows_structure_changes(self):
        bbsoi = _bbsoi()
        views = bbsoi.bounding_boxes
        views.pop()
        assert len(bbsoi.bounding_boxes) == 4
        bbsoi.remove_out_of_image_()
        assert [bb.label for bb in bbsoi.bounding_boxes] == ["in", "partly", "mostly-out"]
        bbsoi.labels = ["x", "y", "z"]
        assert [bb.label for bb in bbsoi.bounding_boxes] == ["x", "y", "z"]

    def test_container_protocol(self):
        bbsoi = _bbsoi()
        assert len(bbsoi) == 4 and not bbsoi.empty
        assert [bb.label for bb in bbsoi] == bbsoi.labels
        assert bbsoi[2].label == "out"
        assert [bb.label for bb in bbsoi[1:3]] == ["partly", "out"]
        assert bbsoi.items[0].label == "in"
        assert (bbsoi.height, bbsoi.width) == (10, 10)
        assert BoundingBoxesOnImage([], shape=(3, 3)).empty
        with pytest.raises(TypeError, match="`bounding_boxes`"):
            BoundingBoxesOnImage([Keypoint(0, 0)], shape=(3, 3))
        with pytest.raises(ValueError, match="`labels`"):
            bbsoi.labels = ["a"]

    def test_labels_travel_through_removal_and_clipping(self):
        bbsoi = _bbsoi()
        assert bbsoi.remove_out_of_image().labels == ["in", "partly", "mostly-out"]
        assert bbsoi.remove_out_of_image(fully=True, partly=True).labels == ["in"]
        assert bbsoi.remove_out_of_image(fully=False, partly=True).labels == ["in", "out"]
        assert bbsoi.remove_out_of_image_fraction(0.8).labels == ["in", "partly"]
        assert bbsoi.remove_out_of_image_fraction(0.5).labels == ["in"]
        clipped = bbsoi.clip_out_of_image()
        assert clipped.labels == ["in", "partly", "mostly-out"]
        assert clipped.to_xyxy_array().tolist() == [[1, 1, 3, 3], [8, 8, 10, 10], [0, 2, 1, 6]]
        assert bbsoi.labels == ["in", "partly", "out", "mostly-out"]

    def test_in_place_variants(self):
        bbsoi = _bbsoi()
        assert bbsoi.remove_out_of_image_() is bbsoi and len(bbsoi) == 3
        assert bbsoi.clip_out_of_image_() is bbsoi
        assert bbsoi.remove_out_of_image_fraction_(0.1) is bbsoi
        assert bbsoi.labels == ["in", "partly", "mostly-out"]

    def test_on_and_shift(self):
        bbsoi = BoundingBoxesOnImage([BoundingBox(1, 1, 2, 2, label=1)], shape=(10, 10))
        projected = bbsoi.on((20, 30))
        assert projected.to_xyxy_array().tolist() == [[3, 2, 6, 4]] and projected.labels == [1]
        assert bbsoi.shift(x=1, y=2).to_xyxy_array().tolist() == [[2, 3, 3, 4]]
        assert bbsoi.shift(top=1).to_xyxy_array().tolist() == [[1, 2, 2, 3]]
        assert bbsoi.to_xyxy_array().tolist() == [[1, 1, 2, 2]]

    def test_from_xyxy_array(self):
        bbsoi = BoundingBoxesOnImage.from_xyxy_array(
            np.array([[[0, 0], [1, 2]]]), shape=(5, 5), labels=["z"]
        )
        assert bbsoi.to_xyxy_array().tolist() == [[0, 0, 1, 2]] and bbsoi.labels == ["z"]
        assert len(BoundingBoxesOnImage.from_xyxy_array(np.zeros((0, 4)), shape=(5, 5))) == 0
        with pytest.raises(ValueError, match="`xyxy`"):
            BoundingBoxesOnImage.from_xyxy_array(np.zeros((2, 3)), shape=(5, 5))

    def test_from_point_soups(self):
        bbsoi = BoundingBoxesOnImage.from_point_soups(
            np.array([[[0, 0], [2, 3]], [[1, 1], [1, 1]]]), (5, 5)
        )
        assert bbsoi.to_xyxy_array().tolist() == [[0, 0, 2, 3], [1, 1, 1, 1]]

    def test_fill_from_arrays(self):
        bbsoi = BoundingBoxesOnImage([BoundingBox(0, 0, 1, 1, label="l")], shape=(5, 5))
        bbsoi.fill_from_xyxy_array_(np.array([[1, 1, 2, 2]]))
        assert bbsoi.to_xyxy_array().tolist() == [[1, 1, 2, 2]] and bbsoi.labels == ["l"]
        bbsoi.fill_from_xy_array_(np.array([[0, 0], [3, 3]]))
        assert bbsoi.to_xyxy_array().tolist() == [[0, 0, 3, 3]]
        with pytest.raises(ValueError, match="`xyxy`"):
            bbsoi.fill_from_xyxy_array_(np.zeros((2, 4)))

    def test_keypoints_round_trip(self):
        bbsoi = BoundingBoxesOnImage([BoundingBox(0, 0, 2, 1, label="k")], shape=(5, 5))
        kpsoi = bbsoi.to_keypoints_on_image()
        assert kpsoi.to_xy_array().tolist() == [[0, 0], [2, 0], [2, 1], [0, 1]]
        rotated = KeypointsOnImage(kpsoi.coords_xy()[:, ::-1].copy(), shape=(6, 6))
        assert bbsoi.invert_to_keypoints_on_image_(rotated) is bbsoi
        assert bbsoi.to_xyxy_array().tolist() == [[0, 0, 1, 2]] and bbsoi.labels == ["k"]
        assert bbsoi.shape == (6, 6)
        with pytest.raises(ValueError, match="`kpsoi`"):
            bbsoi.invert_to_keypoints_on_image_(KeypointsOnImage([(0, 0)], (5, 5)))

    def test_to_polygons_on_image(self):
        psoi = _bbsoi().to_polygons_on_image()
        assert [p.label for p in psoi.polygons] == ["in", "partly", "out", "mostly-out"]

    def test_draw_on_image(self):
        image = np.zeros((10, 10, 3), dtype=np.uint8)
        out = BoundingBoxesOnImage(
            [BoundingBox(1, 1, 4, 4), BoundingBox(5, 5, 9, 9)], (10, 10)
        ).draw_on_image(image)
        assert out[1, 1].tolist() == [0, 255, 0] and out[8, 8].tolist() == [0, 255, 0]
        assert out[2, 2].tolist() == [0, 0, 0] and image.sum() == 0
        in_place = BoundingBoxesOnImage([BoundingBox(1, 1, 4, 4)], (10, 10)).draw_on_image(
            image, copy=False
        )
        assert in_place is image and image[1, 1].tolist() == [0, 255, 0]

    def test_copies_are_independent(self):
        bbsoi = BoundingBoxesOnImage([BoundingBox(0, 0, 1, 1, label=["mutable"])], shape=(5, 5))
        shallow = bbsoi.copy()
        shallow.bounding_boxes[0].x2 = 3
        assert bbsoi.to_xyxy_array()[0, 2] == 1
        deep = bbsoi.deepcopy()
        deep.labels[0].append("x")
        deep.bounding_boxes[0].label.append("y")
        assert bbsoi.labels[0] == ["mutable"]
        assert copy.deepcopy(bbsoi).labels == [["mutable"]]
        assert bbsoi.copy(shape=(9, 9)).shape == (9, 9)
        assert len(bbsoi.deepcopy(bounding_boxes=[])) == 0

    def test_pickle(self):
        loaded = pickle.loads(pickle.dumps(_bbsoi()))
        assert loaded.labels == _bbsoi().labels
        np.testing.assert_array_equal(loaded.to_xyxy_array(), _bbsoi().to_xyxy_array())
