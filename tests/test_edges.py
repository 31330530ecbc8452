"""Edges family (Canny): oracles, channel rules, colouriser, validation and fuzzing.

Oracles: with alpha 1 and fixed colours the output equals ``cv2.Canny`` mapped
to the colours exactly; with alpha < 1 it equals ``cv2.addWeighted`` of that
image and the input exactly.
"""

import json

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import imgaug2.augmenters as iaa
import imgaug2.parameters as iap
from imgaug2.core.serialize import to_dict

RNG = np.random.default_rng(5)
IMG = cv2.GaussianBlur(RNG.integers(0, 256, size=(40, 48, 3), dtype=np.uint8), (5, 5), 1.5)
WHITE_ON_BLACK = iaa.RandomColorsBinaryImageColorizer(color_true=255, color_false=0)


def _canny_fixed(alpha=1.0, low=50, high=120, k=3, colorizer=WHITE_ON_BLACK):
    return iaa.Canny(alpha=alpha, hysteresis_thresholds=([low], [high]), sobel_kernel_size=k,
                     colorizer=colorizer, seed=0)


@pytest.mark.parametrize("k", [3, 5, 7])
def test_canny_alpha1_equals_opencv(k):
    lo, hi = (50, 120) if k == 3 else (500, 1500)
    out = _canny_fixed(low=lo, high=hi, k=k)(image=IMG)
    edges = cv2.Canny(IMG, lo, hi, apertureSize=k, L2gradient=True)
    assert np.array_equal(out, np.dstack([edges] * 3))
    assert edges.any()


def test_canny_alpha_blend_equals_addweighted():
    out = _canny_fixed(alpha=0.3)(image=IMG)
    edges = np.dstack([cv2.Canny(IMG, 50, 120, apertureSize=3, L2gradient=True)] * 3)
    assert np.array_equal(out, cv2.addWeighted(edges, 0.3, IMG, 0.7, 0.0))


def test_canny_alpha_zero_or_tiny_aperture_is_identity():
    out, rec = _canny_fixed(alpha=0.0)(image=IMG, return_record=True)
    assert np.array_equal(out, IMG) and rec.applied() == [[]]
    for k in (0, 1, 2):
        out, rec = _canny_fixed(k=k)(image=IMG, return_record=True)
        assert np.array_equal(out, IMG) and rec.applied() == [[]]


def test_channel_rules():
    aug = _canny_fixed()
    edges3 = cv2.Canny(IMG, 50, 120, apertureSize=3, L2gradient=True)
    rgba = np.dstack([IMG, np.full(IMG.shape[:2], 9, np.uint8)])
    out = aug(image=rgba)
    assert np.array_equal(out[:, :, :3], np.dstack([edges3] * 3)) and (out[:, :, 3] == 9).all()
    gray = IMG[:, :, 0]
    gray_edges = cv2.Canny(gray, 50, 120, apertureSize=3, L2gradient=True)
    assert np.array_equal(aug(image=gray), gray_edges)
    assert np.array_equal(aug(image=gray[:, :, None])[:, :, 0], gray_edges)
    for c in (2, 5):
        with pytest.raises(ValueError, match="image"):
            aug(image=np.zeros((8, 8, c), np.uint8))
    with pytest.raises(TypeError, match="image"):
        aug(image=IMG.astype(np.float32))


def test_random_colours_are_drawn_per_channel_and_recorded():
    aug = iaa.Canny(alpha=1.0, seed=3)
    _, rec = aug(images=[IMG] * 6, return_record=True)
    rows = [r[0]["params"] for r in rec.applied()]
    assert all(len(p["color_true"]) == 3 and len(p["color_false"]) == 3 for p in rows)
    assert len({tuple(p["color_true"]) for p in rows}) > 1
    assert all(p["threshold_low"] <= p["threshold_high"] for p in rows)
    assert all(p["sobel_kernel_size"] in (3, 5, 7) for p in rows)


def test_thresholds_single_spec_are_sorted_and_even_apertures_round_down():
    aug = iaa.Canny(hysteresis_thresholds=(10, 300), sobel_kernel_size=iap.Choice([4, 6]),
                    seed=1)
    _, rec = aug(images=[IMG] * 8, return_record=True)
    for row in rec.applied():
        p = row[0]["params"]
        assert 10 <= p["threshold_low"] <= p["threshold_high"] <= 300
        assert p["sobel_kernel_size"] in (3, 5)
    swapped = iaa.Canny(alpha=1.0, hysteresis_thresholds=([200], [100]), seed=0)
    _, rec = swapped(image=IMG, return_record=True)
    p = rec.applied()[0][0]["params"]
    assert (p["threshold_low"], p["threshold_high"]) == (100.0, 200.0)


def test_colorizer_serialises_and_loads():
    aug = iaa.Canny(colorizer=iaa.RandomColorsBinaryImageColorizer((0, 50), [200, 255]), seed=4)
    loaded = iaa.from_dict(json.loads(json.dumps(to_dict(aug))))
    assert isinstance(loaded.colorizer, iaa.RandomColorsBinaryImageColorizer)
    assert np.array_equal(loaded(image=IMG), iaa.Canny(
        colorizer=iaa.RandomColorsBinaryImageColorizer((0, 50), [200, 255]), seed=4)(image=IMG))


def test_colorizer_colorize_compat():
    binary = np.zeros((4, 5), bool)
    binary[1, 2] = True
    out = WHITE_ON_BLACK.colorize(binary, np.zeros((4, 5, 3), np.uint8), random_state=0)
    assert out.shape == (4, 5, 3) and out[1, 2].tolist() == [255] * 3 and out[0, 0].sum() == 0


@pytest.mark.parametrize("make,exc,arg", [
    (lambda: iaa.Canny(alpha=1.5), ValueError, "alpha"),
    (lambda: iaa.Canny(alpha=float("nan")), ValueError, "alpha"),
    (lambda: iaa.Canny(hysteresis_thresholds=-5), ValueError, "hysteresis_thresholds"),
    (lambda: iaa.Canny(hysteresis_thresholds=((0, 10), (-1, 5))), ValueError,
     "hysteresis_thresholds"),
    (lambda: iaa.Canny(hysteresis_thresholds="auto"), TypeError, "hysteresis_thresholds"),
    (lambda: iaa.Canny(sobel_kernel_size=9), ValueError, "sobel_kernel_size"),
    (lambda: iaa.Canny(sobel_kernel_size=-1), ValueError, "sobel_kernel_size"),
    (lambda: iaa.Canny(sobel_kernel_size=3.5), TypeError, "sobel_kernel_size"),
    (lambda: iaa.Canny(colorizer="random"), TypeError, "colorizer"),
    (lambda: iaa.RandomColorsBinaryImageColorizer(color_true=300), ValueError, "color_true"),
    (lambda: iaa.RandomColorsBinaryImageColorizer(color_false="x"), TypeError, "color_false"),
])
def test_invalid_arguments_name_themselves(make, exc, arg):
    with pytest.raises(exc, match=arg):
        make()


_SCALARS = st.one_of(st.integers(-5, 400), st.floats(allow_nan=True, allow_infinity=True),
                     st.sampled_from([0, 1, 3, 4, 7, -1, "x", None]))
_VALUES = st.one_of(_SCALARS, st.tuples(_SCALARS, _SCALARS), st.lists(_SCALARS, max_size=3),
                    st.tuples(st.lists(_SCALARS, max_size=2), st.tuples(_SCALARS, _SCALARS)))
_FUZZ_IMG = IMG[:9, :11]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_constructor_fuzz(data):
    kwargs = {name: data.draw(_VALUES, label=name)
              for name in ("alpha", "hysteresis_thresholds", "sobel_kernel_size")
              if data.draw(st.booleans(), label="use_" + name)}
    try:
        aug = iaa.Canny(**kwargs, seed=0)
    except (ValueError, TypeError):
        return
    assert aug(image=_FUZZ_IMG).shape == _FUZZ_IMG.shape
