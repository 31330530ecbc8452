"""The catalogue of example parameters shared by the parameter tests."""

from __future__ import annotations

import numpy as np
import imgaug2.parameters as iap


def catalogue() -> dict[str, list[iap.StochasticParameter]]:
    """At least one example per registered parameter class (by registry name)."""
    return {
        "Deterministic": [iap.Deterministic(5), iap.Deterministic(0.25), iap.Deterministic("x")],
        "DeterministicList": [iap.DeterministicList([1, 2, 3]),
                              iap.DeterministicList(np.array([0.5, 1.5]))],
        "Choice": [iap.Choice([1, 2, 3]), iap.Choice(["a", "b"], p=[0.3, 0.7]),
                   iap.Choice([1, iap.Uniform(10, 20)]),
                   iap.Choice([1, 2, 3, 4], replace=False, p=[0.1, 0.2, 0.3, 0.4])],
        "Binomial": [iap.Binomial(0.3), iap.Binomial(iap.Uniform(0.2, 0.8))],
        "DiscreteUniform": [iap.DiscreteUniform(1, 5), iap.DiscreteUniform((0, 3), [7, 9])],
        "Poisson": [iap.Poisson(3), iap.Poisson((1.0, 4.0))],
        "Normal": [iap.Normal(1, 2), iap.Normal(iap.Uniform(0.5, 1.5), 0.1)],
        "TruncatedNormal": [iap.TruncatedNormal(0, 1, -1, 2), iap.TruncatedNormal(1, (0.5, 2))],
        "Laplace": [iap.Laplace(0, 1)],
        "ChiSquare": [iap.ChiSquare(3)],
        "Weibull": [iap.Weibull(1.5)],
        "Uniform": [iap.Uniform(0, 1), iap.Uniform(5, -5), iap.Uniform((0, 1), [2, 3])],
        "Beta": [iap.Beta(2, 5), iap.Beta(0.5, 0.5, epsilon=0.01)],
        "Clip": [iap.Clip(iap.Normal(iap.Uniform(0.5, 1.5), 0.1), 0.1, 3.0),
                 iap.Clip(iap.DiscreteUniform(0, 10), maxval=4)],
        "Discretize": [iap.Discretize(iap.Normal(0, 5)),
                       iap.Discretize(iap.Uniform(0, 10), round=False)],
        "Add": [iap.Add(iap.Uniform(0, 1), 2), iap.Add(1, iap.Normal(0, 1), elementwise=True)],
        "Subtract": [iap.Subtract(iap.Uniform(0, 1), iap.Uniform(0, 1))],
        "Multiply": [iap.Multiply(iap.Normal(0, 1), (1, 2), elementwise=True)],
        "Divide": [iap.Divide(iap.Uniform(1, 2), iap.Choice([0, 2]))],
        "Power": [iap.Power(iap.Uniform(1, 2), 2), iap.Power(iap.DiscreteUniform(1, 3), 2)],
        "Absolute": [iap.Absolute(iap.Normal(0, 1))],
        "RandomSign": [iap.RandomSign(iap.Uniform(1, 2), p_positive=0.7)],
        "ForceSign": [iap.ForceSign(iap.Normal(0, 1), positive=False, mode="reroll")],
        "Positive": [iap.Positive(iap.Normal(0, 1))],
        "Negative": [iap.Negative(iap.Normal(0, 1), mode="reroll", reroll_count_max=1)],
        "Sigmoid": [iap.Sigmoid(iap.Uniform(0, 1), 0.5, mul=20, add=-10),
                    iap.Sigmoid.create_for_noise(iap.Uniform(0, 1), activated=0.5)],
        "FromLowerResolution": [
            iap.FromLowerResolution(iap.Binomial(0.5), size_px=(2, 6)),
            iap.FromLowerResolution(iap.Uniform(0, 1), size_percent=0.25, method="ALL")],
        "IterativeNoiseAggregator": [iap.IterativeNoiseAggregator(iap.Uniform(0, 1))],
        "SimplexNoise": [iap.SimplexNoise(), iap.SimplexNoise(size_px_max=4,
                                                               upscale_method="cubic")],
        "FrequencyNoise": [iap.FrequencyNoise(), iap.FrequencyNoise(exponent=-2,
                                                                   upscale_method="area")],
    }


SPATIAL = {"FromLowerResolution", "IterativeNoiseAggregator", "SimplexNoise", "FrequencyNoise"}


def sample_size(name: str, param: iap.StochasticParameter | None = None) -> tuple[int, ...]:
    if isinstance(param, iap.Choice) and not param.replace:
        return (2, 2)
    return (9, 11) if name in SPATIAL else (4, 5)


def all_examples() -> list[tuple[str, iap.StochasticParameter]]:
    return [(name, p) for name, ps in catalogue().items() for p in ps]
