"""Saving and loading pipelines as data: ``to_dict``/``from_dict``/``save``/``load``.

Loading is data-only: JSON via :mod:`json`, YAML via ``yaml.safe_load`` (so
``!!python`` tags are refused), names looked up in the registry, no pickle,
imports or eval. A loaded pipeline carries the original root keys and call
counters, so with the same seed it produces bit-identical output.

Example:
    >>> import imgaug2.augmenters as iaa
    >>> aug = iaa.Sequential([iaa.Fliplr(0.5)], seed=3)
    >>> iaa.from_dict(aug.to_dict()).to_dict() == aug.to_dict()
    True
"""

from __future__ import annotations

import json
import os
from typing import Any

from imgaug2.core.registry import decode_value

__all__ = ["to_dict", "from_dict", "save", "load", "dumps", "loads", "MAX_DOCUMENT_BYTES"]

MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
SCHEMA = "imgaug2.pipeline"
SCHEMA_VERSION = 1


def to_dict(aug: Any) -> dict:
    """The pipeline as a plain dict (wrapped with a schema marker)."""
    from imgaug2 import __version__
    return {"format": SCHEMA, "format_version": SCHEMA_VERSION, "library_version": __version__,
            "pipeline": aug.to_dict()}


def from_dict(data: Any) -> Any:
    """Build a pipeline from :func:`to_dict` output (or a bare augmenter dict)."""
    from imgaug2.core.base import Augmenter
    if not isinstance(data, dict):
        raise ValueError("pipeline: expected a mapping, got %s" % type(data).__name__)
    if "format" in data:
        if data.get("format") != SCHEMA:
            raise ValueError("pipeline.format: expected %r, got %r" % (SCHEMA, data.get("format")))
        if data.get("format_version") != SCHEMA_VERSION:
            raise ValueError("pipeline.format_version: %r is not supported"
                             % (data.get("format_version"),))
        data = data.get("pipeline")
        if not isinstance(data, dict):
            raise ValueError("pipeline.pipeline: expected a mapping")
    if "__augmenter__" not in data:
        raise ValueError("pipeline: missing '__augmenter__' (the augmenter's registered name)")
    aug = decode_value(data, "pipeline")
    if not isinstance(aug, Augmenter):
        raise ValueError("pipeline: the document does not describe an augmenter")
    return aug


def dumps(aug: Any, fmt: str = "json") -> str:
    doc = to_dict(aug)
    if fmt == "json":
        return json.dumps(doc, indent=2, allow_nan=False)
    if fmt == "yaml":
        import yaml
        return yaml.safe_dump(doc, sort_keys=False)
    raise ValueError("fmt must be 'json' or 'yaml', got %r" % (fmt,))


def loads(text: str | bytes, fmt: str = "json") -> Any:
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    if not isinstance(text, str):
        raise TypeError("text must be str or bytes, got %s" % type(text).__name__)
    if len(text) > MAX_DOCUMENT_BYTES:
        raise ValueError("pipeline document is larger than %d bytes" % MAX_DOCUMENT_BYTES)
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError("pipeline: not valid JSON (%s)" % exc) from None
    elif fmt == "yaml":
        import yaml
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise ValueError("pipeline: not valid safe YAML (%s)" % str(exc).splitlines()[0]) \
                from None
    else:
        raise ValueError("fmt must be 'json' or 'yaml', got %r" % (fmt,))
    return from_dict(data)


def _fmt_for(path: str | os.PathLike) -> str:
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix == ".json":
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    raise ValueError("path must end in .json, .yaml or .yml, got %r" % os.fspath(path))


def save(aug: Any, path: str | os.PathLike) -> None:
    """Write the pipeline to ``path`` (JSON or YAML by suffix)."""
    fmt = _fmt_for(path)
    text = dumps(aug, fmt)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def load(path: str | os.PathLike) -> Any:
    """Read a pipeline written by :func:`save` (data only, nothing executes)."""
    fmt = _fmt_for(path)
    size = os.path.getsize(path)
    if size > MAX_DOCUMENT_BYTES:
        raise ValueError("%s is larger than %d bytes" % (os.fspath(path), MAX_DOCUMENT_BYTES))
    with open(path, "r", encoding="utf-8") as f:
        return loads(f.read(), fmt)
