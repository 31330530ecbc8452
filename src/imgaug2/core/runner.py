"""Turning a user call into rows, running the tree, and shaping the outputs.

``run_kwargs`` is what ``aug(...)``, ``aug.augment(...)``, ``aug.replay(...)``
and ``imgaug2.replay(...)`` all end in. Inputs are normalised into per-row
lists, the tree runs on those, and every output comes back in its input's
format. Outputs never alias inputs and images come back C-contiguous.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

import numpy as np

from imgaug2.core.context import COLUMNS, CallContext, check_sample_key, validate_sample_keys
from imgaug2.core.memo import fresh_output, remember_plan
from imgaug2.core.record import Record
from imgaug2.random import CURRENT_PID, LazyGenerator, process_salt

__all__ = ["run_kwargs", "augment_batch_object", "augment_batches", "draw_augmenter_grid",
           "run_columns"]

_SINGULAR = {"image": "images", "heatmap": "heatmaps", "segmentation_map": "segmentation_maps"}
_KNOWN = set(COLUMNS) | set(_SINGULAR)
_CONTROL = ("key", "keys", "return_record")


def _normalizers() -> Any:
    from imgaug2.augmentables import normalization
    return normalization


class _LazyNorm:
    # The normaliser module is only imported when a call needs it (the
    # single-image path never does), keeping the hot path import-free.
    def __getattr__(self, name: str) -> Any:
        return getattr(_normalizers(), name)


def _check_image_array(image: Any, argname: str) -> None:
    if not isinstance(image, np.ndarray):
        raise TypeError("%s must be a numpy array, got %s" % (argname, type(image).__name__))
    if image.ndim not in (2, 3):
        raise ValueError("%s must have shape (H,W) or (H,W,C), got %s" % (argname, image.shape))
    if image.dtype.kind not in "biuf":
        raise TypeError("%s has dtype %s; expected a bool, integer or float dtype"
                        % (argname, image.dtype))


def _check_dtypes(aug: Any, images: list[np.ndarray], argname: str) -> None:
    allowed = aug._tree_dtype_set()  # dtype objects: membership without building names
    for im in images:
        if im.dtype not in allowed:
            names = aug._tree_dtypes()
            raise TypeError("%s: dtype %s is not supported by %s (supported: %s)"
                            % (argname, im.dtype.name, type(aug).__name__,
                               ", ".join(sorted(names))))


def run_columns(aug: Any, cols: dict[str, list], n: int, sample_keys: list | None = None,
                hooks: Any = None, hook_column: str | None = None, record: bool = False,
                replay: Record | None = None) -> tuple[dict[str, list], Record | None]:
    """Run ``aug`` on normalised columns; returns new columns and the record."""
    rows = list(range(n))
    replay_rows = None
    if replay is not None:
        replay_rows = replay.lookup_table(n)
        replay.check_shapes(cols, n)
    call = CallContext(0, sample_keys, hooks=hooks, hook_column=hook_column,
                       record=[[] for _ in rows] if record else None, replay=replay_rows,
                       origin_pid=aug._origin_pid)
    keys = None
    if replay is None:
        if sample_keys is None and aug._det_call is None:
            call.n = aug._calls.take()
        keys = call.row_keys(aug, rows)
    out = aug._run(dict(cols), rows, keys, (), call, ())
    rec = None
    if record:
        rec = Record.from_call(aug, call.record, sample_keys, cols, n)  # type: ignore[arg-type]
    return out, rec


def _unalias(out: dict[str, list], cols: dict[str, list]) -> None:
    for name, column in out.items():
        orig = cols.get(name)
        if name == "images":
            fixed = []
            for i, im in enumerate(column):
                # may_share_memory is a bounds check; an exact overlap test can be slow,
                # and copying an array that merely might overlap is always correct.
                if orig is not None and i < len(orig) and (im is orig[i] or (
                        im.base is not None and np.may_share_memory(im, orig[i]))):
                    im = np.array(im, copy=True, order="C")
                elif not im.flags.c_contiguous:
                    im = np.ascontiguousarray(im)
                fixed.append(im)
            out[name] = fixed
        elif orig is not None:
            out[name] = [item.deepcopy() if i < len(orig) and item is orig[i] else item
                         for i, item in enumerate(column)]


_FAST_KEYS = frozenset({"image", "key", "return_record"})
_DIRECT: dict[type, bool] = {}
_LEAN: dict[type, frozenset | None] = {}


def _is_plain_leaf(cls: type) -> bool:
    """True if ``cls`` runs rows through the base engine unchanged (safe to short-cut)."""
    from imgaug2.core.base import Augmenter
    return (cls._run is Augmenter._run and cls._apply is Augmenter._apply
            and cls._sample_rows is Augmenter._sample_rows
            and cls.get_children_lists is Augmenter.get_children_lists)


def _lean_dtypes(cls: type) -> frozenset | None:
    """The dtype set of a plain leaf class (eligible for the direct path), else None."""
    if not _is_plain_leaf(cls):
        return None
    return frozenset(np.dtype(n) for n in cls.supported_dtypes)


def _lean_class(cls: type) -> bool:
    try:
        lean = _LEAN[cls]
    except KeyError:
        lean = _LEAN[cls] = _lean_dtypes(cls)
    return lean is not None


def _remember_batch_plans(aug: Any, images: list) -> None:
    """Plans for the shapes of an images-only batch the general path just ran."""
    plans = aug._plans
    seen = set()
    for image in images:
        shape = image.shape
        if shape in seen:
            continue
        seen.add(shape)
        if shape not in plans:
            remember_plan(aug, image)
            plans = aug._plans
            if plans is None or len(seen) > 8:  # the configuration draws / enough shapes
                return


def _fast_single_image(aug: Any, kwargs: dict[str, Any], hooks: Any) -> Any:
    """``aug(image=img[, key=k][, return_record=b])``: the hot path, kept lean."""
    image = kwargs["image"]
    cls = type(aug)
    try:
        lean = _LEAN[cls]
    except KeyError:
        lean = _LEAN[cls] = _lean_dtypes(cls)
    if type(image) is not np.ndarray or image.ndim not in (2, 3) \
            or image.dtype not in (lean if lean is not None else aug._tree_dtype_set()):
        _check_image_array(image, "image")
        _check_dtypes(aug, [image], "image")
    if len(kwargs) == 1:
        return_record = False
        sample_keys = None
    else:
        return_record = kwargs.get("return_record", False)
        if return_record is not True and return_record is not False:
            raise TypeError("return_record must be a bool, got %r" % (return_record,))
        # One row: the key needs no length check (what _single_key would do for key=).
        sample_keys = [kwargs["key"]] if "key" in kwargs else None
    if lean is not None and hooks is None:
        # Same keys as run_columns (CallContext.row_keys for row 0), minus its bookkeeping.
        if sample_keys is not None:
            item = sample_keys[0]
            check_sample_key(item)
            rng = LazyGenerator(aug._sample_root, None, item)
        else:
            det = aug._det_call
            root = aug._root
            if det is None:
                det = aug._calls.take()
                if aug._origin_pid != CURRENT_PID[0]:
                    salt = process_salt()
                    if salt is not None:
                        root = root.fold_in(salt)
            rng = LazyGenerator(root, det)
        params = aug._sample(rng, image.shape)
        result = aug._augment_image(image, params) if params.applied else image
        rec = None
        if return_record:
            # Exactly what the general path records for a one-node pipeline.
            rec = Record([[((), cls._registry_name or cls.__name__, aug.name, params)]],
                         pipeline=aug, sample_keys=sample_keys, shapes=[list(image.shape)])
        else:
            plans = aug._plans
            if plans is not None and image.shape not in plans:
                remember_plan(aug, image)
    else:
        out, rec = run_columns(aug, {"images": [image]}, 1, sample_keys, hooks, "images",
                               record=return_record)
        result = out["images"][0]
    result = fresh_output(result, image)
    return (result, rec) if return_record else result


def _fast_replay(aug: Any, kwargs: dict[str, Any], replay: Any) -> Any:
    """``aug.replay(record, image=img)`` for a one-node pipeline; None if not applicable."""
    cls = type(aug)
    image = kwargs["image"]
    if type(image) is not np.ndarray or image.ndim not in (2, 3) or aug.get_children_lists():
        return None
    direct = _DIRECT.get(cls)
    if direct is None:
        direct = _DIRECT[cls] = _is_plain_leaf(cls)
    if not direct or image.dtype not in aug._tree_dtype_set():
        return None
    rec = replay if isinstance(replay, Record) else None
    if rec is None or len(rec.rows) != 1 or len(rec.rows[0]) != 1:
        return None
    path, cls_name, _, params = rec.rows[0][0]
    reg = cls._registry_name or cls.__name__
    fp = rec.fingerprint()
    if path != () or cls_name != reg or (fp and [tuple(x) for x in fp] != [((), reg)]):
        return None  # the general path raises the precise error
    if rec.shapes and tuple(rec.shapes[0]) != image.shape:
        return None
    result = aug._augment_image(image, params) if params.applied else image
    return fresh_output(result, image)


def run_kwargs(aug: Any, kwargs: dict[str, Any], return_batch: bool = False, hooks: Any = None,
               replay: Any = None) -> Any:
    """Parse the keyword call, run the tree and return outputs in keyword order."""
    if replay is not None and len(kwargs) == 1 and "image" in kwargs and not return_batch:
        fast = _fast_replay(aug, kwargs, replay)
        if fast is not None:
            return fast
    if "image" in kwargs and replay is None and not return_batch and _FAST_KEYS.issuperset(kwargs):
        return _fast_single_image(aug, kwargs, hooks)
    for k in kwargs:
        if k not in _KNOWN and k not in _CONTROL:
            raise TypeError("unknown keyword argument %r; expected any of image, images, heatmaps, "
                            "segmentation_maps, keypoints, bounding_boxes, polygons, line_strings, "
                            "key, keys, return_record" % k)
    return_record = kwargs.get("return_record", False)
    if not isinstance(return_record, bool):
        raise TypeError("return_record must be a bool, got %r" % (return_record,))
    names = [k for k in kwargs if k not in _CONTROL]
    if not names:
        raise ValueError("nothing to augment: pass image=, images=, heatmaps=, segmentation_maps=, "
                         "keypoints=, bounding_boxes=, polygons= or line_strings=")
    canon = [_SINGULAR.get(k, k) for k in names]
    if len(set(canon)) != len(canon):
        raise TypeError("the same target was given twice (%s)" % ", ".join(names))
    single = "image" in kwargs
    if single and "images" in kwargs:
        raise TypeError("pass either image= or images=, not both")

    norm: Any = _LazyNorm()
    cols: dict[str, list] = {}
    originals: dict[str, Any] = {}
    shapes = None
    if single:
        image = kwargs["image"]
        _check_image_array(image, "image")
        cols["images"] = [image]
        originals["images"] = image
        shapes = [image.shape]
    elif kwargs.get("images") is not None:
        imgs = norm.normalize_images(kwargs["images"])
        cols["images"] = imgs
        originals["images"] = kwargs["images"]
        shapes = [im.shape for im in imgs]
    for name, canon_name in zip(names, canon):
        if canon_name == "images":
            continue
        value = kwargs[name]
        if value is None:
            continue
        if single:
            value = _wrap_single(canon_name, value)
        normalized = getattr(norm, "normalize_" + canon_name)(value, shapes)
        if normalized is None:
            continue
        cols[canon_name] = normalized
        originals[canon_name] = kwargs[name]
    n = _count_rows(cols)
    if "images" in cols:
        _check_dtypes(aug, cols["images"], "image" if single else "images")
    sample_keys = _single_key(kwargs, n) if "key" in kwargs else None
    if "keys" in kwargs:
        if "key" in kwargs:
            raise TypeError("pass either key= or keys=, not both")
        sample_keys = validate_sample_keys(kwargs["keys"], n, "keys")
    hook_column = next((c for c in COLUMNS if c in cols), None)
    record_obj = None
    if replay is not None:
        record_obj = _as_record(replay)
        from imgaug2.core.record import pipeline_fingerprint
        fp = record_obj.fingerprint()
        if fp and [tuple(x) for x in fp] != pipeline_fingerprint(aug):
            raise ValueError("record: it was made by a different pipeline (its augmenters and "
                             "their positions do not match this one)")
    out, rec = run_columns(aug, cols, n, sample_keys, hooks, hook_column,
                           record=return_record, replay=record_obj)
    _unalias(out, cols)
    if aug._plans is not None and hooks is None and record_obj is None and not return_record \
            and "images" in cols and len(cols) == 1 and _lean_class(type(aug)):
        _remember_batch_plans(aug, cols["images"])

    results = []
    for name, canon_name in zip(names, canon):
        if canon_name not in out:
            results.append(kwargs[name])
            continue
        if single and canon_name == "images":
            results.append(out["images"][0])
        elif single:
            results.append(_unwrap_single(canon_name, out[canon_name], kwargs[name], norm))
        else:
            results.append(getattr(norm, "invert_normalize_" + canon_name)(
                out[canon_name], originals[canon_name]))
    if return_batch:
        from imgaug2.augmentables.batches import UnnormalizedBatch
        batch = UnnormalizedBatch(**{c: kwargs[nm] for nm, c in zip(names, canon)})
        for (name, canon_name), value in zip(zip(names, canon), results):
            setattr(batch, canon_name + "_aug", value)
        return (batch, rec) if return_record else batch
    if return_record:
        return tuple(results) + (rec,)
    return results[0] if len(results) == 1 else tuple(results)


def _single_key(kwargs: dict[str, Any], n: int) -> list | None:
    if "keys" in kwargs and "key" not in kwargs:
        return validate_sample_keys(kwargs["keys"], n, "keys")
    if "key" not in kwargs:
        return None
    if n != 1:
        raise ValueError("key= describes one row but the call has %d rows; use keys=[...]" % n)
    return validate_sample_keys([kwargs["key"]], 1, "key")


def _wrap_single(name: str, value: Any) -> Any:
    # With image=, annotations describe that one image: make them a 1-row list.
    if name == "heatmaps":
        # A bare array is one map, (H,W) or (H,W,C): the list path reads both.
        return [value]
    if name == "segmentation_maps":
        if isinstance(value, np.ndarray):
            return value[np.newaxis]
        return [value]
    if isinstance(value, (list, tuple)):
        return [list(value)]
    if isinstance(value, np.ndarray):
        return value[np.newaxis]
    return [value]


def _unwrap_single(name: str, column: list, original: Any, norm: Any) -> Any:
    wrapped = _wrap_single(name, original)
    inverted = getattr(norm, "invert_normalize_" + name)(column, wrapped)
    if isinstance(inverted, np.ndarray):
        return inverted[0]
    result = inverted[0]
    if isinstance(original, tuple) and isinstance(result, list):
        return tuple(result)
    return result


def _count_rows(cols: dict[str, list]) -> int:
    n = None
    first = None
    for name, column in cols.items():
        if n is None:
            n, first = len(column), name
        elif len(column) != n:
            raise ValueError("%s has %d rows but %s has %d; every target needs one entry per image"
                             % (name, len(column), first, n))
    if n is None:
        raise ValueError("nothing to augment: every target was None")
    return n


def _as_record(replay: Any) -> Record:
    if isinstance(replay, Record):
        return replay
    if isinstance(replay, (str, bytes, dict)):
        return Record.from_json(replay)
    raise TypeError("record must be a Record, its JSON text or dict, got %s" % type(replay).__name__)


# ---------------------------------------------------------------- batches

def augment_batch_object(aug: Any, batch: Any, hooks: Any = None, keys: list | None = None) -> Any:
    """Augment a ``Batch``/``UnnormalizedBatch`` in place of its ``*_aug`` attributes."""
    from imgaug2.augmentables.batches import Batch, UnnormalizedBatch
    if isinstance(batch, UnnormalizedBatch):
        kwargs = {c: getattr(batch, c + "_unaug") for c in COLUMNS
                  if getattr(batch, c + "_unaug", None) is not None}
        if not kwargs:
            return batch
        if keys is not None:
            kwargs["keys"] = keys
        outs = run_kwargs(aug, kwargs, hooks=hooks)
        kwargs.pop("keys", None)
        outs = outs if len(kwargs) > 1 else (outs,)
        for c, value in zip(kwargs, outs):
            setattr(batch, c + "_aug", value)
        return batch
    if isinstance(batch, Batch):
        cols = {c: getattr(batch, c + "_unaug") for c in COLUMNS
                if getattr(batch, c + "_unaug", None) is not None}
        if not cols:
            return batch
        norm = _normalizers()
        normalized: dict[str, list] = {}
        shapes = None
        if "images" in cols:
            normalized["images"] = norm.normalize_images(cols["images"])
            shapes = [im.shape for im in normalized["images"]]
            _check_dtypes(aug, normalized["images"], "images")
        for c, value in cols.items():
            if c != "images":
                normalized[c] = getattr(norm, "normalize_" + c)(value, shapes)
        n = _count_rows(normalized)
        if keys is not None:
            keys = validate_sample_keys(keys, n, "keys")
        out, _ = run_columns(aug, normalized, n, keys, hooks=hooks,
                             hook_column=next((c for c in COLUMNS if c in normalized), None))
        _unalias(out, normalized)
        for c in cols:
            setattr(batch, c + "_aug", getattr(norm, "invert_normalize_" + c)(out[c], cols[c]))
        return batch
    raise TypeError("batch must be a Batch or UnnormalizedBatch, got %s" % type(batch).__name__)


def augment_batches(aug: Any, batches: Iterable[Any], hooks: Any = None,
                    background: bool = False) -> Iterator[Any]:
    from imgaug2.augmentables.batches import Batch, UnnormalizedBatch
    if not isinstance(background, bool):
        raise TypeError("background must be a bool, got %r" % (background,))
    if isinstance(batches, (Batch, UnnormalizedBatch, np.ndarray)):
        raise TypeError("batches must be a list or generator of batches, not a single %s"
                        % type(batches).__name__)
    if background:
        from imgaug2.multicore import Pool
        def _bg() -> Iterator[Any]:
            with Pool(aug, processes=-1) as pool:
                yield from pool.imap_batches(batches)
        return _bg()

    def _gen() -> Iterator[Any]:
        for batch in batches:
            if isinstance(batch, (Batch, UnnormalizedBatch)):
                yield augment_batch_object(aug, batch, hooks=hooks)
            elif isinstance(batch, np.ndarray) or (
                    isinstance(batch, list) and batch and isinstance(batch[0], np.ndarray)):
                yield run_kwargs(aug, {"images": batch}, hooks=hooks)
            else:
                ub = UnnormalizedBatch(keypoints=batch) if _looks_like_keypoints(batch) \
                    else UnnormalizedBatch(images=batch)
                yield augment_batch_object(aug, ub, hooks=hooks)
    return _gen()


def _looks_like_keypoints(batch: Any) -> bool:
    from imgaug2.augmentables.kps import KeypointsOnImage
    return isinstance(batch, list) and bool(batch) and isinstance(batch[0], KeypointsOnImage)


def draw_augmenter_grid(aug: Any, images: Any, rows: int, cols: int) -> np.ndarray:
    from imgaug2.imgaug_utils import draw_grid
    if isinstance(images, np.ndarray) and images.ndim in (2, 3):
        images = [images]
    images = list(images)
    det = aug.to_deterministic()
    augs = []
    for _ in range(rows * cols):
        det = aug.to_deterministic()
        augs.append(det(images=images))
    grids = []
    for i in range(len(images)):
        grids.append(draw_grid([a[i] for a in augs], rows=rows, cols=cols))
    return np.vstack(grids)
