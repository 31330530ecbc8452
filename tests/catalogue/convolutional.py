"""Catalogue entries: convolutional family (Convolve, Sharpen, Emboss, EdgeDetect,
DirectedEdgeDetect)."""

import numpy as np

import imgaug2.augmenters as iaa
from imgaug2 import register_lambda
from tests.catalogue import Entry


def _random_kernels(image, nb_channels, random_state):
    """One random 5x5 kernel per channel (every other channel left unchanged)."""
    return [random_state.normal(0.0, 1.0, size=(5, 5)) if c % 2 == 0 else None
            for c in range(nb_channels)]


register_lambda("tests.convolutional.random_kernels", _random_kernels)

_SHARPEN = np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], dtype=np.float64)

ENTRIES = [
    Entry("Convolve", lambda s: iaa.Convolve(matrix=_SHARPEN, seed=s),
          lambda s: iaa.Convolve(matrix=_random_kernels, seed=s), random=False),
    Entry("Sharpen", lambda s: iaa.Sharpen(seed=s),
          lambda s: iaa.Sharpen(alpha=(0.9, 1.0), lightness=(0.0, 50.0), seed=s)),
    Entry("Emboss", lambda s: iaa.Emboss(seed=s),
          lambda s: iaa.Emboss(alpha=1.0, strength=(0.0, 100.0), seed=s)),
    Entry("EdgeDetect", lambda s: iaa.EdgeDetect(seed=s),
          lambda s: iaa.EdgeDetect(alpha=[0.99, 1.0], seed=s)),
    Entry("DirectedEdgeDetect", lambda s: iaa.DirectedEdgeDetect(seed=s),
          lambda s: iaa.DirectedEdgeDetect(alpha=1.0, direction=(-3.0, 3.0), seed=s)),
]
