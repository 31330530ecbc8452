"""Threads: one shared pipeline, 8 threads x many calls with sample keys == serial result."""

from concurrent.futures import ThreadPoolExecutor

import numpy as np

import imgaug2.augmenters as iaa
from tests.families.inputs import images


def test_shared_pipeline_in_threads_matches_serial():
    aug = iaa.Sequential([iaa.Fliplr(0.5), iaa.Flipud(0.5), iaa.Rot90((0, 3)),
                          iaa.SomeOf((0, 2), [iaa.ChannelShuffle(0.5), iaa.Fliplr(1.0)])],
                         seed=3)
    imgs = images(64)
    serial = [aug(image=im, key=i) for i, im in enumerate(imgs)]

    def work(i):
        return i, aug(image=imgs[i], key=i)

    with ThreadPoolExecutor(8) as ex:
        results = list(ex.map(work, list(range(64)) * 4))
    for i, out in results:
        assert np.array_equal(out, serial[i])
