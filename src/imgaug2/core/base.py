"""The ``Augmenter`` base class: orchestration shared by every augmenter.

Three layers (DESIGN.md section 1):

1. ``_sample(rng, shape) -> Params`` draws one row's parameters; the only code
   that touches randomness. ``rng`` is built from the row's key.
2. ``Params`` (``imgaug2.core.params``) records everything the kernels need.
3. Per-target methods ``_augment_image``/``_augment_heatmaps``/... call pure
   kernels from ``imgaug2.kernels`` with primitive arguments.

The base class owns input normalisation, keys, hooks, records and replay.
Subclasses never override ``__call__``/``augment``; containers override
``_apply`` to hand rows to their children. Nothing is written to ``self``
during a call apart from the call counter and the per-shape caches of
constant configurations (``core.memo``: whole immutable entries, each set in
one dictionary assignment), so instances are thread-safe.
"""

from __future__ import annotations

import copy as copy_module
import os
import re
import warnings
from typing import Any, Callable, ClassVar, Iterable, Iterator, Sequence

import numpy as np

from imgaug2.core.context import (COLUMNS, CallContext, CallCounter, check_sample_key,
                                  validate_sample_keys)
from imgaug2.core.memo import run_plans
from imgaug2.core.params import Params
from imgaug2.core.registry import Configurable, build_from_args, encode_value
from imgaug2.random import Key, LazyGenerator, key_from, next_construction_key

__all__ = ["Augmenter", "ALL_DTYPES", "NUMERIC_DTYPES", "AugmenterAssertionError"]

ALL_DTYPES = frozenset({"bool", "uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32",
                        "int64", "float16", "float32", "float64"})
NUMERIC_DTYPES = ALL_DTYPES - {"bool"}
ALL_TARGETS = frozenset(COLUMNS)

_SINGULAR = {"image": "images", "heatmap": "heatmaps", "segmentation_map": "segmentation_maps"}
_CONTROL = {"return_batch", "hooks", "key", "keys", "return_record"}


class AugmenterAssertionError(AssertionError, ValueError):
    """Raised by ``AssertLambda``/``AssertShape`` when a user-defined check fails."""


class Augmenter(Configurable):
    """Base class of all augmenters.

    Args:
        seed: Local seed (int, ``Key``, numpy ``Generator``...). Gives this
            augmenter and its subtree an independent root that no global seed
            affects. ``None`` takes the next key of the global root.
        name: Name used by ``find_augmenters_by_name`` and hooks. An explicit,
            unique name also keys the augmenter's random stream in its parent.
        random_state: Deprecated alias of ``seed`` (imgaug).
        deterministic: Deprecated; ``True`` is ``to_deterministic()``.
    """

    _registry_kind: ClassVar[str] = "augmenter"
    supported_dtypes: ClassVar[frozenset[str]] = ALL_DTYPES
    targets: ClassVar[frozenset[str]] = ALL_TARGETS
    #: True for augmenters that move pixels: they must transform every target.
    geometric: ClassVar[bool] = False
    #: Per-shape image plans of constant configurations (``core.memo.ShapeMemo``
    #: instances hold a dict; None: calls always take the runner's paths).
    _plans: dict | None = None

    def __init__(self, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        if not (isinstance(random_state, str) and random_state == "deprecated"):
            if seed is None:
                seed = random_state
        if name is not None and not isinstance(name, str):
            raise TypeError("name must be a str or None, got %s" % type(name).__name__)
        self.name = name if name is not None else "Unnamed%s" % type(self).__name__
        self._name_given = name is not None
        if seed is None:
            self._set_root(next_construction_key(), local=False)
        else:
            self._set_root(key_from(seed), local=True)
        self._calls = CallCounter()
        self._det_call: int | None = None
        # Pipelines used in the process that built them need no worker salt; copies
        # inherited by fork or unpickled into workers keep this pid and get one.
        self._origin_pid = os.getpid()
        if deterministic is True:
            self._det_call = self._calls.take()

    # ------------------------------------------------------------------ keys
    def _set_root(self, root: Key, local: bool) -> None:
        self._root = root
        self._local = local
        self._sample_root = root.fold_in("sample-key")

    @property
    def deterministic(self) -> bool:
        return self._det_call is not None

    @property
    def random_key(self) -> Key:
        """This augmenter's root key."""
        return self._root

    def seed_(self, entropy: Any = None, deterministic_too: bool = False) -> "Augmenter":
        """Re-seed this augmenter and its subtree in place (local seeding).

        Args:
            entropy: Seed for the new root; ``None`` draws the next key of the
                global root.
            deterministic_too: Also re-freeze deterministic augmenters.
        """
        root = next_construction_key() if entropy is None else key_from(entropy)
        self._set_root(root, local=True)
        for path, node in self._walk():
            if node is self:
                continue
            node._set_root(root.fold_in(("child",) + path), local=False)
            if deterministic_too and node._det_call is not None:
                node._det_call = 0
        if deterministic_too and self._det_call is not None:
            self._det_call = 0
        self._calls.set(0)
        return self

    def set_random_seed(self, seed: Any) -> "Augmenter":
        """Albumentations-style alias of :meth:`seed_`."""
        return self.seed_(seed)

    def set_random_state(self, random_state: Any, *args: Any) -> "Augmenter":
        """Seed from a numpy ``Generator``/``RandomState`` (consumes two words)."""
        return self.seed_(key_from(random_state))

    def to_deterministic(self, n: int | None = None) -> "Augmenter" | list["Augmenter"]:
        """Copy that repeats the same per-row parameters at every call.

        Each call of ``to_deterministic()`` freezes the next call number, so
        calling it once per batch gives fresh but repeatable draws.
        """
        if n is not None:
            return [self.to_deterministic() for _ in range(n)]
        det = self.deepcopy()
        # Only the top is frozen: children derive their keys from it, so the
        # whole subtree repeats (re-rooting children would ignore this call).
        det._det_call = self._calls.take()
        return det

    # ------------------------------------------------------------- children
    def get_children_lists(self) -> list[list["Augmenter"]]:
        """Lists of child augmenters (containers override)."""
        return []

    def _child_entries(self) -> list[tuple[Any, "Augmenter"]]:
        """(key tag, child) pairs in order; used to derive child keys and paths."""
        out = []
        for lst in self.get_children_lists():
            out.extend(lst)
        return list(enumerate(out))  # type: ignore[arg-type]

    def _walk(self, path: tuple = ()) -> Iterator[tuple[tuple, "Augmenter"]]:
        yield path, self
        for j, child in self._child_entries():
            yield from child._walk(path + (j,))

    def get_all_children(self, flat: bool = False) -> list[Any]:
        result: list[Any] = []
        for lst in self.get_children_lists():
            for child in lst:
                result.append(child)
                grand = child.get_all_children(flat=flat)
                if flat:
                    result.extend(grand)
                elif grand:
                    result.append(grand)
        return result

    def find_augmenters(self, func: Callable[["Augmenter", list], bool], parents: list | None = None,
                        flat: bool = True) -> list[Any]:
        parents = [] if parents is None else parents
        result: list[Any] = []
        if func(self, parents):
            result.append(self)
        sub = parents + [self]
        for lst in self.get_children_lists():
            for child in lst:
                found = child.find_augmenters(func, parents=sub, flat=flat)
                if flat:
                    result.extend(found)
                elif found:
                    result.append(found)
        return result

    def find_augmenters_by_name(self, name: str, regex: bool = False,
                                flat: bool = True) -> list[Any]:
        return self.find_augmenters_by_names([name], regex=regex, flat=flat)

    def find_augmenters_by_names(self, names: Sequence[str], regex: bool = False,
                                 flat: bool = True) -> list[Any]:
        if regex:
            pats = [re.compile(n) for n in names]
            return self.find_augmenters(lambda a, p: any(pt.match(a.name) for pt in pats), flat=flat)
        wanted = set(names)
        return self.find_augmenters(lambda a, p: a.name in wanted, flat=flat)

    def remove_augmenters(self, func: Callable[["Augmenter", list], bool], copy: bool = True,
                          identity_if_topmost: bool = True, noop_if_topmost: bool | None = None
                          ) -> "Augmenter | None":
        """Remove every augmenter for which ``func(aug, parents)`` is true."""
        if noop_if_topmost is not None:
            identity_if_topmost = noop_if_topmost
        if func(self, []):
            if not copy:
                raise ValueError("remove_augmenters: cannot remove the topmost augmenter in place "
                                 "(use copy=True)")
            if identity_if_topmost:
                from imgaug2.augmenters.meta import Identity
                return Identity()
            return None
        aug = self.deepcopy() if copy else self
        aug.remove_augmenters_(func, parents=[])
        return aug

    def remove_augmenters_(self, func: Callable[["Augmenter", list], bool],
                           parents: list | None = None) -> None:
        parents = [] if parents is None else parents
        sub = parents + [self]
        for lst in self.get_children_lists():
            keep = [c for c in lst if not func(c, sub)]
            lst[:] = keep
            for child in keep:
                child.remove_augmenters_(func, parents=sub)

    def remove_augmenters_inplace(self, func: Callable[["Augmenter", list], bool],
                                  parents: list | None = None) -> None:
        self.remove_augmenters_(func, parents)

    def get_parameters(self) -> list[Any]:
        """The stochastic parameters this augmenter samples from."""
        from imgaug2.parameters import StochasticParameter
        return [v for v in vars(self).values() if isinstance(v, StochasticParameter)]

    def with_probability(self, p: Any) -> "Augmenter":
        """Wrap this augmenter in ``Sometimes(p, self)``."""
        from imgaug2.augmenters.meta import Sometimes
        return Sometimes(p, self)

    def copy(self) -> "Augmenter":
        return copy_module.copy(self)

    def deepcopy(self) -> "Augmenter":
        return copy_module.deepcopy(self)

    def __repr__(self) -> str:
        params = ", ".join(repr(p) for p in self.get_parameters())
        return "%s(name=%s, parameters=[%s], deterministic=%s)" % (
            type(self).__name__, self.name, params, self.deterministic)

    __str__ = __repr__

    # ---------------------------------------------------------- serialising
    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        for drop in ("seed", "random_state", "deterministic"):
            config.pop(drop, None)
        if "name" in config or self._name_given:
            config["name"] = self.name if self._name_given else None
        return config

    def to_dict(self) -> dict[str, Any]:
        """Data-only description: registered name, version, arguments and root key."""
        cls = type(self)
        if cls.__dict__.get("_registry_name") is None:
            # An unregistered subclass must not serialise under its parent's name.
            raise TypeError("%s is not registered for serialisation; decorate it with "
                            "@imgaug2.core.registry.register(name)" % cls.__name__)
        where = "augmenter.%s" % self.name
        args = {k: encode_value(v, "%s.%s" % (where, k)) for k, v in self.get_config().items()}
        return {"__augmenter__": cls._registry_name, "version": cls._registry_version,
                "args": args,
                "state": {"root": self._root.to_json(), "local": self._local,
                          "det_call": self._det_call, "calls": self._calls.value}}

    @classmethod
    def from_dict(cls, data: dict, where: str = "augmenter") -> "Augmenter":
        aug = build_from_args(cls, data, where)
        state = data.get("state")
        if state is not None:
            if not isinstance(state, dict):
                raise ValueError("%s.state: expected a mapping" % where)
            root = Key.from_json(state.get("root"))
            aug._set_root(root, bool(state.get("local", False)))
            det = state.get("det_call")
            if det is not None and (isinstance(det, bool) or not isinstance(det, int) or det < 0):
                raise ValueError("%s.state.det_call: expected a non-negative int or null" % where)
            aug._det_call = det
            calls = state.get("calls", 0)
            if isinstance(calls, bool) or not isinstance(calls, int) or calls < 0:
                raise ValueError("%s.state.calls: expected a non-negative int" % where)
            aug._calls.set(calls)
        return aug

    # ------------------------------------------------------------ the call
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if not args and "image" in kwargs and (
                len(kwargs) == 1 or (len(kwargs) == 2 and "key" in kwargs)):
            # The most common calls, aug(image=img[, key=k]): a constant configuration
            # runs its plan for this shape and dtype (core.memo), anything else the
            # lean path.
            plans = self._plans
            if plans is not None:
                image = kwargs["image"]
                if type(image) is _NDARRAY:
                    plan = plans.get(image.shape)
                    if plan is not None and plan[0] is image.dtype:
                        if len(kwargs) == 1:
                            if self._det_call is None:
                                self._calls.take()  # the call counts, as on every path
                        else:
                            check_sample_key(kwargs["key"])  # keyed calls take no number
                        return plan[1](image)
            return _runner()._fast_single_image(self, kwargs, None)
        if not args and "images" in kwargs and self._plans and (
                len(kwargs) == 1 or (len(kwargs) == 2 and "keys" in kwargs)):
            images = kwargs["images"]
            keyed = len(kwargs) == 2
            if keyed and hasattr(images, "__len__"):
                for key in validate_sample_keys(kwargs["keys"], len(images), "keys"):
                    check_sample_key(key, "keys")  # keyed calls take no number
            out = run_plans(self._plans, images)
            if out is not None:
                if not keyed and self._det_call is None:
                    self._calls.take()  # one number per call, as on the general path
                return out
        if args:
            if len(args) > 1 or "images" in kwargs or "image" in kwargs:
                raise TypeError("augmenters take data as keyword arguments (image=..., images=..., "
                                "segmentation_maps=..., ...); got %d positional" % len(args))
            data = args[0]
            if isinstance(data, np.ndarray) and data.ndim in (2, 3):
                kwargs["image"] = data
            else:
                kwargs["images"] = data
        return _runner().run_kwargs(self, kwargs, kwargs.pop("return_batch", False),
                                    kwargs.pop("hooks", None))

    def augment(self, return_batch: bool = False, hooks: Any = None, **kwargs: Any) -> Any:
        """Augment any combination of targets with one set of sampled parameters.

        Keyword arguments: ``image``/``images``, ``heatmaps``,
        ``segmentation_maps``, ``keypoints``, ``bounding_boxes``, ``polygons``,
        ``line_strings`` (with ``image=``, the others describe that one image),
        ``key=``/``keys=`` (sample keys), ``return_record=True``.
        Outputs come back in the order of the keyword arguments, in the
        formats they came in, followed by the ``Record`` when requested.
        """
        return _runner().run_kwargs(self, kwargs, return_batch=return_batch, hooks=hooks)

    def replay(self, record: Any, **kwargs: Any) -> Any:
        """Re-apply a record's parameters to inputs: bit-exact, no RNG calls."""
        from imgaug2.core.runner import run_kwargs
        return run_kwargs(self, kwargs, replay=record)

    # imgaug's per-target entry points
    def augment_image(self, image: np.ndarray, hooks: Any = None) -> np.ndarray:
        if not isinstance(image, np.ndarray):
            raise TypeError("image must be a numpy array, got %s" % type(image).__name__)
        if image.ndim not in (2, 3):
            raise ValueError("image must have 2 or 3 dimensions (H,W[,C]), got shape %s"
                             % (image.shape,))
        return self.augment(image=image, hooks=hooks)

    def augment_images(self, images: Any, parents: Any = None, hooks: Any = None) -> Any:
        return self.augment(images=images, hooks=hooks)

    def augment_heatmaps(self, heatmaps: Any, parents: Any = None, hooks: Any = None) -> Any:
        return self.augment(heatmaps=heatmaps, hooks=hooks)

    def augment_segmentation_maps(self, segmaps: Any, parents: Any = None,
                                  hooks: Any = None) -> Any:
        return self.augment(segmentation_maps=segmaps, hooks=hooks)

    def augment_keypoints(self, keypoints_on_images: Any, parents: Any = None,
                          hooks: Any = None) -> Any:
        return self.augment(keypoints=keypoints_on_images, hooks=hooks)

    def augment_bounding_boxes(self, bounding_boxes_on_images: Any, parents: Any = None,
                               hooks: Any = None) -> Any:
        return self.augment(bounding_boxes=bounding_boxes_on_images, hooks=hooks)

    def augment_polygons(self, polygons_on_images: Any, parents: Any = None,
                         hooks: Any = None) -> Any:
        return self.augment(polygons=polygons_on_images, hooks=hooks)

    def augment_line_strings(self, line_strings_on_images: Any, parents: Any = None,
                             hooks: Any = None) -> Any:
        return self.augment(line_strings=line_strings_on_images, hooks=hooks)

    def augment_batch_(self, batch: Any, parents: Any = None, hooks: Any = None) -> Any:
        """Augment a ``Batch``/``UnnormalizedBatch`` and fill its ``*_aug`` attributes."""
        from imgaug2.core.runner import augment_batch_object
        return augment_batch_object(self, batch, hooks=hooks)

    def augment_batch(self, batch: Any, hooks: Any = None) -> Any:
        return self.augment_batch_(copy_module.deepcopy(batch), hooks=hooks)

    def augment_batches(self, batches: Iterable[Any], hooks: Any = None,
                        background: bool = False) -> Iterator[Any]:
        """Augment many batches; returns a generator yielding them in order."""
        from imgaug2.core.runner import augment_batches
        return augment_batches(self, batches, hooks=hooks, background=background)

    def pool(self, processes: int | None = None, maxtasksperchild: int | None = None,
             seed: int | None = None) -> Any:
        """A process pool bound to this augmenter (see ``imgaug2.multicore.Pool``)."""
        from imgaug2.multicore import Pool
        return Pool(self, processes=processes, maxtasksperchild=maxtasksperchild, seed=seed)

    def draw_grid(self, images: Any, rows: int, cols: int) -> np.ndarray:
        """Grid of ``rows*cols`` augmented versions of each given image."""
        from imgaug2.core.runner import draw_augmenter_grid
        return draw_augmenter_grid(self, images, rows, cols)

    def show_grid(self, images: Any, rows: int, cols: int) -> None:
        from imgaug2.imgaug_utils import imshow
        imshow(self.draw_grid(images, rows, cols))

    # ------------------------------------------------- the per-node engine
    def _run(self, cols: dict[str, list], rows: list[int], keys: list[Key] | None, path: tuple,
             call: CallContext, parents: tuple) -> dict[str, list]:
        hooks = call.hooks
        if hooks is not None:
            column = call.hook_column
            data = cols.get(column) if column else None
            if not hooks.is_activated(data, self, parents, True):
                return cols
            if hooks.preprocessor is not None and column in cols:
                cols = dict(cols)
                cols[column] = list(hooks.preprocess(cols[column], self, parents))
        if call.replay is not None:
            params = call.lookup(self, rows, path)
        else:
            if parents and (self._local or self._det_call is not None):
                keys = call.row_keys(self, rows)
            params = self._sample_rows(cols, keys)  # type: ignore[arg-type]
        record = call.record
        if record is not None:
            reg = type(self)._registry_name or type(self).__name__
            for r, p in zip(rows, params):
                record[r].append((path, reg, self.name, p))
        cols = self._apply(cols, params, rows, keys, path, call, parents)
        if hooks is not None and hooks.postprocessor is not None and call.hook_column in cols:
            cols = dict(cols)
            cols[call.hook_column] = list(hooks.postprocess(cols[call.hook_column], self, parents))
        return cols

    def _sample_rows(self, cols: dict[str, list], keys: list[Key]) -> list[Params]:
        shapes = row_shapes(cols, len(keys))
        sample = self._sample
        return [sample(LazyGenerator(k), s) for k, s in zip(keys, shapes)]  # type: ignore

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        """Draw one row's parameters (augmenters without randomness keep this)."""
        return _APPLIED

    def _apply(self, cols: dict[str, list], params: list[Params], rows: list[int],
               keys: list[Key] | None, path: tuple, call: CallContext,
               parents: tuple) -> dict[str, list]:
        out = {}
        for name, column in cols.items():
            fn = getattr(self, _TARGET_METHODS[name])
            out[name] = [fn(item, p) if p.applied else item for item, p in zip(column, params)]
        return out

    # per-target defaults: pixel augmenters leave annotations untouched
    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        raise TypeError("%s does not augment images" % type(self).__name__)

    def _augment_heatmaps(self, heatmaps: Any, params: Params) -> Any:
        if self.geometric:
            raise TypeError("%s moves pixels but does not implement heatmaps"
                            % type(self).__name__)
        return heatmaps

    def _augment_segmentation_maps(self, segmaps: Any, params: Params) -> Any:
        if self.geometric:
            raise TypeError("%s moves pixels but does not implement segmentation maps"
                            % type(self).__name__)
        return segmaps

    def _augment_xy(self, xy: np.ndarray, params: Params, shape: tuple
                    ) -> tuple[np.ndarray, tuple]:
        """Map (M,2) float64 coordinates; geometric augmenters override."""
        raise TypeError("%s moves pixels but does not implement coordinates"
                        % type(self).__name__)

    def _augment_coords(self, obj: Any, params: Params) -> Any:
        if not self.geometric:
            return obj
        xy, shape = self._augment_xy(obj.coords_xy(), params, tuple(obj.shape))
        return obj.replace_coords(xy, shape)

    def _augment_keypoints(self, kpsoi: Any, params: Params) -> Any:
        return self._augment_coords(kpsoi, params)

    def _augment_bounding_boxes(self, bbsoi: Any, params: Params) -> Any:
        return self._augment_coords(bbsoi, params)

    def _augment_polygons(self, psoi: Any, params: Params) -> Any:
        return self._augment_coords(psoi, params)

    def _augment_line_strings(self, lsoi: Any, params: Params) -> Any:
        return self._augment_coords(lsoi, params)

    # dtype support of the whole subtree (checked before any work)
    def _tree_dtype_set(self) -> frozenset[np.dtype]:
        """Supported dtypes of the subtree as ``np.dtype`` objects (fast membership)."""
        if not self.get_children_lists():
            cached = _DTYPE_SETS.get(type(self))
            if cached is None:
                cached = frozenset(np.dtype(n) for n in type(self).supported_dtypes)
                _DTYPE_SETS[type(self)] = cached
            return cached
        names = self._tree_dtypes()
        cached = _DTYPE_SETS_BY_NAMES.get(names)
        if cached is None:
            cached = _DTYPE_SETS_BY_NAMES[names] = frozenset(np.dtype(n) for n in names)
        return cached

    def _tree_dtypes(self) -> frozenset[str]:
        allowed = type(self).supported_dtypes
        for lst in self.get_children_lists():
            for child in lst:
                allowed = allowed & child._tree_dtypes()
        return allowed


_APPLIED = Params(applied=True)
_NDARRAY = np.ndarray
_RUNNER: Any = None


def _runner() -> Any:
    # Imported on first use: runner imports record/serialisation, which import augmenters.
    global _RUNNER
    if _RUNNER is None:
        from imgaug2.core import runner
        _RUNNER = runner
    return _RUNNER


_DTYPE_SETS: dict[type, frozenset] = {}
_DTYPE_SETS_BY_NAMES: dict[frozenset, frozenset] = {}

_TARGET_METHODS = {
    "images": "_augment_image",
    "heatmaps": "_augment_heatmaps",
    "segmentation_maps": "_augment_segmentation_maps",
    "keypoints": "_augment_keypoints",
    "bounding_boxes": "_augment_bounding_boxes",
    "polygons": "_augment_polygons",
    "line_strings": "_augment_line_strings",
}


def row_shapes(cols: dict[str, list], n: int) -> list[tuple]:
    """The image-plane shape of each row (from images, else from annotations)."""
    images = cols.get("images")
    if images is not None:
        return [im.shape for im in images]
    for name in COLUMNS[1:]:
        column = cols.get(name)
        if column is not None:
            return [tuple(item.shape) for item in column]
    return [()] * n


def warn_deprecated(old: str, new: str) -> None:
    warnings.warn("%s is deprecated; use %s instead" % (old, new), DeprecationWarning, stacklevel=3)
