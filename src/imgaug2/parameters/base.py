"""The :class:`StochasticParameter` base class shared by every parameter.

A stochastic parameter describes a distribution. It never owns randomness:
every draw takes a numpy ``Generator`` (or something
:func:`imgaug2.random.as_generator` turns into one), so samples are a pure
function of the generator state.

Contract for subclasses:

* implement ``_draw_samples(size, rng)`` returning an array of shape ``size``;
* optionally implement ``_draw_sample(rng)`` as a fast path that returns
  exactly ``_draw_samples((1,), rng)[0]`` and leaves ``rng`` in the same state;
* nested parameters are drawn with their own ``_draw_sample`` /
  ``_draw_samples`` on the same ``rng``, in the order the class documents;
* write nothing to ``self`` after ``__init__`` (instances are frozen, so one
  parameter is safe to share between threads and to pickle into workers).

Example:
    >>> import numpy as np
    >>> import imgaug2.parameters as iap
    >>> p = iap.Normal(0, 1) * 2 + 1
    >>> p.draw_samples((2, 3), np.random.default_rng(0)).shape
    (2, 3)
"""

from __future__ import annotations

import copy as _copy
import math
from typing import Any, ClassVar

import numpy as np

from imgaug2.core.registry import Configurable, build_from_args, encode_value
from imgaug2.random import as_generator

__all__ = [
    "StochasticParameter",
    "MAX_SAMPLES",
    "normalize_size",
    "is_number",
]

#: Refuse ``draw_samples`` requests above this many elements.
MAX_SAMPLES = 1 << 31

_Generator = np.random.Generator


def is_number(value: Any) -> bool:
    """True for real ints/floats (Python or numpy), False for bools and the rest.

    Example:
        >>> is_number(3), is_number(2.5), is_number(True), is_number("3")
        (True, True, False, False)
    """
    if isinstance(value, (bool, np.bool_)):
        return False
    return isinstance(value, (int, float, np.integer, np.floating))


def normalize_size(size: Any, name: str = "size") -> tuple[int, ...]:
    """Turn an int or a sequence of ints into a shape tuple, validating it.

    Example:
        >>> normalize_size(3), normalize_size([2, 4])
        ((3,), (2, 4))
    """
    if isinstance(size, (bool, np.bool_)):
        raise TypeError("%s: expected an int or a tuple of ints, got %r" % (name, size))
    if isinstance(size, (int, np.integer)):
        dims: tuple[Any, ...] = (size,)
    elif isinstance(size, (tuple, list)):
        dims = tuple(size)
    elif isinstance(size, np.ndarray) and size.ndim == 1 and size.dtype.kind in "iu":
        dims = tuple(size.tolist())
    else:
        raise TypeError("%s: expected an int or a tuple of ints, got %s"
                        % (name, type(size).__name__))
    out = []
    total = 1
    for d in dims:
        if isinstance(d, (bool, np.bool_)) or not isinstance(d, (int, np.integer)):
            raise TypeError("%s: expected ints, got %r in %r" % (name, d, size))
        d = int(d)
        if d < 0:
            raise ValueError("%s: dimensions must be >= 0, got %r" % (name, size))
        out.append(d)
        total *= d
    if total > MAX_SAMPLES:
        raise ValueError("%s: %r asks for %d samples, more than the limit of %d"
                         % (name, size, total, MAX_SAMPLES))
    return tuple(out)


def _copy_config_value(value: Any) -> Any:
    # Config values are captured by reference; copy mutable containers so a
    # caller mutating its list afterwards cannot change what to_dict() says.
    if isinstance(value, list):
        return [_copy_config_value(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_copy_config_value(v) for v in value)
    if isinstance(value, dict):
        return {k: _copy_config_value(v) for k, v in value.items()}
    if isinstance(value, np.ndarray):
        arr = value.copy()
        arr.flags.writeable = False
        return arr
    return value


class _FreezeAfterInit(type):
    """Metaclass: mark instances frozen once the outermost ``__init__`` returned."""

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        obj = super().__call__(*args, **kwargs)
        config = obj.__dict__.get("_config")
        if config:
            for k, v in config.items():
                config[k] = _copy_config_value(v)
        obj.__dict__["_frozen"] = True
        return obj


class StochasticParameter(Configurable, metaclass=_FreezeAfterInit):
    """Base class of all stochastic parameters.

    Subclasses implement ``_draw_samples(size, rng)``. Instances are immutable
    after construction: assigning an attribute raises ``AttributeError``.

    Arithmetic between parameters and numbers builds new parameters:
    ``p + 1`` is ``Add(p, 1)``, ``2 * p`` is ``Multiply(2, p, elementwise=True)``
    (a number on the left never freezes ``p`` to one value per call),
    ``-p`` is ``Multiply(p, -1)``, ``abs(p)`` is ``Absolute(p)``, ``p ** 2``
    is ``Power(p, 2)``. Between two parameters, ``p * q`` is ``Multiply(p, q)``:
    ``q`` is drawn once per call, as in imgaug. The left operand is drawn first.

    Example:
        >>> import imgaug2.parameters as iap
        >>> p = iap.Uniform(0, 1)
        >>> float(p.draw_sample(0)) < 1.0
        True
    """

    _registry_kind: ClassVar[str] = "parameter"

    # ------------------------------------------------------------------ draws

    def draw_sample(self, random_state: Any = None) -> Any:
        """Draw one sample (a numpy scalar).

        Args:
            random_state: ``None`` (imgaug2's global generator), a numpy
                ``Generator`` (used and advanced as is), or an int, ``Key``,
                ``RandomState`` or ``SeedSequence`` (a new generator is built).

        Returns:
            The same value and type as ``draw_samples((1,), rs)[0]`` would give.

        Example:
            >>> import imgaug2.parameters as iap
            >>> int(iap.Deterministic(5).draw_sample())
            5
        """
        rng = random_state if type(random_state) is _Generator else as_generator(random_state)
        return self._draw_sample(rng)

    def draw_samples(self, size: Any, random_state: Any = None) -> np.ndarray:
        """Draw an array of samples of shape ``size``.

        Args:
            size: An int or a tuple of ints.
            random_state: See :meth:`draw_sample`.

        Returns:
            A numpy array of shape ``size``.

        Example:
            >>> import imgaug2.parameters as iap
            >>> iap.Binomial(0.5).draw_samples((2, 2), 1).shape
            (2, 2)
        """
        shape = normalize_size(size)
        rng = random_state if type(random_state) is _Generator else as_generator(random_state)
        return self._draw_samples(shape, rng)

    def _draw_sample(self, rng: np.random.Generator) -> Any:
        return self._draw_samples((1,), rng)[0]

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        raise NotImplementedError("%s does not implement _draw_samples" % type(self).__name__)

    # -------------------------------------------------------------- freezing

    def __setattr__(self, name: str, value: Any) -> None:
        if self.__dict__.get("_frozen", False):
            raise AttributeError("%s is immutable; cannot set %r" % (type(self).__name__, name))
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        if self.__dict__.get("_frozen", False):
            raise AttributeError("%s is immutable; cannot delete %r"
                                 % (type(self).__name__, name))
        object.__delattr__(self, name)

    def copy(self) -> "StochasticParameter":
        """A shallow copy (parameters are immutable, so this is rarely needed)."""
        return _copy.copy(self)

    def deepcopy(self) -> "StochasticParameter":
        """A deep copy."""
        return _copy.deepcopy(self)

    # --------------------------------------------------------- serialisation

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON/YAML data describing this parameter.

        Example:
            >>> import imgaug2.parameters as iap
            >>> iap.Uniform(0, 1).to_dict()["__parameter__"]
            'Uniform'
        """
        cls = type(self)
        name = cls.__dict__.get("_registry_name")
        if name is None:
            raise TypeError("%s is not registered; decorate it with "
                            "@imgaug2.core.registry.register(name)" % cls.__name__)
        args = {
            k: encode_value(v, "parameter.%s.args.%s" % (name, k))
            for k, v in self.get_config().items()
        }
        return {"__parameter__": name, "version": cls._registry_version, "args": args}

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str = "parameter") -> "StochasticParameter":
        """Rebuild a parameter from :meth:`to_dict` output (data only).

        Example:
            >>> import imgaug2.parameters as iap
            >>> p = iap.Normal.from_dict(iap.Normal(0, 1).to_dict())
        """
        if not isinstance(data, dict):
            raise ValueError("%s: expected a mapping, got %s" % (where, type(data).__name__))
        name = data.get("__parameter__")
        own = cls.__dict__.get("_registry_name")
        if own is not None and name != own:
            raise ValueError("%s.__parameter__: expected %r, got %r" % (where, own, name))
        return build_from_args(cls, data, where)

    # ------------------------------------------------------------ printing

    def __repr__(self) -> str:
        items = ", ".join("%s=%r" % (k, v) for k, v in self.get_config().items())
        return "%s(%s)" % (type(self).__name__, items)

    __str__ = __repr__

    # ---------------------------------------------------------- arithmetic

    def __add__(self, other: Any) -> Any:
        return _binary("Add", self, other)

    def __radd__(self, other: Any) -> Any:
        return _binary("Add", other, self)

    def __sub__(self, other: Any) -> Any:
        return _binary("Subtract", self, other)

    def __rsub__(self, other: Any) -> Any:
        return _binary("Subtract", other, self)

    def __mul__(self, other: Any) -> Any:
        return _binary("Multiply", self, other)

    def __rmul__(self, other: Any) -> Any:
        return _binary("Multiply", other, self)

    def __truediv__(self, other: Any) -> Any:
        return _binary("Divide", self, other)

    def __rtruediv__(self, other: Any) -> Any:
        return _binary("Divide", other, self)

    def __pow__(self, other: Any, modulo: Any = None) -> Any:
        if modulo is not None:
            return NotImplemented
        return _binary("Power", self, other)

    def __rpow__(self, other: Any) -> Any:
        return _binary("Power", other, self)

    def __neg__(self) -> "StochasticParameter":
        from imgaug2.parameters.arithmetic import Multiply
        return Multiply(self, -1)

    def __pos__(self) -> "StochasticParameter":
        return self

    def __abs__(self) -> "StochasticParameter":
        from imgaug2.parameters.arithmetic import Absolute
        return Absolute(self)


def _binary(op: str, left: Any, right: Any) -> Any:
    for operand in (left, right):
        if not isinstance(operand, StochasticParameter):
            if not is_number(operand) or not math.isfinite(float(operand)):
                return NotImplemented
    from imgaug2.parameters import arithmetic
    # ``2 - p`` must vary per sample like ``p - 2``: with a plain number on the
    # left, the right operand is drawn element-wise.
    elementwise = not isinstance(left, StochasticParameter)
    return getattr(arithmetic, op)(left, right, elementwise=elementwise)
