"""Tests for imgaug2.augmentables.kps."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage


class TestKeypoint:
    def test_attributes(self):
        kp = Keypoint(x=1.4, y=2.6)
        assert kp.x == pytest.approx(1.4)
        assert kp.y == pytest.approx(2.6)
        assert (kp.x_int, kp.y_int) == (1, 3)
        assert kp.xy.dtype == np.float32
        assert kp.xy.tolist() == pytest.approx([1.4, 2.6])
        assert kp.xy_int.tolist() == [1, 3]
        assert kp.coords.shape == (1, 2)

    def test_setters(self):
        kp = Keypoint(0, 0)
        kp.x = 3
        kp.y = np.float32(4)
        assert (kp.x, kp.y) == (3.0, 4.0)

    @pytest.mark.parametrize("bad", ["1", None, True, [1]])
    def test_rejects_non_numbers_naming_argument(self, bad):
        with pytest.raises(TypeError, match="`x`"):
            Keypoint(x=bad, y=0)

    def test_shift_and_shift_(self):
        kp = Keypoint(1, 2)
        moved = kp.shift(x=1, y=-1)
        assert (moved.x, moved.y) == (2.0, 1.0)
        assert (kp.x, kp.y) == (1.0, 2.0)
        assert kp.shift_(x=5) is kp
        assert kp.x == 6.0

    def test_project(self):
        kp = Keypoint(2, 4).project((10, 10), (20, 5))
        assert (kp.x, kp.y) == (1.0, 8.0)
        assert Keypoint(2, 4).project((10, 10, 3), (10, 10)).x == 2.0

    @pytest.mark.parametrize(
        ("x", "y", "out"),
        [
            (0, 0, False),
            (9.999, 9.999, False),
            (10, 5, True),
            (-0.001, 5, True),
            (5, 10, True),
        ],
    )
    def test_is_out_of_image(self, x, y, out):
        assert Keypoint(x, y).is_out_of_image((10, 10, 3)) is out
        assert Keypoint(x, y).compute_out_of_image_fraction((10, 10)) == (1.0 if out else 0.0)

    def test_is_out_of_image_accepts_image_array(self):
        assert not Keypoint(1, 1).is_out_of_image(np.zeros((4, 4, 3), dtype=np.uint8))

    def test_draw_on_image(self):
        image = np.zeros((7, 7, 3), dtype=np.uint8)
        out = Keypoint(3, 3).draw_on_image(image, color=(255, 0, 0), size=3)
        assert out[2:5, 2:5, 0].min() == 255
        assert out[0, 0].tolist() == [0, 0, 0]
        assert image.sum() == 0

    def test_draw_on_image_copy_false_and_alpha(self):
        image = np.zeros((5, 5, 3), dtype=np.uint8)
        res = Keypoint(2, 2).draw_on_image(
            image, color=(200, 100, 0), alpha=0.5, size=1, copy=False
        )
        assert res is image
        assert image[2, 2].tolist() == [100, 50, 0]

    def test_draw_out_of_image(self):
        image = np.zeros((5, 5, 3), dtype=np.uint8)
        out = Keypoint(20, 20).draw_on_image(image)
        assert out.sum() == 0
        with pytest.raises(ValueError, match="outside"):
            Keypoint(20, 20).draw_on_image(image, raise_if_out_of_image=True)

    def test_draw_other_dtypes(self):
        for dtype in (np.float32, np.uint16, bool):
            out = Keypoint(1, 1).draw_on_image(np.zeros((4, 4), dtype=dtype), color=1, size=1)
            assert out.dtype == np.dtype(dtype)
            assert out[1, 1] == 1

    def test_draw_rejects_bad_alpha(self):
        with pytest.raises(ValueError, match="`alpha`"):
            Keypoint(1, 1).draw_on_image(np.zeros((4, 4, 3), dtype=np.uint8), alpha=2)

    def test_coords_almost_equals(self):
        assert Keypoint(1, 1).coords_almost_equals(Keypoint(1, 1.00001))
        assert Keypoint(1, 1).almost_equals((1.0, 1.0))
        assert not Keypoint(1, 1).coords_almost_equals(Keypoint(1, 1.1))
        assert Keypoint(1, 1).coords_almost_equals(Keypoint(1, 1.1), max_distance=0.2)

    def test_generate_similar_points_manhattan(self):
        points = Keypoint(0, 0).generate_similar_points_manhattan(2, 1.0, return_array=True)
        assert points.shape == (13, 2)
        assert np.all(np.abs(points).sum(axis=1) <= 2)

    def test_copy_and_deepcopy(self):
        kp = Keypoint(1, 2)
        assert kp.copy(x=5).x == 5.0 and kp.x == 1.0
        dc = kp.deepcopy(y=7)
        dc.x = 10
        assert (kp.x, dc.y) == (1.0, 7.0)
        assert copy.deepcopy(kp).x == 1.0

    def test_pickle_and_repr(self):
        kp = pickle.loads(pickle.dumps(Keypoint(1.5, 2.5)))
        assert (kp.x, kp.y) == (1.5, 2.5)
        assert "Keypoint(x=1.5" in repr(kp)


class TestKeypointsOnImage:
    def test_stores_float64_array(self):
        kpsoi = KeypointsOnImage([Keypoint(1, 2), (3, 4)], shape=(10, 10, 3))
        assert kpsoi._xy.dtype == np.float64
        assert kpsoi._xy.shape == (2, 2)
        assert kpsoi.coords_xy().dtype == np.float64
        assert kpsoi.to_xy_array().dtype == np.float32

    def test_construct_from_array_and_image(self):
        kpsoi = KeypointsOnImage(np.array([[1, 2]]), shape=np.zeros((5, 6, 3)))
        assert kpsoi.shape == (5, 6, 3)
        assert (kpsoi.height, kpsoi.width) == (5, 6)

    def test_bad_shape(self):
        with pytest.raises(TypeError, match="`shape`"):
            KeypointsOnImage([], shape="abc")
        with pytest.raises(ValueError, match="`shape`"):
            KeypointsOnImage([], shape=(5,))
        with pytest.raises(ValueError, match="`keypoints`"):
            KeypointsOnImage(np.zeros((3, 3)), shape=(5, 5))

    def test_keypoints_are_views(self):
        kpsoi = KeypointsOnImage([Keypoint(1, 2)], shape=(10, 10))
        kpsoi.keypoints[0].x = 7
        assert kpsoi.to_xy_array().tolist() == [[7.0, 2.0]]
        kpsoi.keypoints = [Keypoint(0, 0), Keypoint(1, 1)]
        assert len(kpsoi) == 2

    def test_view_list_is_fresh_and_tracks_in_place_changes(self):
        kpsoi = KeypointsOnImage([(1, 2), (3, 4)], shape=(10, 10))
        views = kpsoi.keypoints
        views.append(Keypoint(0, 0))
        assert len(kpsoi.keypoints) == 2
        kpsoi.shift_(x=1)
        assert views[0].x == 2.0 and kpsoi.keypoints[0].x == 2.0
        kpsoi.clip_out_of_image_()
        assert [kp.x for kp in kpsoi.keypoints] == [2.0, 4.0]

    def test_container_protocol(self):
        kpsoi = KeypointsOnImage([(1, 2), (3, 4)], shape=(10, 10))
        assert len(kpsoi) == 2
        assert [kp.x for kp in kpsoi] == [1.0, 3.0]
        assert kpsoi[1].y == 4.0
        assert [kp.x for kp in kpsoi[0:1]] == [1.0]
        assert kpsoi.items[0].x == 1.0
        assert not kpsoi.empty
        assert KeypointsOnImage([], shape=(2, 2)).empty
        assert "KeypointsOnImage" in repr(kpsoi)

    def test_on(self):
        kpsoi = KeypointsOnImage([(2, 4)], shape=(10, 20))
        projected = kpsoi.on((20, 40, 3))
        assert projected.to_xy_array().tolist() == [[4.0, 8.0]]
        assert projected.shape == (20, 40, 3)
        assert kpsoi.shape == (10, 20)
        same = kpsoi.on(np.zeros((10, 20, 3)))
        assert same.to_xy_array().tolist() == [[2.0, 4.0]]
        assert kpsoi.on_((5, 10)) is kpsoi
        assert kpsoi.to_xy_array().tolist() == [[1.0, 2.0]]

    def test_shift(self):
        kpsoi = KeypointsOnImage([(1, 1)], shape=(4, 4))
        assert kpsoi.shift(x=1, y=2).to_xy_array().tolist() == [[2.0, 3.0]]
        assert kpsoi.to_xy_array().tolist() == [[1.0, 1.0]]
        kpsoi.shift_(x=-1)
        assert kpsoi.to_xy_array().tolist() == [[0.0, 1.0]]

    def test_clip_out_of_image(self):
        kpsoi = KeypointsOnImage([(1, 1), (4, 1), (-0.1, 1), (3.99, 3.99)], shape=(4, 4))
        clipped = kpsoi.clip_out_of_image()
        np.testing.assert_allclose(clipped.coords_xy(), [[1, 1], [3.99, 3.99]])
        assert len(kpsoi) == 4

    def test_remove_out_of_image_fraction(self):
        kpsoi = KeypointsOnImage([(1, 1), (9, 1)], shape=(4, 4))
        assert len(kpsoi.remove_out_of_image_fraction(0.5)) == 1
        assert len(kpsoi.remove_out_of_image_fraction(1.0)) == 1
        assert len(kpsoi.remove_out_of_image_fraction(0.0)) == 1
        with pytest.raises(ValueError, match="`fraction`"):
            kpsoi.remove_out_of_image_fraction(1.5)

    def test_from_xy_array_and_fill(self):
        kpsoi = KeypointsOnImage.from_xy_array(
            np.array([[1, 2], [3, 4]], dtype=np.float32), shape=(5, 5)
        )
        assert kpsoi.to_xy_array().tolist() == [[1, 2], [3, 4]]
        assert kpsoi.fill_from_xy_array_(np.array([[0, 0], [1, 1]])) is kpsoi
        assert kpsoi.to_xy_array().tolist() == [[0, 0], [1, 1]]
        with pytest.raises(ValueError, match="`xy`"):
            kpsoi.fill_from_xy_array_(np.zeros((3, 2)))
        assert len(KeypointsOnImage.from_xy_array(np.zeros((0, 2)), (2, 2))) == 0

    def test_keypoint_image_round_trip(self):
        kpsoi = KeypointsOnImage([(1, 2), (3, 0)], shape=(5, 5, 3))
        image = kpsoi.to_keypoint_image(size=1)
        assert image.shape == (5, 5, 2) and image.dtype == np.uint8
        back = KeypointsOnImage.from_keypoint_image(image, nb_channels=3)
        assert back.to_xy_array().tolist() == [[1, 2], [3, 0]]
        assert back.shape == (5, 5, 3)
        image[:, :, 1] = 0
        missing = KeypointsOnImage.from_keypoint_image(image, if_not_found_coords=None)
        assert len(missing) == 1
        fallback = KeypointsOnImage.from_keypoint_image(image, if_not_found_coords=(-5, -6))
        assert fallback.to_xy_array()[1].tolist() == [-5, -6]

    def test_distance_maps_round_trip(self):
        kpsoi = KeypointsOnImage([(1, 2), (3, 0)], shape=(5, 5))
        maps = kpsoi.to_distance_maps()
        assert maps.shape == (5, 5, 2) and maps[2, 1, 0] == 0
        back = KeypointsOnImage.from_distance_maps(maps)
        assert back.to_xy_array().tolist() == [[1, 2], [3, 0]]
        inv = kpsoi.to_distance_maps(inverted=True)
        assert KeypointsOnImage.from_distance_maps(inv, inverted=True).to_xy_array().tolist() == [
            [1, 2],
            [3, 0],
        ]

    def test_draw_on_image(self):
        kpsoi = KeypointsOnImage([(1, 1), (3, 3)], shape=(5, 5, 3))
        image = np.zeros((5, 5, 3), dtype=np.uint8)
        out = kpsoi.draw_on_image(image, size=1)
        assert out[1, 1].tolist() == [0, 255, 0] and out[3, 3].tolist() == [0, 255, 0]
        assert image.sum() == 0
        with pytest.raises(ValueError, match="outside"):
            KeypointsOnImage([(9, 9)], (5, 5)).draw_on_image(image, raise_if_out_of_image=True)

    def test_to_keypoints_on_image_and_invert(self):
        kpsoi = KeypointsOnImage([(1, 1)], shape=(5, 5))
        other = kpsoi.to_keypoints_on_image()
        assert other is not kpsoi
        other = other.shift(x=1).on((10, 10))
        assert kpsoi.invert_to_keypoints_on_image_(other) is kpsoi
        assert kpsoi.to_xy_array().tolist() == [[4, 2]]
        assert kpsoi.shape == (10, 10)

    def test_copy_and_deepcopy_are_independent(self):
        kpsoi = KeypointsOnImage([(1, 1)], shape=(5, 5))
        for dup in (kpsoi.copy(), kpsoi.deepcopy(), copy.deepcopy(kpsoi), copy.copy(kpsoi)):
            dup.keypoints[0].x = 100
            assert kpsoi.keypoints[0].x == 1.0
        assert kpsoi.deepcopy(shape=(8, 8)).shape == (8, 8)
        assert len(kpsoi.copy(keypoints=[Keypoint(0, 0), Keypoint(1, 1)])) == 2

    def test_pickle(self):
        kpsoi = pickle.loads(pickle.dumps(KeypointsOnImage([(1, 2)], shape=(5, 5))))
        assert kpsoi.to_xy_array().tolist() == [[1, 2]] and kpsoi.shape == (5, 5)
