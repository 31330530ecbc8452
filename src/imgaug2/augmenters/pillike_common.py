"""Shared base of the PIL-like augmenters (``iaa.pillike``).

Layout policy of the whole family: uint8 images of shape ``(H,W)``, ``(H,W,1)``
(gray), ``(H,W,3)`` (RGB) or ``(H,W,4)`` (RGB plus alpha; pixel augmenters keep
the alpha channel unchanged, ``Affine`` moves it with the colours). Other
channel counts raise a ``ValueError`` naming ``image`` for every row, whether
or not the row's draw applies the augmenter; empty images come back unchanged.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2.core.base import Augmenter
from imgaug2.core.params import Params
from imgaug2.kernels.pillike import check_layout

__all__ = ["PillikeAugmenter", "PillikeFixedAugmenter", "UINT8", "APPLIED"]

UINT8 = frozenset({"uint8"})

#: The row of an augmenter that draws nothing and always applies.
APPLIED = Params(applied=True)


class PillikeAugmenter(Augmenter):
    """Leaf base: uint8 only, layout checked for every image before any work.

    Subclasses implement ``_pil(image, params)`` for a non-empty image of a valid
    layout and return a new array.
    """

    supported_dtypes = UINT8

    def _apply(self, cols: dict[str, list], params: list[Params], rows: list[int],
               keys: Any, path: tuple, call: Any, parents: tuple) -> dict[str, list]:
        # Checked for skipped rows too, so an error never depends on a random draw.
        for image in cols.get("images", ()):
            if image.size:
                check_layout(image)
        return super()._apply(cols, params, rows, keys, path, call, parents)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        if image.size == 0:
            return image.copy()
        return self._pil(image, params)

    def _pil(self, image: np.ndarray, params: Params) -> np.ndarray:
        raise NotImplementedError


class PillikeFixedAugmenter(PillikeAugmenter):
    """Base of the PIL-like augmenters without arguments: draws nothing, always applies."""

    def __init__(self, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        return APPLIED
