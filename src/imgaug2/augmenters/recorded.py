"""``from_record``: a deterministic pipeline that re-applies recorded values.

``iaa.from_record(record, row=i)`` rebuilds the recorded pipeline and pins every
augmenter to the exact parameters it sampled for row ``i`` — crop positions,
noise seeds, dropout masks and child choices included — so the probe is an
exact re-application, not an approximation. Geometry-dependent values (crop
boxes, output sizes) were computed for the original input size; apply the probe
to inputs of that size.
"""

from __future__ import annotations

from typing import Any

from imgaug2.core.base import Augmenter
from imgaug2.core.context import CallContext
from imgaug2.core.params import params_from_json, params_to_json
from imgaug2.core.registry import register

__all__ = ["FromRecord", "from_record"]


class _SameForEveryRow:
    """Replay table that answers every row index with one row's parameters."""

    __slots__ = ("table",)

    def __init__(self, table: dict) -> None:
        self.table = table

    def __getitem__(self, index: int) -> dict:
        return self.table


@register("FromRecord")
class FromRecord(Augmenter):
    """Apply one recorded row's parameters to every input, with no randomness.

    Supported dtypes: those of the wrapped pipeline.

    Args:
        pipeline: The augmenter the record was made with.
        params: The row's entries as ``[[path, augmenter_name, params_json], ...]``.

    Example:
        >>> import numpy as np, imgaug2.augmenters as iaa
        >>> aug = iaa.Fliplr(0.5, seed=0)
        >>> img = np.zeros((4, 4, 3), np.uint8)
        >>> out, rec = aug(image=img, return_record=True)
        >>> probe = iaa.from_record(rec)
        >>> bool((probe(image=img) == out).all())
        True
    """

    def __init__(self, pipeline: Augmenter, params: list, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        if not isinstance(pipeline, Augmenter):
            raise TypeError("pipeline must be an Augmenter, got %s" % type(pipeline).__name__)
        if not isinstance(params, list):
            raise TypeError("params must be a list of [path, augmenter, params] entries")
        table = {}
        for i, entry in enumerate(params):
            if not isinstance(entry, (list, tuple)) or len(entry) != 3:
                raise ValueError("params[%d]: expected [path, augmenter, params]" % i)
            path, cls_name, p = entry
            if not isinstance(path, (list, tuple)) or not isinstance(cls_name, str):
                raise ValueError("params[%d]: bad path or augmenter name" % i)
            table[tuple(path)] = (cls_name, p if not isinstance(p, dict)
                                  else params_from_json(p, "params[%d]" % i))
        self.pipeline = pipeline
        self._table = table

    def get_children_lists(self) -> list[list[Augmenter]]:
        return [[self.pipeline]]

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        config["pipeline"] = self.pipeline
        config["params"] = [[list(path), cls_name, params_to_json(p)]
                            for path, (cls_name, p) in self._table.items()]
        return config

    def _apply(self, cols: dict[str, list], params: list, rows: list[int], keys: Any,
               path: tuple, call: Any, parents: tuple) -> dict[str, list]:
        # The pipeline is this node's child 0: its recorded paths move under path + (0,).
        prefix = path + (0,)
        table = {prefix + p: v for p, v in self._table.items()}
        inner = CallContext(call.n, call.sample_keys, hooks=call.hooks,
                            hook_column=call.hook_column, record=call.record,
                            replay=_SameForEveryRow(table))  # type: ignore[arg-type]
        return self.pipeline._run(cols, rows, None, prefix, inner, parents + (self,))


def from_record(record: Any, row: int = 0) -> FromRecord:
    """Build a deterministic pipeline that re-applies row ``row`` of ``record``.

    Args:
        record: A ``Record``, its JSON text or dict.
        row: Which row's parameters to pin.
    """
    from imgaug2.core.runner import _as_record
    from imgaug2.core.serialize import from_dict
    rec = _as_record(record)
    if isinstance(row, bool) or not isinstance(row, int) or not 0 <= row < len(rec.rows):
        raise ValueError("row must be an int in [0, %d), got %r" % (len(rec.rows), row))
    pipeline = rec._pipeline
    if pipeline is None:
        if rec.pipeline is None:
            raise ValueError("record: it carries no serialised pipeline to rebuild")
        pipeline = from_dict(rec.pipeline)
    else:
        pipeline = pipeline.deepcopy()
    entries = [[list(path), cls_name, p] for path, cls_name, _, p in rec.rows[row]]
    return FromRecord(pipeline, entries)
