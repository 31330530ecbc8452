"""Colour augmenters: OpenCV/numpy oracles, hue wrapping, layouts, k-means
determinism, validation messages and constructor fuzzing.

Tolerances: augmenters that only map channels through tables are compared
bit-exactly (``from_colorspace`` set to the working space makes the
conversions identities); conversions through 8-bit colourspaces are compared
with the same ``cv2.cvtColor`` calls, bit-exactly.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import imgaug2.augmenters as iaa
import imgaug2.parameters as iap
from imgaug2.kernels.color import kelvin_to_multipliers

RNG = np.random.default_rng(99)
IMG = RNG.integers(0, 256, (20, 27, 3), dtype=np.uint8)
HSV = cv2.cvtColor(IMG, cv2.COLOR_RGB2HSV)
SPACES = ["RGB", "BGR", "GRAY", "CIE", "YCrCb", "HSV", "HLS", "Lab", "Luv", "YUV"]


# --------------------------------------------------------- colourspaces/gray

def test_grayscale_alpha_one_is_opencv_gray_in_three_channels():
    gray = cv2.cvtColor(IMG, cv2.COLOR_RGB2GRAY)
    assert np.array_equal(iaa.Grayscale(1.0)(image=IMG), np.dstack([gray] * 3))
    assert np.array_equal(iaa.Grayscale(0.0)(image=IMG), IMG)
    half = iaa.Grayscale(0.5)(image=IMG).astype(np.float64)
    assert np.abs(half - (0.5 * IMG + 0.5 * gray[:, :, None])).max() <= 1
    bgr = IMG[:, :, ::-1].copy()
    assert np.array_equal(iaa.Grayscale(1.0, from_colorspace="BGR")(image=bgr),
                          np.dstack([gray] * 3))


@pytest.mark.parametrize("space", SPACES)
def test_change_colorspace_matches_cvtcolor(space):
    out = iaa.ChangeColorspace(space)(image=IMG)
    if space == "RGB":
        assert np.array_equal(out, IMG)
    elif space == "GRAY":
        assert np.array_equal(out, np.dstack([cv2.cvtColor(IMG, cv2.COLOR_RGB2GRAY)] * 3))
    else:
        code = getattr(cv2, "COLOR_RGB2%s" % {"CIE": "XYZ"}.get(space, space))
        assert np.array_equal(out, cv2.cvtColor(IMG, code))


def test_with_colorspace_runs_children_in_the_target_space():
    child = iaa.WithChannels(2, iaa.LinearContrast(2.0))
    out = iaa.WithColorspace("HSV", children=child)(image=IMG)
    v = HSV.copy()
    v[:, :, 2] = np.clip(128 + 2.0 * (HSV[:, :, 2].astype(np.float64) - 128), 0, 255)
    assert np.array_equal(out, cv2.cvtColor(v, cv2.COLOR_HSV2RGB))
    gray = IMG[:, :, 0].copy()
    out = iaa.WithColorspace("HSV", children=iaa.Identity())(image=gray)
    assert out.shape == gray.shape and np.abs(out.astype(int) - gray).max() <= 1


def test_with_brightness_channels_hands_the_brightness_channel_to_children():
    aug = iaa.WithBrightnessChannels(iaa.LinearContrast(1.5), to_colorspace="YCrCb")
    ycc = cv2.cvtColor(IMG, cv2.COLOR_RGB2YCrCb)
    ycc[:, :, 0] = np.clip(np.round(128 + 1.5 * (ycc[:, :, 0] - 128.0)), 0, 255)
    assert np.array_equal(aug(image=IMG), cv2.cvtColor(ycc, cv2.COLOR_YCrCb2RGB))
    gray = IMG[:, :, 1].copy()
    assert np.array_equal(aug(image=gray), iaa.LinearContrast(1.5)(image=gray))


def test_with_hue_and_saturation_wraps_hue_and_clips_saturation():
    def add(images, random_state, parents, hooks):
        return [im + np.array([255, 300], dtype=np.int16) for im in images]
    aug = iaa.WithHueAndSaturation(iaa.Lambda(func_images=add), from_colorspace="HSV")
    out = aug(image=HSV)
    assert np.array_equal(out[:, :, 0], HSV[:, :, 0])  # +255 is one full turn
    assert (out[:, :, 1] == 255).all() and np.array_equal(out[:, :, 2], HSV[:, :, 2])
    with pytest.raises(TypeError, match="children"):
        iaa.WithHueAndSaturation(iaa.HistogramEqualization())


def test_hue_saturation_planes_match_the_arithmetic_definition():
    from imgaug2.kernels.color import hsv_to_hue_sat, hue_sat_to_hsv
    rng = np.random.default_rng(3)
    hsv = np.stack([rng.integers(0, 180, (37, 41)), rng.integers(0, 256, (37, 41)),
                    rng.integers(0, 256, (37, 41))], -1).astype(np.uint8)
    hs, value = hsv_to_hue_sat(hsv)
    assert hs.dtype == np.int16 and hs.flags.c_contiguous
    assert np.array_equal(hs[:, :, 0], np.rint(hsv[:, :, 0] * 255.0 / 180.0))
    assert np.array_equal(hs[:, :, 1], hsv[:, :, 1]) and np.array_equal(value, hsv[:, :, 2])

    def expected(out):
        # hue modulo 255, back to [0, 180) rounded; saturation clipped
        hue = (np.mod(out[:, :, 0], 255, dtype=np.int64) * 180 + 127) // 255
        return np.stack([hue, np.clip(out[:, :, 1], 0, 255), hsv[:, :, 2]], -1)
    # in range (the LUT path), wrapping and clipping int16, other small integer types,
    # and a non-contiguous child result
    for dtype, lo, hi in ((np.int16, 0, 254), (np.int16, -32768, 32767), (np.int16, -300, 600),
                          (np.uint16, 0, 65535), (np.int8, -128, 127), (np.uint8, 0, 255)):
        out = rng.integers(lo, hi, hs.shape, endpoint=True).astype(dtype)
        assert np.array_equal(hue_sat_to_hsv(out, value), expected(out)), dtype
        wide = np.repeat(out, 2, axis=1)[:, ::2]
        assert np.array_equal(hue_sat_to_hsv(wide, value), expected(out)), dtype
    flags = rng.random(hs.shape) < 0.5
    assert np.array_equal(hue_sat_to_hsv(flags, value), expected(flags.astype(np.int16)))


# ------------------------------------------------------------ brightness

def test_multiply_and_add_to_brightness_table_and_order():
    ycc = cv2.cvtColor(IMG, cv2.COLOR_RGB2YCrCb)
    aug = iaa.MultiplyAndAddToBrightness(mul=1.5, add=-40, to_colorspace="YCrCb",
                                         from_colorspace="YCrCb", random_order=False)
    out = aug(image=ycc)
    ref = np.clip(np.round(np.clip(np.round(ycc[:, :, 0] * 1.5), 0, 255) - 40), 0, 255)
    assert np.array_equal(out[:, :, 0], ref) and np.array_equal(out[:, :, 1:], ycc[:, :, 1:])
    aug = iaa.MultiplyAndAddToBrightness(mul=1.5, add=-40, to_colorspace="YCrCb", seed=2)
    orders = {aug(image=IMG, key=k, return_record=True)[1].applied()[0][0]["params"]["mul_first"]
              for k in range(16)}
    assert orders == {True, False}
    assert np.array_equal(iaa.MultiplyBrightness(1.0)(image=IMG), IMG)
    assert np.array_equal(iaa.AddToBrightness(0)(image=IMG), IMG)
    gray = IMG[:, :, 0].copy()
    assert np.array_equal(iaa.AddToBrightness(30)(image=gray),
                          np.clip(gray.astype(int) + 30, 0, 255))


# --------------------------------------------------------- hue / saturation

@pytest.mark.parametrize("value", [-255, -128, -1, 0, 10, 128, 200, 255])
def test_add_to_hue_wraps_modulo_180(value):
    out = iaa.AddToHue(value, from_colorspace="HSV")(image=HSV)
    shift = int(value * 180 / 255)
    assert np.array_equal(out[:, :, 0], (HSV[:, :, 0].astype(int) + shift) % 180)
    assert np.array_equal(out[:, :, 1:], HSV[:, :, 1:])


def test_add_to_hue_on_rgb_matches_manual_hsv_round_trip():
    out = iaa.AddToHue(60)(image=IMG)
    h = HSV.copy()
    h[:, :, 0] = (HSV[:, :, 0].astype(int) + int(60 * 180 / 255)) % 180
    assert np.array_equal(out, cv2.cvtColor(h, cv2.COLOR_HSV2RGB))


def test_saturation_and_hue_multiplication_tables():
    out = iaa.AddToSaturation(-100, from_colorspace="HSV")(image=HSV)
    assert np.array_equal(out[:, :, 1], np.clip(HSV[:, :, 1].astype(int) - 100, 0, 255))
    out = iaa.MultiplySaturation(1.7, from_colorspace="HSV")(image=HSV)
    assert np.array_equal(out[:, :, 1], np.clip(np.round(HSV[:, :, 1] * 1.7), 0, 255))
    out = iaa.MultiplyHue(-2.5, from_colorspace="HSV")(image=HSV)
    assert np.array_equal(out[:, :, 0], np.mod(np.round(HSV[:, :, 0] * -2.5), 180))
    out = iaa.RemoveSaturation(1.0, from_colorspace="HSV")(image=HSV)
    assert (out[:, :, 1] == 0).all()
    out = iaa.AddToHueAndSaturation(value_hue=30, value_saturation=20,
                                    from_colorspace="HSV")(image=HSV)
    assert np.array_equal(out[:, :, 1], np.clip(HSV[:, :, 1].astype(int) + 20, 0, 255))


def test_per_channel_draws_separate_hue_and_saturation_values():
    aug = iaa.AddToHueAndSaturation((-100, 100), per_channel=True, seed=1)
    params = [aug(image=IMG, key=k, return_record=True)[1].applied()[0][0]["params"]
              for k in range(8)]
    assert any(p["hue"] != p["saturation"] for p in params)
    aug = iaa.MultiplyHueAndSaturation((0.5, 1.5), per_channel=False, seed=1)
    for k in range(4):
        p = aug(image=IMG, key=k, return_record=True)[1].applied()[0][0]["params"]
        assert p["hue"] == p["saturation"]


def test_gray_inputs_have_no_hue_or_saturation():
    gray = IMG[:, :, 0].copy()
    for aug in (iaa.AddToHue(50), iaa.MultiplySaturation(2.0), iaa.AddToHueAndSaturation()):
        assert np.array_equal(aug(image=gray), gray)
        assert np.array_equal(aug(image=gray[:, :, None]), gray[:, :, None])


# ------------------------------------------------------ temperature/quantise

def test_color_temperature():
    assert np.allclose(kelvin_to_multipliers(6600), 1.0, atol=0.02)
    warm = iaa.ChangeColorTemperature(1000)(image=IMG)
    assert (warm[:, :, 2] == 0).all() and np.array_equal(warm[:, :, 0], IMG[:, :, 0])
    cold = iaa.ChangeColorTemperature(40000)(image=IMG).astype(int)
    assert cold[:, :, 0].sum() < IMG[:, :, 0].astype(int).sum()
    assert np.array_equal(cold[:, :, 2], IMG[:, :, 2])


def test_uniform_quantization_and_posterize_oracles():
    out = iaa.UniformColorQuantization(4)(image=IMG)
    assert np.array_equal(out, (IMG // 64) * 64 + 32)
    for bits in (1, 3, 8):
        out = iaa.UniformColorQuantizationToNBits(bits)(image=IMG)
        assert np.array_equal(out, IMG & ((0xFF << (8 - bits)) & 0xFF))
        assert np.array_equal(iaa.Posterize(bits)(image=IMG), out)


@pytest.mark.parametrize("space", [None, "RGB", "Lab", "HSV"])
def test_kmeans_at_most_n_colors_and_deterministic(space):
    big = cv2.resize(IMG, (150, 90), interpolation=cv2.INTER_CUBIC)
    aug = iaa.KMeansColorQuantization(n_colors=6, to_colorspace=space, seed=4)
    out = aug(image=big, key=7)
    assert len(np.unique(out.reshape(-1, 3), axis=0)) <= 6
    assert np.array_equal(out, aug(image=big, key=7))
    assert np.array_equal(out, iaa.KMeansColorQuantization(
        n_colors=6, to_colorspace=space, seed=4)(image=big, key=7))


def test_kmeans_leaves_opencv_rng_alone_and_handles_tiny_and_gray_images():
    cv2.setRNGSeed(123)
    before = cv2.randu(np.zeros(5, np.float32), 0, 1).copy()
    cv2.setRNGSeed(123)
    iaa.KMeansColorQuantization(4, seed=1)(image=IMG)
    after = cv2.randu(np.zeros(5, np.float32), 0, 1)
    assert np.array_equal(before, after)
    tiny = IMG[:2, :2]
    assert np.array_equal(iaa.KMeansColorQuantization(8)(image=tiny), tiny)
    gray = IMG[:, :, 0].copy()
    out = iaa.KMeansColorQuantization(3)(image=gray)
    assert out.shape == gray.shape and len(np.unique(out)) <= 3


# ----------------------------------------------------------------- layouts

ALL = [iaa.Grayscale(0.7), iaa.ChangeColorspace("Lab"), iaa.MultiplyAndAddToBrightness(),
       iaa.AddToHueAndSaturation(), iaa.MultiplyHueAndSaturation(), iaa.ChangeColorTemperature(),
       iaa.KMeansColorQuantization(), iaa.UniformColorQuantization(), iaa.Posterize(),
       iaa.WithColorspace("HSV", children=iaa.LinearContrast(1.2)),
       iaa.WithBrightnessChannels(iaa.GammaContrast(1.5)),
       iaa.WithHueAndSaturation(iaa.LinearContrast(1.2))]


@pytest.mark.parametrize("aug", ALL, ids=[type(a).__name__ for a in ALL])
def test_layouts_alpha_passes_through_and_odd_channel_counts_are_refused(aug):
    alpha = RNG.integers(0, 256, IMG.shape[:2], dtype=np.uint8)
    out = aug(image=np.dstack([IMG, alpha]), key=3)
    assert out.shape == IMG.shape[:2] + (4,) and np.array_equal(out[:, :, 3], alpha)
    assert np.array_equal(out[:, :, :3], aug(image=IMG, key=3))
    for shape in ((20, 27), (20, 27, 1)):
        gray = RNG.integers(0, 256, shape, dtype=np.uint8)
        assert aug(image=gray).shape == shape
    for nb in (2, 5):
        with pytest.raises(ValueError, match="image"):
            aug(image=np.zeros((4, 4, nb), np.uint8))
    assert aug(image=np.zeros((0, 4, 3), np.uint8)).shape == (0, 4, 3)
    with pytest.raises(TypeError, match="image"):
        aug(image=IMG.astype(np.float32))


# --------------------------------------------------------------- validation

@pytest.mark.parametrize("build,argname,exc", [
    (lambda: iaa.ChangeColorspace("XYZ"), "to_colorspace", ValueError),
    (lambda: iaa.ChangeColorspace(["HSV", "nope"]), "to_colorspace", ValueError),
    (lambda: iaa.ChangeColorspace(5), "to_colorspace", TypeError),
    (lambda: iaa.ChangeColorspace("HSV", from_colorspace="GRAY"), "from_colorspace",
     ValueError),
    (lambda: iaa.ChangeColorspace("HSV", alpha=1.5), "alpha", ValueError),
    (lambda: iaa.Grayscale(alpha=float("nan")), "alpha", ValueError),
    (lambda: iaa.WithColorspace("hsv"), "to_colorspace", ValueError),
    (lambda: iaa.WithColorspace("HSV", children=[1]), "children", TypeError),
    (lambda: iaa.WithBrightnessChannels(to_colorspace="RGB"), "to_colorspace", ValueError),
    (lambda: iaa.MultiplyAndAddToBrightness(mul=float("inf")), "mul", ValueError),
    (lambda: iaa.MultiplyAndAddToBrightness(add="x"), "add", TypeError),
    (lambda: iaa.MultiplyAndAddToBrightness(random_order=1), "random_order", TypeError),
    (lambda: iaa.MultiplyHueAndSaturation(mul=1.0, mul_hue=1.0), "mul_hue", ValueError),
    (lambda: iaa.MultiplyHueAndSaturation(mul=11), "mul", ValueError),
    (lambda: iaa.MultiplyHueAndSaturation(mul=1, per_channel=1.5), "per_channel", ValueError),
    (lambda: iaa.MultiplySaturation(-0.5), "mul", ValueError),
    (lambda: iaa.MultiplyHue(10.5), "mul", ValueError),
    (lambda: iaa.RemoveSaturation(1.5), "mul", ValueError),
    (lambda: iaa.AddToHueAndSaturation(value=1, value_saturation=1), "value_saturation",
     ValueError),
    (lambda: iaa.AddToHue(300), "value", ValueError),
    (lambda: iaa.AddToHue(1.5), "value", TypeError),
    (lambda: iaa.AddToHueAndSaturation(value_hue=300), "value_hue", ValueError),
    (lambda: iaa.AddToSaturation(None), "value", TypeError),
    (lambda: iaa.ChangeColorTemperature(500), "kelvin", ValueError),
    (lambda: iaa.KMeansColorQuantization(n_colors=1), "n_colors", ValueError),
    (lambda: iaa.KMeansColorQuantization(n_colors=(1, 8)), "n_colors", ValueError),
    (lambda: iaa.KMeansColorQuantization(n_colors=1000), "n_colors", ValueError),
    (lambda: iaa.KMeansColorQuantization(max_size=0), "max_size", ValueError),
    (lambda: iaa.KMeansColorQuantization(max_size=2.5), "max_size", TypeError),
    (lambda: iaa.KMeansColorQuantization(interpolation="bogus"), "interpolation", ValueError),
    (lambda: iaa.KMeansColorQuantization(to_colorspace=["Lab", "Foo"]), "to_colorspace",
     ValueError),
    (lambda: iaa.UniformColorQuantization(n_colors=0), "n_colors", ValueError),
    (lambda: iaa.UniformColorQuantizationToNBits(nb_bits=0), "nb_bits", ValueError),
    (lambda: iaa.UniformColorQuantizationToNBits(nb_bits=9), "nb_bits", ValueError),
    (lambda: iaa.Posterize(nb_bits=(0, 8)), "nb_bits", ValueError),
])
def test_bad_arguments_fail_at_construction_naming_the_argument(build, argname, exc):
    with pytest.raises(exc, match=argname):
        build()


def test_parameter_drawing_an_unknown_colorspace_is_a_clear_error():
    with pytest.raises(ValueError, match="to_colorspace"):
        iaa.ChangeColorspace(iap.Deterministic("Nope"))  # constant: caught at construction
    aug = iaa.ChangeColorspace(iap.Choice(["Nope"] * 2 + ["HSV"]), seed=1)
    with pytest.raises(ValueError, match="to_colorspace"):
        aug(images=[IMG] * 8)


# -------------------------------------------------------------------- fuzz

_VAL = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-400, 400),
                 st.none(), st.sampled_from(["HSV", "x", "ALL"]),
                 st.tuples(st.integers(-300, 300), st.integers(-300, 300)),
                 st.lists(st.floats(-20, 20), max_size=3))
_SPACE = st.one_of(st.sampled_from(SPACES + ["ALL", "bad"]), st.none(), st.integers(0, 3),
                   st.lists(st.sampled_from(SPACES), max_size=3))
_PROB = st.one_of(st.booleans(), st.floats(-1, 2), st.text(max_size=1))
_SMALL = RNG.integers(0, 256, (6, 7, 3), dtype=np.uint8)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.integers(0, 11), a=_VAL, b=_VAL, space=_SPACE, pc=_PROB)
def test_fuzz_constructors_only_raise_value_or_type_errors(which, a, b, space, pc):
    builders = [
        lambda: iaa.ChangeColorspace(space, alpha=a),
        lambda: iaa.Grayscale(a),
        lambda: iaa.MultiplyAndAddToBrightness(a, b, to_colorspace=space),
        lambda: iaa.MultiplyHueAndSaturation(a, per_channel=pc),
        lambda: iaa.MultiplyHueAndSaturation(mul_hue=a, mul_saturation=b),
        lambda: iaa.AddToHueAndSaturation(a, per_channel=pc),
        lambda: iaa.AddToHueAndSaturation(value_hue=a, value_saturation=b),
        lambda: iaa.ChangeColorTemperature(a),
        lambda: iaa.KMeansColorQuantization(a, to_colorspace=space, max_size=b),
        lambda: iaa.UniformColorQuantization(a, to_colorspace=space),
        lambda: iaa.UniformColorQuantizationToNBits(a, max_size=b),
        lambda: iaa.WithBrightnessChannels(iaa.LinearContrast(1.1), to_colorspace=space),
    ]
    try:
        aug = builders[which]()
    except (ValueError, TypeError):
        return
    out = aug(image=_SMALL)
    assert out.shape == _SMALL.shape and out.dtype == np.uint8


@settings(max_examples=40, deadline=None)
@given(hue=st.integers(-255, 255), sat=st.integers(-255, 255), mul=st.floats(-10, 10),
       smul=st.floats(0, 10), kelvin=st.floats(1000, 40000), n=st.integers(2, 256),
       bits=st.integers(1, 8), space=st.sampled_from(SPACES))
def test_fuzz_valid_parameters_never_crash(hue, sat, mul, smul, kelvin, n, bits, space):
    for aug in (iaa.AddToHueAndSaturation(value_hue=hue, value_saturation=sat),
                iaa.MultiplyHueAndSaturation(mul_hue=mul, mul_saturation=smul),
                iaa.ChangeColorTemperature(kelvin), iaa.ChangeColorspace(space),
                iaa.KMeansColorQuantization(n, to_colorspace=space),
                iaa.UniformColorQuantization(n, to_colorspace=space),
                iaa.Posterize(bits, to_colorspace=space)):
        out = aug(image=_SMALL)
        assert out.shape == _SMALL.shape and out.dtype == np.uint8
