"""Catalogue entries: colour augmenters (colourspaces, brightness, hue/saturation,
temperature, quantisation) and the colour containers."""

import imgaug2.augmenters as iaa
import imgaug2.parameters as iap
from tests.catalogue import Entry

_ALL_SPACES = ["RGB", "BGR", "GRAY", "CIE", "YCrCb", "HSV", "HLS", "Lab", "Luv", "YUV"]

ENTRIES = [
    Entry("WithColorspace",
          lambda s: iaa.WithColorspace("HSV", children=iaa.WithChannels(
              2, iaa.LinearContrast((0.5, 1.5))), seed=s),
          lambda s: iaa.WithColorspace("Lab", from_colorspace="BGR", children=[
              iaa.GammaContrast((0.2, 5.0), per_channel=True),
              iaa.ChannelShuffle(1.0)], seed=s)),
    Entry("ChangeColorspace",
          lambda s: iaa.ChangeColorspace(["HSV", "Lab"], alpha=(0.0, 1.0), seed=s),
          lambda s: iaa.ChangeColorspace(_ALL_SPACES, from_colorspace="BGR", alpha=1.0,
                                         seed=s)),
    Entry("Grayscale", lambda s: iaa.Grayscale(alpha=(0.0, 1.0), seed=s),
          lambda s: iaa.Grayscale(alpha=[0.0, 1.0], from_colorspace="HSV", seed=s)),
    Entry("WithBrightnessChannels",
          lambda s: iaa.WithBrightnessChannels(iaa.LinearContrast((0.5, 1.5)), seed=s),
          lambda s: iaa.WithBrightnessChannels(
              [iaa.GammaContrast((0.1, 10.0)), iaa.LinearContrast((-2.0, 3.0))],
              to_colorspace="ALL", from_colorspace="BGR", seed=s)),
    Entry("MultiplyAndAddToBrightness",
          lambda s: iaa.MultiplyAndAddToBrightness(seed=s),
          lambda s: iaa.MultiplyAndAddToBrightness(mul=(-3.0, 10.0), add=(-500, 500),
                                                   to_colorspace="ALL", random_order=True,
                                                   seed=s)),
    Entry("MultiplyBrightness", lambda s: iaa.MultiplyBrightness(seed=s),
          lambda s: iaa.MultiplyBrightness((0.0, 20.0), to_colorspace=["HLS", "Luv"], seed=s)),
    Entry("AddToBrightness", lambda s: iaa.AddToBrightness(seed=s),
          lambda s: iaa.AddToBrightness([-255, 255], to_colorspace="YUV", seed=s)),
    Entry("WithHueAndSaturation",
          lambda s: iaa.WithHueAndSaturation(iaa.WithChannels(
              0, iaa.LinearContrast((0.5, 1.5))), seed=s),
          lambda s: iaa.WithHueAndSaturation([
              iaa.LinearContrast((-5.0, 5.0), per_channel=True),
              iaa.GammaContrast((0.2, 4.0))], from_colorspace="BGR", seed=s)),
    Entry("MultiplyHueAndSaturation", lambda s: iaa.MultiplyHueAndSaturation(seed=s),
          lambda s: iaa.MultiplyHueAndSaturation((-10.0, 10.0), per_channel=True, seed=s)),
    Entry("MultiplyHue", lambda s: iaa.MultiplyHue(seed=s),
          lambda s: iaa.MultiplyHue([-10.0, 10.0], from_colorspace="HLS", seed=s)),
    Entry("MultiplySaturation", lambda s: iaa.MultiplySaturation(seed=s),
          lambda s: iaa.MultiplySaturation(iap.Uniform(0.0, 10.0), seed=s)),
    Entry("RemoveSaturation", lambda s: iaa.RemoveSaturation((0.0, 1.0), seed=s),
          lambda s: iaa.RemoveSaturation(1.0, from_colorspace="BGR", seed=s)),
    Entry("AddToHueAndSaturation", lambda s: iaa.AddToHueAndSaturation(seed=s),
          lambda s: iaa.AddToHueAndSaturation((-255, 255), per_channel=True, seed=s)),
    Entry("AddToHue", lambda s: iaa.AddToHue(seed=s),
          lambda s: iaa.AddToHue([-255, 255], from_colorspace="YCrCb", seed=s)),
    Entry("AddToSaturation", lambda s: iaa.AddToSaturation(seed=s),
          lambda s: iaa.AddToSaturation((-255, 255), seed=s)),
    Entry("ChangeColorTemperature", lambda s: iaa.ChangeColorTemperature(seed=s),
          lambda s: iaa.ChangeColorTemperature([1000, 40000], from_colorspace="BGR", seed=s)),
    Entry("KMeansColorQuantization", lambda s: iaa.KMeansColorQuantization(seed=s),
          lambda s: iaa.KMeansColorQuantization(n_colors=(2, 256), to_colorspace="ALL",
                                                max_size=7, interpolation="cubic", seed=s)),
    Entry("UniformColorQuantization", lambda s: iaa.UniformColorQuantization(seed=s),
          lambda s: iaa.UniformColorQuantization(n_colors=[2, 256], to_colorspace=["HSV", "Lab"],
                                                 max_size=5, interpolation="nearest", seed=s)),
    Entry("UniformColorQuantizationToNBits",
          lambda s: iaa.UniformColorQuantizationToNBits(seed=s),
          lambda s: iaa.UniformColorQuantizationToNBits(nb_bits=[1, 8], to_colorspace="Luv",
                                                        max_size=3, seed=s)),
    Entry("Posterize", lambda s: iaa.Posterize(seed=s),
          lambda s: iaa.Posterize(nb_bits=1, from_colorspace="BGR", seed=s)),
]
