"""Behaviour of the size family: resize, crop/pad, fixed sizes, KeepSizeByResize, CBA clean-up."""


import cv2
import numpy as np
import pytest

import imgaug2.augmenters as iaa
import imgaug2.parameters as iap
from imgaug2.augmentables import (
    BoundingBox,
    BoundingBoxesOnImage,
    HeatmapsOnImage,
    Keypoint,
    KeypointsOnImage,
    LineString,
    LineStringsOnImage,
    Polygon,
    PolygonsOnImage,
    SegmentationMapsOnImage,
)
from imgaug2.kernels.size import PAD_MODES, limit_crops, pad_image, scale_amounts

SHAPE = (20, 30, 3)


def _img(shape=SHAPE, dtype=np.uint8, seed=0):
    rng = np.random.default_rng(seed)
    if np.dtype(dtype).kind == "b":
        return rng.random(shape) > 0.5
    if np.dtype(dtype).kind == "f":
        return rng.random(shape).astype(dtype)
    return rng.integers(0, 200, shape).astype(dtype)


def _kps(xy, shape=SHAPE):
    return KeypointsOnImage([Keypoint(x, y) for x, y in xy], shape=shape)


# ------------------------------------------------------------ exact crop/pad

@pytest.mark.parametrize("amounts", [(0, 0, 0, -3), (2, 0, 0, 0), (-1, 4, 3, -2), (5, -6, -7, 8)])
def test_crop_pad_is_an_exact_integer_translation(amounts):
    top, right, bottom, left = amounts
    img = _img()
    xy = [(5.25, 7.5), (29.5, 19.5), (0.0, 0.0), (12.123456789, 3.3)]
    aug = iaa.CropAndPad(px=amounts, keep_size=False)
    out, kps = aug(image=img, keypoints=_kps(xy))
    h, w = SHAPE[:2]
    assert out.shape == (h + top + bottom, w + left + right, 3)
    assert kps.shape == out.shape
    expected = np.array(xy) + [left, top]
    assert np.array_equal(kps.coords_xy(), expected)
    # pixel content: crop by slicing, pad with zeros
    ref = img[max(-top, 0):h - max(-bottom, 0), max(-left, 0):w - max(-right, 0)]
    ref = np.pad(ref, ((max(top, 0), max(bottom, 0)), (max(left, 0), max(right, 0)), (0, 0)))
    assert np.array_equal(out, ref)


def test_crop_three_from_left_moves_every_coordinate_target_by_minus_three():
    aug = iaa.Crop(px=(0, 0, 0, 3), keep_size=False)
    bbs = BoundingBoxesOnImage([BoundingBox(4.5, 2, 10, 12, label="x")], shape=SHAPE)
    polys = PolygonsOnImage([Polygon([(5, 5), (15.5, 5), (10, 12)])], shape=SHAPE)
    lines = LineStringsOnImage([LineString([(3.25, 1), (20, 9)])], shape=SHAPE)
    _, b, p, ls = aug(image=_img(), bounding_boxes=bbs, polygons=polys, line_strings=lines)
    for before, after in ((bbs, b), (polys, p), (lines, ls)):
        assert np.array_equal(after.coords_xy(), before.coords_xy() - [3, 0])
        assert tuple(after.shape) == (20, 27, 3)
    assert b.bounding_boxes[0].label == "x"


def test_pad_percent_and_crop_percent_round_half_away():
    img = _img((10, 30, 3))
    out = iaa.Pad(percent=(0.25, 0.0, 0.0, 0.05), keep_size=False)(image=img)
    assert out.shape == (13, 32, 3)  # 2.5 -> 3 rows, 1.5 -> 2 columns
    out = iaa.Crop(percent=(0.25, 0.0, 0.0, 0.05), keep_size=False)(image=img)
    assert out.shape == (7, 28, 3)


def test_crops_never_remove_a_whole_axis():
    out = iaa.Crop(px=(8, 20, 8, 20), keep_size=False)(image=_img((10, 30, 3)))
    assert out.shape[:2] == (1, 1)
    assert limit_crops(-8, -20, -8, -20, 10, 30) == (-4, -15, -5, -14)
    assert limit_crops(-3, 0, 0, 0, 0, 5) == (0, 0, 0, 0)


def test_sample_independently_false_uses_one_value():
    aug = iaa.CropAndPad(px=(-5, 5), sample_independently=False, keep_size=False, seed=3)
    for i in range(10):
        _, rec = aug(image=_img(), return_record=True)
        p = rec.applied()[0][0]["params"] if rec.applied()[0] else None
        if p is not None:
            assert p["top"] == p["right"] == p["bottom"] == p["left"]


def test_no_px_no_percent_is_identity_and_both_is_refused():
    img = _img()
    assert np.array_equal(iaa.CropAndPad()(image=img), img)
    with pytest.raises(ValueError, match="px and percent"):
        iaa.CropAndPad(px=1, percent=0.1)


# ---------------------------------------------------------------- pad modes

@pytest.mark.parametrize("mode", PAD_MODES)
@pytest.mark.parametrize("dtype,channels", [(np.uint8, 3), (np.float32, 1), (np.int16, 5),
                                            (np.int64, 2), (np.bool_, 3)])
def test_pad_modes_match_numpy(mode, dtype, channels):
    img = _img((4, 5, channels), dtype)
    out = pad_image(img, 3, 6, 2, 7, mode, 1)
    kwargs = {}
    if mode == "constant":
        kwargs["constant_values"] = 1
    if mode == "linear_ramp":
        kwargs["end_values"] = 1
    work = img.astype(np.uint8) if dtype == np.bool_ else img
    ref = np.pad(work, ((3, 2), (7, 6), (0, 0)), mode=mode, **kwargs)
    if dtype == np.bool_:
        ref = ref.astype(bool)
    assert out.dtype == img.dtype and out.shape == ref.shape
    assert np.array_equal(out, ref), mode


def test_pad_2d_and_single_channel_keep_their_layout():
    assert pad_image(_img((4, 5)), 1, 1, 1, 1, "edge").shape == (6, 7)
    assert pad_image(_img((4, 5, 1)), 1, 1, 1, 1, "reflect").shape == (6, 7, 1)


def test_pad_cval_is_cast_per_dtype():
    assert pad_image(np.zeros((2, 2), np.uint8), 1, 0, 0, 0, "constant", 300.0)[0, 0] == 255
    assert pad_image(np.zeros((2, 2), np.int8), 1, 0, 0, 0, "constant", -7.5)[0, 0] == -8
    assert pad_image(np.zeros((2, 2), bool), 1, 0, 0, 0, "constant", 255)[0, 0]
    assert pad_image(np.zeros((2, 2), np.float32), 1, 0, 0, 0, "constant", 0.25)[0, 0] == 0.25


def test_pad_cval_per_target():
    img = np.full((10, 10, 3), 9, np.uint8)
    hm = HeatmapsOnImage(np.ones((10, 10), np.float32), shape=img.shape)
    seg = SegmentationMapsOnImage(np.full((10, 10), 3, np.int32), shape=img.shape)
    for mode in ("constant", "edge", "maximum"):
        aug = iaa.Pad(px=(2, 0, 0, 0), pad_mode=mode, pad_cval=77, keep_size=False)
        out, h, s = aug(image=img, heatmaps=hm, segmentation_maps=seg)
        assert out[0, 0, 0] == (77 if mode == "constant" else 9)
        assert np.all(h.get_arr()[:2] == 0.0) and np.all(h.get_arr()[2:] == 1.0)
        assert np.all(s.get_arr()[:2] == 0) and np.all(s.get_arr()[2:] == 3)


def test_pad_mode_all_and_lists_sample_valid_modes():
    aug = iaa.Pad(px=2, pad_mode="ALL", pad_cval=(0, 255), keep_size=False, seed=1)
    seen = set()
    for _ in range(40):
        _, rec = aug(image=_img(), return_record=True)
        params = rec.applied()[0][0]["params"]
        seen.add(params["pad_mode"])
        assert isinstance(params["pad_cval"], int) and 0 <= params["pad_cval"] <= 255
    assert seen <= set(PAD_MODES) and len(seen) > 5


def test_zero_size_images_pad_with_cval():
    out = iaa.Pad(px=1, pad_mode="reflect", pad_cval=5, keep_size=False)(
        image=np.zeros((0, 3, 3), np.uint8))
    assert out.shape == (2, 5, 3) and np.all(out == 5)
    out = iaa.Crop(px=2, keep_size=False)(image=np.zeros((4, 0, 2), np.uint8))
    assert out.shape == (1, 0, 2)
    out = iaa.CropAndPad(px=(1, -1, 1, -1), keep_size=False)(image=np.zeros((4, 5, 0), np.uint8))
    assert out.shape == (6, 3, 0)


# ------------------------------------------------------------- smaller maps

def test_smaller_maps_get_rescaled_amounts_and_stay_aligned():
    img = np.zeros((40, 60, 3), np.uint8)
    small = np.zeros((20, 30), np.float32)
    small[10, 15] = 1.0  # covers image pixels [30, 32) x [20, 22)
    hm = HeatmapsOnImage(small, shape=img.shape)
    seg = SegmentationMapsOnImage((small > 0).astype(np.int32), shape=img.shape)
    aug = iaa.CropAndPad(px=(-4, 6, 2, -10), keep_size=False)
    out, h, s = aug(image=img, heatmaps=hm, segmentation_maps=seg)
    assert out.shape == (38, 56, 3)
    assert h.arr_0to1.shape[:2] == (19, 28) and tuple(h.shape) == out.shape
    assert s.arr.shape[:2] == (19, 28)
    # the marked map pixel moved by (-10, -4) image px = (-5, -2) map px
    assert np.argwhere(h.arr_0to1[..., 0] == 1.0).tolist() == [[8, 10]]
    assert np.argwhere(s.arr[..., 0] == 1).tolist() == [[8, 10]]
    assert scale_amounts((-3, 3, 1, -1), (40, 60), (20, 30)) == (-2, 2, 1, -1)


def test_keep_size_resizes_maps_back_to_their_own_size():
    img = np.zeros((40, 60, 3), np.uint8)
    hm = HeatmapsOnImage(np.random.default_rng(0).random((20, 30)).astype(np.float32),
                         shape=img.shape)
    seg = SegmentationMapsOnImage(np.random.default_rng(1).integers(0, 3, (20, 30)).astype(
        np.int32), shape=img.shape)
    out, h, s = iaa.CropAndPad(px=(-4, 6, 2, -10), keep_size=True)(
        image=img, heatmaps=hm, segmentation_maps=seg)
    assert out.shape == img.shape
    assert h.arr_0to1.shape == (20, 30, 1) and tuple(h.shape) == img.shape
    assert s.arr.shape == (20, 30, 1) and set(np.unique(s.arr)) <= {0, 1, 2}
    assert 0.0 <= h.arr_0to1.min() and h.arr_0to1.max() <= 1.0


def test_keep_size_scales_coordinates_back():
    aug = iaa.CropAndPad(px=(0, 0, 0, -10), keep_size=True)
    out, kps = aug(image=_img(), keypoints=_kps([(20.0, 5.0)]))
    assert out.shape == SHAPE and tuple(kps.shape) == SHAPE
    assert np.allclose(kps.coords_xy(), [[(20.0 - 10) * 30 / 20, 5.0]], atol=1e-12)


# -------------------------------------------------------------------- resize

@pytest.mark.parametrize("size,expected", [
    (10, (10, 10)), (0.5, (10, 15)), ({"height": 8, "width": 12}, (8, 12)),
    ({"height": 0.5}, (10, 30)), ({"width": 2.0, "height": "keep"}, (20, 60)),
    ({"height": 10, "width": "keep-aspect-ratio"}, (10, 15)),
    ({"height": "keep-aspect-ratio", "width": 60}, (40, 60)),
    ({"shorter-side": 10, "longer-side": "keep-aspect-ratio"}, (10, 15)),
    ({"shorter-side": 40, "longer-side": 0.5}, (40, 15)), ("keep", (20, 30)),
])
def test_resize_sizes(size, expected):
    out, kps = iaa.Resize(size)(image=_img(), keypoints=_kps([(3.0, 4.0)]))
    assert out.shape == expected + (3,)
    h, w = expected
    assert np.allclose(kps.coords_xy(), [[3.0 * w / 30, 4.0 * h / 20]], rtol=0, atol=1e-12)


def test_resize_ranges_and_lists():
    aug = iaa.Resize((5, 7), seed=1)
    shapes = {aug(image=_img()).shape[:2] for _ in range(30)}
    assert shapes <= {(5, 5), (6, 6), (7, 7)} and len(shapes) > 1
    aug = iaa.Resize([0.5, 2.0], seed=1)
    assert {aug(image=_img()).shape[:2] for _ in range(30)} == {(10, 15), (40, 60)}
    aug = iaa.Resize((0.5, 1.0), seed=1)
    for _ in range(10):
        h, w = aug(image=_img()).shape[:2]
        assert 10 <= h <= 20 and 15 <= w <= 30
    with pytest.raises(ValueError, match="size"):
        iaa.Resize([1, 0.5])


@pytest.mark.parametrize("interp", ["nearest", "linear", "area", "cubic", cv2.INTER_LINEAR,
                                    cv2.INTER_NEAREST, "ALL", ["linear", cv2.INTER_AREA]])
def test_resize_interpolations(interp):
    out = iaa.Resize(0.5, interpolation=interp, seed=0)(image=_img())
    assert out.shape == (10, 15, 3)


def test_resize_nearest_matches_pixel_centres_and_segmaps_keep_labels():
    img = np.arange(6, dtype=np.uint8).reshape(1, 6)
    out = iaa.Resize({"height": 1, "width": 3}, interpolation="nearest")(image=img)
    assert out.tolist() == [[1, 3, 5]]
    seg = SegmentationMapsOnImage(np.random.default_rng(0).integers(0, 4, (20, 30)).astype(
        np.int32), shape=SHAPE)
    _, s = iaa.Resize(0.37, interpolation="cubic")(image=_img(), segmentation_maps=seg)
    assert set(np.unique(s.arr)) <= {0, 1, 2, 3}


def test_resize_small_heatmap_scales_with_the_image():
    hm = HeatmapsOnImage(np.ones((10, 15), np.float32), shape=SHAPE)
    out, h = iaa.Resize({"height": 40, "width": 45})(image=_img(), heatmaps=hm)
    assert out.shape == (40, 45, 3)
    assert h.arr_0to1.shape == (20, 23, 1) and tuple(h.shape) == (40, 45, 3)
    assert h.arr_0to1.max() <= 1.0


def test_resize_dtypes_and_layouts():
    for dtype in (np.uint8, np.uint16, np.int16, np.int32, np.int64, np.float16, np.float64,
                  np.bool_):
        for shape in ((8, 9), (8, 9, 1), (8, 9, 5)):
            out = iaa.Resize(0.5)(image=_img(shape, dtype))
            assert out.dtype == dtype and out.shape == (4, 5) + shape[2:]


def test_scale_is_a_deprecated_alias():
    with pytest.warns(DeprecationWarning, match="Resize"):
        aug = iaa.Scale(0.5)
    assert isinstance(aug, iaa.Resize)
    assert aug(image=_img()).shape == (10, 15, 3)


@pytest.mark.parametrize("kwargs,match", [
    ({"size": 0}, "size"), ({"size": -0.5}, "size"), ({"size": float("nan")}, "size"),
    ({"size": "big"}, "size"), ({"size": {"height": 5, "depth": 3}}, "size"),
    ({"size": {"height": "keep-aspect-ratio", "width": "keep-aspect-ratio"}}, "size"),
    ({"size": 100000}, "size"), ({"size": {"height": 40000, "width": (1, 40000)}}, "size"),
    ({"size": 0.5, "interpolation": "bilinear"}, "interpolation"),
    ({"size": 0.5, "interpolation": 99}, "interpolation"),
])
def test_resize_bad_arguments(kwargs, match):
    with pytest.raises((ValueError, TypeError), match=match):
        iaa.Resize(**kwargs)


def test_resize_allocation_guard_before_allocating():
    aug = iaa.Resize({"height": 100000, "width": "keep-aspect-ratio"})
    with pytest.raises(ValueError, match="size"):
        aug(image=_img())
    with pytest.raises(ValueError, match="size"):
        iaa.Resize(5000.0)(image=_img())
    # data-dependent pads are refused when sampling too
    with pytest.raises(ValueError, match="percent"):
        iaa.Pad(percent=5000.0)(image=_img())
    with pytest.raises(ValueError, match="aspect_ratio"):
        iaa.PadToAspectRatio(1e9)(image=_img())
    with pytest.raises(ValueError, match="px"):
        iaa.Pad(px=100000)
    with pytest.raises(ValueError, match="width/height"):
        iaa.PadToFixedSize(100000, 100000)


def test_sampled_bad_values_name_the_argument():
    with pytest.raises(ValueError, match="size"):
        iaa.Resize(iap.Deterministic(-3))(image=_img())
    with pytest.raises(ValueError, match="interpolation"):
        iaa.Resize(0.5, interpolation=iap.Deterministic("bogus"))(image=_img())
    with pytest.raises(ValueError, match="pad_mode"):
        iaa.Pad(px=1, pad_mode=iap.Choice(["nope"]))(image=_img())
    with pytest.raises(ValueError, match="position"):
        iaa.PadToFixedSize(40, 40, position=iap.Deterministic(float("nan")))(image=_img())


@pytest.mark.parametrize("factory,match", [
    (lambda: iaa.Crop(px=-1), "px"), (lambda: iaa.Pad(px=(-2, 3)), "px"),
    (lambda: iaa.Crop(percent=1.0), "percent"), (lambda: iaa.Pad(percent=-0.1), "percent"),
    (lambda: iaa.CropAndPad(percent=-1.0), "percent"),
    (lambda: iaa.CropAndPad(percent=float("nan")), "percent"),
    (lambda: iaa.CropAndPad(px=1.5), "px"), (lambda: iaa.CropAndPad(px=(1, 2, 3)), "px"),
    (lambda: iaa.CropAndPad(px=1, pad_mode="circular"), "pad_mode"),
    (lambda: iaa.CropAndPad(px=1, pad_cval=float("inf")), "pad_cval"),
    (lambda: iaa.CropAndPad(px=1, keep_size="yes"), "keep_size"),
    (lambda: iaa.PadToFixedSize(0, 5), "width"), (lambda: iaa.CropToFixedSize(5, 2.5), "height"),
    (lambda: iaa.PadToFixedSize(5, 5, position="middle"), "position"),
    (lambda: iaa.PadToFixedSize(5, 5, position=(0.5, 1.5)), "position"),
    (lambda: iaa.CropToPowersOf(1, 2), "width_base"),
    (lambda: iaa.PadToMultiplesOf(2, 0), "height_multiple"),
    (lambda: iaa.CropToAspectRatio(0.0), "aspect_ratio"),
    (lambda: iaa.PadToAspectRatio(float("nan")), "aspect_ratio"),
    (lambda: iaa.RemoveCBAsByOutOfImageFraction(1.5), "fraction"),
    (lambda: iaa.KeepSizeByResize(iaa.Identity(), interpolation="bogus"), "interpolation"),
])
def test_bad_constructor_arguments(factory, match):
    with pytest.raises((ValueError, TypeError), match=match):
        factory()


# ----------------------------------------------------------- fixed sizes

def test_fixed_size_positions_split_as_documented():
    img = _img((10, 10, 3))
    cases = {"left-top": (6, 0, 0, 6), "right-bottom": (0, 6, 6, 0), "center": (3, 3, 3, 3),
             (0.0, 1.0): (0, 0, 6, 6)}
    for position, (t, r, b, l) in cases.items():
        out, kps = iaa.PadToFixedSize(16, 16, position=position)(
            image=img, keypoints=_kps([(1.0, 2.0)], img.shape))
        assert out.shape == (16, 16, 3)
        assert np.array_equal(out[t:16 - b, l:16 - r], img)
        assert np.array_equal(kps.coords_xy(), [[1.0 + l, 2.0 + t]])
        out, kps = iaa.CropToFixedSize(4, 4, position=position)(
            image=img, keypoints=_kps([(5.0, 5.0)], img.shape))
        assert np.array_equal(out, img[t:10 - b, l:10 - r])
        assert np.array_equal(kps.coords_xy(), [[5.0 - l, 5.0 - t]])


def test_center_variants_put_the_odd_pixel_left_and_top():
    img = _img((10, 10, 3))
    out = iaa.CenterCropToFixedSize(7, 7)(image=img)
    assert np.array_equal(out, img[2:9, 2:9])
    out = iaa.CenterPadToFixedSize(13, 11)(image=img)
    assert np.array_equal(out[1:11, 2:12], img)


def test_uniform_position_reaches_every_offset():
    aug = iaa.CropToFixedSize(8, 10, seed=0)
    img = np.tile(np.arange(10, dtype=np.uint8), (10, 1))
    lefts = {int(aug(image=img)[0, 0]) for _ in range(200)}
    assert lefts == {0, 1, 2}


def test_fixed_size_leaves_other_axes_alone():
    img = _img((10, 20, 3))
    assert iaa.PadToFixedSize(15, 5)(image=img).shape == (10, 20, 3)
    assert iaa.PadToFixedSize(25, None)(image=img).shape == (10, 25, 3)
    assert iaa.CropToFixedSize(None, 4)(image=img).shape == (4, 20, 3)
    assert iaa.CropToFixedSize(30, 30)(image=img).shape == (10, 20, 3)


@pytest.mark.parametrize("aug,in_shape,out_hw", [
    (iaa.CropToMultiplesOf(8, 8), (19, 33), (16, 32)),
    (iaa.CropToMultiplesOf(40, None), (19, 33), (19, 33)),
    (iaa.CenterCropToMultiplesOf(5, 3), (19, 33), (18, 30)),
    (iaa.PadToMultiplesOf(8, 8), (19, 33), (24, 40)),
    (iaa.CenterPadToMultiplesOf(None, 5), (19, 33), (20, 33)),
    (iaa.CropToPowersOf(2, 3), (19, 33), (9, 32)),
    (iaa.CropToPowersOf(64, 2), (19, 33), (16, 33)),
    (iaa.PadToPowersOf(2, 2), (19, 33), (32, 64)),
    (iaa.CenterPadToPowersOf(3, 10), (1, 33), (10, 81)),
    (iaa.CropToAspectRatio(2.0), (19, 33), (17, 33)),  # 16.5 rounds up
    (iaa.CropToAspectRatio(2.0), (10, 33), (10, 20)),
    (iaa.CenterCropToAspectRatio(0.5), (19, 33), (19, 10)),
    (iaa.PadToAspectRatio(2.0), (19, 33), (19, 38)),
    (iaa.CenterPadToAspectRatio(1.0), (19, 33), (33, 33)),
    (iaa.CropToSquare(), (19, 33), (19, 19)),
    (iaa.CenterCropToSquare(), (33, 19), (19, 19)),
    (iaa.PadToSquare(), (19, 33), (33, 33)),
    (iaa.CenterPadToSquare(), (33, 19), (33, 33)),
])
def test_target_sizes(aug, in_shape, out_hw):
    img = _img(in_shape + (3,))
    out, kps = aug(image=img, keypoints=_kps([(1.5, 2.5)], img.shape))
    assert out.shape == out_hw + (3,)
    assert tuple(kps.shape) == out.shape
    shift = kps.coords_xy()[0] - [1.5, 2.5]
    assert np.array_equal(shift, np.round(shift))  # integer translation


def test_position_parameters():
    aug = iaa.PadToFixedSize(20, 20, position=(iap.Choice([0.0, 1.0]), 0.5), seed=1)
    lefts = set()
    for _ in range(30):
        _, rec = aug(image=_img((10, 10, 3)), return_record=True)
        lefts.add(rec.applied()[0][0]["params"]["left"])
    assert lefts == {0, 10}
    aug = iaa.PadToFixedSize(20, 20, position=iap.DeterministicList([1.0, 0.0]))
    _, rec = aug(image=_img((10, 10, 3)), return_record=True)
    p = rec.applied()[0][0]["params"]
    assert (p["left"], p["top"]) == (0, 10)


# ---------------------------------------------------------- KeepSizeByResize

def test_keep_size_by_resize_restores_every_target():
    img = _img((20, 30, 3))
    hm = HeatmapsOnImage(np.random.default_rng(0).random((10, 15)).astype(np.float32),
                         shape=img.shape)
    seg = SegmentationMapsOnImage(np.ones((20, 30), np.int32), shape=img.shape)
    aug = iaa.KeepSizeByResize(iaa.Crop(px=(0, 0, 0, 10), keep_size=False))
    out, h, s, k = aug(image=img, heatmaps=hm, segmentation_maps=seg,
                       keypoints=_kps([(20.0, 4.0)], img.shape))
    assert out.shape == img.shape and h.arr_0to1.shape == (10, 15, 1)
    assert s.arr.shape == (20, 30, 1) and tuple(s.shape) == img.shape
    assert np.allclose(k.coords_xy(), [[10.0 * 30 / 20, 4.0]], atol=1e-12)
    assert tuple(k.shape) == img.shape


def test_keep_size_by_resize_no_resize_and_same_as_images():
    img = _img((20, 30, 3))
    seg = SegmentationMapsOnImage(np.ones((20, 30), np.int32), shape=img.shape)
    aug = iaa.KeepSizeByResize(iaa.Crop(px=(0, 0, 0, 10), keep_size=False),
                               interpolation=iaa.KeepSizeByResize.NO_RESIZE,
                               interpolation_segmaps=iaa.KeepSizeByResize.SAME_AS_IMAGES)
    out, s, k = aug(image=img, segmentation_maps=seg, keypoints=_kps([(20.0, 4.0)], img.shape))
    assert out.shape == (20, 20, 3) and s.arr.shape == (20, 20, 1)
    assert np.array_equal(k.coords_xy(), [[10.0, 4.0]])
    _, rec = iaa.KeepSizeByResize(iaa.Identity(), interpolation="ALL",
                                  interpolation_segmaps="linear")(image=img, return_record=True)
    params = rec.applied()[0][0]["params"]
    assert params["heatmaps"] == params["images"] and params["segmaps"] == "nearest"


def test_keep_size_by_resize_serialises_children():
    aug = iaa.KeepSizeByResize([iaa.Crop(px=(0, 4), keep_size=False)], seed=2)
    loaded = iaa.from_dict(aug.to_dict())
    img = _img()
    assert np.array_equal(aug(image=img), loaded(image=img))


# ------------------------------------------------------------- CBA clean-up

def test_remove_cbas_keeps_labels_with_their_boxes():
    bbs = BoundingBoxesOnImage([BoundingBox(1, 2, 10, 12, label="a"),
                                BoundingBox(0, 0, 2, 2, label="b"),
                                BoundingBox(2, 10, 6, 19, label="c"),
                                BoundingBox(20, 10, 29, 19, label="d")], shape=SHAPE)
    seq = iaa.Sequential([iaa.Crop(px=(0, 0, 0, 4), keep_size=False),
                          iaa.RemoveCBAsByOutOfImageFraction(0.5)])
    _, out = seq(image=_img(), bounding_boxes=bbs)
    assert [(b.label, b.x1, b.x2) for b in out.bounding_boxes] == [
        ("a", -3.0, 6.0), ("d", 16.0, 25.0)]
    kps = _kps([(1.0, 1.0), (10.0, 10.0)])
    _, k = seq(image=_img(), keypoints=kps)
    assert k.coords_xy().tolist() == [[6.0, 10.0]]


def test_clip_cbas_to_image_planes():
    bbs = BoundingBoxesOnImage([BoundingBox(1, 2, 10, 12, label="a"),
                                BoundingBox(0, 0, 2, 2, label="b")], shape=SHAPE)
    seq = iaa.Sequential([iaa.Crop(px=(0, 0, 0, 4), keep_size=False),
                          iaa.ClipCBAsToImagePlanes()])
    img = _img()
    out, b = seq(image=img, bounding_boxes=bbs)
    assert [(x.label, x.x1, x.x2) for x in b.bounding_boxes] == [("a", 0.0, 6.0)]
    assert np.array_equal(out, img[:, 4:])
    ls = LineStringsOnImage([LineString([(-5, 5), (10, 5)])], shape=SHAPE)
    _, l2 = iaa.ClipCBAsToImagePlanes()(image=img, line_strings=ls)
    assert l2.coords_xy()[:, 0].min() >= 0


# ------------------------------------------------------------- geometry

def _blob(shape, x, y, sigma=2.0):
    yy, xx = np.mgrid[0:shape[0], 0:shape[1]] + 0.5
    return np.exp(-((xx - x) ** 2 + (yy - y) ** 2) / (2 * sigma ** 2)).astype(np.float32)


@pytest.mark.parametrize("aug,tol", [
    (iaa.Resize((0.6, 1.7), seed=0), 0.1), (iaa.Resize(2.0), 0.05),
    (iaa.CropAndPad(px=(-5, 5), keep_size=False, seed=0), 0.01),
    (iaa.Crop(px=(0, 8), seed=0), 0.1),
    (iaa.KeepSizeByResize(iaa.Pad(px=(0, 8), keep_size=False), seed=0), 0.1),
])
def test_blobs_follow_keypoints(aug, tol):
    for i in range(6):
        rng = np.random.default_rng(i)
        x, y = rng.uniform(16, 34), rng.uniform(14, 26)
        img = _blob((40, 50), x, y)[..., None]
        out, kps = aug(image=img, keypoints=_kps([(x, y)], img.shape))
        kx, ky = kps.coords_xy()[0]
        a = out[..., 0].astype(np.float64)
        yy, xx = np.mgrid[0:a.shape[0], 0:a.shape[1]] + 0.5
        a = a * (((xx - kx) ** 2 + (yy - ky) ** 2) < 64)
        cx, cy = (a * xx).sum() / a.sum(), (a * yy).sum() / a.sum()
        assert abs(cx - kx) < tol and abs(cy - ky) < tol, (i, cx - kx, cy - ky)


# ---------------------------------------------------------- value extremes

@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_float_extremes_stay_finite(dtype):
    big = float(np.finfo(dtype).max)
    img = np.full((5, 6, 3), -big, dtype)
    img[:, 3:] = big
    for mode in ("mean", "median", "linear_ramp"):
        out = pad_image(img, 2, 3, 4, 5, mode, 7)
        assert out.dtype == dtype and np.isfinite(out).all(), mode
    for interp in ("linear", "area", "cubic"):
        out = iaa.Resize({"height": 11, "width": 7}, interpolation=interp)(image=img)
        assert out.dtype == dtype and np.isfinite(out).all(), interp
    out = iaa.Pad(px=1, pad_cval=1e300, keep_size=False)(image=img)
    assert np.isfinite(out).all()


def test_constant_size_params_are_memoised_per_shape_and_attribute():
    import imgaug2.augmenters as iaa
    img = np.zeros((20, 30, 3), np.uint8)
    aug = iaa.Resize(0.5, interpolation="area")
    a, rec_a = aug(image=img, return_record=True)
    _, rec_b = aug(image=img, return_record=True)
    assert rec_a.rows[0][0][3] is rec_b.rows[0][0][3]  # one Params object per shape
    assert a.shape == (10, 15, 3)
    assert aug(image=np.zeros((40, 10, 3), np.uint8)).shape == (20, 5, 3)
    # replacing a parameter after construction is honoured, not served from the memo
    aug.interpolation = iaa.Resize(0.5, interpolation="nearest").interpolation
    _, rec_c = aug(image=img, return_record=True)
    assert rec_c.rows[0][0][3].interpolation == "nearest"
    crop = iaa.CropToFixedSize(8, 8, position="center")
    assert crop(image=img).shape == (8, 8, 3)
    assert crop(image=np.zeros((9, 9), np.uint8)).shape == (8, 8)


def test_reassigned_size_attribute_is_not_served_from_the_shape_memo():
    import imgaug2.augmenters as iaa
    img = np.zeros((20, 20, 3), np.uint8)
    crop = iaa.CropToFixedSize(8, 8, position="center")
    assert crop(image=img).shape == (8, 8, 3)
    crop.width = 12
    assert crop(image=img).shape == (8, 12, 3)
