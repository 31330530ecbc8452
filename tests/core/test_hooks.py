"""Hooks, including the README example that deactivates augmenters for heatmaps."""

import numpy as np

import imgaug2 as ia
import imgaug2.augmenters as iaa


def test_activator_skips_named_augmenters_without_shifting_others():
    images = np.ones((4, 16, 16, 3), dtype=np.uint8) * 30
    images[:, 2:14, 10:12, :] = 120
    seq = iaa.Sequential([iaa.Fliplr(0.5, name="Flipper"), iaa.Rot90((0, 3), name="Rot"),
                          iaa.ChannelShuffle(1.0, name="Shuffle")], seed=1)

    def activator(data, augmenter, parents, default):
        return False if augmenter.name == "Shuffle" else default

    det = seq.to_deterministic()
    full = det.augment_images(images)
    partial = det.augment_images(images, hooks=ia.HooksImages(activator=activator))
    # Same geometry (flip/rot), no channel shuffle: channel sums per position agree.
    assert np.array_equal(full.sum(axis=3), partial.sum(axis=3))


def test_propagator_pre_and_postprocessor():
    seen = []

    def pre(data, augmenter, parents):
        seen.append(("pre", augmenter.name, len(parents)))
        return data

    def post(data, augmenter, parents):
        seen.append(("post", augmenter.name))
        return data

    def propagator(data, augmenter, parents, default):
        return False if augmenter.name == "inner" else default

    seq = iaa.Sequential([iaa.Sequential([iaa.Fliplr(1.0, name="leaf")], name="inner")],
                         name="outer")
    img = np.arange(12, dtype=np.uint8).reshape(2, 2, 3)
    out = seq.augment_image(img, hooks=ia.HooksImages(propagator=propagator, preprocessor=pre,
                                                      postprocessor=post))
    assert np.array_equal(out, img)
    assert ("pre", "outer", 0) in seen and ("pre", "inner", 1) in seen
    assert not any(name == "leaf" for _, name, *rest in seen)


def test_hooks_example_from_the_imgaug_readme():
    images = np.ones((16, 128, 128, 3), dtype=np.uint8) * 30
    heatmaps = np.ones((16, 128, 128, 21), dtype=np.uint8) * 30
    images[:, 16:128 - 16, 120:124, :] = 120
    heatmaps[:, 16:128 - 16, 120:124, :] = 120
    seq = iaa.Sequential([iaa.Fliplr(0.5, name="Flipper"), iaa.Identity(name="GaussianBlur"),
                          iaa.ChannelShuffle(1.0, name="Dropout")])

    def activator_heatmaps(images, augmenter, parents, default):
        if augmenter.name in ["GaussianBlur", "Dropout", "MyLittleNoise"]:
            return False
        return default

    hooks_heatmaps = ia.HooksImages(activator=activator_heatmaps)
    seq_det = seq.to_deterministic()
    images_aug = seq_det.augment_images(images)
    heatmaps_aug = seq_det.augment_images(heatmaps, hooks=hooks_heatmaps)
    flipped_img = images_aug[:, 64, 4:8, 0].mean(axis=1) > 100
    flipped_hm = heatmaps_aug[:, 64, 4:8, 0].mean(axis=1) > 100
    assert np.array_equal(flipped_img, flipped_hm)
    assert 0 < flipped_img.sum() < 16
