"""Registry of serialisable types and the data-only value codec.

Every public augmenter, stochastic parameter and ``Params`` record is
registered under a stable name and version with :func:`register`. Loading
looks names up here; nothing is imported, unpickled or evaluated.

Constructor arguments are captured automatically by :class:`Configurable`
(the outermost ``__init__`` call binds its arguments), so a new augmenter is
serialisable as soon as its class is registered.

Example:
    >>> from imgaug2.core.registry import register_lambda
    >>> def my_func(images, random_state, parents, hooks):
    ...     return images
    >>> register_lambda("my_func", my_func)
"""

from __future__ import annotations

import functools
import inspect
import math
import threading
from typing import Any, Callable, ClassVar, TypeVar

import numpy as np

__all__ = [
    "Configurable",
    "register",
    "register_lambda",
    "unregister_lambda",
    "lookup",
    "registered_names",
    "encode_value",
    "decode_value",
    "MAX_ARRAY_ELEMENTS",
]

T = TypeVar("T", bound=type)

# Refuse to materialise arrays above this many elements while loading.
MAX_ARRAY_ELEMENTS = 1 << 24

_REGISTRY: dict[str, dict[str, type]] = {"augmenter": {}, "parameter": {}}
_LAMBDAS: dict[str, Callable[..., Any]] = {}
_LAMBDA_NAMES: dict[int, str] = {}
_LOCK = threading.Lock()


class Configurable:
    """Mixin that remembers the arguments of the outermost ``__init__`` call."""

    _registry_kind: ClassVar[str] = ""
    _registry_name: ClassVar[str | None] = None
    _registry_version: ClassVar[int] = 1

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        init = cls.__dict__.get("__init__")
        if init is None or getattr(init, "_captures_config", False):
            return
        sig = inspect.signature(init)

        @functools.wraps(init)
        def __init__(self: Any, *args: Any, **kw: Any) -> None:
            if "_config" not in self.__dict__:
                try:
                    bound = sig.bind(self, *args, **kw)
                except TypeError as exc:
                    raise TypeError("%s(): %s" % (type(self).__name__, exc)) from None
                # Defaults are written out so a saved pipeline never silently picks up
                # changed defaults of a later version.
                bound.apply_defaults()
                config: dict[str, Any] = {}
                for pname, value in list(bound.arguments.items())[1:]:
                    kind = sig.parameters[pname].kind
                    if kind is inspect.Parameter.VAR_KEYWORD:
                        config.update(value)
                    elif kind is inspect.Parameter.VAR_POSITIONAL:
                        config[pname] = list(value)
                    else:
                        config[pname] = value
                for k, v in config.items():
                    # Shallow copies: a caller mutating its list later must not change
                    # what to_dict() writes.
                    if type(v) is list:
                        config[k] = list(v)
                    elif type(v) is dict:
                        config[k] = dict(v)
                self.__dict__["_config"] = config
            init(self, *args, **kw)

        __init__._captures_config = True  # type: ignore[attr-defined]
        cls.__init__ = __init__  # type: ignore[method-assign]

    def get_config(self) -> dict[str, Any]:
        """The constructor arguments this object was built with."""
        return dict(self.__dict__.get("_config", {}))


def register(name: str, version: int = 1) -> Callable[[T], T]:
    """Class decorator: register an augmenter or parameter under ``name``."""
    if not isinstance(name, str) or not name:
        raise TypeError("register: name must be a non-empty str")

    def deco(cls: T) -> T:
        kind = getattr(cls, "_registry_kind", "")
        if kind not in _REGISTRY:
            raise TypeError("register: %s is neither an augmenter nor a parameter" % cls.__name__)
        with _LOCK:
            existing = _REGISTRY[kind].get(name)
            if existing is not None and existing.__qualname__ != cls.__qualname__:
                raise ValueError("register: %s name %r is taken by %s"
                                 % (kind, name, existing.__qualname__))
            _REGISTRY[kind][name] = cls
        cls._registry_name = name  # type: ignore[attr-defined]
        cls._registry_version = version  # type: ignore[attr-defined]
        return cls

    return deco


def lookup(kind: str, name: Any) -> type:
    """The class registered as ``name``; ``ValueError`` naming it if unknown."""
    if not isinstance(name, str):
        raise ValueError("unknown %s name %r (expected a string)" % (kind, name))
    cls = _REGISTRY.get(kind, {}).get(name)
    if cls is None and kind == "augmenter":
        # Families load lazily; a name may belong to one not imported yet.
        from imgaug2.augmenters import load_all_families
        load_all_families()
        cls = _REGISTRY[kind].get(name)
    elif cls is None and kind == "parameter":
        import imgaug2.parameters  # noqa: F401
        cls = _REGISTRY[kind].get(name)
    if cls is None:
        raise ValueError("unknown %s name %r" % (kind, name))
    return cls


def registered_names(kind: str) -> list[str]:
    if kind == "augmenter":
        from imgaug2.augmenters import load_all_families
        load_all_families()
    return sorted(_REGISTRY[kind])


def register_lambda(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """Register a function so pipelines using it (``Lambda``) can be saved and loaded."""
    if not isinstance(name, str) or not name:
        raise TypeError("register_lambda: name must be a non-empty str")
    if not callable(func):
        raise TypeError("register_lambda: func must be callable")
    with _LOCK:
        _LAMBDAS[name] = func
        _LAMBDA_NAMES[id(func)] = name
    return func


def unregister_lambda(name: str) -> None:
    with _LOCK:
        func = _LAMBDAS.pop(name, None)
        if func is not None:
            _LAMBDA_NAMES.pop(id(func), None)


def _lambda_name(func: Callable[..., Any]) -> str | None:
    name = _LAMBDA_NAMES.get(id(func))
    if name is not None and _LAMBDAS.get(name) is func:
        return name
    return None


# --------------------------------------------------------------------------
# value codec

def encode_value(value: Any, where: str = "value") -> Any:
    """Encode a constructor argument as plain JSON/YAML data."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, Configurable):
        # Before list/tuple: containers such as Sequential are list subclasses.
        to_dict = getattr(value, "to_dict", None)
        if to_dict is None:
            raise TypeError("%s: %s cannot be serialised" % (where, type(value).__name__))
        return to_dict()
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        return {"__float__": repr(value)}
    if isinstance(value, (np.bool_,)):
        return bool(value)
    if isinstance(value, np.integer):
        return {"__npscalar__": int(value), "dtype": value.dtype.name}
    if isinstance(value, np.floating):
        return {"__npscalar__": encode_value(float(value)), "dtype": value.dtype.name}
    if isinstance(value, tuple):
        return {"__tuple__": [encode_value(v, "%s[%d]" % (where, i)) for i, v in enumerate(value)]}
    if isinstance(value, list):
        return [encode_value(v, "%s[%d]" % (where, i)) for i, v in enumerate(value)]
    if isinstance(value, dict):
        return {"__dict__": [[encode_value(k, where), encode_value(v, "%s.%s" % (where, k))]
                             for k, v in value.items()]}
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "biuf":
            raise TypeError("%s: cannot serialise arrays of dtype %s" % (where, value.dtype))
        return {"__ndarray__": value.tolist(), "dtype": value.dtype.name,
                "shape": list(value.shape)}
    if isinstance(value, np.dtype):
        return {"__dtype__": value.name}
    if isinstance(value, type) and issubclass(value, np.generic):
        return {"__dtype__": np.dtype(value).name}
    from imgaug2.random import Key
    if isinstance(value, Key):
        return {"__key__": value.to_json()}
    if callable(value):
        name = _lambda_name(value)
        if name is None:
            raise TypeError(
                "%s: cannot serialise function %r; register it first with "
                "imgaug2.register_lambda(name, func)" % (where, getattr(value, "__name__", value)))
        return {"__lambda__": name}
    raise TypeError("%s: cannot serialise a value of type %s" % (where, type(value).__name__))


_ALLOWED_DTYPES = {"bool", "uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32",
                   "int64", "float16", "float32", "float64"}


def _decode_dtype(name: Any, where: str) -> np.dtype:
    if not isinstance(name, str) or name not in _ALLOWED_DTYPES:
        raise ValueError("%s: unknown dtype %r" % (where, name))
    return np.dtype(name)


def decode_value(data: Any, where: str = "value") -> Any:
    """Inverse of :func:`encode_value`; data only, ``ValueError`` naming ``where``."""
    if data is None or isinstance(data, (bool, str)):
        return data
    if isinstance(data, int):
        return data
    if isinstance(data, float):
        return data
    if isinstance(data, list):
        return [decode_value(v, "%s[%d]" % (where, i)) for i, v in enumerate(data)]
    if not isinstance(data, dict):
        raise ValueError("%s: unsupported value of type %s" % (where, type(data).__name__))
    if "__tuple__" in data:
        items = data["__tuple__"]
        if not isinstance(items, list):
            raise ValueError("%s: __tuple__ must hold a list" % where)
        return tuple(decode_value(v, "%s[%d]" % (where, i)) for i, v in enumerate(items))
    if "__float__" in data:
        text = data["__float__"]
        if text not in ("inf", "-inf", "nan"):
            raise ValueError("%s: bad __float__ %r" % (where, text))
        return float(text)
    if "__npscalar__" in data:
        dtype = _decode_dtype(data.get("dtype"), where)
        return dtype.type(decode_value(data["__npscalar__"], where))
    if "__dict__" in data:
        pairs = data["__dict__"]
        if not isinstance(pairs, list) or not all(isinstance(p, list) and len(p) == 2 for p in pairs):
            raise ValueError("%s: __dict__ must hold [key, value] pairs" % where)
        out = {}
        for k, v in pairs:
            key = decode_value(k, where)
            if not isinstance(key, (str, int)):
                raise ValueError("%s: dict keys must be str or int, got %r" % (where, key))
            out[key] = decode_value(v, "%s.%s" % (where, key))
        return out
    if "__ndarray__" in data:
        dtype = _decode_dtype(data.get("dtype"), where)
        shape = data.get("shape")
        if not isinstance(shape, list) or not all(
                isinstance(s, int) and not isinstance(s, bool) and s >= 0 for s in shape):
            raise ValueError("%s: bad array shape %r" % (where, shape))
        size = 1
        for s in shape:
            size *= s
        if size > MAX_ARRAY_ELEMENTS:
            raise ValueError("%s: array of shape %r is too large to load" % (where, shape))
        try:
            arr = np.asarray(data["__ndarray__"], dtype=dtype)
        except (TypeError, ValueError, OverflowError) as exc:
            raise ValueError("%s: bad array data (%s)" % (where, exc)) from None
        if list(arr.shape) != shape:
            if arr.size == size:
                arr = arr.reshape(shape)
            else:
                raise ValueError("%s: array data does not match shape %r" % (where, shape))
        return arr
    if "__dtype__" in data:
        return _decode_dtype(data["__dtype__"], where)
    if "__key__" in data:
        from imgaug2.random import Key
        return Key.from_json(data["__key__"])
    if "__lambda__" in data:
        name = data["__lambda__"]
        func = _LAMBDAS.get(name) if isinstance(name, str) else None
        if func is None:
            raise ValueError("%s: function %r is not registered; call "
                             "imgaug2.register_lambda(%r, func) before loading" % (where, name, name))
        return func
    if "__augmenter__" in data:
        return _from_dict("augmenter", data, where)
    if "__parameter__" in data:
        return _from_dict("parameter", data, where)
    raise ValueError("%s: unknown encoded value with keys %s" % (where, sorted(data)))


def _from_dict(kind: str, data: dict, where: str) -> Any:
    name = data.get("__%s__" % kind)
    cls = lookup(kind, name)
    version = data.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1 \
            or version > cls._registry_version:  # type: ignore[attr-defined]
        raise ValueError("%s: %s %r has version %r, this library reads up to %d"
                         % (where, kind, name, version, cls._registry_version))  # type: ignore
    return cls.from_dict(data, where=where)  # type: ignore[attr-defined]


def build_from_args(cls: type, data: dict, where: str) -> Any:
    """Shared ``from_dict`` body: decode ``args`` and call the constructor."""
    args = data.get("args", {})
    if not isinstance(args, dict):
        raise ValueError("%s.args: expected a mapping" % where)
    params = inspect.signature(cls.__init__).parameters
    has_var_kw = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    kwargs: dict[str, Any] = {}
    positional: list[Any] = []
    for key, value in args.items():
        if not isinstance(key, str):
            raise ValueError("%s.args: argument names must be strings" % where)
        p = params.get(key)
        if p is None and not has_var_kw:
            raise ValueError("%s.args.%s: %s has no argument %r" % (where, key, cls.__name__, key))
        decoded = decode_value(value, "%s.args.%s" % (where, key))
        if p is not None and p.kind is inspect.Parameter.VAR_POSITIONAL:
            if not isinstance(decoded, list):
                raise ValueError("%s.args.%s: expected a list" % (where, key))
            positional = decoded
        else:
            kwargs[key] = decoded
    try:
        return cls(*positional, **kwargs)
    except (TypeError, ValueError) as exc:
        raise ValueError("%s: cannot build %s: %s" % (where, cls.__name__, exc)) from None
