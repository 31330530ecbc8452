"""Per-call state: how row keys are derived, replay look-ups and the record sink.

Nothing here is stored on an augmenter: a call builds one :class:`CallContext`
and hands it down the tree, so one pipeline instance can serve many threads.

Key derivation (the headline guarantee lives here):

* explicit sample keys: ``row_key = node.sample_root.fold_in(sample_key)``,
  independent of batch size, order, worker, process and call history;
* otherwise ``row_key = root.fold_in([salt,] n).fold_in(i)`` for call ``n``
  and row ``i``; ``salt`` identifies the worker process and is only used when
  the pipeline was built in another process (inherited by fork, or unpickled
  into a worker), so workers never share a stream by accident while a
  pipeline built inside a process behaves exactly as in the main process;
* deterministic augmenters freeze ``n``: every call repeats row ``i``'s draws;
* a child's key is its parent's row key folded with the child's position (or
  its explicit, unique name), so siblings never share or shift streams.
"""

from __future__ import annotations

import itertools
from typing import Any, Callable, Sequence

from imgaug2.random import CURRENT_PID, Key, check_key_item, process_salt

__all__ = ["CallContext", "CallCounter", "COLUMNS", "check_sample_key", "validate_sample_keys"]

COLUMNS = ("images", "heatmaps", "segmentation_maps", "keypoints", "bounding_boxes",
           "polygons", "line_strings")


def check_sample_key(key: Any, argname: str = "key") -> None:
    """``TypeError`` naming ``argname`` if ``key`` cannot be a sample key (nothing is hashed)."""
    try:
        check_key_item(key)
    except TypeError as exc:
        raise TypeError("%s: %s" % (argname, exc)) from None


def validate_sample_keys(keys: Any, n: int, argname: str) -> list:
    """``keys`` as a list of ``n`` sample keys; ``TypeError``/``ValueError`` naming ``argname``.

    Each key's type is checked when it is folded in (:meth:`CallContext.row_keys`)
    or, where nothing is folded, by :func:`check_sample_key`.
    """
    if isinstance(keys, (str, bytes)) or not hasattr(keys, "__len__"):
        raise TypeError("%s must be a list with one sample key per row, got %s"
                        % (argname, type(keys).__name__))
    keys = list(keys)
    if len(keys) != n:
        raise ValueError("%s has %d entries but the call has %d rows" % (argname, len(keys), n))
    return keys


class CallCounter:
    """A thread-safe call counter that pickles as its value.

    ``next()`` on an ``itertools.count`` is a single C call, atomic under the
    GIL, so taking a number needs no lock (this runs once per augmenter call).
    ``take()`` returns the next number; it is the iterator's own ``__next__``,
    bound once, so a call costs no Python frame.
    """

    __slots__ = ("_it", "take")

    def __init__(self, value: int = 0) -> None:
        self.set(value)

    @property
    def value(self) -> int:
        # repr is "count(N)": reading it does not advance the counter.
        return int(repr(self._it)[6:-1])

    def set(self, value: int) -> None:
        self._it = itertools.count(value)
        self.take: Callable[[], int] = self._it.__next__

    def __getstate__(self) -> int:
        return self.value

    def __setstate__(self, state: int) -> None:
        self.set(state)

    def __deepcopy__(self, memo: dict) -> "CallCounter":
        return CallCounter(self.value)

    def __copy__(self) -> "CallCounter":
        return CallCounter(self.value)


class CallContext:
    """Everything one call passes down the augmenter tree."""

    __slots__ = ("n", "salt", "sample_keys", "replay", "record", "hooks", "hook_column")

    def __init__(self, n: int, sample_keys: Sequence[Any] | None, hooks: Any = None,
                 hook_column: str | None = None, record: list | None = None,
                 replay: list | None = None, origin_pid: int | None = None) -> None:
        self.n = n
        if sample_keys is not None or origin_pid is None or origin_pid == CURRENT_PID[0]:
            self.salt = None
        else:
            self.salt = process_salt()
        self.sample_keys = sample_keys
        self.replay = replay
        self.record = record
        self.hooks = hooks
        self.hook_column = hook_column

    def call_key(self, node: Any) -> Key:
        det = node._det_call
        if det is not None:
            return node._root.fold_in(det)
        root = node._root
        if self.salt is not None:
            root = root.fold_in(self.salt)
        return root.fold_in(self.n)

    def row_keys(self, node: Any, rows: Sequence[int]) -> list[Key]:
        """Row keys for ``node`` used as a root (top of the call, local seed, deterministic)."""
        sk = self.sample_keys
        if sk is not None:
            sroot = node._sample_root
            try:
                return [sroot.fold_in(sk[r]) for r in rows]
            except TypeError as exc:
                raise TypeError("keys: %s" % exc) from None
        ck = self.call_key(node)
        return [ck.fold_in(r) for r in rows]

    def lookup(self, node: Any, rows: Sequence[int], path: tuple) -> list:
        """Recorded params for ``node`` at ``path``; ``ValueError`` if missing or mismatched."""
        out = []
        expected = type(node)._registry_name or type(node).__name__
        for r in rows:
            entry = self.replay[r].get(path)  # type: ignore[index]
            if entry is None:
                raise ValueError(
                    "record: no parameters for augmenter %r at path %s in row %d; the record is "
                    "truncated or belongs to another pipeline" % (node.name, _fmt(path), r))
            cls_name, params = entry
            if cls_name != expected:
                raise ValueError(
                    "record: path %s holds parameters of %s but the pipeline has %s there; the "
                    "record belongs to another pipeline" % (_fmt(path), cls_name, expected))
            out.append(params)
        return out


def _fmt(path: tuple) -> str:
    return "/" + "/".join(str(p) for p in path)
