"""Catalogue entries: pooling family (AveragePooling, MaxPooling, MinPooling, MedianPooling).

With ``keep_size=False`` pooling shrinks the image and moves annotations by
``x -> x / kw``; blob centroids then move by up to about half a block, hence
geometry "smooth".
"""

import imgaug2.augmenters as iaa
from tests.catalogue import Entry


def _entry(name):
    cls = getattr(iaa, name)
    return Entry(name, lambda s: cls((1, 5), seed=s),
                 lambda s: cls(((1, 9), (1, 9)), keep_size=False, seed=s),
                 geometry="smooth", changes_shape=True)


ENTRIES = [_entry(name) for name in ("AveragePooling", "MaxPooling", "MinPooling",
                                     "MedianPooling")]
