"""The contract the augmenters rely on, checked on every augmentable type."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmentables.lines import LineString, LineStringsOnImage
from imgaug2.augmentables.polys import Polygon, PolygonsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage


def _containers():
    shape = (10, 12, 3)
    return {
        "keypoints": KeypointsOnImage([(1, 2), (3.5, 4.5), (20, -3)], shape=shape),
        "bounding_boxes": BoundingBoxesOnImage(
            [
                BoundingBox(1, 2, 3, 4, label="a"),
                BoundingBox(0, 0, 0, 0, label=None),
                BoundingBox(5, 5, 30, 30, label=7),
            ],
            shape=shape,
        ),
        "polygons": PolygonsOnImage(
            [
                Polygon([(0, 0), (4, 0), (4, 4)], label="p"),
                Polygon([(5, 5), (6, 5), (6, 6), (5, 6)]),
            ],
            shape=shape,
        ),
        "line_strings": LineStringsOnImage(
            [LineString([(0, 0), (4, 4)], label="l"), LineString([(1, 1), (2, 2), (3, 1)])],
            shape=shape,
        ),
    }


def _labels(container):
    return [getattr(item, "label", None) for item in container]


@pytest.mark.parametrize("kind", ["keypoints", "bounding_boxes", "polygons", "line_strings"])
class TestCoordinateContract:
    def test_coords_xy(self, kind):
        container = _containers()[kind]
        xy = container.coords_xy()
        assert (
            isinstance(xy, np.ndarray)
            and xy.dtype == np.float64
            and xy.ndim == 2
            and xy.shape[1] == 2
        )
        xy[:] = 999
        assert not np.any(container.coords_xy() == 999)
        assert isinstance(container.shape, tuple) and container.shape == (10, 12, 3)

    def test_replace_coords_identity(self, kind):
        container = _containers()[kind]
        new = container.replace_coords(container.coords_xy(), container.shape)
        assert type(new) is type(container) and new is not container
        np.testing.assert_array_equal(new.coords_xy(), container.coords_xy())
        assert new.shape == container.shape and _labels(new) == _labels(container)

    def test_replace_coords_is_new_and_input_untouched(self, kind):
        container = _containers()[kind]
        before = container.coords_xy()
        xy = container.coords_xy() * 2
        xy_before = xy.copy()
        new = container.replace_coords(xy, (20, 24))
        np.testing.assert_array_equal(container.coords_xy(), before)
        assert container.shape == (10, 12, 3) and new.shape == (20, 24)
        np.testing.assert_array_equal(xy, xy_before)
        xy[:] = -1  # the new object must not share the passed array
        assert not np.any(new.coords_xy() == -1)

    def test_replace_coords_wrong_shape(self, kind):
        container = _containers()[kind]
        with pytest.raises(ValueError, match="`xy`"):
            container.replace_coords(np.zeros((len(container.coords_xy()) + 1, 2)), container.shape)

    def test_deepcopy(self, kind):
        container = _containers()[kind]
        dup = container.deepcopy()
        assert dup is not container
        dup.shift_(x=5)
        np.testing.assert_array_equal(container.coords_xy(), _containers()[kind].coords_xy())

    def test_empty_round_trip(self, kind):
        cls = type(_containers()[kind])
        empty = cls([], shape=(4, 4))
        xy = empty.coords_xy()
        assert xy.shape == (0, 2) and xy.dtype == np.float64
        new = empty.replace_coords(xy, (8, 8))
        assert len(new) == 0 and new.shape == (8, 8)


def test_bounding_box_corner_order():
    bbsoi = BoundingBoxesOnImage([BoundingBox(1, 2, 3, 4)], shape=(5, 5))
    assert bbsoi.coords_xy().tolist() == [[1, 2], [3, 2], [3, 4], [1, 4]]


def test_bounding_boxes_become_envelope_and_keep_labels():
    bbsoi = BoundingBoxesOnImage(
        [BoundingBox(0, 0, 2, 2, label="a"), BoundingBox(4, 4, 6, 8, label="b")], (10, 10)
    )
    angle = np.deg2rad(45)
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    xy = bbsoi.coords_xy() @ rot.T
    new = bbsoi.replace_coords(xy, (10, 10))
    corners = xy.reshape(2, 4, 2)
    expected = np.concatenate([corners.min(axis=1), corners.max(axis=1)], axis=1)
    np.testing.assert_allclose(new.to_xyxy_array(np.float64), expected)
    assert new.labels == ["a", "b"]


def test_polygons_and_lines_split_by_original_lengths():
    psoi = _containers()["polygons"]
    xy = np.arange(14, dtype=np.float64).reshape(7, 2)
    new = psoi.replace_coords(xy, psoi.shape)
    assert [len(p) for p in new] == [3, 4]
    assert new.polygons[1].exterior.tolist() == xy[3:].tolist()
    assert [p.label for p in new] == ["p", None]
    lsoi = _containers()["line_strings"]
    new_ls = lsoi.replace_coords(np.zeros((5, 2)), lsoi.shape)
    assert [len(ls) for ls in new_ls] == [2, 3] and new_ls.line_strings[0].label == "l"


def test_heatmap_and_segmap_contract():
    heatmap = HeatmapsOnImage(
        np.zeros((4, 5, 2), np.float32), shape=(8, 10, 3), min_value=-1, max_value=3
    )
    assert heatmap.arr_0to1.dtype == np.float32 and heatmap.arr_0to1.ndim == 3
    assert (heatmap.min_value, heatmap.max_value) == (-1.0, 3.0) and heatmap.shape == (8, 10, 3)
    new = heatmap.replace(arr_0to1=heatmap.arr_0to1[::-1], shape=(8, 10))
    assert new is not heatmap and new.shape == (8, 10) and new.arr_0to1.flags.c_contiguous
    assert heatmap.deepcopy().arr_0to1 is not heatmap.arr_0to1
    segmap = SegmentationMapsOnImage(np.zeros((4, 5), np.uint16), shape=(8, 10, 3))
    assert segmap.arr.dtype == np.int32 and segmap.arr.ndim == 3
    new_seg = segmap.replace(arr=segmap.arr[:, ::-1], shape=(8, 10))
    assert new_seg.get_arr().dtype == np.uint16 and new_seg.arr.flags.c_contiguous
    assert segmap.deepcopy().arr is not segmap.arr


coord = st.floats(min_value=-50, max_value=50, allow_nan=False, allow_infinity=False)
# quarter-pixel grid: exact in binary floating point, so W - x is exact as well
grid_coord = st.integers(min_value=-200, max_value=200).map(lambda v: v / 4)


@st.composite
def boxes(draw):
    n = draw(st.integers(0, 5))
    result = []
    for i in range(n):
        x1, x2 = sorted((draw(grid_coord), draw(grid_coord)))
        y1, y2 = sorted((draw(grid_coord), draw(grid_coord)))
        result.append(BoundingBox(x1, y1, x2, y2, label=i))
    return result


@settings(max_examples=40, deadline=None)
@given(boxes(), st.integers(1, 40), st.integers(1, 40))
def test_property_flip_twice_is_identity_and_labels_follow(bbs, height, width):
    bbsoi = BoundingBoxesOnImage(bbs, shape=(height, width))
    xy = bbsoi.coords_xy()
    flipped = bbsoi.replace_coords(np.stack([width - xy[:, 0], xy[:, 1]], axis=1), bbsoi.shape)
    xy2 = flipped.coords_xy()
    back = flipped.replace_coords(np.stack([width - xy2[:, 0], xy2[:, 1]], axis=1), bbsoi.shape)
    np.testing.assert_allclose(
        back.to_xyxy_array(np.float64), bbsoi.to_xyxy_array(np.float64), atol=1e-9
    )
    assert back.labels == bbsoi.labels
    kept = bbsoi.remove_out_of_image()
    # every kept label still sits on its own box
    original = {bb.label: bb for bb in bbsoi}
    for bb in kept:
        assert bb.coords_almost_equals(original[bb.label])
    # for boxes of positive width the partly-within test is symmetric under a horizontal flip
    # (zero-width boxes follow the half-open point rule 0 <= x < W, which is not)
    wide = {bb.label for bb in bbsoi if bb.width > 0}
    assert [bb.label for bb in flipped.remove_out_of_image() if bb.label in wide] == [
        bb.label for bb in kept if bb.label in wide
    ]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(coord, coord), min_size=0, max_size=8),
    st.integers(1, 30),
    st.integers(1, 30),
)
def test_property_keypoint_clip_matches_inside_rule(points, height, width):
    kpsoi = KeypointsOnImage(points, shape=(height, width))
    clipped = kpsoi.clip_out_of_image()
    expected = [(x, y) for x, y in points if 0 <= x < width and 0 <= y < height]
    assert (
        clipped.to_xy_array().tolist()
        == np.array(expected, dtype=np.float32).reshape(-1, 2).tolist()
    )


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.tuples(coord, coord), min_size=2, max_size=6),
    st.integers(1, 30),
    st.integers(1, 30),
)
def test_property_line_clip_stays_inside_and_keeps_length_bound(points, height, width):
    ls = LineString(points, label="x")
    pieces = ls.clip_out_of_image((height, width))
    total = sum(p.length for p in pieces)
    assert total <= ls.length + 1e-6
    for piece in pieces:
        assert piece.label == "x"
        assert np.all(piece.coords >= -1e-9)
        assert np.all(piece.coords[:, 0] <= width + 1e-9) and np.all(
            piece.coords[:, 1] <= height + 1e-9
        )
    assert ls.compute_out_of_image_fraction((height, width)) == pytest.approx(
        1 - total / ls.length
        if ls.length > 0
        else ls.compute_out_of_image_fraction((height, width))
    )
