"""Tests for imgaug2.imgaug_utils (resize, pad, pool, draw helpers, type checks)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from imgaug2 import imgaug_utils as iu

ALL_DTYPES = [
    np.uint8,
    np.uint16,
    np.int16,
    np.int8,
    np.int32,
    np.int64,
    np.uint32,
    np.float16,
    np.float32,
    np.float64,
    bool,
]


class TestTypeChecks:
    def test_checks(self):
        assert iu.is_np_array(np.zeros(1)) and not iu.is_np_array([1])
        assert iu.is_np_scalar(np.float32(1)) and not iu.is_np_scalar(1.0)
        assert iu.is_single_integer(3) and iu.is_single_integer(np.int64(3))
        assert not iu.is_single_integer(True) and not iu.is_single_integer(3.0)
        assert (
            iu.is_single_float(1.0)
            and iu.is_single_float(np.float16(1))
            and not iu.is_single_float(1)
        )
        assert iu.is_single_number(1) and iu.is_single_number(1.5) and not iu.is_single_number("1")
        assert (
            iu.is_single_bool(True)
            and iu.is_single_bool(np.bool_(False))
            and not iu.is_single_bool(1)
        )
        assert iu.is_iterable([]) and iu.is_iterable("ab") and not iu.is_iterable(3)
        assert iu.is_string("a") and not iu.is_string(b"a")
        assert iu.is_integer_array(np.zeros(1, np.uint8)) and not iu.is_integer_array(np.zeros(1))
        assert iu.is_float_array(np.zeros(1)) and not iu.is_float_array(np.zeros(1, int))
        assert iu.is_callable(len) and not iu.is_callable(1)
        assert iu.is_generator(x for x in []) and not iu.is_generator([])
        assert list(iu.flatten([1, [2, (3, [4])], "ab"])) == [1, 2, 3, 4, "ab"]
        assert iu.ALL == "ALL"


class TestResize:
    @pytest.mark.parametrize("dtype", ALL_DTYPES)
    @pytest.mark.parametrize("interpolation", ["nearest", "linear", "area", "cubic"])
    def test_all_dtypes(self, dtype, interpolation):
        image = (np.arange(4 * 6 * 3).reshape(4, 6, 3) % 2).astype(dtype)
        out = iu.imresize_single_image(image, (8, 3), interpolation=interpolation)
        assert out.shape == (8, 3, 3) and out.dtype == np.dtype(dtype)

    def test_nearest_is_exact_and_centre_aligned(self):
        image = np.arange(4, dtype=np.int64).reshape(1, 4) + 2**60
        up = iu.imresize_single_image(image, (1, 8), interpolation="nearest")
        assert up.tolist() == [
            [2**60, 2**60, 2**60 + 1, 2**60 + 1, 2**60 + 2, 2**60 + 2, 2**60 + 3, 2**60 + 3]
        ]
        down = iu.imresize_single_image(np.arange(6).reshape(1, 6), (1, 3), interpolation="nearest")
        assert down.tolist() == [[1, 3, 5]]

    def test_sizes_forms(self):
        image = np.zeros((10, 20), dtype=np.uint8)
        assert iu.imresize_single_image(image, 0.5).shape == (5, 10)
        assert iu.imresize_single_image(image, (0.5, 2.0)).shape == (5, 40)
        assert iu.imresize_single_image(image, (3, 7)).shape == (3, 7)
        assert iu.imresize_single_image(image, (3, 0.5)).shape == (3, 10)
        assert iu.imresize_single_image(image, 0.001).shape == (1, 1)
        for bad in ("x", (1, 2, 3), (-1, 2)):
            with pytest.raises((TypeError, ValueError), match="`sizes`"):
                iu.imresize_single_image(image, bad)

    def test_interpolation_names_and_constants(self):
        image = np.zeros((4, 4, 3), dtype=np.uint8)
        for interpolation in (
            "nearest",
            "linear",
            "area",
            "cubic",
            "lanczos",
            cv2.INTER_LINEAR,
            None,
        ):
            assert iu.imresize_single_image(image, (2, 2), interpolation=interpolation).shape == (
                2,
                2,
                3,
            )
        with pytest.raises(ValueError, match="`interpolation`"):
            iu.imresize_single_image(image, (2, 2), interpolation="bogus")

    @pytest.mark.parametrize("channels", [1, 4, 5, 7, 12])
    def test_many_channels(self, channels):
        image = np.random.default_rng(0).integers(0, 255, (5, 6, channels)).astype(np.uint8)
        for interpolation in ("linear", "cubic", "area", "lanczos"):
            out = iu.imresize_single_image(image, (10, 3), interpolation=interpolation)
            assert out.shape == (10, 3, channels)
        constant = np.full((5, 6, channels), 42, dtype=np.uint8)
        assert np.all(iu.imresize_single_image(constant, (9, 9), interpolation="cubic") == 42)

    def test_zero_sizes(self):
        assert iu.imresize_single_image(np.zeros((4, 4, 0), np.uint8), (2, 3)).shape == (2, 3, 0)
        assert iu.imresize_single_image(np.zeros((0, 4), np.uint8), 2.0).shape == (0, 8)
        assert iu.imresize_single_image(np.zeros((4, 4), np.uint8), (0, 3)).shape == (0, 3)
        with pytest.raises(ValueError, match="`images`"):
            iu.imresize_single_image(np.zeros((0, 4), np.uint8), (3, 3))

    def test_many_images(self):
        batch = np.zeros((3, 4, 6, 3), dtype=np.float32)
        out = iu.imresize_many_images(batch, (2, 3))
        assert isinstance(out, np.ndarray) and out.shape == (3, 2, 3, 3)
        listed = iu.imresize_many_images([np.zeros((4, 4)), np.zeros((8, 2))], 0.5)
        assert [im.shape for im in listed] == [(2, 2), (4, 1)]
        assert iu.imresize_many_images(np.zeros((0, 4, 4, 3), np.uint8), 0.5).shape == (0, 2, 2, 3)
        with pytest.raises(ValueError, match="`images`"):
            iu.imresize_many_images(np.zeros((4, 4)), 0.5)
        with pytest.raises(TypeError, match="`images`"):
            iu.imresize_many_images(np.zeros((1, 4, 4), dtype=complex), 0.5)
        with pytest.raises(ValueError, match="`image`"):
            iu.imresize_single_image(np.zeros(4), 0.5)

    def test_input_not_modified_and_contiguous(self):
        image = np.arange(48, dtype=np.uint8).reshape(4, 4, 3)[:, ::-1]
        before = image.copy()
        out = iu.imresize_single_image(image, (8, 8))
        np.testing.assert_array_equal(image, before)
        assert out.flags.c_contiguous


class TestPad:
    def test_constant(self):
        arr = np.ones((2, 3), dtype=np.uint8)
        out = iu.pad(arr, top=1, right=2, bottom=3, left=4, cval=9)
        assert out.shape == (6, 9) and out[0, 0] == 9 and out[1, 4] == 1

    def test_modes(self):
        arr = np.arange(4, dtype=np.float32).reshape(2, 2)
        for mode in (
            "constant",
            "edge",
            "linear_ramp",
            "maximum",
            "mean",
            "median",
            "minimum",
            "reflect",
            "symmetric",
            "wrap",
        ):
            assert iu.pad(arr, 1, 1, 1, 1, mode=mode).shape == (4, 4)
        assert iu.pad(arr, left=1, mode="edge")[0, 0] == 0
        with pytest.raises(ValueError, match="`mode`"):
            iu.pad(arr, 1, mode="nope")

    def test_cval_clipping_and_per_channel(self):
        arr = np.zeros((2, 2, 3), dtype=np.uint8)
        assert iu.pad(arr, top=1, cval=300)[0, 0, 0] == 255
        per_channel = iu.pad(arr, top=1, cval=(1, 2, 3))
        assert per_channel[0, 0].tolist() == [1, 2, 3]
        with pytest.raises(ValueError, match="`cval`"):
            iu.pad(arr, top=1, cval=(1, 2))
        with pytest.raises(ValueError, match="`cval`"):
            iu.pad(arr, top=1, cval=np.nan)
        assert iu.pad(np.zeros((2, 2), bool), top=1, cval=1)[0, 0]

    def test_validation_and_edge_cases(self):
        arr = np.zeros((2, 2))
        with pytest.raises(ValueError, match="`top`"):
            iu.pad(arr, top=-1)
        with pytest.raises(ValueError, match="`left`"):
            iu.pad(arr, left=1.5)
        with pytest.raises(ValueError, match="`arr`"):
            iu.pad(np.zeros(3), top=1)
        assert iu.pad(np.zeros((2, 2, 0)), top=1).shape == (3, 2, 0)
        assert iu.pad(np.zeros((0, 2)), top=1, mode="reflect").shape == (1, 2)
        same = iu.pad(arr)
        assert same is not arr and same.shape == (2, 2)

    def test_aspect_ratio_and_multiples(self):
        assert iu.compute_paddings_to_reach_aspect_ratio((4, 10), 1.0) == (3, 0, 3, 0)
        assert iu.compute_paddings_to_reach_aspect_ratio((4, 1), 1.0) == (0, 2, 0, 1)
        assert iu.compute_paddings_for_aspect_ratio(np.zeros((4, 4)), 1.0) == (0, 0, 0, 0)
        out, amounts = iu.pad_to_aspect_ratio(np.zeros((2, 6)), 1.0, return_pad_amounts=True)
        assert out.shape == (6, 6) and amounts == (2, 0, 2, 0)
        with pytest.raises(ValueError, match="`aspect_ratio`"):
            iu.pad_to_aspect_ratio(np.zeros((2, 2)), 0)
        assert iu.pad_to_multiples_of(np.zeros((5, 5)), 4, None).shape == (8, 5)
        assert iu.compute_paddings_to_reach_multiples_of((5, 8), 4, 3) == (1, 1, 2, 0)
        with pytest.raises(ValueError, match="`width_multiple`"):
            iu.pad_to_multiples_of(np.zeros((5, 5)), 2, 0)


class TestPool:
    def test_basic(self):
        arr = np.arange(16, dtype=np.uint8).reshape(4, 4)
        assert iu.avg_pool(arr, 2).tolist() == [[2, 4], [10, 12]]
        assert iu.max_pool(arr, 2).tolist() == [[5, 7], [13, 15]]
        assert iu.min_pool(arr, 2).tolist() == [[0, 2], [8, 10]]
        assert iu.median_pool(arr, 2).tolist() == [[2, 4], [10, 12]]
        assert iu.pool(arr, (1, 4), np.max).tolist() == [[3], [7], [11], [15]]

    def test_padding_and_channels(self):
        arr = np.ones((3, 3, 2), dtype=np.float32)
        assert iu.avg_pool(arr, 2).shape == (2, 2, 2)
        assert iu.max_pool(arr, (2, 2, 2)).shape == (2, 2, 1)
        constant = iu.pool(np.ones((3, 3)), 2, np.mean, pad_mode="constant", pad_cval=0)
        assert constant[1, 1] == 0.25
        assert iu.pool(np.ones((3, 3)), 2, np.mean, pad_mode="constant", cval=1)[1, 1] == 1.0

    def test_dtypes_and_preserve(self):
        arr = np.array([[0, 1], [1, 1]], dtype=np.uint8)
        assert iu.avg_pool(arr, 2).dtype == np.uint8
        assert iu.avg_pool(arr, 2, preserve_dtype=False).dtype == np.float64
        assert iu.avg_pool(np.array([[True, True], [False, True]]), 2).tolist() == [[True]]
        assert iu.max_pool(np.zeros((4, 4, 0), np.uint8), 2).shape == (2, 2, 0)
        assert iu.avg_pool(np.zeros((0, 4)), 2).shape == (0, 2)

    def test_validation(self):
        with pytest.raises(ValueError, match="`block_size`"):
            iu.avg_pool(np.zeros((4, 4)), 0)
        with pytest.raises(ValueError, match="`block_size`"):
            iu.avg_pool(np.zeros((4, 4)), (2, 2, 2))
        with pytest.raises(ValueError, match="`arr`"):
            iu.avg_pool(np.zeros(4), 2)
        with pytest.raises(TypeError, match="`func`"):
            iu.pool(np.zeros((4, 4)), 2, "max")
        assert iu.avg_pool(np.zeros((4, 4)), 1).shape == (4, 4)


class TestDrawing:
    def test_draw_grid(self):
        images = np.zeros((5, 4, 6, 3), dtype=np.uint8)
        assert iu.draw_grid(images).shape == (8, 18, 3)
        assert iu.draw_grid(images, cols=5).shape == (4, 30, 3)
        assert iu.draw_grid(images, rows=5).shape == (20, 6, 3)
        mixed = iu.draw_grid([np.ones((2, 2), np.uint8), np.ones((4, 3, 3), np.uint8)], cols=2)
        assert (
            mixed.shape == (4, 6, 3)
            and mixed[0, 0].tolist() == [1, 1, 1]
            and mixed[3, 0].sum() == 0
        )
        assert iu.draw_grid([np.zeros((2, 2))]).shape == (2, 2)
        with pytest.raises(ValueError, match="`images`"):
            iu.draw_grid([])
        with pytest.raises(ValueError, match="`rows`"):
            iu.draw_grid(images, rows=1, cols=1)
        with pytest.raises(ValueError, match="`images`"):
            iu.draw_grid([np.zeros((2, 2), np.uint8), np.zeros((2, 2), np.float32)])

    def test_draw_text(self):
        image = np.zeros((40, 100, 3), dtype=np.uint8)
        out = iu.draw_text(image, 5, 5, "Hello", color=(255, 0, 0), size=20)
        assert out[:, :, 0].max() == 255 and out[:, :, 1].max() == 0 and image.sum() == 0
        assert out[:3].sum() == 0 and out[30:].sum() == 0
        assert iu.draw_text(np.zeros((40, 100), np.float32), 0, 0, "a\nb", color=1.0).max() > 0
        with pytest.raises(TypeError, match="`text`"):
            iu.draw_text(image, 0, 0, 5)
        with pytest.raises(ValueError, match="`size`"):
            iu.draw_text(image, 0, 0, "a", size=0)
        with pytest.raises(ValueError, match="`color`"):
            iu.draw_text(image, 0, 0, "a", color=(1, 2))

    def test_imshow_headless_raises_runtime_error(self, monkeypatch):
        monkeypatch.delenv("DISPLAY", raising=False)
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        with pytest.raises(RuntimeError, match="display"):
            iu.imshow(np.zeros((4, 4, 3), dtype=np.uint8))
        with pytest.raises(ValueError, match="`backend`"):
            iu.imshow(np.zeros((4, 4, 3), dtype=np.uint8), backend="tk")

    def test_imshow_without_gui_support_raises_runtime_error(self, monkeypatch):
        monkeypatch.setenv("DISPLAY", ":99")

        def fail(*args, **kwargs):
            raise cv2.error("The function is not implemented")

        monkeypatch.setattr(cv2, "namedWindow", fail)
        with pytest.raises(RuntimeError, match="GUI"):
            iu.imshow(np.zeros((4, 4, 3), dtype=np.uint8))
