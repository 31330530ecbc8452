"""Tests for imgaug2.augmentables.lines."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import Keypoint
from imgaug2.augmentables.lines import LineString, LineStringsOnImage
from imgaug2.augmentables.polys import Polygon
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage


class TestLineString:
    def test_basics(self):
        ls = LineString([(0, 0), (3, 4), (3, 8)], label="l")
        assert ls.length == 9.0
        assert ls.compute_neighbour_distances().tolist() == [5.0, 4.0]
        assert ls.coords.dtype == np.float64 and len(ls) == 3
        assert ls.label == "l" and (ls.width, ls.height) == (3.0, 8.0)
        assert LineString([]).length == 0.0 and LineString([(1, 1)]).length == 0.0

    def test_rejects_bad_coords(self):
        with pytest.raises(ValueError, match="`coords`"):
            LineString([(0, 0), (np.inf, 0)])
        with pytest.raises(ValueError, match="`coords`"):
            LineString(np.zeros((2, 3)))

    def test_distances(self):
        ls = LineString([(0, 0), (4, 0)])
        assert ls.compute_distance(Keypoint(2, 3)) == 3.0
        assert ls.compute_distance((6, 0)) == 2.0
        assert ls.compute_distance(LineString([(0, 2), (4, 2)])) == 2.0
        assert ls.compute_pointwise_distances(LineString([(0, 1), (4, 1)])) == [1.0, 1.0]
        assert LineString([]).compute_distance((0, 0), default="d") == "d"
        assert ls.contains((1, 0)) and not ls.contains((1, 0.1))

    @pytest.mark.parametrize(
        ("coords", "fully", "partly", "fraction"),
        [
            ([(1, 1), (4, 1)], True, True, 0.0),
            ([(0, 0), (10, 0)], True, True, 0.0),
            ([(5, 1), (15, 1)], False, True, 0.5),
            ([(12, 1), (15, 1)], False, False, 1.0),
            ([(-5, -5), (-1, -1)], False, False, 1.0),
        ],
    )
    def test_image_relations(self, coords, fully, partly, fraction):
        ls = LineString(coords)
        assert ls.is_fully_within_image((10, 10)) is fully
        assert ls.is_partly_within_image((10, 10)) is partly
        assert ls.is_out_of_image((10, 10)) is (not partly)
        assert ls.compute_out_of_image_fraction((10, 10)) == pytest.approx(fraction)

    def test_empty_line_defaults(self):
        ls = LineString([])
        assert ls.is_out_of_image((5, 5)) is True
        assert ls.is_out_of_image((5, 5), default=False) is False
        assert ls.clip_out_of_image((5, 5)) == []

    def test_pointwise_inside_mask(self):
        mask = LineString([(0, 0), (9.5, 0), (10, 0)]).get_pointwise_inside_image_mask((10, 10))
        assert mask.tolist() == [True, True, False]

    def test_clip(self):
        ls = LineString([(-5, 1), (5, 1), (5, 20), (1, 20), (1, 2)], label="c")
        pieces = ls.clip_out_of_image((10, 10))
        assert len(pieces) == 2 and all(p.label == "c" for p in pieces)
        assert pieces[0].coords.tolist() == [[0, 1], [5, 1], [5, 10]]
        assert pieces[1].coords.tolist() == [[1, 10], [1, 2]]
        assert LineString([(20, 20), (30, 30)]).clip_out_of_image((10, 10)) == []
        single = LineString([(1, 1)])
        assert len(single.clip_out_of_image((5, 5))) == 1

    def test_shift_project_subdivide_concatenate(self):
        ls = LineString([(0, 0), (2, 0)])
        assert ls.shift(x=1, y=1).coords.tolist() == [[1, 1], [3, 1]]
        assert ls.project((10, 10), (20, 20)).coords.tolist() == [[0, 0], [4, 0]]
        assert ls.subdivide(1).coords.tolist() == [[0, 0], [1, 0], [2, 0]]
        assert ls.concatenate([(5, 5)]).coords.tolist() == [[0, 0], [2, 0], [5, 5]]
        assert ls.concatenate(LineString([(9, 9)])).coords[-1].tolist() == [9, 9]
        assert ls.coords.tolist() == [[0, 0], [2, 0]]

    def test_conversions(self):
        ls = LineString([(0, 0), (2, 0), (2, 2)], label="x")
        assert ls.to_bounding_box().coords.tolist() == [[0, 0], [2, 2]]
        assert [(kp.x, kp.y) for kp in ls.to_keypoints()] == [(0, 0), (2, 0), (2, 2)]
        poly = ls.to_polygon()
        assert isinstance(poly, Polygon) and poly.area == 2.0 and poly.label == "x"
        heatmap = ls.to_heatmap((5, 5, 3), antialiased=False)
        assert isinstance(heatmap, HeatmapsOnImage) and heatmap.arr_0to1[0, 1, 0] == 1.0
        segmap = ls.to_segmentation_map((5, 5))
        assert (
            isinstance(segmap, SegmentationMapsOnImage)
            and segmap.arr[1, 2, 0] == 1
            and segmap.arr[4, 0, 0] == 0
        )

    def test_rasterising(self):
        ls = LineString([(0, 2), (4, 2)])
        lines = ls.draw_lines_heatmap_array((5, 5), antialiased=False)
        assert (
            lines.dtype == np.float32
            and lines[2].tolist() == [1, 1, 1, 1, 1]
            and lines[0].sum() == 0
        )
        points = ls.draw_points_heatmap_array((5, 5), size=1, alpha=0.5)
        assert points[2, 0] == 0.5 and points[2, 2] == 0
        both = ls.draw_heatmap_array((5, 5), size_points=1, antialiased=False)
        assert both.max() == 1.0
        mask = ls.draw_mask((5, 5))
        assert mask.dtype == bool and mask[2].all() and not mask[0].any()
        with pytest.raises(ValueError, match="outside"):
            LineString([(20, 20), (30, 20)]).draw_mask((5, 5), raise_if_out_of_image=True)

    def test_draw_on_image(self):
        image = np.zeros((5, 5, 3), dtype=np.uint8)
        out = LineString([(0, 2), (4, 2)]).draw_on_image(
            image, color=(200, 0, 0), antialiased=False, alpha_points=0
        )
        assert out[2, 2].tolist() == [200, 0, 0] and out[0, 0].tolist() == [0, 0, 0]
        with_points = LineString([(0, 2), (4, 2)]).draw_on_image(
            image, color=(200, 0, 0), antialiased=False
        )
        assert with_points[2, 0].tolist() == [100, 0, 0]
        assert image.sum() == 0
        lines_only = LineString([(0, 2), (4, 2)]).draw_lines_on_image(
            image, size=1, antialiased=False
        )
        assert lines_only[2].sum() == 5 * 255
        pts = LineString([(0, 2), (4, 2)]).draw_points_on_image(image, size=1)
        assert pts[2, 0].tolist() == [0, 128, 0]

    def test_extract_from_image(self):
        image = np.full((10, 10, 3), 7, dtype=np.uint8)
        crop = LineString([(2, 5), (6, 5)]).extract_from_image(image, antialiased=False)
        assert crop.ndim == 3 and crop.shape[2] == 3 and crop.max() == 7 and crop.min() == 0

    def test_almost_equals(self):
        ls = LineString([(0, 0), (2, 0)], label="a")
        assert ls.coords_almost_equals(LineString([(0, 0), (1, 0), (2, 0)]))
        assert not ls.coords_almost_equals(LineString([(0, 0), (2, 1)]))
        assert ls.almost_equals(LineString([(0, 0), (2, 0)], label="a"))
        assert not ls.almost_equals(LineString([(0, 0), (2, 0)], label="b"))
        assert LineString([]).coords_almost_equals(LineString([]))

    def test_copies_and_pickle(self):
        ls = LineString([(0, 0), (1, 1)], label="p")
        dup = ls.deepcopy()
        dup.coords[0, 0] = 5
        assert ls.coords[0, 0] == 0
        assert copy.deepcopy(ls).label == "p"
        assert pickle.loads(pickle.dumps(ls)).coords_almost_equals(ls)


class TestLineStringsOnImage:
    def _lsoi(self) -> LineStringsOnImage:
        return LineStringsOnImage(
            [
                LineString([(0, 0), (4, 0)], label="in"),
                LineString([(5, 5), (15, 5)], label="partly"),
                LineString([(20, 20), (30, 20)], label="out"),
            ],
            shape=(10, 10),
        )

    def test_container_and_filters(self):
        lsoi = self._lsoi()
        assert len(lsoi) == 3 and lsoi.line_strings is lsoi.items and lsoi[1].label == "partly"
        assert [ls.label for ls in lsoi.remove_out_of_image()] == ["in", "partly"]
        assert [ls.label for ls in lsoi.remove_out_of_image(partly=True)] == ["in"]
        assert [ls.label for ls in lsoi.remove_out_of_image_fraction(0.5)] == ["in"]
        clipped = lsoi.clip_out_of_image()
        assert [ls.label for ls in clipped] == ["in", "partly"] and clipped[1].length == 5.0
        with pytest.raises(TypeError, match="`line_strings`"):
            LineStringsOnImage([Polygon([(0, 0), (1, 0), (1, 1)])], shape=(5, 5))

    def test_xy_arrays(self):
        lsoi = LineStringsOnImage.from_xy_arrays(np.zeros((2, 3, 2)), shape=(5, 5))
        assert len(lsoi) == 2 and [a.shape for a in lsoi.to_xy_arrays()] == [(3, 2), (3, 2)]
        assert lsoi.to_xy_arrays(np.int32)[0].dtype == np.int32
        assert lsoi.to_xy_array().shape == (6, 2)

    def test_on_shift_draw(self):
        lsoi = self._lsoi()
        assert lsoi.on((20, 20)).line_strings[0].coords[1].tolist() == [8, 0]
        assert lsoi.shift(x=1).line_strings[0].coords[0].tolist() == [1, 0]
        image = np.zeros((10, 10, 3), dtype=np.uint8)
        assert lsoi.draw_on_image(image).any() and image.sum() == 0
        assert len(lsoi.subdivide(1).line_strings[0]) == 3

    def test_keypoints_round_trip(self):
        lsoi = self._lsoi()
        kpsoi = lsoi.to_keypoints_on_image()
        assert len(kpsoi) == 6
        lsoi.invert_to_keypoints_on_image_(kpsoi.shift(y=1))
        assert lsoi.line_strings[0].coords.tolist() == [[0, 1], [4, 1]]
        assert [ls.label for ls in lsoi] == ["in", "partly", "out"]
