"""Augmenters driven by user functions: Lambda, AssertLambda, AssertShape.

User functions are called one row at a time with a numpy ``Generator`` built
from a seed recorded in the row's Params, so they are batch-size independent
and replay exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from imgaug2.core.base import Augmenter, AugmenterAssertionError
from imgaug2.core.params import Params
from imgaug2.core.registry import register

__all__ = ["Lambda", "AssertLambda", "AssertShape", "SeedParams"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SeedParams(Params):
    """The seed of the generator handed to a user function."""

    seed: int = 0



_FUNC_TARGETS = ("images", "heatmaps", "segmentation_maps", "keypoints", "bounding_boxes",
                 "polygons", "line_strings")


def _check_func(value: Any, argname: str, allow_keypoints: bool) -> Any:
    if value is None or callable(value):
        return value
    if allow_keypoints and value == "keypoints":
        return value
    raise TypeError("%s must be callable or None%s, got %r"
                    % (argname, " or 'keypoints'" if allow_keypoints else "", value))


class _FunctionAugmenter(Augmenter):
    """Calls user functions ``f(batch_list, random_state, parents, hooks)`` per row."""

    def _init_funcs(self, funcs: dict[str, Any]) -> None:
        self._funcs = {}
        for target, value in funcs.items():
            self._funcs[target] = _check_func(value, "func_" + target,
                                              target in ("bounding_boxes", "polygons",
                                                         "line_strings"))

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        return SeedParams(seed=int(rng.integers(0, 2**63 - 1)))

    def _call_func(self, target: str, item: Any, params: Params, parents: tuple,
                   hooks: Any) -> Any:
        func = self._funcs.get(target)
        if func is None:
            return None
        from imgaug2.kernels.noise import noise_generator
        rs = noise_generator(params.seed)  # type: ignore[attr-defined]
        if func == "keypoints":
            kfunc = self._funcs.get("keypoints")
            if kfunc is None:
                return None
            from imgaug2.augmentables.kps import KeypointsOnImage
            kps = KeypointsOnImage.from_xy_array(item.coords_xy(), shape=item.shape)
            result = kfunc([kps], rs, list(parents), hooks)
            return ("keypoints", result[0])
        result = func([item], rs, list(parents), hooks)
        if isinstance(result, np.ndarray) and target == "images":
            return result[0]
        return result[0]

    def _apply(self, cols: dict[str, list], params: list[Params], rows: list[int],
               keys: list | None, path: tuple, call: Any, parents: tuple) -> dict[str, list]:
        out = {}
        for target, column in cols.items():
            new = []
            for item, p in zip(column, params):
                new.append(self._handle_result(target, item,
                                               self._call_func(target, item, p, parents,
                                                               call.hooks)))
            out[target] = new
        return out


@register("Lambda")
class Lambda(_FunctionAugmenter):
    """Apply user functions to each target.

    Each function is called as ``f(items, random_state, parents, hooks)`` with a
    one-element list (one row at a time, so results never depend on the batch
    size) and a numpy ``Generator`` seeded from the row's key; it returns the
    augmented list. ``"keypoints"`` for boxes/polygons/line strings routes them
    through ``func_keypoints``. Register functions with
    ``imgaug2.register_lambda(name, func)`` to save and load the pipeline.
    Supported dtypes: whatever the functions support.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Lambda(func_images=lambda imgs, rs, parents, hooks: [255 - i for i in imgs])
    """

    def __init__(self, func_images: Any = None, func_heatmaps: Any = None,
                 func_segmentation_maps: Any = None, func_keypoints: Any = None,
                 func_bounding_boxes: Any = "keypoints", func_polygons: Any = "keypoints",
                 func_line_strings: Any = "keypoints", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._init_funcs({"images": func_images, "heatmaps": func_heatmaps,
                          "segmentation_maps": func_segmentation_maps,
                          "keypoints": func_keypoints, "bounding_boxes": func_bounding_boxes,
                          "polygons": func_polygons, "line_strings": func_line_strings})

    def _handle_result(self, target: str, item: Any, result: Any) -> Any:
        if result is None:
            return item
        if isinstance(result, tuple) and len(result) == 2 and result[0] == "keypoints":
            kps = result[1]
            return item.replace_coords(kps.coords_xy(), tuple(kps.shape))
        if target == "images" and not isinstance(result, np.ndarray):
            raise TypeError("Lambda: func_images must return a list of numpy arrays, got %s"
                            % type(result).__name__)
        return result


@register("AssertLambda")
class AssertLambda(_FunctionAugmenter):
    """Raise if a user check returns False for any target.

    Functions are called like :class:`Lambda`'s and must return a bool.
    Supported dtypes: all.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.AssertLambda(func_images=lambda imgs, rs, p, h: all(i.ndim == 3 for i in imgs))
    """

    def __init__(self, func_images: Any = None, func_heatmaps: Any = None,
                 func_segmentation_maps: Any = None, func_keypoints: Any = None,
                 func_bounding_boxes: Any = None, func_polygons: Any = None,
                 func_line_strings: Any = None, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._init_funcs({"images": func_images, "heatmaps": func_heatmaps,
                          "segmentation_maps": func_segmentation_maps,
                          "keypoints": func_keypoints, "bounding_boxes": func_bounding_boxes,
                          "polygons": func_polygons, "line_strings": func_line_strings})

    def _call_func(self, target: str, item: Any, params: Params, parents: tuple,
                   hooks: Any) -> Any:
        func = self._funcs.get(target)
        if func is None or func == "keypoints":
            return None
        from imgaug2.kernels.noise import noise_generator
        ok = func([item], noise_generator(params.seed), list(parents), hooks)  # type: ignore
        if not ok:
            raise AugmenterAssertionError("AssertLambda %r: check for %s failed"
                                          % (self.name, target))
        return None

    def _handle_result(self, target: str, item: Any, result: Any) -> Any:
        return item


def _check_dim(value: int, spec: Any, what: str, name: str) -> None:
    if spec is None:
        return
    if isinstance(spec, (int, np.integer)) and not isinstance(spec, bool):
        ok = value == spec
        desc = "== %d" % spec
    elif isinstance(spec, tuple) and len(spec) == 2:
        lo, hi = spec
        ok = (lo is None or value >= lo) and (hi is None or value < hi)
        desc = "in [%s, %s)" % (lo, hi)
    elif isinstance(spec, list):
        ok = value in spec
        desc = "in %s" % spec
    else:
        raise ValueError("AssertShape: unsupported shape entry %r" % (spec,))
    if not ok:
        raise AugmenterAssertionError("AssertShape %r: %s is %d, expected %s"
                                      % (name, what, value, desc))


def _validate_shape_spec(shape: Any) -> tuple:
    if not isinstance(shape, tuple):
        raise TypeError("shape must be a tuple, got %s" % type(shape).__name__)
    for entry in shape:
        if entry is None or (isinstance(entry, (int, np.integer)) and not isinstance(entry, bool)):
            continue
        if isinstance(entry, tuple) and len(entry) == 2:
            continue
        if isinstance(entry, list) and all(isinstance(v, (int, np.integer)) for v in entry):
            continue
        raise ValueError("shape: entries must be None, an int, a (min, max) tuple or a list of "
                         "ints, got %r" % (entry,))
    return shape


@register("AssertShape")
class AssertShape(Augmenter):
    """Raise if inputs do not have the expected shape.

    ``shape`` entries: None (any), an int, ``(min, max)`` (max exclusive) or a
    list of allowed values. A 4-entry shape starts with the number of images.
    Supported dtypes: all.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.AssertShape((None, 32, 32, 3))
    """

    def __init__(self, shape: tuple, check_images: bool = True, check_heatmaps: bool = True,
                 check_segmentation_maps: bool = True, check_keypoints: bool = True,
                 check_bounding_boxes: bool = True, check_polygons: bool = True,
                 check_line_strings: bool = True, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.shape = _validate_shape_spec(shape)
        self.checks = {"images": check_images, "heatmaps": check_heatmaps,
                       "segmentation_maps": check_segmentation_maps,
                       "keypoints": check_keypoints, "bounding_boxes": check_bounding_boxes,
                       "polygons": check_polygons, "line_strings": check_line_strings}

    def _apply(self, cols: dict[str, list], params: list[Params], rows: list[int],
               keys: list | None, path: tuple, call: Any, parents: tuple) -> dict[str, list]:
        spec = self.shape
        for target, column in cols.items():
            if not self.checks.get(target, True):
                continue
            per_image = spec
            if len(spec) == 4:
                _check_dim(len(column), spec[0], "number of %s" % target, self.name)
                per_image = spec[1:]
            for item in column:
                shape = item.shape if target == "images" else tuple(item.shape)
                if target in ("heatmaps", "segmentation_maps"):
                    shape = tuple(item.shape)
                for axis, (value, s) in enumerate(zip(shape, per_image)):
                    _check_dim(value, s, "%s axis %d" % (target, axis), self.name)
                if target == "images" and len(per_image) == 3 and len(shape) == 2 \
                        and per_image[2] is not None:
                    _check_dim(1, per_image[2], "images axis 2", self.name)
        return cols


