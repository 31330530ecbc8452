"""Catalogue entries: blur family (GaussianBlur, AverageBlur, MedianBlur, BilateralBlur,
MotionBlur, MeanShiftBlur)."""

import imgaug2.augmenters as iaa
import imgaug2.parameters as iap
from tests.catalogue import Entry

ENTRIES = [
    Entry("GaussianBlur", lambda s: iaa.GaussianBlur((0.0, 3.0), seed=s),
          lambda s: iaa.GaussianBlur(iap.Uniform(5.0, 100.0), seed=s)),
    Entry("AverageBlur", lambda s: iaa.AverageBlur((1, 7), seed=s),
          lambda s: iaa.AverageBlur(((1, 64), [2, 101]), seed=s)),
    Entry("MedianBlur", lambda s: iaa.MedianBlur((1, 7), seed=s),
          lambda s: iaa.MedianBlur([9, 15, 31], seed=s)),
    Entry("BilateralBlur", lambda s: iaa.BilateralBlur(seed=s),
          lambda s: iaa.BilateralBlur(d=(20, 51), sigma_color=(0, 1000), sigma_space=(0, 1000),
                                      seed=s)),
    Entry("MotionBlur", lambda s: iaa.MotionBlur(seed=s),
          lambda s: iaa.MotionBlur(k=(3, 41), angle=(-720, 720), direction=[-1.0, 1.0],
                                   order=[0, 3, 5], seed=s)),
    Entry("MeanShiftBlur", lambda s: iaa.MeanShiftBlur(seed=s),
          lambda s: iaa.MeanShiftBlur(spatial_radius=(0.0, 60.0), color_radius=(0.0, 1000.0),
                                      seed=s)),
]
