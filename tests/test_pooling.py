"""Pooling family: numpy reshape-reduce oracles, annotations, validation and fuzzing.

Oracle: pad the image at the bottom/right by repeating edge pixels up to a
multiple of the block, reshape to ``(H', kh, W', kw, C)`` and reduce.
Max/min/median pooling equal it exactly; average pooling is within 0.5 of the
float64 mean (round to nearest; OpenCV may round ties either way), 1e-6 for
float32. Even-sized medians are the mean of the two middle values (integers
rounded half up).
"""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import imgaug2.augmenters as iaa
from imgaug2.augmentables import (
    HeatmapsOnImage,
    Keypoint,
    KeypointsOnImage,
    SegmentationMapsOnImage,
)
from imgaug2.kernels.pooling import median_pool, pooled_shape

RNG = np.random.default_rng(7)


def _blocks(img, kh, kw):
    h, w = img.shape[:2]
    ph, pw = (-h) % kh, (-w) % kw
    pad = ((0, ph), (0, pw)) + ((0, 0),) * (img.ndim - 2)
    p = np.pad(img, pad, mode="edge")
    oh, ow = p.shape[0] // kh, p.shape[1] // kw
    b = p.reshape((oh, kh, ow, kw) + img.shape[2:])
    return np.moveaxis(b, 2, 1).reshape((oh, ow, kh * kw) + img.shape[2:])


def _reference(img, kh, kw, mode):
    b = _blocks(img, kh, kw)
    if mode == "max":
        return b.max(axis=2)
    if mode == "min":
        return b.min(axis=2)
    if mode == "average":
        return b.astype(np.float64).mean(axis=2)
    s = np.sort(b, axis=2)
    n = kh * kw
    if n % 2:
        return s[:, :, n // 2]
    lo, hi = s[:, :, n // 2 - 1], s[:, :, n // 2]
    if img.dtype.kind == "f":
        return (lo * 0.5 + hi * 0.5).astype(img.dtype)
    if img.dtype.kind == "b":
        return (lo.astype(np.int64) + hi.astype(np.int64) + 1) // 2 > 0
    return ((lo.astype(np.int64) + hi.astype(np.int64) + 1) // 2).astype(img.dtype)


_CLASSES = {"average": iaa.AveragePooling, "max": iaa.MaxPooling, "min": iaa.MinPooling,
            "median": iaa.MedianPooling}
_SHAPES = [(12, 15, 3), (13, 17, 3), (11, 9), (10, 14, 5), (7, 8, 1)]
_KERNELS = [(2, 2), (3, 3), (2, 5), (4, 1), (5, 5), (13, 3)]


def _image(shape, dtype, seed=0):
    rng = np.random.default_rng(seed)
    if dtype == "bool":
        return rng.random(shape) > 0.5
    if dtype.startswith("float"):
        return rng.normal(0, 50, shape).astype(dtype)
    info = np.iinfo(dtype)
    return rng.integers(max(info.min, -20000), min(info.max, 20000), shape).astype(dtype)


@pytest.mark.parametrize("mode", list(_CLASSES))
@pytest.mark.parametrize("dtype", ["uint8", "uint16", "int16", "int8", "int32", "float32",
                                   "float64", "float16", "bool"])
def test_pooling_matches_reshape_reduce_reference(mode, dtype):
    for i, shape in enumerate(_SHAPES):
        img = _image(shape, dtype, seed=i)
        for kh, kw in _KERNELS:
            kh_, kw_ = min(kh, shape[0]), min(kw, shape[1])
            aug = _CLASSES[mode](((kh, kh), (kw, kw)), keep_size=False, seed=0)
            if dtype == "bool" and mode == "average":
                out = aug(image=img)
                ref = _reference(img, kh_, kw_, mode) > 0.5
                assert out.dtype == np.bool_
                # ties (mean exactly 0.5) may go either way
                ties = np.isclose(_reference(img, kh_, kw_, mode), 0.5)
                assert np.array_equal(out[~ties], ref[~ties])
                continue
            out = aug(image=img)
            ref = _reference(img, kh_, kw_, mode)
            assert out.dtype == img.dtype and out.shape == ref.shape, (shape, kh, kw)
            if mode == "average":
                if dtype[0] in "ui":
                    tol = 0.5 + 1e-9
                else:  # float accumulation: relative to the largest magnitude
                    tol = float(np.abs(img).max()) * (2e-3 if dtype == "float16" else 1e-6)
                assert (np.abs(out.astype(np.float64) - ref) <= tol).all(), (shape, kh, kw)
            else:
                assert np.array_equal(out, ref), (shape, kh, kw)


def test_median_pool_cv_path_equals_numpy_path():
    img = _image((25, 31, 3), "uint8")
    for k in (3, 5, 7):
        assert np.array_equal(median_pool(img, k, k), _reference(img, k, k, "median"))


def test_keep_size_restores_shape_and_alignment():
    img = _image((26, 31, 3), "uint8")
    for cls in _CLASSES.values():
        out = cls(3, keep_size=True, seed=0)(image=img)
        assert out.shape == img.shape and out.dtype == img.dtype
    # a constant block stays constant where it was
    img = np.zeros((20, 20, 1), np.uint8)
    img[8:12, 8:12] = 200
    out = iaa.MaxPooling(4, seed=0)(image=img)
    assert out[9:11, 9:11].min() > 150 and out[0:4, 0:4].max() < 20


def test_one_by_one_is_identity_and_not_applied():
    img = _image((9, 9, 3), "uint8")
    out, rec = iaa.AveragePooling(1, seed=0)(image=img, return_record=True)
    assert np.array_equal(out, img) and rec.applied() == [[]]


def test_huge_kernels_are_clamped_to_the_image():
    img = _image((9, 11, 3), "uint8")
    out, rec = iaa.MaxPooling(10 ** 9, keep_size=False, seed=0)(image=img, return_record=True)
    assert out.shape == (1, 1, 3)
    assert rec.applied()[0][0]["params"] == {"kh": 9, "kw": 11}
    assert np.array_equal(out[0, 0], img.reshape(-1, 3).max(axis=0))


def test_annotations_follow_the_blocks_without_keep_size():
    shape = (20, 30, 3)
    img = _image(shape, "uint8")
    kps = KeypointsOnImage([Keypoint(x=7.0, y=5.5), Keypoint(x=29.5, y=19.5)], shape=shape)
    hm = HeatmapsOnImage(np.linspace(0, 1, 20 * 30, dtype=np.float32).reshape(20, 30, 1),
                         shape=shape)
    seg_arr = np.zeros((20, 30), np.int32)
    seg_arr[:, 15:] = 3
    seg = SegmentationMapsOnImage(seg_arr, shape=shape)
    aug = iaa.AveragePooling(((4, 4), (4, 4)), keep_size=False, seed=0)
    out_img, out_kps, out_hm, out_seg = aug(image=img, keypoints=kps, heatmaps=hm,
                                            segmentation_maps=seg)
    assert out_img.shape == pooled_shape(shape, 4, 4) == (5, 8, 3)
    assert np.allclose(out_kps.coords_xy(), [[7.0 / 4, 5.5 / 4], [29.5 / 4, 19.5 / 4]])
    assert tuple(out_kps.shape) == (5, 8, 3)
    assert out_hm.arr_0to1.shape[:2] == (5, 8) and tuple(out_hm.shape) == (5, 8, 3)
    assert np.allclose(out_hm.arr_0to1[..., 0], _reference(hm.arr_0to1[..., 0], 4, 4,
                                                           "average"), atol=1e-6)
    assert out_seg.arr.shape[:2] == (5, 8)
    assert set(np.unique(out_seg.arr)) <= {0, 3}
    # with keep_size everything stays put
    same = iaa.AveragePooling(4, seed=0)(keypoints=kps, heatmaps=hm)
    assert np.allclose(same[0].coords_xy(), kps.coords_xy())
    assert np.array_equal(same[1].arr_0to1, hm.arr_0to1)


def test_smaller_heatmaps_are_scaled_proportionally():
    shape = (40, 40, 3)
    hm = HeatmapsOnImage(np.full((20, 20, 1), 0.5, np.float32), shape=shape)
    out = iaa.MaxPooling(3, keep_size=False, seed=0)(heatmaps=hm)
    assert tuple(out.shape) == (14, 14, 3)
    assert out.arr_0to1.shape[:2] == (7, 7)
    assert np.allclose(out.arr_0to1, 0.5)


@pytest.mark.parametrize("make,exc,arg", [
    (lambda: iaa.AveragePooling(0), ValueError, "kernel_size"),
    (lambda: iaa.MaxPooling(-2), ValueError, "kernel_size"),
    (lambda: iaa.MinPooling((0, 3)), ValueError, "kernel_size"),
    (lambda: iaa.MedianPooling(((1, 3), (0, 2))), ValueError, "kernel_size"),
    (lambda: iaa.AveragePooling(2.5), TypeError, "kernel_size"),
    (lambda: iaa.AveragePooling("big"), TypeError, "kernel_size"),
    (lambda: iaa.MaxPooling(2, keep_size="yes"), TypeError, "keep_size"),
    (lambda: iaa.MaxPooling(2, keep_size=None), TypeError, "keep_size"),
])
def test_invalid_arguments_name_themselves(make, exc, arg):
    with pytest.raises(exc, match=arg):
        make()


def test_int64_refused():
    with pytest.raises(TypeError, match="image"):
        iaa.MaxPooling(2)(image=np.zeros((4, 4, 3), np.int64))


_SCALARS = st.one_of(st.integers(-3, 40), st.floats(allow_nan=True, allow_infinity=True),
                     st.sampled_from([0, 1, 2, 10 ** 12, -1, "x", None]))
_VALUES = st.one_of(_SCALARS, st.tuples(_SCALARS, _SCALARS), st.lists(_SCALARS, max_size=3),
                    st.tuples(st.tuples(_SCALARS, _SCALARS), st.lists(_SCALARS, max_size=2)))
_FUZZ_IMG = _image((7, 9, 3), "uint8")


@pytest.mark.parametrize("cls", list(_CLASSES.values()), ids=lambda c: c.__name__)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kernel_size=_VALUES, keep_size=st.one_of(st.booleans(), _SCALARS))
def test_constructor_fuzz(cls, kernel_size, keep_size):
    try:
        aug = cls(kernel_size, keep_size=keep_size, seed=0)
    except (ValueError, TypeError):
        return
    out = aug(image=_FUZZ_IMG)
    assert out.dtype == np.uint8 and out.shape[2] == 3
    if keep_size:
        assert out.shape == _FUZZ_IMG.shape
