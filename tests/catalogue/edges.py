"""Catalogue entries: edges family (Canny)."""

import imgaug2.augmenters as iaa
from tests.catalogue import Entry

ENTRIES = [
    Entry("Canny", lambda s: iaa.Canny(seed=s),
          lambda s: iaa.Canny(alpha=1.0, hysteresis_thresholds=(0, 1000), sobel_kernel_size=[3, 7],
                              colorizer=iaa.RandomColorsBinaryImageColorizer(255, 0), seed=s)),
]
