"""Replacement augmenters: ReplaceElementwise and the salt/pepper family.

``_sample`` records the row's hit probability, the per-channel decision, the
coarse grid (coarse variants) and one seed; the mask and the replacement
values are expanded from the seed by :mod:`imgaug2.kernels.arithmetic_dropout`.

Salt is the dtype's maximum and pepper its minimum (255/0 for uint8, the
integer range for other integers, 1.0/0.0 for floats, True/False for bool).
Without ``per_channel`` a replaced pixel gets one value for all its channels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.arithmetic_base import (REPLACE_DTYPES, describe_distribution, draw_flag,
                                                finite, new_seed)
from imgaug2.augmenters.arithmetic_dropout import (draw_coarse_size, handle_coarse_size,
                                                   handle_min_size)
from imgaug2.core.base import Augmenter
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.arithmetic_dropout import (draw_mask, fill_mask, fill_where, mask_shape,
                                                replace_elementwise, upscale_nearest,
                                                values_to_dtype)
from imgaug2.kernels.noise import noise_generator

__all__ = ["ReplaceElementwise", "SaltAndPepper", "ImpulseNoise", "CoarseSaltAndPepper", "Salt",
           "CoarseSalt", "Pepper", "CoarsePepper", "ReplaceParams"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ReplaceParams(Params):
    """One row of element-wise replacement.

    Attributes:
        seed: Seed of the mask and the replacement values.
        p: Hit probability, or ``None`` when the mask is drawn per cell from
            the augmenter's ``mask`` parameter (a draw > 0.5 hits).
        per_channel: Independent masks per channel.
        mode: ``"const"`` (``a``), ``"uniform"`` ``[a, b)``, ``"salt"``,
            ``"pepper"``, ``"salt_pepper"`` or ``"param"`` (values drawn from
            the ``replacement`` parameter after the mask).
        size_h: Coarse grid height (0: full resolution).
        size_w: Coarse grid width (0: full resolution).
    """

    seed: int = 0
    p: float | None = 0.0
    per_channel: bool = False
    mode: str = "const"
    a: float = 0.0
    b: float = 0.0
    size_h: int = 0
    size_w: int = 0


def _hit_probability(mask: Any, rng: np.random.Generator) -> float | None:
    """Row hit probability of a mask parameter, or None when it must be drawn per cell."""
    if isinstance(mask, iap.Binomial):
        return min(max(finite(mask.p.draw_sample(random_state=rng), "mask", 1.0), 0.0), 1.0)
    if isinstance(mask, iap.Deterministic) and not isinstance(mask.value, str):
        return 1.0 if float(mask.value) > 0.5 else 0.0
    return None


class _ReplaceBase(Augmenter):
    supported_dtypes = REPLACE_DTYPES
    _coarse = False

    def _init_common(self, mask: Any, per_channel: Any, mask_name: str) -> None:
        setattr(self, mask_name, iap.handle_probability_param(
            mask, mask_name, tuple_to_uniform=True, list_to_choice=True))
        self._mask_name = mask_name
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _init_coarse(self, size_px: Any, size_percent: Any, min_size: Any) -> None:
        self._coarse = True
        self._size_mode, self._size = handle_coarse_size(size_px, size_percent)
        self.min_size = handle_min_size(min_size)

    @property
    def _mask(self) -> Any:
        return getattr(self, self._mask_name)

    def _mode(self) -> tuple[str, float, float]:
        raise NotImplementedError

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        per_channel = draw_flag(self.per_channel, rng)
        p = _hit_probability(self._mask, rng)
        size_h = size_w = 0
        if self._coarse:
            size_h, size_w = draw_coarse_size(self._size_mode, self._size, self.min_size, rng,
                                              shape)
        mode, a, b = self._mode()
        return ReplaceParams(seed=new_seed(rng), p=p, per_channel=per_channel, mode=mode, a=a,
                             b=b, size_h=size_h, size_w=size_w)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        p: ReplaceParams = params  # type: ignore[assignment]
        if image.size == 0 or p.p == 0.0:
            return image.copy()
        coarse = (p.size_h, p.size_w)
        if p.p is not None and p.mode != "param":
            return replace_elementwise(image, p.seed, p.p, p.per_channel, p.mode, p.a, p.b,
                                       coarse)
        # A mask or replacement without a primitive description: drawn here, from the seed.
        gen = noise_generator(p.seed)
        h, w, c = mask_shape(image.shape, p.per_channel)
        if p.p is None:
            grid = (min(p.size_h, h), min(p.size_w, w), c) if p.size_h > 0 else (h, w, c)
            small = np.asarray(self._mask.draw_samples(grid, random_state=gen))
            mask = upscale_nearest(small > 0.5, h, w)
        else:
            mask = draw_mask(gen, (h, w, c), p.p, coarse)
        if p.mode != "param":
            return fill_mask(image, mask, gen, p.mode, p.a, p.b)
        n = int(np.count_nonzero(mask))
        if n == 0:
            return image.copy()
        raw = np.asarray(self.replacement.draw_samples((n,), random_state=gen), np.float64)
        return fill_where(image, mask, values_to_dtype(np.nan_to_num(raw, nan=0.0), image.dtype))


@register("ReplaceElementwise")
class ReplaceElementwise(_ReplaceBase):
    """Replace random pixels (or channels of pixels) with other values.

    Supported dtypes: bool, uint8, uint16, uint32, int8, int16, int32,
    float16, float32, float64 (replacements rounded and clipped for integers;
    bool is ``value > 0.5``).

    Args:
        mask: Probability of replacing a cell: number in [0, 1], ``(a, b)``
            (uniform per image), list, or a parameter drawn per cell (a value
            > 0.5 replaces; ``iap.Binomial(p)`` is handled as probability ``p``).
        replacement: Replacement values: number, ``(a, b)`` (uniform per
            cell), list or parameter (drawn per replaced cell).
        per_channel: Independent masks per channel: bool or probability.

    Sampling order per row: per-channel decision, hit probability, seed.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.ReplaceElementwise(0.05, [0, 255], per_channel=0.5)
    """

    def __init__(self, mask: Any, replacement: Any, per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._init_common(mask, per_channel, "mask")
        self.replacement = iap.handle_continuous_param(replacement, "replacement")
        self._dist = describe_distribution(self.replacement)

    def _mode(self) -> tuple[str, float, float]:
        dist, a, b = self._dist
        if dist in ("const", "uniform"):
            return dist, a, b
        return "param", 0.0, 0.0


class _FixedMode(_ReplaceBase):
    """Salt/pepper augmenters: the replacement is fixed by the class."""

    _fixed_mode = "salt_pepper"

    def _mode(self) -> tuple[str, float, float]:
        return self._fixed_mode, 0.0, 0.0


@register("SaltAndPepper")
class SaltAndPepper(_FixedMode):
    """Replace random pixels with salt (white) or pepper (black), 50/50.

    Supported dtypes: bool, uint8, uint16, uint32, int8, int16, int32,
    float16, float32, float64 (salt/pepper: the integer range, 1.0/0.0 for
    floats, True/False for bool).

    Args:
        p: Probability of replacing a pixel: number, ``(a, b)``, list or parameter.
        per_channel: Independent masks per channel: bool or probability.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.SaltAndPepper(0.05, per_channel=True)
    """

    _fixed_mode = "salt_pepper"

    def __init__(self, p: Any = (0.0, 0.03), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._init_common(p, per_channel, "p")


@register("ImpulseNoise")
class ImpulseNoise(SaltAndPepper):
    """Impulse noise: :class:`SaltAndPepper` with independent masks per channel.

    Supported dtypes: as :class:`SaltAndPepper`.

    Args:
        p: Probability of replacing a channel value: number, ``(a, b)``, list or parameter.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.ImpulseNoise(0.1)
    """

    def __init__(self, p: Any = (0.0, 0.03), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(p=p, per_channel=True, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


@register("Salt")
class Salt(SaltAndPepper):
    """Replace random pixels with salt (the dtype's maximum, 255 for uint8).

    Supported dtypes: as :class:`SaltAndPepper`.

    Args:
        p: Probability of replacing a pixel: number, ``(a, b)``, list or parameter.
        per_channel: Independent masks per channel: bool or probability.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Salt(0.05)
    """

    _fixed_mode = "salt"


@register("Pepper")
class Pepper(SaltAndPepper):
    """Replace random pixels with pepper (the dtype's minimum, 0 for uint8).

    Supported dtypes: as :class:`SaltAndPepper`.

    Args:
        p: Probability of replacing a pixel: number, ``(a, b)``, list or parameter.
        per_channel: Independent masks per channel: bool or probability.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Pepper(0.05)
    """

    _fixed_mode = "pepper"


@register("CoarseSaltAndPepper")
class CoarseSaltAndPepper(_FixedMode):
    """Salt and pepper on the cells of a coarse grid (each replaced pixel picks salt or pepper).

    Grid sizes work as in :class:`CoarseDropout` (default ``size_px=(3, 8)``).

    Supported dtypes: as :class:`SaltAndPepper`.

    Args:
        p: Probability of replacing a cell: number, ``(a, b)``, list or parameter.
        size_px: Grid size in cells: int, ``(a, b)``, list or parameter.
        size_percent: Grid size relative to the image: number, ``(a, b)``, list or parameter.
        per_channel: Independent masks per channel: bool or probability.
        min_size: Smallest grid side (int >= 1).

    Sampling order per row: per-channel decision, hit probability, grid
    height, grid width, seed.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CoarseSaltAndPepper(0.05, size_percent=(0.01, 0.1))
    """

    _fixed_mode = "salt_pepper"

    def __init__(self, p: Any = (0.02, 0.1), size_px: Any = None, size_percent: Any = None,
                 per_channel: Any = False, min_size: Any = 3, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._init_common(p, per_channel, "p")
        self._init_coarse(size_px, size_percent, min_size)


@register("CoarseSalt")
class CoarseSalt(CoarseSaltAndPepper):
    """Salt (the dtype's maximum) on the cells of a coarse grid.

    Supported dtypes: as :class:`SaltAndPepper`.

    Args:
        p: Probability of replacing a cell: number, ``(a, b)``, list or parameter.
        size_px: Grid size in cells: int, ``(a, b)``, list or parameter.
        size_percent: Grid size relative to the image: number, ``(a, b)``, list or parameter.
        per_channel: Independent masks per channel: bool or probability.
        min_size: Smallest grid side (int >= 1).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CoarseSalt(0.05, size_percent=(0.01, 0.1))
    """

    _fixed_mode = "salt"


@register("CoarsePepper")
class CoarsePepper(CoarseSaltAndPepper):
    """Pepper (the dtype's minimum) on the cells of a coarse grid.

    Supported dtypes: as :class:`SaltAndPepper`.

    Args:
        p: Probability of replacing a cell: number, ``(a, b)``, list or parameter.
        size_px: Grid size in cells: int, ``(a, b)``, list or parameter.
        size_percent: Grid size relative to the image: number, ``(a, b)``, list or parameter.
        per_channel: Independent masks per channel: bool or probability.
        min_size: Smallest grid side (int >= 1).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CoarsePepper(0.05, size_percent=(0.01, 0.1))
    """

    _fixed_mode = "pepper"
