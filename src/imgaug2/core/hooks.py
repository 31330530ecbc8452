"""Hooks: let the caller switch augmenters on or off and pre/post-process data.

Because every augmenter's random stream is derived from its position in the
pipeline, deactivating one augmenter through a hook never changes what the
others sample.

Example:
    >>> import imgaug2 as ia
    >>> def activator(images, augmenter, parents, default):
    ...     return False if augmenter.name == "Blur" else default
    >>> hooks = ia.HooksImages(activator=activator)
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

__all__ = [
    "HooksImages",
    "HooksHeatmaps",
    "HooksSegmentationMaps",
    "HooksKeypoints",
    "HooksBoundingBoxes",
    "HooksPolygons",
    "HooksLineStrings",
]

Activator = Callable[[Any, Any, Sequence[Any], bool], bool]
Processor = Callable[[Any, Any, Sequence[Any]], Any]


class HooksImages:
    """Callbacks consulted by every augmenter during a call.

    Args:
        activator: ``f(data, augmenter, parents, default) -> bool``: whether
            ``augmenter`` runs at all.
        propagator: ``f(data, augmenter, parents, default) -> bool``: whether a
            container passes the data on to its children.
        preprocessor: ``f(data, augmenter, parents) -> data``, before the augmenter.
        postprocessor: ``f(data, augmenter, parents) -> data``, after it.

    ``data`` is the column the call was made for (images for
    ``augment_images``, heatmaps for ``augment_heatmaps``, ...).
    """

    def __init__(self, activator: Activator | None = None, propagator: Activator | None = None,
                 preprocessor: Processor | None = None,
                 postprocessor: Processor | None = None) -> None:
        for arg, value in (("activator", activator), ("propagator", propagator),
                           ("preprocessor", preprocessor), ("postprocessor", postprocessor)):
            if value is not None and not callable(value):
                raise TypeError("%s must be callable or None, got %s" % (arg, type(value).__name__))
        self.activator = activator
        self.propagator = propagator
        self.preprocessor = preprocessor
        self.postprocessor = postprocessor

    def is_activated(self, data: Any, augmenter: Any, parents: Sequence[Any], default: bool) -> bool:
        if self.activator is None:
            return default
        return bool(self.activator(data, augmenter, list(parents), default))

    def is_propagating(self, data: Any, augmenter: Any, parents: Sequence[Any], default: bool) -> bool:
        if self.propagator is None:
            return default
        return bool(self.propagator(data, augmenter, list(parents), default))

    def preprocess(self, data: Any, augmenter: Any, parents: Sequence[Any]) -> Any:
        if self.preprocessor is None:
            return data
        return self.preprocessor(data, augmenter, list(parents))

    def postprocess(self, data: Any, augmenter: Any, parents: Sequence[Any]) -> Any:
        if self.postprocessor is None:
            return data
        return self.postprocessor(data, augmenter, list(parents))


class HooksHeatmaps(HooksImages):
    """Hooks for heatmaps (same interface as :class:`HooksImages`)."""


class HooksSegmentationMaps(HooksImages):
    """Hooks for segmentation maps."""


class HooksKeypoints(HooksImages):
    """Hooks for keypoints."""


class HooksBoundingBoxes(HooksImages):
    """Hooks for bounding boxes."""


class HooksPolygons(HooksImages):
    """Hooks for polygons."""


class HooksLineStrings(HooksImages):
    """Hooks for line strings."""
