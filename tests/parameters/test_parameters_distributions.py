"""Each parameter draws its documented distribution (fixed seeds, generous tolerances)."""

from __future__ import annotations

import math

import numpy as np
import pytest

import imgaug2.parameters as iap

N = 20000


def _draw(param: iap.StochasticParameter, size=N, seed: int = 0) -> np.ndarray:
    return param.draw_samples(size, np.random.default_rng(seed))


def test_deterministic():
    assert _draw(iap.Deterministic(5), 10).tolist() == [5] * 10
    assert _draw(iap.Deterministic(0.5), 3).dtype == np.float64
    assert _draw(iap.Deterministic("abc"), 2).tolist() == ["abc", "abc"]
    assert iap.Deterministic(np.float32(1.5)).draw_samples(2).dtype == np.float32
    assert iap.Deterministic(7).draw_sample() == 7


@pytest.mark.parametrize("bad", [iap.Uniform(0, 1), [1], None, True, object()])
def test_deterministic_rejects(bad):
    with pytest.raises(TypeError, match="value"):
        iap.Deterministic(bad)


def test_deterministic_list():
    p = iap.DeterministicList([1, 2, 3])
    assert p.draw_samples((2, 4)).tolist() == [[1, 2, 3, 1], [2, 3, 1, 2]]
    assert p.draw_samples(2).tolist() == [1, 2]
    assert p.draw_sample() == 1
    with pytest.raises(ValueError, match="values"):
        iap.DeterministicList([])
    with pytest.raises(TypeError, match="values"):
        iap.DeterministicList(5)
    with pytest.raises(TypeError, match="values"):
        iap.DeterministicList([1, None])


def test_choice_uniform():
    s = _draw(iap.Choice([1, 2, 3]))
    counts = np.bincount(s)[1:] / N
    np.testing.assert_allclose(counts, [1 / 3] * 3, atol=0.02)
    assert s.dtype.kind == "i"


def test_choice_with_p():
    s = _draw(iap.Choice(["a", "b", "c"], p=[0.2, 0.0, 0.8]))
    assert (s == "b").sum() == 0
    assert abs((s == "a").mean() - 0.2) < 0.02


def test_choice_without_replacement():
    for seed in range(20):
        s = _draw(iap.Choice(list(range(10)), replace=False), 10, seed)
        assert sorted(s.tolist()) == list(range(10))
    firsts = [int(_draw(iap.Choice([0, 1], replace=False, p=[0.9, 0.1]), 1, seed)[0])
              for seed in range(400)]
    assert 0.8 < firsts.count(0) / 400 < 0.97
    with pytest.raises(ValueError, match="size"):
        _draw(iap.Choice([1, 2], replace=False), 3)
    with pytest.raises(ValueError, match="size"):
        _draw(iap.Choice([1, 2, 3], replace=False, p=[0.5, 0.5, 0.0]), 3)


def test_choice_with_parameters_is_elementwise():
    s = _draw(iap.Choice([0, iap.Uniform(10, 20)]), 2000)
    big = s[s >= 10]
    assert 800 < big.size < 1200
    assert big.std() > 2  # one draw per chosen entry, not one per call
    assert set(s[s < 10].tolist()) == {0}
    s = _draw(iap.Choice([iap.Deterministic("x"), "y"]), 50)
    assert set(s.tolist()) == {"x", "y"}


@pytest.mark.parametrize("kwargs,match", [
    ({"a": []}, "a"), ({"a": 5}, "a"), ({"a": [1, None]}, r"a\[1\]"),
    ({"a": [1, 2], "p": [0.5]}, "p"), ({"a": [1, 2], "p": [0.7, 0.7]}, "p"),
    ({"a": [1, 2], "p": [-0.5, 1.5]}, "p"), ({"a": [1, 2], "p": [float("nan"), 1]}, "p"),
    ({"a": [1, 2], "replace": "yes"}, "replace"), ({"a": [1, 2], "p": "x"}, "p"),
])
def test_choice_rejects(kwargs, match):
    with pytest.raises((TypeError, ValueError), match=match):
        iap.Choice(**kwargs)


def test_binomial():
    s = _draw(iap.Binomial(0.3))
    assert set(np.unique(s).tolist()) == {0, 1}
    assert s.dtype == np.int64
    assert abs(s.mean() - 0.3) < 0.015
    assert _draw(iap.Binomial(0), 100).sum() == 0
    assert _draw(iap.Binomial(1.0), 100).sum() == 100
    means = [iap.Binomial(iap.Uniform(0.0, 1.0)).draw_samples(500, seed).mean()
             for seed in range(30)]
    assert np.std(means) > 0.1  # p drawn once per call
    with pytest.raises(ValueError, match="p"):
        iap.Binomial(1.5)


def test_discrete_uniform():
    s = _draw(iap.DiscreteUniform(1, 5))
    assert s.min() == 1 and s.max() == 5
    np.testing.assert_allclose(np.bincount(s)[1:] / N, [0.2] * 5, atol=0.02)
    s = _draw(iap.DiscreteUniform(5, -5))
    assert s.min() == -5 and s.max() == 5
    assert set(_draw(iap.DiscreteUniform(3, 3), 20).tolist()) == {3}
    big = _draw(iap.DiscreteUniform(0, 10 ** 12), 1000)
    assert big.min() >= 0 and big.max() <= 10 ** 12 and big.mean() > 10 ** 11
    huge = _draw(iap.DiscreteUniform(-(2 ** 40), 2 ** 40), 1000)
    assert huge.min() < -(2 ** 38) and huge.max() > 2 ** 38
    s = _draw(iap.DiscreteUniform((0, 2), (10, 12)), 1000)
    assert s.dtype == np.int64 and s.min() >= 0 and s.max() <= 12


def test_poisson():
    s = _draw(iap.Poisson(3))
    assert s.dtype.kind == "i" and s.min() >= 0
    assert abs(s.mean() - 3) < 0.1 and abs(s.var() - 3) < 0.2
    with pytest.raises(ValueError, match="lam"):
        iap.Poisson(-1)


def test_normal():
    s = _draw(iap.Normal(1, 2))
    assert abs(s.mean() - 1) < 0.05 and abs(s.std() - 2) < 0.05
    assert set(_draw(iap.Normal(4, 0), 5).tolist()) == {4.0}
    with pytest.raises(ValueError, match="scale"):
        iap.Normal(0, -1)
    with pytest.raises(ValueError, match="scale"):
        iap.Normal(0, iap.Deterministic(-1)).draw_samples(3, 0)


def test_truncated_normal():
    s = _draw(iap.TruncatedNormal(0, 1, low=-0.5, high=2))
    assert s.min() >= -0.5 and s.max() <= 2
    # Mean of N(0,1) truncated to [-0.5, 2]: (phi(a) - phi(b)) / (Phi(b) - Phi(a)).
    phi = lambda x: math.exp(-x * x / 2) / math.sqrt(2 * math.pi)  # noqa: E731
    cdf = lambda x: 0.5 * (1 + math.erf(x / math.sqrt(2)))  # noqa: E731
    expected = (phi(-0.5) - phi(2)) / (cdf(2) - cdf(-0.5))
    assert abs(s.mean() - expected) < 0.02
    s = _draw(iap.TruncatedNormal(5, 2))
    assert abs(s.mean() - 5) < 0.05 and abs(s.std() - 2) < 0.05
    for low, high in [(40, 41), (-41, -40), (8, np.inf), (-np.inf, -8)]:
        t = _draw(iap.TruncatedNormal(0, 1, low, high), 1000)
        assert np.isfinite(t).all() and t.min() >= low and t.max() <= high
        near = low if np.isfinite(low) and low > 0 else high
        assert np.abs(t - near).mean() < 0.2  # the mass sits at the near bound
    assert set(_draw(iap.TruncatedNormal(3, 0, 0, 1), 4).tolist()) == {1.0}
    with pytest.raises(ValueError, match="low"):
        iap.TruncatedNormal(0, 1, 2, 1)
    with pytest.raises(ValueError, match="low"):
        iap.TruncatedNormal(0, 1, np.inf, np.inf)


def test_laplace():
    s = _draw(iap.Laplace(1, 2))
    assert abs(np.median(s) - 1) < 0.1 and abs(s.var() - 8) < 0.6
    assert set(_draw(iap.Laplace(1, 0), 3).tolist()) == {1.0}


def test_chisquare():
    s = _draw(iap.ChiSquare(3))
    assert s.min() >= 0 and abs(s.mean() - 3) < 0.1 and abs(s.var() - 6) < 0.6
    with pytest.raises(ValueError, match="df"):
        iap.ChiSquare(0)


def test_weibull():
    s = _draw(iap.Weibull(1.5))
    assert s.min() >= 0
    assert abs(s.mean() - math.gamma(1 + 1 / 1.5)) < 0.03
    with pytest.raises(ValueError, match="a"):
        iap.Weibull(0)


def test_uniform():
    s = _draw(iap.Uniform(0.1, 3.0))
    assert s.min() >= 0.1 and s.max() < 3.0
    assert abs(s.mean() - 1.55) < 0.03 and abs(s.var() - 2.9 ** 2 / 12) < 0.03
    s = _draw(iap.Uniform(5, -5))
    assert s.min() >= -5 and s.max() < 5 and abs(s.mean()) < 0.1
    assert set(_draw(iap.Uniform(2, 2), 3).tolist()) == {2.0}
    s = _draw(iap.Uniform((0, 1), (10, 11)), 1000)
    assert s.min() >= 0 and s.max() < 11


def test_beta():
    s = _draw(iap.Beta(2, 5))
    assert s.min() >= 0 and s.max() <= 1
    assert abs(s.mean() - 2 / 7) < 0.01
    s = _draw(iap.Beta(0, 0), 100)  # epsilon keeps it valid
    assert s.min() >= 0 and s.max() <= 1
    with pytest.raises(ValueError, match="epsilon"):
        iap.Beta(1, 1, epsilon=0)


def test_clip():
    s = _draw(iap.Clip(iap.Normal(0, 3), -1, 1))
    assert s.min() == -1 and s.max() == 1
    s = _draw(iap.Clip(iap.DiscreteUniform(0, 10), 2.5, None), 500)
    assert s.dtype.kind == "i" and s.min() == 3
    assert _draw(iap.Clip(iap.Normal(0, 1)), 10).shape == (10,)
    with pytest.raises(ValueError, match="minval"):
        iap.Clip(iap.Normal(0, 1), 2, 1)
    with pytest.raises(ValueError, match="maxval"):
        iap.Clip(iap.Normal(0, 1), 0, float("nan"))
    with pytest.raises(TypeError, match="minval"):
        iap.Clip(iap.Normal(0, 1), "0", 1)


def test_discretize():
    s = _draw(iap.Discretize(iap.Normal(0, 10)), 1000)
    assert s.dtype == np.int32
    raw = _draw(iap.Normal(0, 10), 1000)
    np.testing.assert_array_equal(s, np.round(raw).astype(np.int32))
    f = _draw(iap.Discretize(iap.Normal(0, 10), round=False), 1000)
    np.testing.assert_array_equal(f, np.floor(raw).astype(np.int32))
    ints = _draw(iap.Discretize(iap.DiscreteUniform(0, 4)), 10)
    assert ints.dtype == np.int64
    with pytest.raises(TypeError, match="round"):
        iap.Discretize(iap.Normal(0, 1), round=1)


def test_binary_arithmetic_values():
    assert iap.Add(1, 2).draw_samples(2).tolist() == [3, 3]
    assert iap.Subtract(1, 2.5).draw_samples(2).tolist() == [-1.5, -1.5]
    assert iap.Multiply(3, 2).draw_samples(2).tolist() == [6, 6]
    assert iap.Divide(3, 2).draw_samples(2).tolist() == [1.5, 1.5]
    assert iap.Divide(3, 0).draw_samples(2).tolist() == [3.0, 3.0]
    assert iap.Power(2, 3).draw_samples(2).tolist() == [8, 8]
    assert iap.Power(2, -1).draw_samples(2).tolist() == [0.5, 0.5]
    assert np.isnan(iap.Power(-2, 0.5).draw_samples(1)[0])


def test_elementwise_flag():
    once = _draw(iap.Multiply(iap.Deterministic(1.0), iap.Uniform(0, 1)), 100)
    assert np.unique(once).size == 1
    each = _draw(iap.Multiply(iap.Deterministic(1.0), iap.Uniform(0, 1), elementwise=True),
                 100)
    assert np.unique(each).size == 100
    div = _draw(iap.Divide(1.0, iap.Choice([0, 2]), elementwise=True), 100)
    assert set(div.tolist()) == {1.0, 0.5}


def test_absolute_and_signs():
    assert _draw(iap.Absolute(iap.Normal(0, 1))).min() >= 0
    s = _draw(iap.RandomSign(iap.Uniform(1, 2), p_positive=0.8))
    assert abs((s > 0).mean() - 0.8) < 0.02 and np.abs(s).min() >= 1
    u = _draw(iap.RandomSign(iap.Deterministic(np.uint8(3))), 100)
    assert set(u.tolist()) == {-3, 3}
    with pytest.raises(ValueError, match="p_positive"):
        iap.RandomSign(iap.Normal(0, 1), p_positive=1.5)


def test_force_sign():
    raw = _draw(iap.Normal(0, 1), 1000)
    inv = _draw(iap.ForceSign(iap.Normal(0, 1), positive=True), 1000)
    np.testing.assert_array_equal(inv, np.abs(raw))
    neg = _draw(iap.Negative(iap.Normal(0, 1)), 1000)
    np.testing.assert_array_equal(neg, -np.abs(raw))
    rer = _draw(iap.Positive(iap.Normal(0, 1), mode="reroll"), 1000)
    assert rer.min() >= 0 and not np.array_equal(rer, np.abs(raw))
    # Rerolling keeps the shape of a one-sided distribution: a shifted normal
    # rerolled stays close to its positive part.
    shifted = _draw(iap.Positive(iap.Normal(1, 1), mode="reroll", reroll_count_max=5))
    assert shifted.min() >= 0 and abs(shifted.mean() - 1.29) < 0.05
    with pytest.raises(ValueError, match="mode"):
        iap.ForceSign(iap.Normal(0, 1), True, mode="flip")
    with pytest.raises(ValueError, match="reroll_count_max"):
        iap.ForceSign(iap.Normal(0, 1), True, reroll_count_max=-1)
    with pytest.raises(TypeError, match="positive"):
        iap.ForceSign(iap.Normal(0, 1), positive="yes")


def test_sigmoid():
    s = _draw(iap.Sigmoid(iap.Uniform(0, 1), threshold=0.5, mul=20, add=-10), 1000)
    assert s.min() >= 0 and s.max() <= 1
    x = _draw(iap.Uniform(0, 1), 1000)
    np.testing.assert_allclose(s, 1 / (1 + np.exp(-(x * 20 - 10 - 0.5))), rtol=1e-9, atol=1e-12)
    off = _draw(iap.Sigmoid(iap.Uniform(0, 1), 0.5, activated=False), 1000)
    np.testing.assert_array_equal(off, x)
    extreme = _draw(iap.Sigmoid(iap.Normal(0, 1e6), 0), 100)
    assert np.isfinite(extreme).all()
    p = iap.Sigmoid.create_for_noise(iap.Uniform(0, 1))
    assert p.mul == 20 and p.add == -10
    with pytest.raises(ValueError, match="activated"):
        iap.Sigmoid(iap.Uniform(0, 1), 0.5, activated=2)
