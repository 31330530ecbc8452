"""Catalogue entries: size family (resize, crop/pad, fixed sizes, CBA clean-up).

Crop/pad without resizing is an integer translation ("exact"); entries whose
default or extreme setup resizes (``keep_size=True``, Resize, KeepSizeByResize)
are "affine" (sub-pixel interpolation). Nearest-neighbour resizing is kept out of the
geometry-checked setups: it moves content by up to half a pixel by design.
"""

import warnings

import cv2

import imgaug2.augmenters as iaa
from tests.catalogue import Entry


def _scale(size, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return iaa.Scale(size, **kwargs)


ENTRIES = [
    Entry("Resize", lambda s: iaa.Resize((0.5, 1.5), seed=s),
          lambda s: iaa.Resize({"height": (4, 48), "width": "keep-aspect-ratio"},
                               interpolation=["linear", "area", "cubic"], seed=s),
          geometry="affine", changes_shape=True),
    Entry("Scale", lambda s: _scale((0.5, 1.5), seed=s),
          lambda s: _scale({"shorter-side": [8, 24], "longer-side": (0.5, 2.0)},
                           interpolation=["linear", cv2.INTER_CUBIC], seed=s),
          geometry="affine", changes_shape=True),
    Entry("CropAndPad", lambda s: iaa.CropAndPad(percent=(-0.25, 0.25), seed=s),
          lambda s: iaa.CropAndPad(px=((-10, 10), [-3, 5], (-20, 20), -2), pad_mode="ALL",
                                   pad_cval=(0, 255), keep_size=False, seed=s),
          geometry="affine", changes_shape=True),
    Entry("Crop", lambda s: iaa.Crop(px=(0, 8), seed=s),
          lambda s: iaa.Crop(percent=(0.0, 0.9), keep_size=False, sample_independently=False,
                             seed=s),
          geometry="affine", changes_shape=True),
    Entry("Pad", lambda s: iaa.Pad(px=(0, 8), seed=s),
          lambda s: iaa.Pad(percent=(0.0, 0.5), pad_mode="ALL", pad_cval=(0, 255),
                            keep_size=False, seed=s),
          geometry="affine", changes_shape=True),
    Entry("PadToFixedSize", lambda s: iaa.PadToFixedSize(48, 48, seed=s),
          lambda s: iaa.PadToFixedSize(width=101, height=None, pad_mode="ALL",
                                       pad_cval=(0.0, 255.0), position="normal", seed=s),
          geometry="exact", changes_shape=True),
    Entry("CenterPadToFixedSize", lambda s: iaa.CenterPadToFixedSize(48, 40, seed=s),
          lambda s: iaa.CenterPadToFixedSize(64, 64, pad_mode="reflect", seed=s),
          random=False, geometry="exact", changes_shape=True),
    Entry("CropToFixedSize", lambda s: iaa.CropToFixedSize(12, 12, seed=s),
          lambda s: iaa.CropToFixedSize(width=1, height=None, position="normal", seed=s),
          geometry="exact", changes_shape=True),
    Entry("CenterCropToFixedSize", lambda s: iaa.CenterCropToFixedSize(12, 12, seed=s),
          lambda s: iaa.CenterCropToFixedSize(1, 1, seed=s),
          random=False, geometry="exact", changes_shape=True),
    Entry("CropToMultiplesOf", lambda s: iaa.CropToMultiplesOf(8, 8, seed=s),
          lambda s: iaa.CropToMultiplesOf(width_multiple=7, height_multiple=None,
                                          position=(0.3, 0.8), seed=s),
          geometry="exact", changes_shape=True),
    Entry("CenterCropToMultiplesOf", lambda s: iaa.CenterCropToMultiplesOf(8, 8, seed=s),
          lambda s: iaa.CenterCropToMultiplesOf(5, 3, seed=s),
          random=False, geometry="exact", changes_shape=True),
    Entry("PadToMultiplesOf", lambda s: iaa.PadToMultiplesOf(8, 8, seed=s),
          lambda s: iaa.PadToMultiplesOf(13, None, pad_mode=["edge", "wrap", "mean"],
                                         pad_cval=[0, 128, 255], position="right-bottom",
                                         seed=s),
          geometry="exact", changes_shape=True),
    Entry("CenterPadToMultiplesOf", lambda s: iaa.CenterPadToMultiplesOf(8, 8, seed=s),
          lambda s: iaa.CenterPadToMultiplesOf(17, 19, pad_mode="symmetric", seed=s),
          random=False, geometry="exact", changes_shape=True),
    Entry("CropToPowersOf", lambda s: iaa.CropToPowersOf(2, 2, seed=s),
          lambda s: iaa.CropToPowersOf(3, None, position="left-top", seed=s),
          geometry="exact", changes_shape=True),
    Entry("CenterCropToPowersOf", lambda s: iaa.CenterCropToPowersOf(2, 2, seed=s),
          lambda s: iaa.CenterCropToPowersOf(5, 3, seed=s),
          random=False, geometry="exact", changes_shape=True),
    Entry("PadToPowersOf", lambda s: iaa.PadToPowersOf(2, 2, seed=s),
          lambda s: iaa.PadToPowersOf(3, 2, pad_mode="ALL", pad_cval=(0, 255), seed=s),
          geometry="exact", changes_shape=True),
    Entry("CenterPadToPowersOf", lambda s: iaa.CenterPadToPowersOf(2, 2, seed=s),
          lambda s: iaa.CenterPadToPowersOf(None, 5, pad_mode="linear_ramp", pad_cval=200,
                                            seed=s),
          random=False, geometry="exact", changes_shape=True),
    Entry("CropToAspectRatio", lambda s: iaa.CropToAspectRatio(1.0, seed=s),
          lambda s: iaa.CropToAspectRatio(0.01, position="uniform", seed=s),
          geometry="exact", changes_shape=True),
    Entry("CenterCropToAspectRatio", lambda s: iaa.CenterCropToAspectRatio(1.0, seed=s),
          lambda s: iaa.CenterCropToAspectRatio(25.0, seed=s),
          random=False, geometry="exact", changes_shape=True),
    Entry("PadToAspectRatio", lambda s: iaa.PadToAspectRatio(1.0, seed=s),
          lambda s: iaa.PadToAspectRatio(4.0, pad_mode="maximum", position="normal", seed=s),
          geometry="exact", changes_shape=True),
    Entry("CenterPadToAspectRatio", lambda s: iaa.CenterPadToAspectRatio(1.0, seed=s),
          lambda s: iaa.CenterPadToAspectRatio(0.25, pad_mode="median", seed=s),
          random=False, geometry="exact", changes_shape=True),
    Entry("CropToSquare", lambda s: iaa.CropToSquare(seed=s),
          lambda s: iaa.CropToSquare(position="normal", seed=s),
          geometry="exact", changes_shape=True),
    Entry("CenterCropToSquare", lambda s: iaa.CenterCropToSquare(seed=s),
          lambda s: iaa.CenterCropToSquare(seed=s),
          random=False, geometry="exact", changes_shape=True),
    Entry("PadToSquare", lambda s: iaa.PadToSquare(seed=s),
          lambda s: iaa.PadToSquare(pad_mode="ALL", pad_cval=(0, 255), position="normal",
                                    seed=s),
          geometry="exact", changes_shape=True),
    Entry("CenterPadToSquare", lambda s: iaa.CenterPadToSquare(seed=s),
          lambda s: iaa.CenterPadToSquare(pad_mode="minimum", seed=s),
          random=False, geometry="exact", changes_shape=True),
    Entry("KeepSizeByResize",
          lambda s: iaa.KeepSizeByResize(iaa.Crop(px=(0, 8), keep_size=False), seed=s),
          lambda s: iaa.KeepSizeByResize(
              [iaa.Pad(px=(0, 10), keep_size=False), iaa.Crop(percent=(0, 0.5), keep_size=False)],
              interpolation=["linear", "area", "cubic"], interpolation_heatmaps="linear", seed=s),
          geometry="affine"),
    Entry("RemoveCBAsByOutOfImageFraction",
          lambda s: iaa.RemoveCBAsByOutOfImageFraction(0.5, seed=s),
          lambda s: iaa.RemoveCBAsByOutOfImageFraction(0.0, seed=s), random=False),
    Entry("ClipCBAsToImagePlanes", lambda s: iaa.ClipCBAsToImagePlanes(seed=s),
          lambda s: iaa.ClipCBAsToImagePlanes(seed=s), random=False),
]
