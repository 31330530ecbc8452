"""Records: what every augmenter sampled for every row, and how to replay it.

A :class:`Record` holds, per row, the ordered list of
``(node path, augmenter name, node name, Params)`` for every augmenter that
was invoked, plus the serialised pipeline, the sample keys and the input
shapes. It stores parameters, never generator state, so it survives numpy
upgrades. ``imgaug2.replay(record, image=...)`` and ``aug.replay(record, ...)``
reproduce the outputs bit-exactly without a single RNG call.

Example:
    >>> import numpy as np, imgaug2 as ia, imgaug2.augmenters as iaa
    >>> aug = iaa.Fliplr(0.5, seed=1)
    >>> img = np.zeros((4, 4, 3), np.uint8)
    >>> out, rec = aug(image=img, return_record=True)
    >>> bool((ia.replay(rec, image=img) == out).all())
    True
"""

from __future__ import annotations

import json
from typing import Any

from imgaug2.core.params import Params, params_from_json, params_to_json

__all__ = ["Record", "RECORD_FORMAT_VERSION", "replay"]

RECORD_FORMAT_VERSION = 1


class Record:
    """Per-row parameters of one call, with the pipeline that produced them."""

    def __init__(self, rows: list[list[tuple]], pipeline: Any = None,
                 pipeline_dict: dict | None = None, sample_keys: list | None = None,
                 shapes: list | None = None, library_version: str | None = None,
                 fingerprint: list | None = None) -> None:
        self.rows = rows
        self._tables: list | None = None
        self._pipeline = pipeline
        self._pipeline_dict = pipeline_dict
        self.sample_keys = sample_keys
        self.shapes = shapes
        if library_version is None:
            library_version = _library_version()
        self.library_version = library_version
        self._fingerprint = fingerprint

    @classmethod
    def from_call(cls, aug: Any, rows: list[list[tuple]], sample_keys: list | None,
                  cols: dict[str, list], n: int) -> "Record":
        from imgaug2.core.base import row_shapes
        shapes = [list(s) for s in row_shapes(cols, n)]
        return cls(rows, pipeline=aug, sample_keys=sample_keys, shapes=shapes)

    # ------------------------------------------------------------- views
    @property
    def pipeline(self) -> dict | None:
        """The serialised pipeline (computed on first access; ``None`` if unserialisable)."""
        if self._pipeline_dict is None and self._pipeline is not None:
            try:
                self._pipeline_dict = self._pipeline.to_dict()
            except TypeError:
                self._pipeline_dict = None
        return self._pipeline_dict

    def fingerprint(self) -> list:
        """(path, augmenter class) for every node of the pipeline."""
        if self._fingerprint is None and self._pipeline is not None:
            self._fingerprint = pipeline_fingerprint(self._pipeline)
        return self._fingerprint or []

    def __len__(self) -> int:
        return len(self.rows)

    def applied(self) -> list[list[dict]]:
        """Per row, the augmenters that actually ran and what they sampled (plain JSON)."""
        out = []
        for row in self.rows:
            entries = []
            for path, cls_name, node_name, params in row:
                if not params.applied:
                    continue
                values = params.as_plain()
                values.pop("applied", None)
                entries.append({"augmenter": cls_name, "name": node_name,
                                "path": list(path), "params": values})
            out.append(entries)
        return out

    def params_for(self, row: int = 0) -> dict[tuple, tuple[str, Params]]:
        if not 0 <= row < len(self.rows):
            raise ValueError("row must be in [0, %d), got %r" % (len(self.rows), row))
        return {tuple(path): (cls_name, params) for path, cls_name, _, params in self.rows[row]}

    def lookup_table(self, n: int) -> list[dict]:
        if n != len(self.rows):
            raise ValueError("record holds %d rows but %d were given to replay"
                             % (len(self.rows), n))
        if self._tables is None:
            # Built once: replaying a record many times pays for its index once.
            self._tables = [self.params_for(i) for i in range(n)]
        return self._tables

    def check_shapes(self, cols: dict[str, list], n: int) -> None:
        if not self.shapes:
            return
        from imgaug2.core.base import row_shapes
        given = row_shapes(cols, n)
        for i, (want, got) in enumerate(zip(self.shapes, given)):
            if tuple(want) != tuple(got):
                raise ValueError("row %d: the record was made for inputs of shape %s, got %s"
                                 % (i, tuple(want), tuple(got)))

    # ------------------------------------------------------------- JSON
    def to_dict(self) -> dict:
        from imgaug2.random import _path_item_to_json
        return {
            "format": "imgaug2.record",
            "format_version": RECORD_FORMAT_VERSION,
            "library_version": self.library_version,
            "pipeline": self.pipeline,
            "fingerprint": [[list(p), c] for p, c in self.fingerprint()],
            "sample_keys": None if self.sample_keys is None
            else [_path_item_to_json(k) for k in self.sample_keys],
            "shapes": self.shapes,
            "rows": [[{"path": list(path), "augmenter": cls_name, "name": node_name,
                       "params": params_to_json(params)}
                      for path, cls_name, node_name, params in row] for row in self.rows],
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), indent=indent, allow_nan=False)

    @classmethod
    def from_json(cls, data: Any) -> "Record":
        """Read a record from JSON text or the dict of :meth:`to_dict`."""
        from imgaug2.random import _path_item_from_json
        if isinstance(data, (str, bytes)):
            try:
                data = json.loads(data)
            except json.JSONDecodeError as exc:
                raise ValueError("record: not valid JSON (%s)" % exc) from None
        if not isinstance(data, dict) or data.get("format") != "imgaug2.record":
            raise ValueError("record: not an imgaug2 record (missing format marker)")
        version = data.get("format_version")
        if version != RECORD_FORMAT_VERSION:
            raise ValueError("record.format_version: %r is not supported (this library reads %d)"
                             % (version, RECORD_FORMAT_VERSION))
        raw_rows = data.get("rows")
        if not isinstance(raw_rows, list):
            raise ValueError("record.rows: expected a list")
        rows = []
        for i, raw in enumerate(raw_rows):
            if not isinstance(raw, list):
                raise ValueError("record.rows[%d]: expected a list" % i)
            row = []
            for j, entry in enumerate(raw):
                where = "record.rows[%d][%d]" % (i, j)
                if not isinstance(entry, dict):
                    raise ValueError("%s: expected a mapping" % where)
                path = entry.get("path")
                if not isinstance(path, list) or not all(
                        isinstance(p, int) and not isinstance(p, bool) and p >= 0 for p in path):
                    raise ValueError("%s.path: expected a list of non-negative ints" % where)
                cls_name, node_name = entry.get("augmenter"), entry.get("name")
                if not isinstance(cls_name, str) or not isinstance(node_name, str):
                    raise ValueError("%s: 'augmenter' and 'name' must be strings" % where)
                params = params_from_json(entry.get("params"), where + ".params")
                row.append((tuple(path), cls_name, node_name, params))
            rows.append(row)
        shapes = data.get("shapes")
        if shapes is not None and (not isinstance(shapes, list) or len(shapes) != len(rows)):
            raise ValueError("record.shapes: expected one shape per row")
        keys = data.get("sample_keys")
        if keys is not None:
            if not isinstance(keys, list) or len(keys) != len(rows):
                raise ValueError("record.sample_keys: expected one key per row")
            keys = [_path_item_from_json(k) for k in keys]
        fp = data.get("fingerprint")
        fingerprint = None
        if fp is not None:
            if not isinstance(fp, list):
                raise ValueError("record.fingerprint: expected a list")
            fingerprint = [(tuple(p), c) for p, c in fp]
        pipeline = data.get("pipeline")
        if pipeline is not None and not isinstance(pipeline, dict):
            raise ValueError("record.pipeline: expected a mapping or null")
        lib = data.get("library_version")
        return cls(rows, pipeline_dict=pipeline, sample_keys=keys, shapes=shapes,
                   library_version=lib if isinstance(lib, str) else "unknown",
                   fingerprint=fingerprint)

    def __repr__(self) -> str:
        return "Record(rows=%d, library_version=%s)" % (len(self.rows), self.library_version)


_VERSION: list[str] = []


def _library_version() -> str:
    if not _VERSION:
        from imgaug2 import __version__
        _VERSION.append(__version__)
    return _VERSION[0]


def pipeline_fingerprint(aug: Any) -> list[tuple[tuple, str]]:
    return [(path, type(node)._registry_name or type(node).__name__) for path, node in aug._walk()]


def replay(record: Any, **kwargs: Any) -> Any:
    """Re-apply a record to inputs: rebuilds the pipeline from the record itself.

    Args:
        record: A :class:`Record`, its JSON text or dict.
        **kwargs: The same targets as the original call (``image=``, ``images=``,
            ``segmentation_maps=``, ...).

    Returns:
        The outputs, in keyword order, bit-identical to the original call.
    """
    from imgaug2.core.runner import _as_record
    from imgaug2.core.serialize import from_dict
    rec = _as_record(record)
    aug = rec._pipeline
    if aug is None:
        if rec.pipeline is None:
            raise ValueError("record: it carries no serialised pipeline (a Lambda that was not "
                             "registered?); use aug.replay(record, ...) with the pipeline instead")
        aug = from_dict(rec.pipeline)
    return aug.replay(rec, **kwargs)
