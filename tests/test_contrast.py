"""Contrast augmenters: float64 oracles, CLAHE/equalisation references, layouts,
validation messages and constructor fuzzing.

Tolerances: uint8 curves equal their rounded float64 formula within 1 (the
tables are built in float64 and rounded, so they match exactly in practice);
other integer dtypes within 1 after the documented range normalisation; the
OpenCV-backed augmenters (CLAHE, histogram equalisation) are compared bit-exactly
with the same OpenCV calls.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import imgaug2.augmenters as iaa
import imgaug2.parameters as iap

RNG = np.random.default_rng(1234)
IMG = RNG.integers(0, 256, (24, 31, 3), dtype=np.uint8)
X = np.arange(256, dtype=np.float64)


def _close(a, b, tol=1):
    diff = np.abs(np.asarray(a, dtype=np.float64) - np.asarray(b, dtype=np.float64))
    assert diff.max() <= tol, diff.max()


# ------------------------------------------------------------------ oracles

@pytest.mark.parametrize("gamma", [0.2, 0.7, 1.0, 1.7, 4.0])
def test_gamma_uint8_oracle(gamma):
    out = iaa.GammaContrast(gamma)(image=IMG)
    _close(out, np.round(255 * (IMG / 255.0) ** gamma))


@pytest.mark.parametrize("gain,cutoff", [(5, 0.5), (10, 0.3), (0, 0.6)])
def test_sigmoid_uint8_oracle(gain, cutoff):
    out = iaa.SigmoidContrast(gain, cutoff)(image=IMG)
    _close(out, np.round(255 / (1 + np.exp(gain * (cutoff - IMG / 255.0)))))


@pytest.mark.parametrize("gain", [0.4, 1.0, 1.6])
def test_log_uint8_oracle(gain):
    out = iaa.LogContrast(gain)(image=IMG)
    _close(out, np.clip(np.round(255 * gain * np.log2(1 + IMG / 255.0)), 0, 255))


@pytest.mark.parametrize("alpha", [-1.0, 0.0, 0.5, 1.0, 2.5])
def test_linear_uint8_oracle(alpha):
    out = iaa.LinearContrast(alpha)(image=IMG)
    _close(out, np.clip(128 + alpha * (IMG.astype(np.float64) - 128), 0, 255))


def test_uint16_and_int16_use_full_dtype_range():
    img16 = RNG.integers(0, 65536, (9, 10, 3), dtype=np.uint16)
    out = iaa.GammaContrast(2.0)(image=img16)
    assert out.dtype == np.uint16
    _close(out, np.round(65535 * (img16 / 65535.0) ** 2.0))
    imgs16 = RNG.integers(-32768, 32768, (9, 10), dtype=np.int16)
    out = iaa.LinearContrast(2.0)(image=imgs16)
    assert out.dtype == np.int16
    _close(out, np.clip(2.0 * imgs16.astype(np.float64), -32768, 32767))


def test_float_images_are_unit_intensities_and_stay_finite():
    img = RNG.random((8, 9, 3)).astype(np.float32)
    out = iaa.GammaContrast(2.0)(image=img)
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, img.astype(np.float64) ** 2, rtol=1e-6, atol=1e-7)
    out = iaa.LinearContrast(3.0)(image=img)
    np.testing.assert_allclose(out, 0.5 + 3.0 * (img.astype(np.float64) - 0.5), rtol=1e-6)
    extreme = np.array([[np.finfo(np.float64).max, -np.finfo(np.float64).max, 0.5]])
    for aug in (iaa.LinearContrast(1000), iaa.GammaContrast(0.01), iaa.LogContrast(100),
                iaa.SigmoidContrast(1000, 0.5)):
        assert np.isfinite(aug(image=extreme)).all()


def test_per_channel_draws_one_value_per_channel_and_records_it():
    aug = iaa.GammaContrast([0.5, 1.0, 2.0, 3.0], per_channel=True, seed=3)
    out, rec = aug(image=IMG, return_record=True)
    values = [v[0] for v in rec.applied()[0][0]["params"]["values"]]
    assert len(values) == 3
    for c, g in enumerate(values):
        _close(out[:, :, c], np.round(255 * (IMG[:, :, c] / 255.0) ** g))
    assert len({tuple(aug(image=IMG, key=k)[0, 0]) for k in range(20)}) > 1


def test_identity_parameters_skip_the_row():
    for aug in (iaa.GammaContrast(1.0), iaa.LinearContrast(1.0)):
        out, rec = aug(image=IMG, return_record=True)
        assert np.array_equal(out, IMG) and rec.applied()[0] == []


def test_functional_helpers():
    assert np.array_equal(iaa.adjust_contrast_gamma(IMG, 2.0), iaa.GammaContrast(2.0)(image=IMG))
    assert np.array_equal(iaa.adjust_contrast_linear(IMG, 1.5),
                          iaa.LinearContrast(1.5)(image=IMG))
    assert iaa.adjust_contrast_log(IMG, 1.0).dtype == np.uint8
    assert iaa.adjust_contrast_sigmoid(IMG, 5, 0.5).shape == IMG.shape
    with pytest.raises(ValueError, match="gamma"):
        iaa.adjust_contrast_gamma(IMG, 0)


# --------------------------------------------------------- CLAHE / hist. eq.

def test_all_channels_clahe_equals_opencv_per_channel():
    out = iaa.AllChannelsCLAHE(clip_limit=3.0, tile_grid_size_px=4)(image=IMG)
    clahe = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(4, 4))
    ref = np.dstack([clahe.apply(np.ascontiguousarray(IMG[:, :, c])) for c in range(3)])
    assert np.array_equal(out, ref)


def test_all_channels_clahe_separate_grid_axes_and_uint16():
    out = iaa.AllChannelsCLAHE(2.0, tile_grid_size_px=((3, 3), (5, 5)))(image=IMG)
    clahe = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(5, 3))
    assert np.array_equal(out[:, :, 1], clahe.apply(np.ascontiguousarray(IMG[:, :, 1])))
    img16 = RNG.integers(0, 65536, (30, 30), dtype=np.uint16)
    out = iaa.AllChannelsCLAHE(2.0, 4)(image=img16)
    ref = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(4, 4)).apply(img16)
    assert out.dtype == np.uint16 and np.array_equal(out, ref)


def test_clahe_grid_is_clamped_to_the_image_and_min():
    aug = iaa.AllChannelsCLAHE(2.0, tile_grid_size_px=500, tile_grid_size_px_min=0)
    _, rec = aug(image=IMG, return_record=True)
    (_, gh, gw), = rec.applied()[0][0]["params"]["settings"]
    assert (gh, gw) == IMG.shape[:2]
    aug = iaa.AllChannelsCLAHE(2.0, tile_grid_size_px=1, tile_grid_size_px_min=6)
    _, rec = aug(image=IMG, return_record=True)
    assert rec.applied()[0][0]["params"]["settings"][0][1:] == [6, 6]


@pytest.mark.parametrize("space,idx,to_code,back_code", [
    ("Lab", 0, cv2.COLOR_RGB2Lab, cv2.COLOR_Lab2RGB),
    ("HSV", 2, cv2.COLOR_RGB2HSV, cv2.COLOR_HSV2RGB),
    ("HLS", 1, cv2.COLOR_RGB2HLS, cv2.COLOR_HLS2RGB),
])
def test_clahe_and_histeq_work_on_the_intensity_channel(space, idx, to_code, back_code):
    conv = cv2.cvtColor(IMG, to_code)
    conv_eq = conv.copy()
    conv_eq[:, :, idx] = cv2.equalizeHist(np.ascontiguousarray(conv[:, :, idx]))
    out = iaa.HistogramEqualization(to_colorspace=space)(image=IMG)
    assert np.array_equal(out, cv2.cvtColor(conv_eq, back_code))
    conv_cl = conv.copy()
    clahe = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(4, 4))
    conv_cl[:, :, idx] = clahe.apply(np.ascontiguousarray(conv[:, :, idx]))
    out = iaa.CLAHE(2.0, 4, to_colorspace=space)(image=IMG)
    assert np.array_equal(out, cv2.cvtColor(conv_cl, back_code))


def test_histeq_layouts_gray_alpha_and_odd_channel_counts():
    gray = IMG[:, :, 0].copy()
    assert np.array_equal(iaa.HistogramEqualization()(image=gray), cv2.equalizeHist(gray))
    out = iaa.HistogramEqualization()(image=gray[:, :, None])
    assert out.shape == gray.shape + (1,)
    rgba = np.dstack([IMG, gray])
    out = iaa.HistogramEqualization()(image=rgba)
    assert np.array_equal(out[:, :, 3], gray)
    assert np.array_equal(out[:, :, :3], iaa.HistogramEqualization()(image=IMG))
    five = np.dstack([IMG, IMG[:, :, :2]])
    out = iaa.HistogramEqualization()(image=five)
    assert np.array_equal(out, iaa.AllChannelsHistogramEqualization()(image=five))
    out = iaa.AllChannelsHistogramEqualization()(image=IMG)
    assert np.array_equal(out[:, :, 2], cv2.equalizeHist(np.ascontiguousarray(IMG[:, :, 2])))


def test_clahe_replays_and_differs_between_seeds():
    aug = iaa.CLAHE(seed=5)
    imgs = [RNG.integers(0, 256, (20, 20, 3), dtype=np.uint8) for _ in range(6)]
    out, rec = aug(images=imgs, return_record=True)
    again = aug.replay(rec, images=imgs)
    assert all(np.array_equal(a, b) for a, b in zip(out, again))


# --------------------------------------------------------------- validation

@pytest.mark.parametrize("build,argname,exc", [
    (lambda: iaa.GammaContrast(0), "gamma", ValueError),
    (lambda: iaa.GammaContrast(-1.0), "gamma", ValueError),
    (lambda: iaa.GammaContrast((0.0, 2.0)), "gamma", ValueError),
    (lambda: iaa.GammaContrast(float("nan")), "gamma", ValueError),
    (lambda: iaa.GammaContrast(float("inf")), "gamma", ValueError),
    (lambda: iaa.GammaContrast("1"), "gamma", TypeError),
    (lambda: iaa.GammaContrast(1.0, per_channel=1.5), "per_channel", ValueError),
    (lambda: iaa.GammaContrast(1.0, per_channel=-0.1), "per_channel", ValueError),
    (lambda: iaa.GammaContrast(1.0, per_channel="yes"), "per_channel", TypeError),
    (lambda: iaa.SigmoidContrast(gain=-1), "gain", ValueError),
    (lambda: iaa.SigmoidContrast(cutoff=1.5), "cutoff", ValueError),
    (lambda: iaa.SigmoidContrast(cutoff=float("nan")), "cutoff", ValueError),
    (lambda: iaa.LogContrast(gain=0), "gain", ValueError),
    (lambda: iaa.LinearContrast(alpha=float("inf")), "alpha", ValueError),
    (lambda: iaa.LinearContrast(alpha=None), "alpha", TypeError),
    (lambda: iaa.AllChannelsCLAHE(clip_limit=0), "clip_limit", ValueError),
    (lambda: iaa.AllChannelsCLAHE(tile_grid_size_px=-2), "tile_grid_size_px", ValueError),
    (lambda: iaa.AllChannelsCLAHE(tile_grid_size_px=2.5), "tile_grid_size_px", TypeError),
    (lambda: iaa.AllChannelsCLAHE(tile_grid_size_px_min=-1), "tile_grid_size_px_min",
     ValueError),
    (lambda: iaa.AllChannelsCLAHE(tile_grid_size_px_min=2.0), "tile_grid_size_px_min",
     TypeError),
    (lambda: iaa.AllChannelsCLAHE(per_channel=2), "per_channel", ValueError),
    (lambda: iaa.CLAHE(to_colorspace="RGB"), "to_colorspace", ValueError),
    (lambda: iaa.CLAHE(from_colorspace="XYZ"), "from_colorspace", ValueError),
    (lambda: iaa.CLAHE(from_colorspace=3), "from_colorspace", TypeError),
    (lambda: iaa.HistogramEqualization(to_colorspace="nope"), "to_colorspace", ValueError),
    (lambda: iaa.HistogramEqualization(from_colorspace="GRAY"), "from_colorspace", ValueError),
])
def test_bad_arguments_fail_at_construction_naming_the_argument(build, argname, exc):
    with pytest.raises(exc, match=argname):
        build()


def test_unsupported_dtypes_are_refused_naming_image():
    with pytest.raises(TypeError, match="image"):
        iaa.CLAHE()(image=IMG.astype(np.uint16))
    with pytest.raises(TypeError, match="image"):
        iaa.GammaContrast()(image=IMG.astype(np.int64))
    with pytest.raises(TypeError, match="image"):
        iaa.AllChannelsHistogramEqualization()(image=IMG.astype(np.float32))


# -------------------------------------------------------------------- fuzz

_NUM = st.one_of(st.floats(allow_nan=True, allow_infinity=True, width=64),
                 st.integers(-10**6, 10**6), st.none(), st.text(max_size=3),
                 st.tuples(st.floats(-100, 100), st.floats(-100, 100)),
                 st.lists(st.floats(-100, 100), min_size=0, max_size=3))
_PROB = st.one_of(st.booleans(), st.floats(-1, 2), st.integers(-2, 3), st.text(max_size=2))
_SMALL = RNG.integers(0, 256, (5, 6, 3), dtype=np.uint8)


def _build_or_reject(build):
    try:
        aug = build()
    except (ValueError, TypeError):
        return None
    return aug


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.sampled_from(["gamma", "sigmoid", "log", "linear", "clahe", "allclahe"]),
       a=_NUM, b=_NUM, pc=_PROB)
def test_fuzz_constructors_only_raise_value_or_type_errors(which, a, b, pc):
    builders = {
        "gamma": lambda: iaa.GammaContrast(a, per_channel=pc),
        "sigmoid": lambda: iaa.SigmoidContrast(a, b, per_channel=pc),
        "log": lambda: iaa.LogContrast(a, per_channel=pc),
        "linear": lambda: iaa.LinearContrast(a, per_channel=pc),
        "clahe": lambda: iaa.CLAHE(a, b),
        "allclahe": lambda: iaa.AllChannelsCLAHE(a, b, per_channel=pc),
    }
    aug = _build_or_reject(builders[which])
    if aug is not None:
        for img in (_SMALL, _SMALL.astype(np.float32) / 255, _SMALL[:, :, 0]):
            if img.dtype.name in aug._tree_dtypes():
                out = aug(image=img)
                assert out.shape == img.shape and out.dtype == img.dtype


@settings(max_examples=40, deadline=None)
@given(gamma=st.floats(1e-3, 50), alpha=st.floats(-50, 50), gain=st.floats(0, 200),
       cutoff=st.floats(0, 1), clip=st.floats(1e-3, 100), grid=st.integers(0, 40))
def test_fuzz_valid_parameters_never_crash(gamma, alpha, gain, cutoff, clip, grid):
    for aug in (iaa.GammaContrast(gamma), iaa.LinearContrast(alpha),
                iaa.SigmoidContrast(gain, cutoff), iaa.LogContrast(max(gain, 1e-3)),
                iaa.AllChannelsCLAHE(clip, grid, tile_grid_size_px_min=0),
                iaa.CLAHE(clip, (grid, grid + 1))):
        out = aug(image=_SMALL)
        assert out.shape == _SMALL.shape and out.dtype == np.uint8


def test_stochastic_parameters_outside_the_range_are_clipped_not_crashing():
    weird = iap.Choice([-5.0, 0.0, 1e9])
    for aug in (iaa.GammaContrast(weird), iaa.LogContrast(weird),
                iaa.SigmoidContrast(weird, weird), iaa.LinearContrast(weird),
                iaa.AllChannelsCLAHE(weird, iap.Choice([-3, 0, 10**9]))):
        for k in range(6):
            assert aug(image=_SMALL, key=k).dtype == np.uint8
