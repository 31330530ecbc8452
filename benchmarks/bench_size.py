"""Size family benchmark cases: resize, crop/pad and fixed-size crops/pads at fixed parameters.

Floors do the same work with bare OpenCV/numpy: ``cv2.resize`` for resizing,
``cv2.copyMakeBorder`` for padding, a numpy slice plus copy for cropping.
"""

import cv2
from _harness import Case

import imgaug2.augmenters as iaa


def _slice_copy(im, top, right, bottom, left):
    h, w = im.shape[:2]
    return im[top:h - bottom, left:w - right].copy()


CASES = [
    Case("Resize(224x224, cubic)",
         lambda: iaa.Resize({"height": 224, "width": 224}, interpolation="cubic"),
         lambda im: cv2.resize(im, (224, 224), interpolation=cv2.INTER_CUBIC)),
    Case("Resize(0.5, area)", lambda: iaa.Resize(0.5, interpolation="area"),
         lambda im: cv2.resize(im, (im.shape[1] // 2, im.shape[0] // 2),
                               interpolation=cv2.INTER_AREA)),
    Case("Resize(1.5, linear)", lambda: iaa.Resize(1.5, interpolation="linear"),
         lambda im: cv2.resize(im, (im.shape[1] * 3 // 2, im.shape[0] * 3 // 2),
                               interpolation=cv2.INTER_LINEAR)),
    Case("CropAndPad(px=8, constant)",
         lambda: iaa.CropAndPad(px=8, pad_cval=0, keep_size=False),
         lambda im: cv2.copyMakeBorder(im, 8, 8, 8, 8, cv2.BORDER_CONSTANT, value=(0, 0, 0, 0))),
    Case("CropAndPad(px=(-8,8,-8,8))",
         lambda: iaa.CropAndPad(px=(-8, 8, -8, 8), keep_size=False),
         lambda im: cv2.copyMakeBorder(im[8:-8], 0, 0, 8, 8, cv2.BORDER_CONSTANT,
                                       value=(0, 0, 0, 0))),
    Case("Pad(px=8, edge)", lambda: iaa.Pad(px=8, pad_mode="edge", keep_size=False),
         lambda im: cv2.copyMakeBorder(im, 8, 8, 8, 8, cv2.BORDER_REPLICATE)),
    Case("Pad(px=8, reflect)", lambda: iaa.Pad(px=8, pad_mode="reflect", keep_size=False),
         lambda im: cv2.copyMakeBorder(im, 8, 8, 8, 8, cv2.BORDER_REFLECT_101)),
    Case("Crop(px=16)", lambda: iaa.Crop(px=16, keep_size=False),
         lambda im: _slice_copy(im, 16, 16, 16, 16)),
    Case("Crop(px=16, keep_size)", lambda: iaa.Crop(px=16),
         lambda im: cv2.resize(im[16:-16, 16:-16], (im.shape[1], im.shape[0]),
                               interpolation=cv2.INTER_CUBIC)),
    Case("CropToFixedSize(224, center)",
         lambda: iaa.CropToFixedSize(224, 224, position="center"),
         lambda im: _slice_copy(im, (im.shape[0] - 224) // 2 + (im.shape[0] - 224) % 2,
                                (im.shape[1] - 224) // 2,
                                (im.shape[0] - 224) // 2,
                                (im.shape[1] - 224) // 2 + (im.shape[1] - 224) % 2)),
    Case("PadToFixedSize(+32, center)",
         lambda size: iaa.PadToFixedSize(size + 32, size + 32, position="center"),
         lambda im: cv2.copyMakeBorder(im, 16, 16, 16, 16, cv2.BORDER_CONSTANT,
                                       value=(0, 0, 0, 0)), sized=True),
]
