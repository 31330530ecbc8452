"""Shared base of the PIL-like augmenters (``iaa.pillike``).

Layout policy of the whole family: uint8 images of shape ``(H,W)``, ``(H,W,1)``
(gray), ``(H,W,3)`` (RGB) or ``(H,W,4)`` (RGB plus alpha; pixel augmenters keep
the alpha channel unchanged, ``Affine`` moves it with the colours). Other
channel counts raise a ``ValueError`` naming ``image`` for every row, whether
or not the row's draw applies the augmenter (a call without images checks the
image shape its annotations carry); empty images come back unchanged.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2.core.base import Augmenter
from imgaug2.core.memo import ShapeMemo
from imgaug2.core.params import Params
from imgaug2.kernels.pillike import LAYOUT_ERROR

__all__ = ["PillikeAugmenter", "PillikeFixedAugmenter", "UINT8", "APPLIED"]

UINT8 = frozenset({"uint8"})

#: The row of an augmenter that draws nothing and always applies.
APPLIED = Params(applied=True)


class PillikeAugmenter(Augmenter):
    """Leaf base: uint8 only, layout checked for every row before any work.

    Subclasses implement ``_draw(rng, shape)`` (the row's parameters; the base's
    ``_sample`` checks the layout first) and ``_pil(image, params)`` for a
    non-empty image of a valid layout, returning a new array. The check lives in
    ``_sample`` rather than in an ``_apply`` override so that single-image calls
    keep the engine's lean path; it runs for skipped rows too, so an error never
    depends on a random draw, and again in ``_augment_image`` for replays (which
    draw nothing).
    """

    supported_dtypes = UINT8
    #: subclasses with a shape memo (core.memo.ShapeMemo) set ``_draw = ShapeMemo._sample``
    _memo_hook = "_draw"

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        # ``shape`` is the row's image shape (or its annotations' when no image is given)
        if len(shape) == 3 and shape[2] not in (1, 3, 4) and shape[0] and shape[1] \
                and shape[2]:
            raise ValueError(LAYOUT_ERROR % (tuple(shape),))
        return self._draw(rng, shape)

    def _draw(self, rng: np.random.Generator, shape: tuple) -> Params:
        return APPLIED

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        if image.size == 0:
            return image.copy()
        if image.ndim == 3 and image.shape[2] not in (1, 3, 4):
            raise ValueError(LAYOUT_ERROR % (image.shape,))
        return self._pil(image, params)

    def _pil(self, image: np.ndarray, params: Params) -> np.ndarray:
        raise NotImplementedError


class PillikeFixedAugmenter(ShapeMemo, PillikeAugmenter):
    """Base of the PIL-like augmenters without arguments: draws nothing, always applies.

    Every row's Params are ``APPLIED`` (what ``_draw`` returns), so single-image
    calls run through image plans (``core.memo``).
    """

    def __init__(self, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)

    # PillikeAugmenter._sample checks the layout, then draws through the memo.
    _sample = PillikeAugmenter._sample
    _draw = ShapeMemo._sample

    def _sample_shape(self, rng: np.random.Generator, shape: tuple) -> Params:
        return APPLIED

    def _constant_params(self, shape: tuple) -> Params:
        return APPLIED
