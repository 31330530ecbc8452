"""Stochastic parameters (``import imgaug2.parameters as iap``).

A stochastic parameter describes a distribution; augmenters draw from it
with a numpy ``Generator`` built from a row key, so every value is a pure
function of that key. Nested parameters are drawn once per ``draw_samples``
call (``Normal(Uniform(0.5, 1.5), 0.1)`` picks one mean per call).

Example:
    >>> import imgaug2.parameters as iap
    >>> sigma = iap.Clip(iap.Normal(iap.Uniform(0.5, 1.5), 0.1), 0.1, 3.0)
    >>> s = sigma.draw_samples(5, random_state=0)
    >>> bool((s >= 0.1).all() and (s <= 3.0).all())
    True
"""

from __future__ import annotations

from imgaug2.parameters.base import MAX_SAMPLES, StochasticParameter
from imgaug2.parameters.discrete import (
    Binomial,
    Choice,
    Deterministic,
    DeterministicList,
    DiscreteUniform,
    Poisson,
)
from imgaug2.parameters.continuous import (
    Beta,
    ChiSquare,
    Laplace,
    Normal,
    TruncatedNormal,
    Uniform,
    Weibull,
)
from imgaug2.parameters.arithmetic import (
    Absolute,
    Add,
    Clip,
    Discretize,
    Divide,
    ForceSign,
    Multiply,
    Negative,
    Positive,
    Power,
    RandomSign,
    Sigmoid,
    Subtract,
)
from imgaug2.parameters.noise import (
    UPSCALE_METHODS,
    FrequencyNoise,
    FromLowerResolution,
    IterativeNoiseAggregator,
    SimplexNoise,
)
from imgaug2.parameters.handles import (
    handle_categorical_string_param,
    handle_continuous_param,
    handle_discrete_kernel_size_param,
    handle_discrete_param,
    handle_probability_param,
)

__all__ = [
    "StochasticParameter",
    "MAX_SAMPLES",
    "Deterministic",
    "DeterministicList",
    "Choice",
    "Binomial",
    "DiscreteUniform",
    "Poisson",
    "Normal",
    "TruncatedNormal",
    "Laplace",
    "ChiSquare",
    "Weibull",
    "Uniform",
    "Beta",
    "Clip",
    "Discretize",
    "Add",
    "Subtract",
    "Multiply",
    "Divide",
    "Power",
    "Absolute",
    "RandomSign",
    "ForceSign",
    "Positive",
    "Negative",
    "Sigmoid",
    "FromLowerResolution",
    "IterativeNoiseAggregator",
    "SimplexNoise",
    "FrequencyNoise",
    "UPSCALE_METHODS",
    "handle_continuous_param",
    "handle_discrete_param",
    "handle_probability_param",
    "handle_categorical_string_param",
    "handle_discrete_kernel_size_param",
]
