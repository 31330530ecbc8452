"""Catalogue entries: the arithmetic family (noise, dropout, replacement, invert, JPEG)."""

import warnings

import imgaug2.augmenters as iaa
import imgaug2.parameters as iap
from tests.catalogue import Entry


def _contrast_normalization(**kwargs):
    def build(s):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return iaa.ContrastNormalization(seed=s, **kwargs)
    return build


ENTRIES = [
    Entry("Add", lambda s: iaa.Add((-20, 20), seed=s),
          lambda s: iaa.Add((-255, 255), per_channel=True, seed=s)),
    Entry("AddElementwise", lambda s: iaa.AddElementwise((-20, 20), seed=s),
          lambda s: iaa.AddElementwise(iap.Choice([-300, 0, 300]), per_channel=0.5, seed=s)),
    Entry("AdditiveGaussianNoise", lambda s: iaa.AdditiveGaussianNoise(scale=(0, 15), seed=s),
          lambda s: iaa.AdditiveGaussianNoise(loc=(-50, 50), scale=(0, 1e6), per_channel=True,
                                              seed=s)),
    Entry("AdditiveLaplaceNoise", lambda s: iaa.AdditiveLaplaceNoise(scale=(0, 15), seed=s),
          lambda s: iaa.AdditiveLaplaceNoise(loc=-10, scale=(100, 1e6), per_channel=0.5,
                                             seed=s)),
    Entry("AdditivePoissonNoise", lambda s: iaa.AdditivePoissonNoise((0, 15), seed=s),
          lambda s: iaa.AdditivePoissonNoise((100, 1e6), per_channel=True, seed=s)),
    Entry("Multiply", lambda s: iaa.Multiply((0.8, 1.2), seed=s),
          lambda s: iaa.Multiply((-5, 1e6), per_channel=True, seed=s)),
    Entry("MultiplyElementwise", lambda s: iaa.MultiplyElementwise((0.8, 1.2), seed=s),
          lambda s: iaa.MultiplyElementwise((-1e6, 1e6), per_channel=0.5, seed=s)),
    Entry("Cutout", lambda s: iaa.Cutout(seed=s),
          lambda s: iaa.Cutout(nb_iterations=(0, 20), position="normal", size=(0.0, 1.5),
                               squared=0.5, fill_mode="ALL", cval=(-1e6, 1e6),
                               fill_per_channel=0.5, seed=s)),
    Entry("Dropout", lambda s: iaa.Dropout((0.0, 0.05), seed=s),
          lambda s: iaa.Dropout((0.5, 1.0), per_channel=True, seed=s)),
    Entry("CoarseDropout", lambda s: iaa.CoarseDropout((0.02, 0.1), size_percent=0.1, seed=s),
          lambda s: iaa.CoarseDropout(iap.Binomial(0.3), size_px=(1, 100000), per_channel=0.5,
                                      min_size=1, seed=s)),
    Entry("Dropout2d", lambda s: iaa.Dropout2d(p=0.3, seed=s),
          lambda s: iaa.Dropout2d(p=(0.5, 1.0), nb_keep_channels=0, seed=s)),
    Entry("TotalDropout", lambda s: iaa.TotalDropout(0.5, seed=s),
          lambda s: iaa.TotalDropout((0.5, 1.0), seed=s)),
    Entry("ReplaceElementwise", lambda s: iaa.ReplaceElementwise(0.05, [0, 255], seed=s),
          lambda s: iaa.ReplaceElementwise(
              iap.FromLowerResolution(iap.Binomial(0.5), size_px=4), (-1e6, 1e6),
              per_channel=True, seed=s)),
    Entry("SaltAndPepper", lambda s: iaa.SaltAndPepper((0.0, 0.03), seed=s),
          lambda s: iaa.SaltAndPepper((0.5, 1.0), per_channel=True, seed=s)),
    Entry("ImpulseNoise", lambda s: iaa.ImpulseNoise((0.0, 0.03), seed=s),
          lambda s: iaa.ImpulseNoise(1.0, seed=s)),
    Entry("CoarseSaltAndPepper", lambda s: iaa.CoarseSaltAndPepper(0.05, size_px=(3, 8), seed=s),
          lambda s: iaa.CoarseSaltAndPepper((0.5, 1.0), size_percent=(0.001, 1.0),
                                            per_channel=True, min_size=1, seed=s)),
    Entry("Salt", lambda s: iaa.Salt((0.0, 0.03), seed=s),
          lambda s: iaa.Salt(iap.Binomial(iap.Uniform(0.5, 1.0)), per_channel=True, seed=s)),
    Entry("CoarseSalt", lambda s: iaa.CoarseSalt(0.05, size_percent=(0.05, 0.2), seed=s),
          lambda s: iaa.CoarseSalt(0.9, size_px=1, per_channel=True, min_size=1, seed=s)),
    Entry("Pepper", lambda s: iaa.Pepper((0.0, 0.03), seed=s),
          lambda s: iaa.Pepper([0.5, 1.0], per_channel=0.5, seed=s)),
    Entry("CoarsePepper", lambda s: iaa.CoarsePepper(0.05, size_px=(3, 8), seed=s),
          lambda s: iaa.CoarsePepper((0.5, 1.0), size_px=(1, 100000), per_channel=True,
                                     min_size=1, seed=s)),
    Entry("Invert", lambda s: iaa.Invert(0.5, seed=s),
          lambda s: iaa.Invert(0.5, per_channel=True, min_value=-1e6, max_value=1e6,
                               threshold=(0, 255), invert_above_threshold=0.5, seed=s)),
    Entry("Solarize", lambda s: iaa.Solarize(0.5, seed=s),
          lambda s: iaa.Solarize(1.0, per_channel=0.5, threshold=(0, 255),
                                 invert_above_threshold=0.5, seed=s)),
    Entry("ContrastNormalization", _contrast_normalization(alpha=(0.5, 1.5)),
          _contrast_normalization(alpha=(-1000, 1000), per_channel=True)),
    Entry("JpegCompression", lambda s: iaa.JpegCompression((0, 100), seed=s),
          lambda s: iaa.JpegCompression([0, 100], seed=s)),
]
