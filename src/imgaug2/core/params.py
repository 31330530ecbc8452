"""``Params``: the frozen, JSON-able record of what one augmenter sampled for one row.

A ``Params`` holds everything the kernels need (matrices, output shapes, crop
boxes, kernel sizes, noise seeds, chosen children) and whether the augmenter
was applied at all. Replay needs nothing else: no generator, no instance state.

Subclasses are frozen, slotted, keyword-only dataclasses; their fields are
plain values (bool, int, float, str, None, tuples of those) or numpy arrays.
They register themselves by class name so records can be read back.

Example:
    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True, slots=True, kw_only=True)
    ... class ShiftParams(Params):
    ...     dx: int = 0
    >>> params_from_json(params_to_json(ShiftParams(dx=3))) == ShiftParams(dx=3)
    True
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import numpy as np

from imgaug2.core.registry import decode_value, encode_value

__all__ = ["Params", "SKIPPED", "params_to_json", "params_from_json", "params_equal"]

_PARAMS_TYPES: dict[str, type] = {}


@dataclass(frozen=True, slots=True, kw_only=True)
class Params:
    """Base record; ``applied`` is False when the augmenter skipped the row."""

    applied: bool = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # No zero-argument super(): slotted dataclasses are re-created classes.
        name = cls.__name__
        existing = _PARAMS_TYPES.get(name)
        if existing is not None and (existing.__module__, existing.__qualname__) != (
                cls.__module__, cls.__qualname__):
            raise TypeError("Params name %r is used by %s.%s already"
                            % (name, existing.__module__, existing.__qualname__))
        _PARAMS_TYPES[name] = cls
        if "__slots__" in cls.__dict__ and "__dataclass_fields__" in cls.__dict__:
            # Second call, on the slotted class the dataclass decorator re-created.
            _install_fast_init(cls)

    def to_json(self) -> dict:
        return params_to_json(self)

    def as_plain(self) -> dict:
        """Field values as plain JSON types (lists for tuples and arrays)."""
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}


_PARAMS_TYPES["Params"] = Params


def _install_fast_init(cls: type) -> None:
    """Replace the dataclass ``__init__`` with one that sets the slots directly.

    A ``Params`` is built for every row of every augmenter call; the generated
    frozen-dataclass ``__init__`` goes through ``object.__setattr__`` per field,
    which costs about twice as much as the slot descriptors used here. The
    signature (keyword-only, same defaults and factories) is unchanged.
    """
    fields = dataclasses.fields(cls)
    if not fields or any(not f.init for f in fields):
        return
    namespace: dict[str, Any] = {"_FACTORY": _FACTORY}
    args, body = [], []
    for i, f in enumerate(fields):
        slot = next((k.__dict__[f.name] for k in cls.__mro__ if f.name in k.__dict__), None)
        if not hasattr(slot, "__set__"):
            return
        namespace["_s%d" % i] = slot.__set__
        if f.default is not dataclasses.MISSING:
            namespace["_d%d" % i] = f.default
            args.append("%s=_d%d" % (f.name, i))
        elif f.default_factory is not dataclasses.MISSING:
            namespace["_f%d" % i] = f.default_factory
            args.append("%s=_FACTORY" % f.name)
            body.append("    if %s is _FACTORY: %s = _f%d()" % (f.name, f.name, i))
        else:
            args.append(f.name)
        body.append("    _s%d(self, %s)" % (i, f.name))
    source = "def __init__(self, *, %s):\n%s\n" % (", ".join(args), "\n".join(body))
    exec(source, namespace)  # noqa: S102 - names come from the dataclass fields only
    init = namespace["__init__"]
    init.__qualname__ = "%s.__init__" % cls.__qualname__
    init.__module__ = cls.__module__
    cls.__init__ = init


_FACTORY = object()  # marks "use the field's default_factory"

SKIPPED = Params(applied=False)


def _plain(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, Params):
        return value.as_plain()
    return value


def params_to_json(p: Params) -> dict:
    """Encode a ``Params`` as plain, exactly round-tripping JSON data."""
    fields = {}
    for f in dataclasses.fields(p):
        value = getattr(p, f.name)
        if isinstance(value, Params):
            fields[f.name] = {"__params__": params_to_json(value)}
        else:
            fields[f.name] = encode_value(value, "params.%s" % f.name)
    return {"type": type(p).__name__, "fields": fields}


def params_from_json(data: Any, where: str = "params") -> Params:
    """Decode what :func:`params_to_json` wrote; ``ValueError`` naming ``where``."""
    if not isinstance(data, dict) or not isinstance(data.get("type"), str) \
            or not isinstance(data.get("fields"), dict):
        raise ValueError("%s: expected {'type': ..., 'fields': {...}}" % where)
    cls = _PARAMS_TYPES.get(data["type"])
    if cls is None:
        # Families load lazily; the type may belong to one not imported yet.
        from imgaug2.augmenters import load_all_families
        load_all_families()
        cls = _PARAMS_TYPES.get(data["type"])
    if cls is None:
        raise ValueError("%s: unknown params type %r" % (where, data["type"]))
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs = {}
    for key, value in data["fields"].items():
        if key not in names:
            raise ValueError("%s.%s: %s has no field %r" % (where, key, cls.__name__, key))
        if isinstance(value, dict) and "__params__" in value:
            kwargs[key] = params_from_json(value["__params__"], "%s.%s" % (where, key))
        else:
            kwargs[key] = decode_value(value, "%s.%s" % (where, key))
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise ValueError("%s: %s" % (where, exc)) from None


def params_equal(a: Params, b: Params) -> bool:
    """Exact equality, arrays compared element-wise."""
    if type(a) is not type(b):
        return False
    for f in dataclasses.fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, np.ndarray) or isinstance(y, np.ndarray):
            if not (isinstance(x, np.ndarray) and isinstance(y, np.ndarray)
                    and x.dtype == y.dtype and np.array_equal(x, y)):
                return False
        elif x != y:
            return False
    return True
