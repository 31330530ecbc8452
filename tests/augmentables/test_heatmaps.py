"""Tests for imgaug2.augmentables.heatmaps."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

from imgaug2.augmentables.heatmaps import HeatmapsOnImage


def _heatmap(arr=None, shape=(8, 8, 3), **kwargs) -> HeatmapsOnImage:
    if arr is None:
        arr = np.linspace(0, 1, 16, dtype=np.float32).reshape(4, 4)
    return HeatmapsOnImage(arr, shape=shape, **kwargs)


class TestConstruction:
    def test_2d_input(self):
        hm = _heatmap()
        assert hm.arr_0to1.shape == (4, 4, 1) and hm.arr_0to1.dtype == np.float32
        assert hm.get_arr().shape == (4, 4)
        assert hm.shape == (8, 8, 3)

    def test_3d_input_and_smaller_than_image(self):
        hm = HeatmapsOnImage(np.zeros((2, 3, 5), dtype=np.float64), shape=(20, 30))
        assert hm.arr_0to1.shape == (2, 3, 5) and hm.get_arr().shape == (2, 3, 5)
        assert hm.get_arr().dtype == np.float32

    def test_custom_range(self):
        hm = HeatmapsOnImage(
            np.array([[-1.0, 1.0]], dtype=np.float32), shape=(1, 2), min_value=-1.0, max_value=1.0
        )
        assert hm.arr_0to1[:, :, 0].tolist() == [[0.0, 1.0]]
        np.testing.assert_allclose(hm.get_arr(), [[-1.0, 1.0]])

    def test_errors_name_arguments(self):
        with pytest.raises(TypeError, match="`arr`"):
            HeatmapsOnImage(np.zeros((2, 2), dtype=np.uint8), shape=(2, 2))
        with pytest.raises(TypeError, match="`arr`"):
            HeatmapsOnImage([[0.0]], shape=(2, 2))
        with pytest.raises(ValueError, match="`arr`"):
            HeatmapsOnImage(np.zeros((2,), dtype=np.float32), shape=(2, 2))
        with pytest.raises(ValueError, match="`arr`"):
            HeatmapsOnImage(np.full((2, 2), 2.0, dtype=np.float32), shape=(2, 2))
        with pytest.raises(ValueError, match="`arr`"):
            HeatmapsOnImage(np.full((2, 2), np.nan, dtype=np.float32), shape=(2, 2))
        with pytest.raises(ValueError, match="`min_value`"):
            HeatmapsOnImage(
                np.zeros((2, 2), dtype=np.float32), shape=(2, 2), min_value=1.0, max_value=0.0
            )
        with pytest.raises(TypeError, match="`shape`"):
            HeatmapsOnImage(np.zeros((2, 2), dtype=np.float32), shape=None)

    def test_tiny_overshoot_is_clipped(self):
        hm = HeatmapsOnImage(np.array([[1.00001, -0.00001]], dtype=np.float32), shape=(1, 2))
        assert hm.arr_0to1.min() == 0.0 and hm.arr_0to1.max() == 1.0

    def test_zero_sized(self):
        hm = HeatmapsOnImage(np.zeros((0, 4, 1), dtype=np.float32), shape=(0, 4))
        assert hm.arr_0to1.shape == (0, 4, 1) and hm.draw()[0].shape == (0, 4, 3)


class TestContract:
    def test_replace(self):
        hm = _heatmap()
        new = hm.replace(arr_0to1=np.ones((6, 6, 1), dtype=np.float32), shape=(12, 12))
        assert new is not hm and new.shape == (12, 12) and new.get_arr().shape == (6, 6)
        assert hm.arr_0to1.shape == (4, 4, 1) and hm.shape == (8, 8, 3)
        same = hm.replace()
        assert same.arr_0to1 is not hm.arr_0to1
        np.testing.assert_array_equal(same.arr_0to1, hm.arr_0to1)
        assert hm.replace(arr_0to1=np.zeros((2, 2, 3), dtype=np.float32)).get_arr().shape == (
            2,
            2,
            3,
        )
        assert hm.replace(arr_0to1=np.full((1, 1, 1), 2.0, dtype=np.float32)).arr_0to1.max() == 1.0
        with pytest.raises(ValueError, match="`arr_0to1`"):
            hm.replace(arr_0to1=np.zeros((2, 2), dtype=np.float32))

    def test_replace_keeps_range(self):
        hm = HeatmapsOnImage(
            np.zeros((2, 2), dtype=np.float32), shape=(2, 2), min_value=-5, max_value=5
        )
        new = hm.replace(arr_0to1=np.ones((2, 2, 1), dtype=np.float32))
        assert (new.min_value, new.max_value) == (-5.0, 5.0) and new.get_arr().max() == 5.0


class TestOperations:
    def test_draw(self):
        hm = HeatmapsOnImage(
            np.stack([np.zeros((4, 4)), np.ones((4, 4))], axis=-1).astype(np.float32), (4, 4)
        )
        drawn = hm.draw()
        assert len(drawn) == 2 and drawn[0].shape == (4, 4, 3) and drawn[0].dtype == np.uint8
        # jet: 0 is dark blue, 1 is dark red (RGB order)
        assert drawn[0][0, 0, 2] > drawn[0][0, 0, 0] and drawn[1][0, 0, 0] > drawn[1][0, 0, 2]
        gray = hm.draw(size=(8, 6), cmap=None)
        assert gray[1].shape == (8, 6, 3) and gray[1].min() == 255 and gray[0].max() == 0
        assert hm.draw(cmap="viridis")[0].shape == (4, 4, 3)
        with pytest.raises(ValueError, match="`cmap`"):
            hm.draw(cmap="nope")

    def test_draw_on_image(self):
        hm = HeatmapsOnImage(np.ones((2, 2), dtype=np.float32), shape=(4, 4, 3))
        image = np.full((4, 4, 3), 100, dtype=np.uint8)
        out = hm.draw_on_image(image, alpha=0.5, cmap=None)
        assert len(out) == 1 and out[0].shape == (4, 4, 3) and out[0][0, 0, 0] == 178
        small = hm.draw_on_image(image, resize="image")
        assert small[0].shape == (2, 2, 3)
        assert hm.draw_on_image(np.zeros((4, 4), dtype=np.uint8))[0].shape == (4, 4, 3)
        with pytest.raises(TypeError, match="`image`"):
            hm.draw_on_image(image.astype(np.float32))
        with pytest.raises(ValueError, match="`resize`"):
            hm.draw_on_image(image, resize="both")
        with pytest.raises(ValueError, match="`alpha`"):
            hm.draw_on_image(image, alpha=3)

    def test_invert(self):
        hm = HeatmapsOnImage(np.array([[0.0, 0.25]], dtype=np.float32), shape=(1, 2))
        np.testing.assert_allclose(hm.invert().get_arr(), [[1.0, 0.75]])
        ranged = HeatmapsOnImage(
            np.array([[-1.0, 0.5]], dtype=np.float32), (1, 2), min_value=-1, max_value=1
        )
        np.testing.assert_allclose(ranged.invert().get_arr(), [[1.0, -0.5]])

    def test_pad(self):
        hm = HeatmapsOnImage(
            np.ones((2, 2), dtype=np.float32), shape=(2, 2), min_value=-1, max_value=1
        )
        padded = hm.pad(top=1, left=2, cval=-1.0)
        assert padded.get_arr().shape == (3, 4)
        assert padded.get_arr()[0, 0] == -1.0 and padded.get_arr()[2, 3] == 1.0
        assert hm.pad(right=1, mode="edge").get_arr()[0, 2] == 1.0
        result, amounts = hm.pad_to_aspect_ratio(2.0, return_pad_amounts=True)
        assert result.get_arr().shape == (2, 4) and amounts == (0, 1, 0, 1)
        assert hm.pad_to_aspect_ratio(0.5).get_arr().shape == (4, 2)

    def test_pooling(self):
        arr = np.array([[0.0, 1.0], [0.5, 0.5]], dtype=np.float32)
        hm = HeatmapsOnImage(arr, shape=(2, 2))
        np.testing.assert_allclose(hm.avg_pool(2).get_arr(), [[0.5]])
        np.testing.assert_allclose(hm.max_pool(2).get_arr(), [[1.0]])
        assert hm.avg_pool(3).get_arr().shape == (1, 1)

    def test_resize(self):
        hm = _heatmap()
        for interpolation in ("nearest", "linear", "cubic", "area"):
            resized = hm.resize((8, 6), interpolation=interpolation)
            assert resized.get_arr().shape == (8, 6)
            assert resized.arr_0to1.min() >= 0.0 and resized.arr_0to1.max() <= 1.0
            assert resized.shape == hm.shape
        assert hm.resize(0.5).arr_0to1.shape == (2, 2, 1)
        assert hm.scale(2.0).arr_0to1.shape == (8, 8, 1)

    def test_uint8_round_trip(self):
        hm = _heatmap(arr=np.array([[0.0, 0.5, 1.0]], dtype=np.float32), shape=(1, 3))
        u8 = hm.to_uint8()
        assert (
            u8.dtype == np.uint8 and u8.shape == (1, 3, 1) and u8[0, :, 0].tolist() == [0, 128, 255]
        )
        back = HeatmapsOnImage.from_uint8(u8, shape=(1, 3), min_value=0, max_value=10)
        np.testing.assert_allclose(back.get_arr()[0, :, 0], [0, 5.0196, 10], atol=1e-3)
        with pytest.raises(TypeError, match="`arr_uint8`"):
            HeatmapsOnImage.from_uint8(u8.astype(np.float32), shape=(1, 3))

    def test_from_0to1_and_change_normalization(self):
        hm = HeatmapsOnImage.from_0to1(
            np.array([[0.5]], dtype=np.float32), (1, 1), min_value=0, max_value=4
        )
        assert hm.get_arr()[0, 0] == 2.0
        out = HeatmapsOnImage.change_normalization(np.array([2.0]), hm, (0.0, 1.0))
        assert out.tolist() == [0.5]
        with pytest.raises(TypeError, match="`source`"):
            HeatmapsOnImage.change_normalization(np.array([1.0]), 5, (0, 1))

    def test_copies_and_pickle(self):
        hm = _heatmap()
        for dup in (hm.copy(), hm.deepcopy(), copy.deepcopy(hm), pickle.loads(pickle.dumps(hm))):
            dup.arr_0to1[0, 0, 0] = 0.99
            assert hm.arr_0to1[0, 0, 0] == 0.0
        assert "HeatmapsOnImage" in repr(hm)
