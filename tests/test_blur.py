"""Blur family: oracles, dtype handling, validation and constructor fuzzing.

Oracles and tolerances:
- GaussianBlur(sigma=s) equals cv2.GaussianBlur with ksize = 2*ceil(3s)+1 exactly.
- AverageBlur(k) is within 1 of a float64 numpy box filter (reflect-101 border).
- MedianBlur(k) equals a numpy median with replicated borders exactly (every dtype).
- BilateralBlur / MeanShiftBlur equal the OpenCV call exactly for 3-channel uint8.
- MotionBlur(angle=0, direction=0) is within 1 of a vertical 1 x k box filter.
"""

import math

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import imgaug2.augmenters as iaa
import imgaug2.parameters as iap
from imgaug2.augmenters import blur as blur_module
from imgaug2.kernels.blur import gaussian_kernel_size, motion_blur_kernel

RNG = np.random.default_rng(1234)
IMG = RNG.integers(0, 256, size=(23, 31, 3), dtype=np.uint8)


def _box_reference(img, kh, kw):
    """float64 mean over a kh x kw window anchored like OpenCV (reflect-101 border)."""
    ay, ax = kh // 2, kw // 2
    pad = ((ay, kh - 1 - ay), (ax, kw - 1 - ax)) + ((0, 0),) * (img.ndim - 2)
    p = np.pad(img.astype(np.float64), pad, mode="reflect")
    out = np.zeros(img.shape, np.float64)
    for dy in range(kh):
        for dx in range(kw):
            out += p[dy:dy + img.shape[0], dx:dx + img.shape[1]]
    return out / (kh * kw)


def _median_reference(img, k):
    r = k // 2
    pad = ((r, r), (r, r)) + ((0, 0),) * (img.ndim - 2)
    p = np.pad(img, pad, mode="edge")
    windows = np.stack([p[dy:dy + img.shape[0], dx:dx + img.shape[1]]
                        for dy in range(k) for dx in range(k)], axis=0)
    return np.sort(windows, axis=0)[k * k // 2]


# ------------------------------------------------------------------ oracles

@pytest.mark.parametrize("sigma", [0.3, 0.8, 1.5, 3.0, 7.2])
def test_gaussian_blur_equals_opencv_with_documented_ksize(sigma):
    k = 2 * math.ceil(3 * sigma) + 1
    assert gaussian_kernel_size(sigma) == k
    out = iaa.GaussianBlur(sigma=sigma, seed=1)(image=IMG)
    expected = cv2.GaussianBlur(IMG, (k, k), sigmaX=sigma, sigmaY=sigma,
                                borderType=cv2.BORDER_REFLECT_101)
    assert np.array_equal(out, expected)


def test_gaussian_blur_tiny_sigma_is_identity_and_recorded_as_skipped():
    out, rec = iaa.GaussianBlur(sigma=1e-4, seed=1)(image=IMG, return_record=True)
    assert np.array_equal(out, IMG)
    assert rec.applied() == [[]]


@pytest.mark.parametrize("k", [2, 3, 4, 5, 9])
def test_average_blur_matches_float64_box_filter_within_1(k):
    out = iaa.AverageBlur(k=k, seed=1)(image=IMG)
    ref = _box_reference(IMG, k, k)
    assert np.abs(out.astype(np.float64) - ref).max() <= 1.0


def test_average_blur_per_axis_kernel():
    aug = iaa.AverageBlur(k=((3, 3), (7, 7)), seed=1)
    out, rec = aug(image=IMG, return_record=True)
    assert rec.applied()[0][0]["params"] == {"kh": 3, "kw": 7}
    assert np.abs(out.astype(np.float64) - _box_reference(IMG, 3, 7)).max() <= 1.0


@pytest.mark.parametrize("k", [3, 5, 7, 11])
@pytest.mark.parametrize("dtype", ["uint8", "int8", "uint16", "int16", "int32", "float32",
                                   "float64", "float16", "bool"])
def test_median_blur_matches_numpy_median_exactly(k, dtype):
    rng = np.random.default_rng(k)
    if dtype == "bool":
        img = rng.random((13, 17, 3)) > 0.5
    elif dtype.startswith("float"):
        img = rng.normal(0, 100, (13, 17, 3)).astype(dtype)
    else:
        info = np.iinfo(dtype)
        img = rng.integers(max(info.min, -30000), min(info.max, 30000), (13, 17, 3)).astype(dtype)
    out = iaa.MedianBlur(k=k, seed=1)(image=img)
    assert out.dtype == img.dtype
    assert np.array_equal(out, _median_reference(img, k))


def test_median_blur_two_and_five_channels():
    img = RNG.integers(0, 256, (12, 14, 5), dtype=np.uint8)
    out = iaa.MedianBlur(k=7, seed=1)(image=img)
    assert np.array_equal(out, _median_reference(img, 7))
    out2 = iaa.MedianBlur(k=9, seed=1)(image=img[:, :, :2])
    assert np.array_equal(out2, _median_reference(img[:, :, :2], 9))


def test_median_blur_even_draws_round_up_to_odd():
    aug = iaa.MedianBlur(k=iap.Choice([2, 4]), seed=1)
    _, rec = aug(images=[IMG] * 8, return_record=True)
    ks = {row[0]["params"]["k"] for row in rec.applied()}
    assert ks <= {3, 5} and ks


def test_bilateral_blur_equals_opencv_and_documented_channel_conversions():
    aug = iaa.BilateralBlur(d=5, sigma_color=60, sigma_space=40, seed=1)
    expected = cv2.bilateralFilter(IMG, 5, 60, 40, borderType=cv2.BORDER_REFLECT_101)
    assert np.array_equal(aug(image=IMG), expected)
    rgba = np.dstack([IMG, IMG[:, :, 0]])
    out = aug(image=rgba)
    assert np.array_equal(out[:, :, :3], expected)
    assert np.array_equal(out[:, :, 3], cv2.bilateralFilter(
        np.ascontiguousarray(IMG[:, :, 0]), 5, 60, 40, borderType=cv2.BORDER_REFLECT_101))
    gray = aug(image=IMG[:, :, 0])
    assert gray.shape == IMG.shape[:2]
    two = aug(image=IMG[:, :, :2])
    assert two.shape == (23, 31, 2)
    f = aug(image=IMG.astype(np.float64))
    assert f.dtype == np.float64 and np.abs(f - expected).max() < 1.5


def test_motion_blur_kernel_and_vertical_oracle():
    for k, angle, direction in [(3, 0, 0), (7, 45, 0.5), (9, 200, -1.0), (15, 90, 1.0)]:
        kern = motion_blur_kernel(k, angle, direction)
        assert kern.shape == (k, k) and abs(float(kern.sum()) - 1.0) < 1e-5
    vertical = motion_blur_kernel(5, 0, 0)
    assert np.allclose(vertical[:, 2], 0.2) and np.allclose(np.delete(vertical, 2, axis=1), 0)
    horizontal = motion_blur_kernel(5, 90, 0)
    assert np.allclose(horizontal[2, :], 0.2, atol=1e-6)
    out = iaa.MotionBlur(k=5, angle=0, direction=0, seed=1)(image=IMG)
    assert np.abs(out.astype(np.float64) - _box_reference(IMG, 5, 1)).max() <= 1.0
    # direction +1 puts the weight on the upper half of a vertical line
    top = motion_blur_kernel(5, 0, 1.0)
    assert top[:2, 2].sum() > 0.6 and top[4, 2] == 0


def test_mean_shift_blur_equals_opencv_and_channel_rules():
    img = IMG.copy()
    aug = iaa.MeanShiftBlur(spatial_radius=8.0, color_radius=20.0, seed=1)
    assert np.array_equal(aug(image=img), cv2.pyrMeanShiftFiltering(img, 8.0, 20.0))
    rgba = np.dstack([img, np.full(img.shape[:2], 77, np.uint8)])
    out = aug(image=rgba)
    assert np.array_equal(out[:, :, :3], cv2.pyrMeanShiftFiltering(img, 8.0, 20.0))
    assert (out[:, :, 3] == 77).all()
    gray = aug(image=img[:, :, 0])
    assert gray.shape == img.shape[:2]
    for c in (2, 5):
        with pytest.raises(ValueError, match="image"):
            aug(image=np.zeros((8, 8, c), np.uint8))
    with pytest.raises(TypeError, match="image"):
        aug(image=img.astype(np.float32))


# ------------------------------------------------------------------- dtypes

_LINEAR = [lambda: iaa.GaussianBlur(2.0, seed=1), lambda: iaa.AverageBlur(5, seed=1),
           lambda: iaa.MotionBlur(5, angle=30, seed=1)]


@pytest.mark.parametrize("make", _LINEAR)
@pytest.mark.parametrize("dtype", ["uint16", "int16", "int32", "uint32", "int8", "float16",
                                   "float32"])
def test_linear_blurs_agree_with_float64_computation(make, dtype):
    """Every dtype gives the float64 result, rounded (integers: within 1)."""
    scale = {"int8": 0.4, "float16": 1.0 / 255, "float32": 1.0 / 255}.get(dtype, 100.0)
    img = np.round(IMG.astype(np.float64) * scale)
    if dtype[0] == "f":
        img = IMG.astype(np.float64) * scale
    img = img.astype(dtype)
    out = make()(image=img)
    assert out.dtype == img.dtype and out.shape == img.shape
    ref = make()(image=img.astype(np.float64))
    tol = 1.0 if dtype[0] in "ui" else (2e-3 if dtype == "float16" else 1e-5)
    assert np.abs(out.astype(np.float64) - ref).max() <= tol


@pytest.mark.parametrize("make", _LINEAR + [lambda: iaa.MedianBlur(5, seed=1),
                                            lambda: iaa.BilateralBlur(5, 30, 30, seed=1)])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_float_extremes_stay_finite(make, dtype):
    aug = make()
    if dtype not in aug.supported_dtypes:
        pytest.skip("dtype not supported")
    info = np.finfo(dtype)
    img = np.full((9, 10, 3), info.max, dtype=dtype)
    img[::2] = info.min
    out = aug(image=img)
    assert np.isfinite(out).all()


def test_bool_images_stay_bool():
    img = IMG > 128
    for aug in (iaa.GaussianBlur(1.0), iaa.AverageBlur(3), iaa.MedianBlur(3), iaa.MotionBlur(5)):
        out = aug(image=img)
        assert out.dtype == np.bool_ and out.shape == img.shape


def test_int64_refused_by_linear_blurs():
    with pytest.raises(TypeError, match="image"):
        iaa.GaussianBlur(1.0)(image=np.zeros((4, 4, 3), np.int64))
    assert iaa.MedianBlur(3)(image=np.zeros((4, 4, 3), np.int64)).dtype == np.int64


def test_huge_kernels_on_tiny_images():
    tiny = RNG.integers(0, 256, (1, 2, 3), dtype=np.uint8)
    for aug in (iaa.GaussianBlur(100.0), iaa.AverageBlur(1001), iaa.MedianBlur(255),
                iaa.BilateralBlur(51), iaa.MotionBlur(101, angle=33),
                iaa.MeanShiftBlur(100.0, 1000.0)):
        assert aug(image=tiny).shape == tiny.shape


def test_parameter_draws_are_clipped_and_nan_draws_refused():
    out, rec = iaa.GaussianBlur(iap.Deterministic(1e9), seed=1)(image=IMG, return_record=True)
    assert rec.applied()[0][0]["params"]["sigma"] == blur_module.MAX_SIGMA
    with pytest.raises(ValueError, match="sigma"):
        iaa.GaussianBlur(iap.Deterministic(float("nan")))(image=IMG)
    out = iaa.AverageBlur(iap.Deterministic(-5))(image=IMG)
    assert np.array_equal(out, IMG)
    with pytest.raises(TypeError, match="angle"):
        iaa.MotionBlur(angle=iap.Deterministic("x"))(image=IMG)


# --------------------------------------------------------------- validation

@pytest.mark.parametrize("make,arg", [
    (lambda: iaa.GaussianBlur(sigma=1e6), "sigma"),
    (lambda: iaa.GaussianBlur(sigma=-1), "sigma"),
    (lambda: iaa.GaussianBlur(sigma=float("nan")), "sigma"),
    (lambda: iaa.GaussianBlur(sigma=(0, float("inf"))), "sigma"),
    (lambda: iaa.AverageBlur(k=0), "k"),
    (lambda: iaa.AverageBlur(k=(0, 3)), "k"),
    (lambda: iaa.AverageBlur(k=((1, 3), (0, 2))), "k"),
    (lambda: iaa.AverageBlur(k=10 ** 6), "k"),
    (lambda: iaa.MedianBlur(k=4), "k"),
    (lambda: iaa.MedianBlur(k=0), "k"),
    (lambda: iaa.MedianBlur(k=-3), "k"),
    (lambda: iaa.MedianBlur(k=(2, 7)), "k"),
    (lambda: iaa.MedianBlur(k=[3, 6]), "k"),
    (lambda: iaa.MedianBlur(k=257), "k"),
    (lambda: iaa.BilateralBlur(d=0), "d"),
    (lambda: iaa.BilateralBlur(d=500), "d"),
    (lambda: iaa.BilateralBlur(sigma_color=-1), "sigma_color"),
    (lambda: iaa.BilateralBlur(sigma_space=float("nan")), "sigma_space"),
    (lambda: iaa.MotionBlur(k=2), "k"),
    (lambda: iaa.MotionBlur(direction=1.5), "direction"),
    (lambda: iaa.MotionBlur(angle=float("inf")), "angle"),
    (lambda: iaa.MotionBlur(order=7), "order"),
    (lambda: iaa.MeanShiftBlur(spatial_radius=-1), "spatial_radius"),
    (lambda: iaa.MeanShiftBlur(spatial_radius=1e6), "spatial_radius"),
    (lambda: iaa.MeanShiftBlur(color_radius=(1, 1e9)), "color_radius"),
])
def test_invalid_values_raise_value_error_naming_argument(make, arg):
    with pytest.raises(ValueError, match=arg):
        make()


@pytest.mark.parametrize("make,arg", [
    (lambda: iaa.GaussianBlur(sigma="big"), "sigma"),
    (lambda: iaa.AverageBlur(k=2.5), "k"),
    (lambda: iaa.MedianBlur(k="3"), "k"),
    (lambda: iaa.BilateralBlur(d=None), "d"),
    (lambda: iaa.MotionBlur(direction="left"), "direction"),
    (lambda: iaa.MotionBlur(angle={"a": 1}), "angle"),
    (lambda: iaa.MeanShiftBlur(color_radius=object()), "color_radius"),
])
def test_invalid_types_raise_type_error_naming_argument(make, arg):
    with pytest.raises(TypeError, match=arg):
        make()


# -------------------------------------------------------------------- fuzz

_SCALARS = st.one_of(st.integers(-5, 300), st.floats(allow_nan=True, allow_infinity=True),
                     st.sampled_from([0, 1, 2, 3, 1e6, -1, "x", None, True]))
_VALUES = st.one_of(_SCALARS, st.tuples(_SCALARS, _SCALARS), st.lists(_SCALARS, max_size=3),
                    st.tuples(st.tuples(_SCALARS, _SCALARS), st.tuples(_SCALARS, _SCALARS)))

_ARGS = {
    iaa.GaussianBlur: ("sigma",),
    iaa.AverageBlur: ("k",),
    iaa.MedianBlur: ("k",),
    iaa.BilateralBlur: ("d", "sigma_color", "sigma_space"),
    iaa.MotionBlur: ("k", "angle", "direction", "order"),
    iaa.MeanShiftBlur: ("spatial_radius", "color_radius"),
}
_FUZZ_IMG = RNG.integers(0, 256, (6, 7, 3), dtype=np.uint8)


@pytest.mark.parametrize("cls", list(_ARGS), ids=lambda c: c.__name__)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_constructor_fuzz(cls, data):
    kwargs = {name: data.draw(_VALUES, label=name)
              for name in _ARGS[cls] if data.draw(st.booleans(), label="use_" + name)}
    try:
        aug = cls(**kwargs, seed=0)
    except (ValueError, TypeError):
        return
    out = aug(image=_FUZZ_IMG)
    assert out.shape == _FUZZ_IMG.shape and out.dtype == np.uint8


def test_images_wider_than_opencvs_channel_limit():
    """OpenCV 5 takes at most 128 channels per call: wider images go in slices.

    Each channel matches filtering it alone (within 1: OpenCV's area resize
    may round ties differently for different channel counts).
    """
    img = RNG.integers(0, 256, (6, 7, 130), dtype=np.uint8)
    for aug in (iaa.GaussianBlur(1.0), iaa.AverageBlur(3), iaa.MedianBlur(3), iaa.MedianBlur(7),
                iaa.MotionBlur(5), iaa.BilateralBlur(5), iaa.Sharpen(1.0), iaa.MaxPooling(2),
                iaa.AveragePooling(2, keep_size=False), iaa.MedianPooling(3, keep_size=False)):
        out = aug(image=img, key=0)
        assert out.shape[2] == 130
        single = aug(image=img[:, :, 129:], key=0)
        diff = np.abs(out[:, :, 129:].astype(int) - single.astype(int))
        assert diff.max() <= 1, type(aug).__name__
