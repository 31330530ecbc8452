"""Tests for imgaug2.augmentables.polys (Shapely-backed clipping and repair)."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

from imgaug2.augmentables.bbs import BoundingBox
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage
from imgaug2.augmentables.lines import LineString
from imgaug2.augmentables.polys import MultiPolygon, Polygon, PolygonsOnImage, repair_polygon

SQUARE = [(0, 0), (4, 0), (4, 4), (0, 4)]
U_SHAPE = [(0, 6), (6, 6), (6, 0), (4, 0), (4, 4), (2, 4), (2, 0), (0, 0)]
BOWTIE = [(0, 0), (4, 4), (4, 0), (0, 4)]


class TestPolygonBasics:
    def test_construction_formats(self):
        for exterior in (
            SQUARE,
            np.array(SQUARE, dtype=np.int32),
            [Keypoint(x, y) for x, y in SQUARE],
        ):
            poly = Polygon(exterior, label="sq")
            assert poly.exterior.dtype == np.float64 and poly.exterior.shape == (4, 2)
            assert poly.coords is poly.exterior
            assert poly.label == "sq"
        assert len(Polygon([])) == 0

    def test_rejects_bad_input(self):
        with pytest.raises(ValueError, match="`exterior`"):
            Polygon(np.zeros((3, 3)))
        with pytest.raises(ValueError, match="`exterior`"):
            Polygon([(0, 0), (np.nan, 1), (1, 1)])
        with pytest.raises(TypeError, match="`exterior`"):
            Polygon(5)

    def test_measures(self):
        poly = Polygon([(1, 1), (5, 1), (5, 3)])
        assert poly.area == 4.0
        assert (poly.width, poly.height) == (4.0, 2.0)
        assert poly.xx.tolist() == [1, 5, 5] and poly.yy_int.tolist() == [1, 1, 3]
        assert poly.find_closest_point_index(4.9, 2.9) == 2
        assert poly.find_closest_point_index(0, 0, return_distance=True)[1] == pytest.approx(
            np.sqrt(2)
        )

    def test_is_valid(self):
        assert Polygon(SQUARE).is_valid
        assert not Polygon(BOWTIE).is_valid
        assert not Polygon([(0, 0), (1, 1)]).is_valid
        assert not Polygon([(0, 0), (1, 1), (2, 2)]).is_valid

    @pytest.mark.parametrize(
        ("shift", "fully", "partly", "fraction"),
        [
            ((0, 0), True, True, 0.0),
            ((6, 0), True, True, 0.0),
            ((8, 0), False, True, 0.5),
            ((10, 0), False, False, 1.0),
            ((-4, -4), False, False, 1.0),
        ],
    )
    def test_image_relations(self, shift, fully, partly, fraction):
        poly = Polygon(SQUARE).shift(x=shift[0], y=shift[1])
        shape = (10, 10, 3)
        assert poly.is_fully_within_image(shape) is fully
        assert poly.is_partly_within_image(shape) is partly
        assert poly.is_out_of_image(shape) is (not partly)
        assert poly.is_out_of_image(shape, fully=False, partly=True) is (partly and not fully)
        assert poly.compute_out_of_image_fraction(shape) == pytest.approx(fraction)
        assert poly.compute_out_of_image_area(shape) == pytest.approx(16 * fraction)

    def test_zero_area_polygon_uses_point_rule(self):
        line_like = Polygon([(1, 1), (3, 1)])
        assert line_like.is_partly_within_image((5, 5))
        assert line_like.compute_out_of_image_fraction((5, 5)) == 0.0
        assert Polygon([(10, 10), (12, 10)]).compute_out_of_image_fraction((5, 5)) == 1.0


class TestPolygonClipping:
    def test_clip_inside_returns_copy(self):
        poly = Polygon(SQUARE, label="a")
        clipped = poly.clip_out_of_image((10, 10))
        assert len(clipped) == 1 and clipped[0] is not poly
        assert clipped[0].coords_almost_equals(poly) and clipped[0].label == "a"

    def test_clip_partly(self):
        clipped = Polygon(SQUARE, label="b").shift(x=-2).clip_out_of_image((10, 10))
        assert len(clipped) == 1 and clipped[0].area == 8.0 and clipped[0].label == "b"
        assert clipped[0].is_fully_within_image((10, 10))

    def test_clip_concave_splits_into_pieces(self):
        pieces = Polygon(U_SHAPE, label="u").clip_out_of_image((3, 10))
        assert len(pieces) == 2
        assert sorted(p.area for p in pieces) == [6.0, 6.0]
        assert all(p.label == "u" for p in pieces)

    def test_clip_keeps_orientation(self):
        ccw = Polygon(SQUARE).shift(x=-1)
        cw = Polygon(SQUARE[::-1]).shift(x=-1)
        from imgaug2.augmentables._geom import signed_area

        assert np.sign(signed_area(ccw.clip_out_of_image((5, 5))[0].exterior)) == np.sign(
            signed_area(ccw.exterior)
        )
        assert np.sign(signed_area(cw.clip_out_of_image((5, 5))[0].exterior)) == np.sign(
            signed_area(cw.exterior)
        )

    def test_clip_outside_returns_empty(self):
        assert Polygon(SQUARE).shift(x=20).clip_out_of_image((10, 10)) == []

    def test_clip_self_intersecting_is_repaired(self):
        pieces = Polygon(BOWTIE).clip_out_of_image((3, 10))
        assert pieces and all(p.is_valid for p in pieces)


class TestRepair:
    def test_make_valid_bowtie(self):
        pieces = Polygon(BOWTIE, label="x").make_valid()
        assert len(pieces) == 2
        assert all(p.is_valid and p.label == "x" for p in pieces)
        assert sum(p.area for p in pieces) == pytest.approx(8.0)

    def test_repair_returns_single_valid_polygon(self):
        repaired = Polygon(BOWTIE, label="x").repair()
        assert repaired.is_valid and repaired.label == "x" and repaired.area == pytest.approx(4.0)
        assert repair_polygon(Polygon(SQUARE)).coords_almost_equals(Polygon(SQUARE))

    def test_repair_keeps_valid_and_degenerate(self):
        degenerate = Polygon([(0, 0), (1, 1)])
        assert degenerate.repair().coords_almost_equals(degenerate)
        assert Polygon([(0, 0), (1, 1), (2, 2)]).repair().coords.shape == (3, 2)
        with pytest.raises(TypeError, match="`polygon`"):
            repair_polygon("nope")

    def test_repair_fold_keeps_main_body(self):
        folded = Polygon([(0, 0), (10, 0), (10, 10), (0, 10), (0, 11), (1, 9)])
        repaired = folded.repair()
        assert repaired.is_valid and repaired.area > 90

    def test_polygons_on_image_repair_keeps_count(self):
        psoi = PolygonsOnImage([Polygon(BOWTIE), Polygon(SQUARE)], shape=(10, 10))
        repaired = psoi.repair()
        assert len(repaired) == 2 and all(p.is_valid for p in repaired.polygons)


class TestPolygonMisc:
    def test_shift_project(self):
        poly = Polygon(SQUARE)
        assert poly.shift(x=1, y=2).exterior[0].tolist() == [1, 2]
        assert poly.shift(left=1).exterior[0].tolist() == [1, 0]
        assert poly.project((10, 10), (20, 5)).exterior[2].tolist() == [2, 8]
        assert poly.exterior[0].tolist() == [0, 0]

    def test_change_first_point(self):
        poly = Polygon(SQUARE)
        assert poly.change_first_point_by_index(2).exterior[0].tolist() == [4, 4]
        assert poly.change_first_point_by_coords(4, 0).exterior[0].tolist() == [4, 0]
        with pytest.raises(ValueError):
            poly.change_first_point_by_coords(10, 10)
        with pytest.raises(ValueError, match="`point_idx`"):
            poly.change_first_point_by_index(9)

    def test_subdivide(self):
        poly = Polygon(SQUARE).subdivide(1)
        assert (
            len(poly) == 8
            and poly.exterior[1].tolist() == [2, 0]
            and poly.exterior[7].tolist() == [0, 2]
        )

    def test_conversions(self):
        poly = Polygon(SQUARE, label="c")
        bb = poly.to_bounding_box()
        assert (
            isinstance(bb, BoundingBox)
            and bb.coords.tolist() == [[0, 0], [4, 4]]
            and bb.label == "c"
        )
        assert [(kp.x, kp.y) for kp in poly.to_keypoints()] == [(0, 0), (4, 0), (4, 4), (0, 4)]
        ls = poly.to_line_string()
        assert isinstance(ls, LineString) and len(ls) == 5 and ls.length == 16.0
        assert len(poly.to_line_string(closed=False)) == 4
        assert poly.to_shapely_polygon().area == 16.0
        assert poly.to_shapely_line_string(closed=True).length == 16.0
        assert Polygon.from_shapely(poly.to_shapely_polygon(), label="z").area == 16.0
        with pytest.raises(TypeError):
            Polygon.from_shapely("x")
        with pytest.raises(ValueError):
            Polygon([]).to_bounding_box()

    def test_multipolygon(self):
        import shapely

        mp = MultiPolygon.from_shapely(
            shapely.MultiPolygon([shapely.box(0, 0, 1, 1), shapely.box(2, 2, 3, 3)]), "m"
        )
        assert len(mp) == 2 and all(p.label == "m" for p in mp)
        assert mp[0].area == 1.0 and len(mp.deepcopy().geoms) == 2
        with pytest.raises(TypeError):
            MultiPolygon([1])

    def test_coords_almost_equals(self):
        poly = Polygon(SQUARE)
        assert poly.coords_almost_equals(Polygon(SQUARE).change_first_point_by_index(1))
        assert poly.coords_almost_equals(Polygon(SQUARE).subdivide(2))
        assert poly.exterior_almost_equals(SQUARE)
        assert not poly.coords_almost_equals(Polygon(SQUARE).shift(x=0.1))
        assert not poly.almost_equals(Polygon(SQUARE, label="other"))

    def test_draw_on_image(self):
        image = np.zeros((10, 10, 3), dtype=np.uint8)
        out = Polygon([(2, 2), (7, 2), (7, 7), (2, 7)]).draw_on_image(image, color=(0, 200, 0))
        assert out[4, 4].tolist() == [0, 100, 0]  # face at alpha 0.5
        assert out[2, 4].tolist() == [0, 100, 0]  # outline colour * 0.5 at alpha 1
        assert out[0, 0].tolist() == [0, 0, 0] and image.sum() == 0
        with pytest.raises(ValueError, match="outside"):
            Polygon(SQUARE).shift(x=50).draw_on_image(image, raise_if_out_of_image=True)

    def test_extract_from_image(self):
        image = np.full((10, 10), 9, dtype=np.uint8)
        crop = Polygon([(0, 0), (4, 0), (0, 4)]).extract_from_image(image)
        assert crop.shape == (4, 4) and crop[0, 0] == 9 and crop[3, 3] == 0

    def test_copies(self):
        poly = Polygon(SQUARE, label=["l"])
        dup = poly.deepcopy()
        dup.exterior[0, 0] = 99
        dup.label.append("x")
        assert poly.exterior[0, 0] == 0 and poly.label == ["l"]
        assert copy.deepcopy(poly).coords_almost_equals(poly)
        assert poly.copy(label="n").label == "n"
        assert pickle.loads(pickle.dumps(poly)).coords_almost_equals(poly)
        assert "Polygon(" in repr(poly)


class TestPolygonsOnImage:
    def _psoi(self) -> PolygonsOnImage:
        return PolygonsOnImage(
            [
                Polygon(SQUARE, label="in"),
                Polygon(SQUARE, label="partly").shift(x=8),
                Polygon(SQUARE, label="out").shift(x=30),
            ],
            shape=(10, 10, 3),
        )

    def test_container(self):
        psoi = self._psoi()
        assert len(psoi) == 3 and psoi[0].label == "in" and [p.label for p in psoi][2] == "out"
        assert psoi.polygons is psoi.items and not psoi.empty
        with pytest.raises(TypeError, match="`polygons`"):
            PolygonsOnImage([LineString([(0, 0), (1, 1)])], shape=(5, 5))
        with pytest.raises(TypeError, match="`polygons`"):
            PolygonsOnImage(Polygon(SQUARE), shape=(5, 5))

    def test_remove_and_clip_keep_labels(self):
        psoi = self._psoi()
        assert [p.label for p in psoi.remove_out_of_image()] == ["in", "partly"]
        assert [p.label for p in psoi.remove_out_of_image(partly=True)] == ["in"]
        assert [p.label for p in psoi.remove_out_of_image_fraction(0.5)] == ["in"]
        assert [p.label for p in psoi.remove_out_of_image_fraction(0.6)] == ["in", "partly"]
        clipped = psoi.clip_out_of_image()
        assert [p.label for p in clipped] == ["in", "partly"] and clipped[1].area == 8.0
        assert len(psoi) == 3

    def test_on_shift_subdivide(self):
        psoi = self._psoi()
        assert psoi.on((20, 20)).polygons[0].exterior[2].tolist() == [8, 8]
        assert psoi.shift(y=1).polygons[0].exterior[0].tolist() == [0, 1]
        assert len(psoi.subdivide(1).polygons[0]) == 8
        assert psoi.polygons[0].exterior[0].tolist() == [0, 0]

    def test_xy_arrays_and_keypoints(self):
        psoi = self._psoi()
        xy = psoi.to_xy_array()
        assert xy.shape == (12, 2) and xy.dtype == np.float32
        psoi.fill_from_xy_array_(xy + 1)
        assert psoi.polygons[0].exterior[0].tolist() == [1, 1]
        kpsoi = psoi.to_keypoints_on_image()
        assert isinstance(kpsoi, KeypointsOnImage) and len(kpsoi) == 12
        moved = kpsoi.shift(x=1).on((20, 20))
        psoi.invert_to_keypoints_on_image_(moved)
        assert psoi.shape == (20, 20) and psoi.polygons[0].exterior[0].tolist() == [4, 2]
        assert [p.label for p in psoi] == ["in", "partly", "out"]

    def test_draw_on_image(self):
        image = np.zeros((10, 10, 3), dtype=np.uint8)
        out = self._psoi().draw_on_image(image)
        assert out.any() and image.sum() == 0

    def test_copies(self):
        psoi = self._psoi()
        for dup in (psoi.copy(), psoi.deepcopy(), copy.deepcopy(psoi)):
            dup.polygons[0].exterior[0, 0] = 50
            assert psoi.polygons[0].exterior[0, 0] == 0
        assert psoi.deepcopy(shape=(3, 3)).shape == (3, 3)
        assert pickle.loads(pickle.dumps(psoi)).polygons[1].label == "partly"
