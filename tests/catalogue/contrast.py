"""Catalogue entries: contrast augmenters (curves, CLAHE, histogram equalisation)."""

import imgaug2.augmenters as iaa
import imgaug2.parameters as iap
from tests.catalogue import Entry

ENTRIES = [
    Entry("GammaContrast", lambda s: iaa.GammaContrast(seed=s),
          lambda s: iaa.GammaContrast((0.01, 100.0), per_channel=True, seed=s)),
    Entry("SigmoidContrast", lambda s: iaa.SigmoidContrast(seed=s),
          lambda s: iaa.SigmoidContrast(gain=(0, 1000), cutoff=(0.0, 1.0), per_channel=0.5,
                                        seed=s)),
    Entry("LogContrast", lambda s: iaa.LogContrast(seed=s),
          lambda s: iaa.LogContrast(gain=[0.001, 100.0], per_channel=True, seed=s)),
    Entry("LinearContrast", lambda s: iaa.LinearContrast(seed=s),
          lambda s: iaa.LinearContrast(iap.Uniform(-1000, 1000), per_channel=True, seed=s)),
    Entry("AllChannelsCLAHE", lambda s: iaa.AllChannelsCLAHE(seed=s),
          lambda s: iaa.AllChannelsCLAHE(clip_limit=(0.0001, 1000), tile_grid_size_px=(
              (0, 500), [1, 2, 1000]), tile_grid_size_px_min=0, per_channel=True, seed=s)),
    Entry("CLAHE", lambda s: iaa.CLAHE(seed=s),
          lambda s: iaa.CLAHE(clip_limit=[0.0001, 1000], tile_grid_size_px=(2, 64),
                              from_colorspace="BGR", to_colorspace="HSV", seed=s)),
    Entry("AllChannelsHistogramEqualization",
          lambda s: iaa.AllChannelsHistogramEqualization(seed=s),
          lambda s: iaa.AllChannelsHistogramEqualization(name="eq", seed=s), random=False),
    Entry("HistogramEqualization", lambda s: iaa.HistogramEqualization(seed=s),
          lambda s: iaa.HistogramEqualization(from_colorspace="BGR", to_colorspace="HLS",
                                              seed=s), random=False),
]
