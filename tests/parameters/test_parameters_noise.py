"""Spatial parameters: FromLowerResolution, IterativeNoiseAggregator and noise maps."""

from __future__ import annotations

import numpy as np
import pytest

import imgaug2.parameters as iap
from imgaug2.parameters.noise import simplex_noise_2d

NOISE = [
    iap.SimplexNoise(),
    iap.SimplexNoise(size_px_max=64, upscale_method="cubic"),
    iap.SimplexNoise(size_px_max=1),
    iap.FrequencyNoise(),
    iap.FrequencyNoise(exponent=-4, upscale_method="cubic"),
    iap.FrequencyNoise(exponent=4, size_px_max=64, upscale_method="area"),
    iap.FrequencyNoise(exponent=(-100, 100), size_px_max=1),
]


@pytest.mark.parametrize("param", NOISE, ids=lambda p: repr(p))
@pytest.mark.parametrize("size", [(32, 48), (48, 32, 3), (1, 1), (7, 100), (5, 5, 1)])
def test_noise_range_and_shape(param, size):
    for seed in range(3):
        m = param.draw_samples(size, seed)
        assert m.shape == size
        assert m.dtype == np.float32
        assert np.isfinite(m).all()
        assert m.min() >= 0.0 and m.max() <= 1.0


@pytest.mark.parametrize("param", NOISE[:2] + NOISE[3:5], ids=lambda p: repr(p))
def test_noise_has_spread_and_is_reproducible(param):
    a = param.draw_samples((64, 64), 3)
    b = param.draw_samples((64, 64), 3)
    c = param.draw_samples((64, 64), 4)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)
    assert a.std() > 0.05
    assert 0.15 < a.mean() < 0.85


def test_noise_channels_are_independent():
    m = iap.SimplexNoise(size_px_max=16).draw_samples((32, 32, 3), 0)
    assert not np.array_equal(m[..., 0], m[..., 1])


def test_noise_empty_and_bad_sizes():
    assert iap.SimplexNoise().draw_samples((0, 5), 0).shape == (0, 5)
    assert iap.FrequencyNoise().draw_samples((5, 0, 2), 0).shape == (5, 0, 2)
    for bad in [(5,), (2, 3, 4, 5)]:
        with pytest.raises(ValueError, match="size"):
            iap.SimplexNoise().draw_samples(bad, 0)


def test_simplex_is_smooth_and_bounded():
    yy, xx = np.mgrid[0:200, 0:200].astype(np.float64) * 0.05
    n = simplex_noise_2d(yy, xx, 11)
    assert np.abs(n).max() <= 1.05
    assert n.std() > 0.2
    # Neighbouring samples 0.05 apart differ far less than the overall spread.
    assert np.abs(np.diff(n, axis=1)).mean() < 0.1 * n.std() * 10
    # Vectorised: evaluating point by point gives the same values.
    pts = simplex_noise_2d(yy[:3, :3].ravel(), xx[:3, :3].ravel(), 11)
    np.testing.assert_allclose(pts, n[:3, :3].ravel())


def test_frequency_exponent_controls_smoothness():
    rough = iap.FrequencyNoise(exponent=3, size_px_max=64).draw_samples((64, 64), 1)
    smooth = iap.FrequencyNoise(exponent=-3, size_px_max=64).draw_samples((64, 64), 1)
    roughness = lambda m: np.abs(np.diff(m, axis=1)).mean()  # noqa: E731
    assert roughness(smooth) < roughness(rough) / 3


@pytest.mark.parametrize("kwargs,match", [
    ({"size_px_max": 0}, "size_px_max"), ({"size_px_max": 20000}, "size_px_max"),
    ({"upscale_method": "bilinear"}, "upscale_method"), ({"upscale_method": 3}, "upscale_method"),
])
def test_noise_rejects(kwargs, match):
    with pytest.raises((TypeError, ValueError), match=match):
        iap.SimplexNoise(**kwargs)
    with pytest.raises((TypeError, ValueError), match=match):
        iap.FrequencyNoise(**kwargs)
    with pytest.raises(ValueError, match="exponent"):
        iap.FrequencyNoise(exponent=1000)


# ------------------------------------------------------------ lower resolution


@pytest.mark.parametrize("size", [(16, 24), (16, 24, 3), (2, 16, 24, 1), (3, 8, 8, 5)])
def test_from_lower_resolution_shapes(size):
    p = iap.FromLowerResolution(iap.Binomial(0.5), size_px=(2, 4))
    out = p.draw_samples(size, 0)
    assert out.shape == size
    assert set(np.unique(out).tolist()) <= {0, 1}
    assert out.dtype == np.int64


def test_from_lower_resolution_blocks():
    p = iap.FromLowerResolution(iap.Uniform(0, 1), size_px=4, method="nearest")
    out = p.draw_samples((32, 32), 0)
    # 4x4 source pixels, each covering an 8x8 block.
    assert np.unique(out).size == 16
    blocks = out.reshape(4, 8, 4, 8)
    assert (blocks == blocks[:, :1, :, :1]).all()


def test_from_lower_resolution_percent_and_methods():
    p = iap.FromLowerResolution(iap.Uniform(0, 1), size_percent=0.25, method="linear")
    out = p.draw_samples((40, 20, 2), 0)
    assert out.shape == (40, 20, 2) and out.dtype.kind == "f"
    assert out.min() >= 0 and out.max() <= 1
    p = iap.FromLowerResolution(iap.Uniform(0, 1), size_percent=(0.1, 0.5), method="ALL",
                                min_size=2)
    for seed in range(10):
        assert p.draw_samples((4, 17, 13, 6), seed).shape == (4, 17, 13, 6)
    # Larger than the target: capped, no huge allocation.
    p = iap.FromLowerResolution(iap.Uniform(0, 1), size_px=10 ** 6)
    np.testing.assert_equal(p.draw_samples((5, 6), 0).shape, (5, 6))


def test_from_lower_resolution_rejects():
    with pytest.raises(ValueError, match="size_percent"):
        iap.FromLowerResolution(iap.Binomial(0.5))
    with pytest.raises(ValueError, match="size_percent"):
        iap.FromLowerResolution(iap.Binomial(0.5), size_percent=0.5, size_px=3)
    with pytest.raises(ValueError, match="size_px"):
        iap.FromLowerResolution(iap.Binomial(0.5), size_px=0)
    with pytest.raises(ValueError, match="method"):
        iap.FromLowerResolution(iap.Binomial(0.5), size_px=3, method="lanczos9")
    with pytest.raises(ValueError, match="min_size"):
        iap.FromLowerResolution(iap.Binomial(0.5), size_px=3, min_size=0)
    with pytest.raises(ValueError, match="size"):
        iap.FromLowerResolution(iap.Binomial(0.5), size_px=3).draw_samples(5, 0)


# ------------------------------------------------------------------ aggregator


def test_iterative_noise_aggregator():
    base = iap.Uniform(0, 1)
    mx = iap.IterativeNoiseAggregator(base, iterations=5, aggregation_method="max")
    mn = iap.IterativeNoiseAggregator(base, iterations=5, aggregation_method="min")
    av = iap.IterativeNoiseAggregator(base, iterations=5, aggregation_method="avg")
    s_max, s_min, s_avg = (p.draw_samples(4000, 0) for p in (mx, mn, av))
    assert abs(s_max.mean() - 5 / 6) < 0.02
    assert abs(s_min.mean() - 1 / 6) < 0.02
    assert abs(s_avg.mean() - 0.5) < 0.02 and abs(s_avg.var() - 1 / 60) < 0.003
    single = iap.IterativeNoiseAggregator(base, iterations=1, aggregation_method="max")
    np.testing.assert_array_equal(single.draw_samples(10, 1), base.draw_samples(10, 1))
    noise = iap.IterativeNoiseAggregator(iap.SimplexNoise(), iterations=(1, 3),
                                         aggregation_method="ALL")
    m = noise.draw_samples((16, 16), 0)
    assert m.shape == (16, 16) and m.min() >= 0 and m.max() <= 1
    with pytest.raises(ValueError, match="iterations"):
        iap.IterativeNoiseAggregator(base, iterations=0)
    with pytest.raises(ValueError, match="aggregation_method"):
        iap.IterativeNoiseAggregator(base, aggregation_method="median")


def test_sigmoid_over_noise():
    p = iap.Sigmoid.create_for_noise(iap.SimplexNoise(), threshold=(-10, 10))
    m = p.draw_samples((24, 24), 0)
    assert m.shape == (24, 24) and m.min() >= 0 and m.max() <= 1
