"""Catalogue entries: meta augmenters, flips, Rot90."""

import numpy as np

import imgaug2.augmenters as iaa
from imgaug2 import register_lambda
from tests.catalogue import Entry


def _invert(images, random_state, parents, hooks):
    # Range-safe for every dtype: bitwise NOT for ints/bool, negation for floats.
    return [-im if im.dtype.kind == "f" else ~im for im in images]


def _always(items, random_state, parents, hooks):
    return True


register_lambda("tests.invert", _invert)
register_lambda("tests.always", _always)


def _from_record(seed, extreme=False):
    if extreme:
        pipe = iaa.Sequential([iaa.Fliplr(0.5), iaa.Rot90((1, 3), keep_size=False),
                               iaa.OneOf([iaa.Flipud(1.0), iaa.Identity()])], seed=seed)
    else:
        pipe = iaa.Sequential([iaa.Fliplr(0.5), iaa.Flipud(0.5)], seed=seed)
    _, rec = pipe(image=np.zeros((8, 8, 3), np.uint8), return_record=True)
    return iaa.from_record(rec)


ENTRIES = [
    Entry("FromRecord", lambda s: _from_record(s), lambda s: _from_record(s, True),
          random=False, geometry="exact", changes_shape=True),
    Entry("Identity", lambda s: iaa.Identity(seed=s), lambda s: iaa.Identity(seed=s),
          random=False),
    Entry("Noop", lambda s: iaa.Noop(seed=s), lambda s: iaa.Noop(seed=s), random=False),
    Entry("Fliplr", lambda s: iaa.Fliplr(0.5, seed=s), lambda s: iaa.Fliplr(1.0, seed=s),
          geometry="exact"),
    Entry("Flipud", lambda s: iaa.Flipud(0.5, seed=s), lambda s: iaa.Flipud(1.0, seed=s),
          geometry="exact"),
    Entry("HorizontalFlip", lambda s: iaa.HorizontalFlip(0.5, seed=s),
          lambda s: iaa.HorizontalFlip(1.0, seed=s), geometry="exact"),
    Entry("VerticalFlip", lambda s: iaa.VerticalFlip(0.5, seed=s),
          lambda s: iaa.VerticalFlip(1.0, seed=s), geometry="exact"),
    Entry("Rot90", lambda s: iaa.Rot90((0, 3), seed=s),
          lambda s: iaa.Rot90([1, 3], keep_size=False, seed=s), geometry="exact",
          changes_shape=True),
    Entry("Sequential",
          lambda s: iaa.Sequential([iaa.Fliplr(0.5), iaa.Flipud(0.5)], seed=s),
          lambda s: iaa.Sequential([iaa.Fliplr(0.5), iaa.Rot90((0, 3), keep_size=False),
                                    iaa.Flipud(0.5)], random_order=True, seed=s),
          geometry="exact", changes_shape=True),
    Entry("SomeOf",
          lambda s: iaa.SomeOf((0, 2), [iaa.Fliplr(1.0), iaa.Flipud(1.0), iaa.Rot90(2)], seed=s),
          lambda s: iaa.SomeOf((0, None), [iaa.Fliplr(1.0), iaa.Flipud(1.0),
                                           iaa.Rot90((1, 3), keep_size=False)],
                               random_order=True, seed=s),
          geometry="exact", changes_shape=True),
    Entry("OneOf", lambda s: iaa.OneOf([iaa.Fliplr(1.0), iaa.Flipud(1.0)], seed=s),
          lambda s: iaa.OneOf([iaa.Fliplr(1.0), iaa.Rot90(1, keep_size=False),
                               iaa.Identity()], seed=s),
          geometry="exact", changes_shape=True),
    Entry("Sometimes", lambda s: iaa.Sometimes(0.5, iaa.Fliplr(1.0), seed=s),
          lambda s: iaa.Sometimes(0.5, [iaa.Fliplr(1.0), iaa.Flipud(1.0)],
                                  [iaa.Rot90(1, keep_size=False)], seed=s),
          geometry="exact", changes_shape=True),
    Entry("WithChannels", lambda s: iaa.WithChannels([0], iaa.Fliplr(0.5), seed=s),
          lambda s: iaa.WithChannels([0, 1, 7], [iaa.Flipud(0.5), iaa.Fliplr(0.5)], seed=s),
          exclude={"geometry": "moves only some channels; annotations follow the children "
                               "but the image is a channel mix by design"}),
    Entry("ChannelShuffle", lambda s: iaa.ChannelShuffle(0.5, seed=s),
          lambda s: iaa.ChannelShuffle(1.0, channels=[0, 1], seed=s)),
    Entry("Lambda", lambda s: iaa.Lambda(func_images=_invert, seed=s),
          lambda s: iaa.Lambda(func_images=_invert, func_keypoints=None, seed=s),
          random=False),
    Entry("AssertLambda", lambda s: iaa.AssertLambda(func_images=_always, seed=s),
          lambda s: iaa.AssertLambda(func_images=_always, func_keypoints=_always, seed=s),
          random=False),
    Entry("AssertShape", lambda s: iaa.AssertShape((None, None, None), seed=s),
          lambda s: iaa.AssertShape((None, (0, 10000), None, None), seed=s), random=False),
]
