"""Catalogue entries: the PIL-like augmenters (``iaa.pillike``), named ``pillike.<Class>``."""

import imgaug2.augmenters as iaa
from tests.catalogue import Entry

P = iaa.pillike


def _filter(name):
    cls = getattr(P, name)
    return Entry("pillike." + name, lambda s: cls(seed=s), lambda s: cls(seed=s), random=False)


ENTRIES = [
    Entry("pillike.Solarize", lambda s: P.Solarize(0.5, threshold=(32, 128), seed=s),
          lambda s: P.Solarize(1.0, threshold=(0, 256), seed=s)),
    Entry("pillike.Posterize", lambda s: P.Posterize((1, 8), seed=s),
          lambda s: P.Posterize([1, 2], seed=s)),
    Entry("pillike.Equalize", lambda s: P.Equalize(seed=s), lambda s: P.Equalize(seed=s),
          random=False),
    Entry("pillike.Autocontrast", lambda s: P.Autocontrast((0, 20), seed=s),
          lambda s: P.Autocontrast((0, 49), per_channel=True, seed=s)),
    # the extreme configurations of EnhanceColor and FilterDetail take the Pillow-exact paths
    Entry("pillike.EnhanceColor", lambda s: P.EnhanceColor((0.0, 3.0), seed=s),
          lambda s: P.EnhanceColor((0.0, 50.0), exact=True, seed=s)),
    Entry("pillike.EnhanceContrast", lambda s: P.EnhanceContrast((0.5, 1.5), seed=s),
          lambda s: P.EnhanceContrast((0.0, 50.0), seed=s)),
    Entry("pillike.EnhanceBrightness", lambda s: P.EnhanceBrightness((0.5, 1.5), seed=s),
          lambda s: P.EnhanceBrightness((0.0, 50.0), seed=s)),
    Entry("pillike.EnhanceSharpness", lambda s: P.EnhanceSharpness((0.0, 2.0), seed=s),
          lambda s: P.EnhanceSharpness((0.0, 50.0), seed=s)),
    _filter("FilterBlur"),
    _filter("FilterSmooth"),
    _filter("FilterSmoothMore"),
    _filter("FilterEdgeEnhance"),
    _filter("FilterEdgeEnhanceMore"),
    _filter("FilterFindEdges"),
    _filter("FilterContour"),
    _filter("FilterEmboss"),
    _filter("FilterSharpen"),
    Entry("pillike.FilterDetail", lambda s: P.FilterDetail(seed=s),
          lambda s: P.FilterDetail(exact=True, seed=s), random=False),
    Entry("pillike.Affine",
          lambda s: P.Affine(scale=(0.8, 1.2), translate_percent=(-0.1, 0.1), rotate=(-20, 20),
                             shear=(-10, 10), fillcolor=(0, 256), seed=s),
          lambda s: P.Affine(scale={"x": (0.05, 20.0), "y": (0.05, 20.0)},
                             translate_px={"x": (-40, 40), "y": (-40, 40)},
                             rotate=(-360, 360), shear={"x": (-80, 80), "y": (-80, 80)},
                             fillcolor="ALL", center="uniform", seed=s),
          # Nearest-neighbour resampling (Pillow's) moves a blob's centroid by up to about
          # 0.4 px, beyond the 0.1 px of interpolating warps; coordinates are still checked
          # against the recorded matrix within 1e-4 px.
          geometry="smooth"),
]
