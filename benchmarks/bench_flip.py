"""Flip/rot90 benchmark cases (geometric issue extends the geometric/size files)."""

import cv2

import imgaug2.augmenters as iaa
from _harness import Case

CASES = [
    Case("Fliplr(1.0)", lambda: iaa.Fliplr(1.0), lambda im: cv2.flip(im, 1)),
    Case("Flipud(1.0)", lambda: iaa.Flipud(1.0), lambda im: cv2.flip(im, 0)),
    Case("Rot90(1)", lambda: iaa.Rot90(1, keep_size=False),
         lambda im: cv2.rotate(im, cv2.ROTATE_90_CLOCKWISE)),
]
