"""Element-wise (per-pixel) noise augmenters: AddElementwise, AdditiveGaussianNoise,
AdditiveLaplaceNoise, AdditivePoissonNoise, MultiplyElementwise.

``_sample`` draws the per-channel decision, the row's distribution scalars
(noise ``loc``/``scale``, Poisson ``lam``) and one seed; the noise image is
expanded from the seed by :mod:`imgaug2.kernels.arithmetic_noise` (float32
noise; uint8 images are combined by OpenCV with saturation). Without
per-channel noise one noise plane is shared by all channels, as in imgaug.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.arithmetic_base import (ARITH_DTYPES, describe_distribution, draw_flag,
                                                finite, new_seed)
from imgaug2.core.base import Augmenter
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.arithmetic import add_scalar, multiply_scalar
from imgaug2.kernels.arithmetic_noise import (MAX_POISSON_LAM, add_elementwise, add_noise,
                                              multiply_elementwise, multiply_noise, noise_shape)
from imgaug2.kernels.noise import noise_generator

__all__ = ["AddElementwise", "AdditiveGaussianNoise", "AdditiveLaplaceNoise",
           "AdditivePoissonNoise", "MultiplyElementwise", "NoiseParams"]


@dataclass(frozen=True, slots=True, kw_only=True)
class NoiseParams(Params):
    """One row of element-wise noise.

    Attributes:
        seed: Seed the noise image is expanded from.
        per_channel: Independent noise per channel (else one plane for all).
        dist: ``"const"`` (value ``a``), ``"uniform"`` ``[a, b)``, ``"normal"``
            / ``"laplace"`` (loc ``a``, scale ``b``), ``"poisson"`` (lam ``a``,
            randomly signed) or ``"param"`` (drawn from the augmenter's own
            parameter with ``draw_samples(shape, noise_generator(seed))``).
    """

    seed: int = 0
    per_channel: bool = False
    dist: str = "const"
    a: float = 0.0
    b: float = 0.0


class _Elementwise(Augmenter):
    supported_dtypes = ARITH_DTYPES
    _multiply = False

    def _value_param(self) -> Any:
        raise NotImplementedError

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        p: NoiseParams = params  # type: ignore[assignment]
        scalar_op = multiply_scalar if self._multiply else add_scalar
        if p.dist == "const":
            return scalar_op(image, (p.a,))
        if p.dist in ("normal", "laplace") and p.b == 0.0:
            return scalar_op(image, (p.a,))
        if image.size == 0:
            return image.copy()
        if p.dist == "param":
            # No primitive description: draw the user's parameter from the row's seed.
            gen = noise_generator(p.seed)
            shape = noise_shape(image.shape, p.per_channel)
            values = np.asarray(self._value_param().draw_samples(shape, random_state=gen),
                                dtype=np.float64)
            values = np.nan_to_num(values, nan=0.0)
            op = multiply_elementwise if self._multiply else add_elementwise
            return op(image, values)
        noise_op = multiply_noise if self._multiply else add_noise
        return noise_op(image, p.seed, p.per_channel, p.dist, p.a, p.b)


class _ValueElementwise(_Elementwise):
    """Element-wise augmenters whose values come from one user parameter (value or mul)."""

    _value_name = "value"

    def _init_value(self, value: Any, per_channel: Any) -> None:
        """Store the value parameter (as ``_value_name``), per-channel flag and description.

        Args:
            value: The value argument as given.
            per_channel: The per-channel argument as given.
        """
        name = self._value_name
        setattr(self, name, iap.handle_continuous_param(value, name))
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")
        self._dist = describe_distribution(getattr(self, name))

    def _value_param(self) -> Any:
        return getattr(self, self._value_name)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        per_channel = draw_flag(self.per_channel, rng)
        dist, a, b = self._dist
        return NoiseParams(seed=new_seed(rng), per_channel=per_channel, dist=dist, a=a, b=b)


@register("AddElementwise")
class AddElementwise(_ValueElementwise):
    """Add a separately drawn value to every pixel (or every channel of every pixel).

    Supported dtypes: uint8, uint16, uint32, int8, int16, int32, float16,
    float32, float64 (integers rounded half to even and clipped; floats clipped
    to their finite range).

    Args:
        value: Per-pixel offsets: number, ``(a, b)`` (uniform per pixel), list
            (choice per pixel) or parameter (drawn per pixel).
        per_channel: Independent values per channel: bool or probability.

    Sampling order per row: the per-channel decision, then the noise seed.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.AddElementwise((-40, 40), per_channel=0.5)
    """

    def __init__(self, value: Any = (-20, 20), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._init_value(value, per_channel)


@register("MultiplyElementwise")
class MultiplyElementwise(_ValueElementwise):
    """Multiply every pixel (or every channel of every pixel) by its own factor.

    Supported dtypes: uint8, uint16, uint32, int8, int16, int32, float16,
    float32, float64.

    Args:
        mul: Per-pixel factors: number, ``(a, b)`` (uniform per pixel), list or parameter.
        per_channel: Independent factors per channel: bool or probability.

    Sampling order per row: the per-channel decision, then the noise seed.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.MultiplyElementwise((0.5, 1.5), per_channel=0.5)
    """

    _multiply = True
    _value_name = "mul"

    def __init__(self, mul: Any = (0.8, 1.2), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._init_value(mul, per_channel)


class _LocScaleNoise(_Elementwise):
    """Noise of a loc/scale family (``_dist_name``); both drawn once per row."""

    _dist_name = "normal"

    def __init__(self, loc: Any = 0, scale: Any = (0, 15), per_channel: Any = False,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.loc = iap.handle_continuous_param(loc, "loc")
        self.scale = iap.handle_continuous_param(scale, "scale", value_range=(0, None))
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        per_channel = draw_flag(self.per_channel, rng)
        loc = finite(self.loc.draw_sample(random_state=rng), "loc")
        scale = max(finite(self.scale.draw_sample(random_state=rng), "scale"), 0.0)
        return NoiseParams(seed=new_seed(rng), per_channel=per_channel, dist=self._dist_name,
                           a=loc, b=scale)


@register("AdditiveGaussianNoise")
class AdditiveGaussianNoise(_LocScaleNoise):
    """Add gaussian noise ``N(loc, scale)`` to every pixel (or channel).

    ``loc`` and ``scale`` are drawn once per image, the noise per pixel (float32).

    Supported dtypes: uint8, uint16, uint32, int8, int16, int32, float16,
    float32, float64. ``scale`` is in the image's units (e.g. 0.1*255 for uint8).

    Args:
        loc: Mean of the noise: number, ``(a, b)``, list or parameter.
        scale: Standard deviation (>= 0): number, ``(a, b)``, list or parameter.
        per_channel: Independent noise per channel: bool or probability.

    Sampling order per row: per-channel decision, loc, scale, noise seed.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.AdditiveGaussianNoise(scale=(0, 0.05 * 255), per_channel=0.5)
    """

    _dist_name = "normal"


@register("AdditiveLaplaceNoise")
class AdditiveLaplaceNoise(_LocScaleNoise):
    """Add Laplace noise (``loc``, ``scale``) to every pixel (or channel).

    Heavier tails than gaussian noise. ``loc``/``scale`` are drawn per image.

    Supported dtypes: uint8, uint16, uint32, int8, int16, int32, float16,
    float32, float64.

    Args:
        loc: Centre of the noise: number, ``(a, b)``, list or parameter.
        scale: Scale (>= 0): number, ``(a, b)``, list or parameter.
        per_channel: Independent noise per channel: bool or probability.

    Sampling order per row: per-channel decision, loc, scale, noise seed.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.AdditiveLaplaceNoise(scale=(0, 0.1 * 255))
    """

    _dist_name = "laplace"


@register("AdditivePoissonNoise")
class AdditivePoissonNoise(_Elementwise):
    """Add randomly signed Poisson noise (rate ``lam``) to every pixel (or channel).

    As imgaug's ``RandomSign(Poisson(lam))``: ``lam`` is drawn per image,
    ``+-k`` per pixel. Variates come from a 65536-entry inverse-CDF table, so
    values with probability below 2**-16 do not occur.

    Supported dtypes: uint8, uint16, uint32, int8, int16, int32, float16,
    float32, float64.

    Args:
        lam: Rate in [0, 1e6]: number, ``(a, b)``, list or parameter (draws
            are clipped into that range).
        per_channel: Independent noise per channel: bool or probability.

    Sampling order per row: per-channel decision, lam, noise seed.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.AdditivePoissonNoise((0, 15), per_channel=0.5)
    """

    def __init__(self, lam: Any = (0.0, 15.0), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.lam = iap.handle_continuous_param(lam, "lam", value_range=(0, MAX_POISSON_LAM))
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        per_channel = draw_flag(self.per_channel, rng)
        lam = min(max(finite(self.lam.draw_sample(random_state=rng), "lam"), 0.0),
                  MAX_POISSON_LAM)
        if lam == 0.0:
            return NoiseParams(seed=0, per_channel=per_channel, dist="const", a=0.0)
        return NoiseParams(seed=new_seed(rng), per_channel=per_channel, dist="poisson", a=lam)
