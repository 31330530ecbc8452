"""Tests for imgaug2.augmentables.segmaps."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

from imgaug2.augmentables.segmaps import (
    DEFAULT_SEGMENT_COLORS,
    SegmentationMapsOnImage,
    segment_colors,
)


class TestConstruction:
    @pytest.mark.parametrize(
        "dtype", [np.uint8, np.int8, np.int16, np.uint16, np.int32, np.uint32, np.int64, bool]
    )
    def test_dtypes_round_trip(self, dtype):
        arr = (np.arange(12).reshape(3, 4) % 2).astype(dtype)
        segmap = SegmentationMapsOnImage(arr, shape=(6, 8, 3))
        assert segmap.arr.dtype == np.int32 and segmap.arr.shape == (3, 4, 1)
        out = segmap.get_arr()
        assert out.dtype == np.dtype(dtype) and out.shape == (3, 4)
        np.testing.assert_array_equal(out, arr)

    def test_3d_input(self):
        arr = np.zeros((3, 4, 2), dtype=np.int32)
        segmap = SegmentationMapsOnImage(arr, shape=(3, 4))
        assert segmap.arr.shape == (3, 4, 2) and segmap.get_arr().shape == (3, 4, 2)

    def test_float_rejected(self):
        with pytest.raises(TypeError, match="`arr`.*argmax"):
            SegmentationMapsOnImage(np.zeros((2, 2), dtype=np.float32), shape=(2, 2))

    def test_other_errors(self):
        with pytest.raises(TypeError, match="`arr`"):
            SegmentationMapsOnImage([[0]], shape=(2, 2))
        with pytest.raises(ValueError, match="`arr`"):
            SegmentationMapsOnImage(np.zeros((2,), dtype=np.int32), shape=(2, 2))
        with pytest.raises(ValueError, match="`arr`.*int32"):
            SegmentationMapsOnImage(np.array([[2**40]], dtype=np.int64), shape=(1, 1))


class TestContract:
    def test_replace_keeps_input_info(self):
        segmap = SegmentationMapsOnImage(np.zeros((2, 2), dtype=np.uint8), shape=(4, 4))
        new = segmap.replace(arr=np.ones((5, 5, 1), dtype=np.int32), shape=(10, 10))
        assert new is not segmap and new.shape == (10, 10)
        out = new.get_arr()
        assert out.dtype == np.uint8 and out.shape == (5, 5) and out.max() == 1
        assert segmap.arr.shape == (2, 2, 1)
        assert segmap.replace().arr is not segmap.arr
        assert segmap.replace(arr=np.zeros((2, 2, 3), dtype=np.int32)).get_arr().shape == (2, 2, 3)
        with pytest.raises(ValueError, match="`arr`"):
            segmap.replace(arr=np.zeros((2, 2), dtype=np.int32))

    def test_bool_get_arr(self):
        segmap = SegmentationMapsOnImage(np.array([[True, False]]), shape=(1, 2))
        assert segmap.get_arr().dtype == bool
        assert segmap.replace(arr=np.array([[[0], [1]]], dtype=np.int32)).get_arr().tolist() == [
            [False, True]
        ]


class TestDrawing:
    def test_palette(self):
        assert DEFAULT_SEGMENT_COLORS[0] == (0, 0, 0) and len(DEFAULT_SEGMENT_COLORS) == 256
        assert len(set(DEFAULT_SEGMENT_COLORS[:50])) == 50
        assert segment_colors(0) == []

    def test_draw(self):
        segmap = SegmentationMapsOnImage(np.array([[0, 1], [2, 1]]), shape=(2, 2))
        drawn = segmap.draw()
        assert len(drawn) == 1 and drawn[0].shape == (2, 2, 3) and drawn[0].dtype == np.uint8
        assert drawn[0][0, 0].tolist() == [0, 0, 0]
        assert drawn[0][0, 1].tolist() == list(DEFAULT_SEGMENT_COLORS[1])
        assert segmap.draw(size=(4, 6))[0].shape == (4, 6, 3)
        custom = segmap.draw(colors=[(1, 1, 1), (2, 2, 2), (3, 3, 3)])
        assert custom[0][1, 0].tolist() == [3, 3, 3]
        with pytest.raises(ValueError, match="`colors`"):
            segmap.draw(colors=[(0, 0, 0)])
        with pytest.raises(ValueError, match="negative"):
            SegmentationMapsOnImage(np.array([[-1]]), (1, 1)).draw()
        big = SegmentationMapsOnImage(np.array([[300]]), (1, 1))
        assert big.draw()[0].shape == (1, 1, 3)

    def test_draw_on_image(self):
        segmap = SegmentationMapsOnImage(np.array([[0, 1]]), shape=(2, 4, 3))
        image = np.full((2, 4, 3), 100, dtype=np.uint8)
        out = segmap.draw_on_image(image, alpha=1.0)
        assert out[0].shape == (2, 4, 3)
        assert out[0][0, 0].tolist() == [100, 100, 100]  # background keeps the image
        assert out[0][0, 3].tolist() == list(DEFAULT_SEGMENT_COLORS[1])
        with_bg = segmap.draw_on_image(image, alpha=1.0, draw_background=True)
        assert with_bg[0][0, 0].tolist() == [0, 0, 0]
        other_bg = segmap.draw_on_image(image, alpha=1.0, background_class_id=1)
        assert other_bg[0][0, 3].tolist() == [100, 100, 100]
        small = segmap.draw_on_image(image, resize="image")
        assert small[0].shape == (1, 2, 3)
        with pytest.raises(ValueError, match="`resize`"):
            segmap.draw_on_image(image, resize="x")
        with pytest.raises(TypeError, match="`image`"):
            segmap.draw_on_image(image.astype(np.float64))


class TestOperations:
    def test_pad(self):
        segmap = SegmentationMapsOnImage(np.ones((2, 2), dtype=np.uint8), shape=(2, 2))
        padded = segmap.pad(top=1, right=2, cval=3)
        assert (
            padded.get_arr().shape == (3, 4)
            and padded.get_arr()[0, 0] == 3
            and padded.get_arr()[1, 0] == 1
        )
        assert padded.get_arr().dtype == np.uint8
        assert segmap.pad(left=1, mode="edge").get_arr()[0, 0] == 1
        result, amounts = segmap.pad_to_aspect_ratio(2.0, return_pad_amounts=True)
        assert result.arr.shape == (2, 4, 1) and amounts == (0, 1, 0, 1)

    def test_resize_nearest_keeps_labels(self):
        arr = np.array([[0, 1, 2], [3, 4, 5]], dtype=np.int32)
        segmap = SegmentationMapsOnImage(arr, shape=(2, 3))
        up = segmap.resize((4, 6))
        assert up.get_arr().shape == (4, 6) and set(np.unique(up.arr)) == set(range(6))
        np.testing.assert_array_equal(up.get_arr()[::2, ::2], arr)
        assert segmap.resize(0.5).arr.shape == (1, 2, 1)
        assert segmap.scale(2.0).arr.shape == (4, 6, 1)

    @pytest.mark.parametrize("interpolation", ["linear", "cubic", "area"])
    def test_resize_smooth_never_invents_ids(self, interpolation):
        rng = np.random.default_rng(0)
        arr = rng.choice([0, 3, 7], size=(9, 11, 2)).astype(np.int32)
        segmap = SegmentationMapsOnImage(arr, shape=(9, 11))
        resized = segmap.resize((5, 17), interpolation=interpolation)
        assert resized.arr.shape == (5, 17, 2)
        assert set(np.unique(resized.arr)) <= {0, 3, 7}

    def test_copies_and_pickle(self):
        segmap = SegmentationMapsOnImage(np.zeros((2, 2), dtype=np.uint8), shape=(2, 2))
        for dup in (
            segmap.copy(),
            segmap.deepcopy(),
            copy.deepcopy(segmap),
            pickle.loads(pickle.dumps(segmap)),
        ):
            dup.arr[0, 0, 0] = 9
            assert segmap.arr[0, 0, 0] == 0
            assert dup.get_arr().dtype == np.uint8
        assert "SegmentationMapsOnImage" in repr(segmap)
