"""Convolutional family: oracles, callables, serialisation, validation and fuzzing.

Oracles and tolerances:
- Sharpen(alpha=1, lightness=1) is within 1 of a float64 numpy correlation
  with the documented matrix (reflect-101 border), before uint8 saturation.
- Every effect augmenter equals ``cv2.filter2D`` with its documented
  blended matrix exactly, and ``(1-a)*image + a*effect`` within 1.
- Convolve equals a float64 numpy correlation within 1 (uint8) / 1e-9 (float64).
"""

import json

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import imgaug2.augmenters as iaa
import imgaug2.parameters as iap
from imgaug2 import register_lambda
from imgaug2.core.registry import unregister_lambda
from imgaug2.core.serialize import to_dict
from imgaug2.kernels.convolutional import (
    directed_edge_detect_matrix,
    edge_detect_matrix,
    emboss_matrix,
    sharpen_matrix,
)

RNG = np.random.default_rng(99)
IMG = RNG.integers(0, 256, size=(21, 26, 3), dtype=np.uint8)


def _correlate(img, matrix):
    """float64 correlation anchored at k // 2 with a reflect-101 border."""
    matrix = np.asarray(matrix, np.float64)
    kh, kw = matrix.shape
    ay, ax = kh // 2, kw // 2
    pad = ((ay, kh - 1 - ay), (ax, kw - 1 - ax)) + ((0, 0),) * (img.ndim - 2)
    p = np.pad(img.astype(np.float64), pad, mode="reflect")
    out = np.zeros(img.shape, np.float64)
    for dy in range(kh):
        for dx in range(kw):
            out += matrix[dy, dx] * p[dy:dy + img.shape[0], dx:dx + img.shape[1]]
    return out


def _saturate(values):
    return np.clip(np.rint(values), 0, 255)


# ------------------------------------------------------------------ oracles

def test_sharpen_alpha1_lightness1_matches_numpy_within_1():
    out = iaa.Sharpen(alpha=1.0, lightness=1.0, seed=0)(image=IMG)
    effect = np.array([[-1, -1, -1], [-1, 9, -1], [-1, -1, -1]], np.float64)
    ref = _saturate(_correlate(IMG, effect))
    assert np.abs(out.astype(np.float64) - ref).max() <= 1.0


@pytest.mark.parametrize("aug,matrix", [
    (iaa.Sharpen(alpha=0.3, lightness=1.4, seed=0), sharpen_matrix(0.3, 1.4)),
    (iaa.Emboss(alpha=0.6, strength=0.8, seed=0), emboss_matrix(0.6, 0.8)),
    (iaa.EdgeDetect(alpha=0.5, seed=0), edge_detect_matrix(0.5)),
    (iaa.DirectedEdgeDetect(alpha=0.7, direction=0.125, seed=0),
     directed_edge_detect_matrix(0.7, 0.125)),
], ids=["Sharpen", "Emboss", "EdgeDetect", "DirectedEdgeDetect"])
def test_effect_augmenters_equal_filter2d_and_blend(aug, matrix):
    out, rec = aug(image=IMG, return_record=True)
    expected = cv2.filter2D(IMG, -1, matrix.astype(np.float32), borderType=cv2.BORDER_REFLECT_101)
    assert np.array_equal(out, expected)
    assert np.abs(out.astype(np.float64) - _saturate(_correlate(IMG, matrix))).max() <= 1.0
    applied = rec.applied()[0][0]["params"]
    assert np.allclose(np.array(applied["matrix"]), matrix)


def test_documented_effect_matrices():
    assert np.allclose(sharpen_matrix(1.0, 1.0), [[-1, -1, -1], [-1, 9, -1], [-1, -1, -1]])
    assert np.allclose(emboss_matrix(1.0, 1.0), [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]])
    assert np.allclose(edge_detect_matrix(1.0), [[0, 1, 0], [1, -4, 1], [0, 1, 0]])
    for a in (0.0, 0.4, 1.0):
        for m in (sharpen_matrix(a, 1.3), emboss_matrix(a, 0.5), edge_detect_matrix(a),
                  directed_edge_detect_matrix(a, 0.3)):
            assert m.shape == (3, 3)
    assert np.allclose(edge_detect_matrix(0.0), np.eye(3)[1][:, None] * np.eye(3)[1])
    right = directed_edge_detect_matrix(1.0, 0.25)
    assert right[1, 2] == right.min() and abs(right.sum()) < 1e-12
    up = directed_edge_detect_matrix(1.0, 0.0)
    assert up[0, 1] == up.min()
    assert np.allclose(directed_edge_detect_matrix(1.0, 1.25), right)


def test_alpha_zero_is_identity_and_not_logged():
    for aug in (iaa.Sharpen(0.0), iaa.Emboss(0.0), iaa.EdgeDetect(0.0),
                iaa.DirectedEdgeDetect(0.0)):
        out, rec = aug(image=IMG, return_record=True)
        assert np.array_equal(out, IMG) and rec.applied() == [[]]


def test_convolve_fixed_matrix_uint8_and_float64():
    m = RNG.normal(0, 1, (3, 5))
    out = iaa.Convolve(m)(image=IMG)
    assert np.abs(out.astype(np.float64) - _saturate(_correlate(IMG, m))).max() <= 1.0
    f = IMG.astype(np.float64) / 255
    assert np.abs(iaa.Convolve(m)(image=f) - _correlate(f, m)).max() < 1e-9
    assert np.array_equal(iaa.Convolve(None)(image=IMG), IMG)
    assert np.array_equal(iaa.Convolve([[0, 0, 0], [0, 1, 0], [0, 0, 0]])(image=IMG), IMG)


def _per_channel(image, nb_channels, random_state):
    assert isinstance(random_state, np.random.Generator)
    return [np.full((3, 3), random_state.uniform(0.05, 0.15)) if c != 1 else None
            for c in range(nb_channels)]


def _single(image, nb_channels, random_state):
    return random_state.normal(0, 0.3, (3, 3))


def test_convolve_callable_per_channel_and_replay():
    register_lambda("tests.test_convolutional.per_channel", _per_channel)
    aug = iaa.Convolve(_per_channel, seed=3)
    out, rec = aug(image=IMG, return_record=True)
    assert np.array_equal(out[:, :, 1], IMG[:, :, 1])
    assert not np.array_equal(out[:, :, 0], IMG[:, :, 0])
    assert np.array_equal(aug.replay(rec, image=IMG), out)
    loaded = iaa.from_dict(json.loads(json.dumps(to_dict(iaa.Convolve(_per_channel, seed=3)))))
    assert np.array_equal(loaded(image=IMG), out)


def test_convolve_callable_single_matrix_and_bad_returns():
    out = iaa.Convolve(_single, seed=1)(image=IMG)
    assert out.shape == IMG.shape
    with pytest.raises(ValueError, match="matrix"):
        iaa.Convolve(lambda im, n, rs: np.ones((2, 2, 2)))(image=IMG)
    with pytest.raises(ValueError, match="matrix"):
        iaa.Convolve(lambda im, n, rs: [np.ones((3, 3))])(image=IMG)
    with pytest.raises(TypeError, match="matrix"):
        iaa.Convolve(lambda im, n, rs: "sharp")(image=IMG)


def test_unregistered_callable_cannot_be_saved():
    def local(image, nb_channels, random_state):
        return np.ones((1, 1))
    unregister_lambda("nope")
    with pytest.raises(TypeError, match="register_lambda"):
        to_dict(iaa.Convolve(local))


@pytest.mark.parametrize("dtype", ["uint16", "int16", "int32", "int8", "float16", "float32",
                                   "float64", "bool"])
def test_effects_across_dtypes(dtype):
    aug = iaa.Sharpen(alpha=0.8, lightness=1.2, seed=0)
    if dtype == "bool":
        img = IMG > 100
    elif dtype.startswith("float"):
        img = (IMG / 255.0).astype(dtype)
    else:
        img = (IMG // 4).astype(dtype)
    out = aug(image=img)
    assert out.dtype == img.dtype and out.shape == img.shape
    if dtype in ("int16", "int32", "float32", "float64"):
        ref = _correlate(img, sharpen_matrix(0.8, 1.2))
        tol = 1.0 if dtype.startswith("int") else 1e-4
        assert np.abs(out.astype(np.float64) - ref).max() <= tol


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_float_extremes_stay_finite(dtype):
    info = np.finfo(dtype)
    img = np.full((8, 9, 3), info.max, dtype=dtype)
    img[::2] = info.min
    for aug in (iaa.Sharpen(1.0, 2.0), iaa.Emboss(1.0, 3.0), iaa.EdgeDetect(1.0),
                iaa.DirectedEdgeDetect(1.0, 0.3), iaa.Convolve(np.full((3, 3), 1e6))):
        out = aug(image=img)
        assert np.isfinite(out).all(), type(aug).__name__


def test_integer_extremes_saturate():
    img = np.zeros((6, 6, 1), np.int32)
    img[2:4, 2:4] = np.iinfo(np.int32).max
    out = iaa.Sharpen(1.0, 2.0)(image=img)
    assert out.max() == np.iinfo(np.int32).max and out.min() == np.iinfo(np.int32).min


# --------------------------------------------------------------- validation

@pytest.mark.parametrize("make,exc,arg", [
    (lambda: iaa.Sharpen(alpha=1.5), ValueError, "alpha"),
    (lambda: iaa.Sharpen(alpha=-0.1), ValueError, "alpha"),
    (lambda: iaa.Sharpen(alpha=float("nan")), ValueError, "alpha"),
    (lambda: iaa.Sharpen(lightness=-1), ValueError, "lightness"),
    (lambda: iaa.Emboss(alpha=(0, 2)), ValueError, "alpha"),
    (lambda: iaa.Emboss(strength=[1, float("inf")]), ValueError, "strength"),
    (lambda: iaa.EdgeDetect(alpha="all"), TypeError, "alpha"),
    (lambda: iaa.DirectedEdgeDetect(direction="up"), TypeError, "direction"),
    (lambda: iaa.DirectedEdgeDetect(direction=None), TypeError, "direction"),
    (lambda: iaa.DirectedEdgeDetect(alpha=2), ValueError, "alpha"),
    (lambda: iaa.Convolve(matrix=np.ones((3, 3, 3))), ValueError, "matrix"),
    (lambda: iaa.Convolve(matrix=np.ones((0, 3))), ValueError, "matrix"),
    (lambda: iaa.Convolve(matrix=np.array([[np.nan]])), ValueError, "matrix"),
    (lambda: iaa.Convolve(matrix=np.ones((1002, 1))), ValueError, "matrix"),
    (lambda: iaa.Convolve(matrix=np.full((3, 3), 1e9)), ValueError, "matrix"),
    (lambda: iaa.Convolve(matrix=[[1, 2], [3]]), ValueError, "matrix"),
    (lambda: iaa.Convolve(matrix=np.array([["a"]])), TypeError, "matrix"),
    (lambda: iaa.Convolve(matrix=5), TypeError, "matrix"),
])
def test_invalid_arguments_name_themselves(make, exc, arg):
    with pytest.raises(exc, match=arg):
        make()


def test_parameter_draws_are_clipped():
    _, rec = iaa.Sharpen(alpha=iap.Deterministic(5.0), seed=0)(image=IMG, return_record=True)
    assert rec.applied()[0][0]["params"]["alpha"] == 1.0
    with pytest.raises(ValueError, match="alpha"):
        iaa.EdgeDetect(alpha=iap.Deterministic(float("nan")))(image=IMG)


# -------------------------------------------------------------------- fuzz

_SCALARS = st.one_of(st.integers(-5, 10), st.floats(allow_nan=True, allow_infinity=True),
                     st.sampled_from([0, 0.5, 1, 1e7, -1, "x", None, True]))
_VALUES = st.one_of(_SCALARS, st.tuples(_SCALARS, _SCALARS), st.lists(_SCALARS, max_size=3))
_ARGS = {
    iaa.Sharpen: ("alpha", "lightness"),
    iaa.Emboss: ("alpha", "strength"),
    iaa.EdgeDetect: ("alpha",),
    iaa.DirectedEdgeDetect: ("alpha", "direction"),
}
_FUZZ_IMG = RNG.integers(0, 256, (5, 6, 3), dtype=np.uint8)


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
    assert out.shape == _FUZZ_IMG.shape


@settings(max_examples=40, deadline=None)
@given(matrix=st.one_of(
    st.lists(st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=1, max_size=4),
             min_size=0, max_size=4),
    st.integers(), st.text(max_size=2), st.none()))
def test_convolve_matrix_fuzz(matrix):
    try:
        aug = iaa.Convolve(matrix)
    except (ValueError, TypeError):
        return
    assert aug(image=_FUZZ_IMG).shape == _FUZZ_IMG.shape
