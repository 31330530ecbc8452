"""The handle_* helpers every augmenter uses to turn arguments into parameters."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import imgaug2.parameters as iap

# ---------------------------------------------------------------- continuous


def test_continuous_valid():
    p = iap.handle_continuous_param(2, "sigma")
    assert isinstance(p, iap.Deterministic) and p.value == 2
    p = iap.handle_continuous_param(np.float32(0.5), "sigma")
    assert isinstance(p, iap.Deterministic)
    p = iap.handle_continuous_param((0.1, 3.0), "sigma", value_range=(0, None))
    assert isinstance(p, iap.Uniform)
    s = p.draw_samples(100, 0)
    assert s.min() >= 0.1 and s.max() < 3.0
    p = iap.handle_continuous_param([1, 2.5], "sigma")
    assert isinstance(p, iap.Choice) and set(p.draw_samples(50, 0).tolist()) == {1, 2.5}
    q = iap.Normal(0, 1)
    assert iap.handle_continuous_param(q, "sigma", value_range=(5, 6)) is q
    assert isinstance(iap.handle_continuous_param(0, "x", value_range=(0, 0)), iap.Deterministic)
    assert isinstance(iap.handle_continuous_param(1.0, "x", value_range=lambda v: v > 0),
                      iap.Deterministic)


@pytest.mark.parametrize("value,kwargs,exc", [
    (float("nan"), {}, ValueError),
    (float("inf"), {}, ValueError),
    (-float("inf"), {}, ValueError),
    ((0, float("nan")), {}, ValueError),
    ([1, float("inf")], {}, ValueError),
    ((1, 2, 3), {}, ValueError),
    ((1,), {}, ValueError),
    ([], {}, ValueError),
    (-1, {"value_range": (0, None)}, ValueError),
    (5, {"value_range": (None, 4)}, ValueError),
    ((0, 5), {"value_range": (0, 4)}, ValueError),
    ([0.5, -0.5], {"value_range": (0, None)}, ValueError),
    (-1.0, {"value_range": lambda v: v > 0}, ValueError),
    ("1", {}, TypeError),
    (None, {}, TypeError),
    (True, {}, TypeError),
    (np.bool_(True), {}, TypeError),
    (1 + 2j, {}, TypeError),
    (np.array([1, 2]), {}, TypeError),
    ({"a": 1}, {}, TypeError),
    ((1, "2"), {}, TypeError),
    ([1, None], {}, TypeError),
    ([1, iap.Normal(0, 1)], {}, TypeError),
    ((0, 1), {"tuple_to_uniform": False}, TypeError),
    ([0, 1], {"list_to_choice": False}, TypeError),
])
def test_continuous_invalid(value, kwargs, exc):
    with pytest.raises(exc, match="^sigma"):
        iap.handle_continuous_param(value, "sigma", **kwargs)


def test_continuous_bad_value_range_spec():
    with pytest.raises(TypeError, match="sigma"):
        iap.handle_continuous_param(1, "sigma", value_range=(0, 1, 2))


# ------------------------------------------------------------------ discrete


def test_discrete_valid():
    p = iap.handle_discrete_param(3, "k")
    assert isinstance(p, iap.Deterministic) and p.value == 3
    p = iap.handle_discrete_param(3.7, "k")
    assert p.value == 3 and isinstance(p.value, int)
    p = iap.handle_discrete_param((1, 5), "k", value_range=(1, None))
    assert isinstance(p, iap.DiscreteUniform)
    s = p.draw_samples(500, 0)
    assert s.min() == 1 and s.max() == 5
    p = iap.handle_discrete_param([1, 3.0], "k")
    assert isinstance(p, iap.Choice) and p.a == [1, 3]
    q = iap.DiscreteUniform(0, 1)
    assert iap.handle_discrete_param(q, "k") is q


@pytest.mark.parametrize("value,kwargs,exc", [
    (float("nan"), {}, ValueError),
    (float("inf"), {}, ValueError),
    ((1, 2, 3), {}, ValueError),
    ([], {}, ValueError),
    (0, {"value_range": (1, None)}, ValueError),
    ((0, 3), {"value_range": (1, None)}, ValueError),
    ([2, 200], {"value_range": (1, 100)}, ValueError),
    (2.5, {"allow_floats": False}, TypeError),
    ((1, 2.5), {"allow_floats": False}, TypeError),
    ([1.5], {"allow_floats": False}, TypeError),
    ("3", {}, TypeError),
    (None, {}, TypeError),
    (False, {}, TypeError),
    ((1, None), {}, TypeError),
    ((1, 3), {"tuple_to_uniform": False}, TypeError),
    ([1, 3], {"list_to_choice": False}, TypeError),
])
def test_discrete_invalid(value, kwargs, exc):
    with pytest.raises(exc, match="^kernel_size"):
        iap.handle_discrete_param(value, "kernel_size", **kwargs)


# --------------------------------------------------------------- probability


def test_probability_valid():
    for value, expected in [(True, 1), (False, 0), (1, 1), (0, 0), (1.0, 1), (0.0, 0)]:
        p = iap.handle_probability_param(value, "p")
        assert isinstance(p, iap.Deterministic) and p.value == expected
    p = iap.handle_probability_param(0.25, "p")
    assert isinstance(p, iap.Binomial)
    assert abs(p.draw_samples(10000, 0).mean() - 0.25) < 0.02
    p = iap.handle_probability_param((0.2, 0.4), "p", tuple_to_uniform=True)
    assert isinstance(p, iap.Binomial) and isinstance(p.p, iap.Uniform)
    p = iap.handle_probability_param([0.2, 0.4], "p", list_to_choice=True)
    assert isinstance(p, iap.Binomial) and isinstance(p.p, iap.Choice)
    q = iap.Binomial(0.5)
    assert iap.handle_probability_param(q, "p") is q


@pytest.mark.parametrize("value,kwargs,exc", [
    (1.5, {}, ValueError), (-0.1, {}, ValueError), (float("nan"), {}, ValueError),
    (float("inf"), {}, ValueError), ("0.5", {}, TypeError), (None, {}, TypeError),
    ((0.1, 0.2), {}, TypeError), ([0.1], {}, TypeError),
    ((0.1, 1.2), {"tuple_to_uniform": True}, ValueError),
    ([0.1, -2], {"list_to_choice": True}, ValueError),
])
def test_probability_invalid(value, kwargs, exc):
    with pytest.raises(exc, match="^p_drop"):
        iap.handle_probability_param(value, "p_drop", **kwargs)


# --------------------------------------------------------------- categorical

VALID = ["nearest", "linear", "cubic"]


def test_categorical_valid():
    p = iap.handle_categorical_string_param("ALL", "method", VALID)
    assert isinstance(p, iap.Choice) and p.a == VALID
    p = iap.handle_categorical_string_param("linear", "method", VALID)
    assert isinstance(p, iap.Deterministic) and p.draw_sample() == "linear"
    p = iap.handle_categorical_string_param(["linear", "cubic"], "method", VALID)
    assert set(p.draw_samples(50, 0).tolist()) == {"linear", "cubic"}
    q = iap.Choice(["x"])
    assert iap.handle_categorical_string_param(q, "method", VALID) is q


@pytest.mark.parametrize("value,exc", [
    ("bilinear", ValueError), (["linear", "bogus"], ValueError), ([], ValueError),
    (["linear", 1], TypeError), (1, TypeError), (None, TypeError), (("linear",), TypeError),
])
def test_categorical_invalid(value, exc):
    with pytest.raises(exc, match="^method"):
        iap.handle_categorical_string_param(value, "method", VALID)


# --------------------------------------------------------------- kernel size


def test_kernel_size():
    p, none = iap.handle_discrete_kernel_size_param(3, "k")
    assert isinstance(p, iap.Deterministic) and none is None
    p, none = iap.handle_discrete_kernel_size_param((1, 5), "k")
    assert isinstance(p, iap.DiscreteUniform) and none is None
    ph, pw = iap.handle_discrete_kernel_size_param(((1, 3), [5, 7]), "k")
    assert isinstance(ph, iap.DiscreteUniform) and isinstance(pw, iap.Choice)
    ph, pw = iap.handle_discrete_kernel_size_param((iap.Deterministic(3), (1, 2)), "k")
    assert isinstance(ph, iap.Deterministic) and isinstance(pw, iap.DiscreteUniform)
    with pytest.raises(ValueError, match="^k"):
        iap.handle_discrete_kernel_size_param(0, "k")
    with pytest.raises(ValueError, match=r"^k\[1\]"):
        iap.handle_discrete_kernel_size_param(((1, 3), (0, 2)), "k")
    with pytest.raises(TypeError, match="^k"):
        iap.handle_discrete_kernel_size_param(2.5, "k", allow_floats=False)
    with pytest.raises(TypeError, match="^k"):
        iap.handle_discrete_kernel_size_param("3", "k")


# ---------------------------------------------------------- draw-time errors


def test_draw_time_errors_name_the_argument():
    with pytest.raises(ValueError, match="scale"):
        iap.Normal(0, iap.Uniform(-2, -1)).draw_samples(3, 0)
    with pytest.raises(ValueError, match="lam"):
        iap.Poisson(iap.Uniform(-2, -1)).draw_samples(3, 0)
    with pytest.raises(ValueError, match="df"):
        iap.ChiSquare(iap.Uniform(-2, -1)).draw_samples(3, 0)


# -------------------------------------------------------------------- fuzzing

_atoms = st.one_of(
    st.integers(min_value=-10 ** 6, max_value=10 ** 6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.text(max_size=3),
    st.just(np.float32(0.5)),
    st.just(np.int64(-3)),
    st.just(iap.Uniform(0, 1)),
    st.just(np.array([1, 2])),
    st.complex_numbers(max_magnitude=2, allow_nan=False),
)
_values = st.recursive(
    _atoms,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.tuples(inner, inner),
                            st.tuples(inner),
                            st.tuples(inner, inner, inner)),
    max_leaves=6,
)
_ranges = st.one_of(
    st.none(),
    st.tuples(st.one_of(st.none(), st.integers(-5, 5)), st.one_of(st.none(), st.integers(-5, 5))),
)
_FUZZ = settings(max_examples=250, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])


def _check_draw(param: iap.StochasticParameter) -> None:
    try:
        out = param.draw_samples((3,), 0)
    except ValueError as exc:  # e.g. Normal(Uniform(-1, 0) scale): documented draw error
        assert str(exc)
        return
    assert out.shape == (3,)


@_FUZZ
@given(value=_values, value_range=_ranges, tuple_to_uniform=st.booleans(),
       list_to_choice=st.booleans())
def test_fuzz_continuous(value, value_range, tuple_to_uniform, list_to_choice):
    try:
        p = iap.handle_continuous_param(value, "fuzzed", value_range=value_range,
                                        tuple_to_uniform=tuple_to_uniform,
                                        list_to_choice=list_to_choice)
    except (TypeError, ValueError) as exc:
        assert str(exc).startswith("fuzzed")
        return
    assert isinstance(p, iap.StochasticParameter)
    samples = p.draw_samples((3,), 0)
    if not isinstance(value, iap.StochasticParameter):
        assert np.isfinite(samples).all()
        if value_range is not None:
            lo, hi = value_range
            if lo is not None:
                assert samples.min() >= lo
            if hi is not None:
                assert samples.max() <= hi


@_FUZZ
@given(value=_values, value_range=_ranges, allow_floats=st.booleans())
def test_fuzz_discrete(value, value_range, allow_floats):
    try:
        p = iap.handle_discrete_param(value, "fuzzed", value_range=value_range,
                                      allow_floats=allow_floats)
    except (TypeError, ValueError) as exc:
        assert str(exc).startswith("fuzzed")
        return
    assert isinstance(p, iap.StochasticParameter)
    samples = p.draw_samples((3,), 0)
    if not isinstance(value, iap.StochasticParameter):
        assert samples.dtype.kind == "i"


@_FUZZ
@given(value=_values)
def test_fuzz_probability_and_categorical(value):
    try:
        p = iap.handle_probability_param(value, "fuzzed", tuple_to_uniform=True,
                                         list_to_choice=True)
    except (TypeError, ValueError) as exc:
        assert str(exc).startswith("fuzzed")
    else:
        if not isinstance(value, iap.StochasticParameter):
            assert set(p.draw_samples((20,), 0).tolist()) <= {0, 1}
    try:
        iap.handle_categorical_string_param(value, "fuzzed", ["a", "b"])
    except (TypeError, ValueError) as exc:
        assert str(exc).startswith("fuzzed")


@_FUZZ
@given(a=_values, b=_values)
def test_fuzz_constructors(a, b):
    for cls in (iap.Normal, iap.Uniform, iap.DiscreteUniform, iap.Laplace, iap.Beta):
        try:
            p = cls(a, b)
        except (TypeError, ValueError):
            continue
        _check_draw(p)
    try:
        p = iap.Clip(iap.Normal(0, 1), a if not isinstance(a, float) or math.isfinite(a) else 0,
                     None)
    except (TypeError, ValueError):
        return
    _check_draw(p)
