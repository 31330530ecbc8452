"""Keys, the global root and generator construction: the only source of randomness.

Every random draw in imgaug2 comes from a :class:`Key`. A key is an immutable
value: an ``entropy`` integer plus a ``path`` of folded-in items. Folding an
item in (``key.fold_in(x)``) gives a new key; the old one is untouched, so a
key can be handed to any number of consumers without them disturbing each
other.

How a key becomes a generator (documented and stable, records depend on it):

* Each folded item is reduced to a non-negative integer: ``int`` values
  ``0 <= x < 2**64`` stand for themselves; tuples of such ints are mixed
  element by element after a tuple tag; strings, bytes, negative or large ints
  and other tuples go through BLAKE2b (8-byte digest, type-tagged) so they
  never depend on Python's salted ``hash()``.
* A 64-bit state is mixed with a SplitMix64-style finaliser, one item at a
  time. The Philox4x64 key is ``(h, mix(h, LANE))``; its counter starts at
  zero. Setting the state of a reused, thread-local Philox
  costs about 3 us, where building ``Generator(PCG64(SeedSequence(...)))``
  costs 20+ us; per-row keys stay cheaper than the pixel work of a small image.

Seeding:

* ``seed(n)`` (also ``imgaug2.seed``) resets the global root to ``Key(n)`` and
  the construction counter to zero. An augmenter built without ``seed=`` takes
  ``global_root.fold_in(k)`` where ``k`` counts constructions, so the same
  script builds the same pipeline with the same keys.
* No other global seed (``numpy.random.seed``, ``random.seed``, torch) is read.

Example:
    >>> import imgaug2.random as iarandom
    >>> k = iarandom.Key(42).fold_in("train").fold_in((3, 17))
    >>> rng = iarandom.generator_for(k)
    >>> x = rng.random()
"""

from __future__ import annotations

import os
import threading
from typing import Any, Iterable

import numpy as np

__all__ = [
    "Key",
    "seed",
    "get_global_root",
    "next_construction_key",
    "generator_for",
    "new_generator",
    "key_from",
    "process_salt",
    "get_state",
    "set_state",
    "as_generator",
    "global_generator",
    "LazyGenerator",
    "check_key_item",
    "KEY_FORMAT",
]

KEY_FORMAT = "splitmix64x2-philox4x64/v1"

_MASK64 = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15
_LANE1 = 0xD1B54A32D192ED03


def _mix(h: int, x: int) -> int:
    # SplitMix64 finaliser over (h xor x): full avalanche on every input bit.
    h = ((h ^ x) * _GOLDEN) & _MASK64
    h ^= h >> 31
    h = (h * 0xBF58476D1CE4E5B9) & _MASK64
    h ^= h >> 29
    h = (h * 0x94D049BB133111EB) & _MASK64
    return h ^ (h >> 32)


def _digest(tag: bytes, payload: bytes) -> int:
    from hashlib import blake2b  # imported on first use: keeps "import imgaug2" light
    return int.from_bytes(blake2b(tag + payload, digest_size=8).digest(), "little")


def _canonical(item: Any) -> bytes:
    if isinstance(item, (bool, np.bool_)):
        return b"b" + (b"1" if item else b"0")
    if isinstance(item, (int, np.integer)):
        return b"i" + str(int(item)).encode()
    if isinstance(item, str):
        return b"s" + item.encode("utf-8")
    if isinstance(item, bytes):
        return b"y" + item
    if isinstance(item, (tuple, list)):
        parts = [_canonical(x) for x in item]
        return b"t" + str(len(parts)).encode() + b"(" + b",".join(
            len(p).to_bytes(4, "little") + p for p in parts) + b")"
    raise TypeError(
        "key items must be int, str, bytes or tuples of those, got %s" % type(item).__name__)


_TUPLE_TAG = 0x5A17C0DE7E5E0001


def _item_to_int(item: Any) -> int:
    """Reduce one folded item to a non-negative integer (stable across runs)."""
    t = type(item)
    if t is int and 0 <= item <= _MASK64:
        return item
    if t is tuple and all(type(x) is int and 0 <= x <= _MASK64 for x in item):
        # (epoch, index)-style keys: mixed directly, no digest (the common hot path).
        h = _mix(_TUPLE_TAG, len(item))
        for x in item:
            h = _mix(h, x)
        return h
    if isinstance(item, (np.integer,)) and not isinstance(item, np.bool_) and 0 <= int(item) <= _MASK64:
        return int(item)
    if isinstance(item, float) or isinstance(item, np.floating):
        raise TypeError("key items must be int, str, bytes or tuples of those, got float %r" % (item,))
    return _digest(b"k", _canonical(item))


class Key(tuple):
    """An immutable random key: entropy plus a path of folded-in items.

    Args:
        entropy: A non-negative integer (any size).
        path: Items already folded in (ints, strings, bytes, tuples).

    Example:
        >>> k = Key(7).fold_in(0).fold_in("flip")
        >>> k == Key(7, (0, "flip"))
        True
    """

    __slots__ = ()

    def __new__(cls, entropy: int, path: Iterable[Any] = ()) -> "Key":
        if isinstance(entropy, (bool, np.bool_)) or not isinstance(entropy, (int, np.integer)):
            raise TypeError("entropy must be a non-negative int, got %r" % (entropy,))
        entropy = int(entropy)
        if entropy < 0:
            raise ValueError("entropy must be a non-negative int, got %d" % entropy)
        h = _mix(0x243F6A8885A308D3, entropy & _MASK64)
        rest = entropy >> 64
        while rest:
            h = _mix(h, rest & _MASK64)
            rest >>= 64
        path = tuple(path)
        for item in path:
            h = _mix(h, _item_to_int(item))
        return tuple.__new__(cls, (entropy, path, h))

    # tuple layout: (entropy, path, h); a tuple subclass keeps construction cheap.
    entropy = property(lambda self: tuple.__getitem__(self, 0), doc="The root entropy.")
    path = property(lambda self: tuple.__getitem__(self, 1), doc="Folded-in items.")
    _h0 = property(lambda self: tuple.__getitem__(self, 2))
    _h1 = property(lambda self: _mix(tuple.__getitem__(self, 2), _LANE1))

    def fold_in(self, item: Any) -> "Key":
        """Return a new key with ``item`` appended to the path."""
        if type(item) is int and 0 <= item <= _MASK64:
            x = item
        else:
            x = _item_to_int(item)
        e, p, h = tuple.__iter__(self)
        return tuple.__new__(Key, (e, p + (item,), _mix(h, x)))

    def fold_in_ints(self, a: int, b: int) -> "Key":
        """``fold_in(a).fold_in(b)`` for two ints in [0, 2**64), in one step (hot path)."""
        e, p, h = tuple.__iter__(self)
        if not (type(a) is int and type(b) is int and 0 <= a <= _MASK64 and 0 <= b <= _MASK64):
            return self.fold_in(a).fold_in(b)
        return tuple.__new__(Key, (e, p + (a, b), _mix(_mix(h, a), b)))

    @property
    def words(self) -> tuple[int, int]:
        """The two 64-bit words that key the Philox generator."""
        h = tuple.__getitem__(self, 2)
        return (h, _mix(h, _LANE1))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Key) and tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return tuple.__hash__(self)

    def __getitem__(self, index: Any) -> Any:
        raise TypeError("Key is not subscriptable; use .entropy and .path")

    def __len__(self) -> int:
        raise TypeError("Key has no length")

    def __iter__(self) -> Any:
        raise TypeError("Key is not iterable")

    def __repr__(self) -> str:
        return "Key(%d, %r)" % (self.entropy, self.path)

    def __reduce__(self) -> tuple:
        return (Key, (self.entropy, self.path))

    def __copy__(self) -> "Key":
        return self

    def __deepcopy__(self, memo: dict) -> "Key":
        return self

    def to_json(self) -> dict:
        """Plain-JSON form (tuples in the path are tagged so they survive)."""
        return {"entropy": str(self.entropy), "path": [_path_item_to_json(p) for p in self.path]}

    @classmethod
    def from_json(cls, data: Any) -> "Key":
        if not isinstance(data, dict) or "entropy" not in data or "path" not in data:
            raise ValueError("key: expected a dict with 'entropy' and 'path', got %r" % (data,))
        try:
            entropy = int(data["entropy"])
        except (TypeError, ValueError):
            raise ValueError("key.entropy: expected an integer string, got %r" % (data["entropy"],))
        if not isinstance(data["path"], list):
            raise ValueError("key.path: expected a list, got %r" % (data["path"],))
        return cls(entropy, tuple(_path_item_from_json(p) for p in data["path"]))


def _path_item_to_json(item: Any) -> Any:
    if isinstance(item, (tuple, list)):
        return {"t": [_path_item_to_json(x) for x in item]}
    if isinstance(item, bytes):
        return {"y": item.hex()}
    if isinstance(item, (np.integer,)):
        return int(item)
    return item


def _path_item_from_json(item: Any) -> Any:
    if isinstance(item, dict):
        if "t" in item and isinstance(item["t"], list):
            return tuple(_path_item_from_json(x) for x in item["t"])
        if "y" in item and isinstance(item["y"], str):
            return bytes.fromhex(item["y"])
        raise ValueError("key.path: unknown item %r" % (item,))
    if isinstance(item, bool) or not isinstance(item, (int, str)):
        raise ValueError("key.path: items must be int, str or tagged tuples, got %r" % (item,))
    return item


# --------------------------------------------------------------------------
# generators

class _ThreadRNG(threading.local):
    def __init__(self) -> None:
        self.bitgen = np.random.Philox(key=0)
        self.gen = np.random.Generator(self.bitgen)


# Philox's state setter reads these element by element: plain int tuples convert
# faster than uint64 arrays (whose items become numpy scalars first).
_ZEROS4 = (0, 0, 0, 0)


_TLS = _ThreadRNG()


def generator_for(key: Key) -> np.random.Generator:
    """Return this thread's shared generator, re-keyed to ``key``.

    The generator is reused: take every draw you need from it before asking
    for the generator of another key. Use :func:`new_generator` when the
    generator must outlive the next call.
    """
    tls = _TLS
    h = tuple.__getitem__(key, 2)
    tls.bitgen.state = {
        "bit_generator": "Philox",
        "state": {"counter": _ZEROS4, "key": (h, _mix(h, _LANE1))},
        "buffer": _ZEROS4,
        "buffer_pos": 4,
        "has_uint32": 0,
        "uinteger": 0,
    }
    return tls.gen


_NO_ITEM = object()


def check_key_item(item: Any) -> None:
    """Raise ``TypeError`` if ``item`` cannot be folded into a key (hashes nothing).

    The common sample keys (ints, strings, bytes and tuples of them) are checked
    by type alone, so a key that is never drawn from costs no hashing.
    """
    t = type(item)
    if t is int or t is str or t is bytes:
        return
    if t is tuple or t is list:
        for x in item:
            check_key_item(x)
        return
    _item_to_int(item)  # anything else: the fold's own checks (raises TypeError)


class LazyGenerator:
    """Stands in for ``generator_for(key)`` until a draw actually needs randomness.

    Sampling code receives one per row; constant parameters never touch it, so
    rows of augmenters without randomness skip re-keying the bit generator.
    Any attribute access (``rng.random``, ``rng.integers`` ...) builds the real
    generator; :func:`as_generator` unwraps it for stochastic parameters.
    """

    __slots__ = ("_key", "_call", "_item", "_gen")

    def __init__(self, key: Key, call: int | None = None, item: Any = _NO_ITEM) -> None:
        # With ``call``, the row key is ``key.fold_in_ints(call, 0)``; with ``item`` (a
        # sample key, checked by the caller with check_key_item) ``key.fold_in(item)``.
        # Either is derived only on first use: hashing costs about as much as a small
        # image's whole kernel, and constant configurations never draw.
        self._key = key
        self._call = call
        self._item = item
        self._gen: np.random.Generator | None = None

    def materialize(self) -> np.random.Generator:
        gen = self._gen
        if gen is None:
            key = self._key
            if self._call is not None:
                key = self._key = key.fold_in_ints(self._call, 0)
                self._call = None
            elif self._item is not _NO_ITEM:
                key = self._key = key.fold_in(self._item)
                self._item = _NO_ITEM
            gen = self._gen = generator_for(key)
        return gen

    def __getattr__(self, name: str) -> Any:
        return getattr(self.materialize(), name)


def new_generator(key: Key) -> np.random.Generator:
    """Return a fresh generator for ``key`` (same stream as :func:`generator_for`)."""
    bitgen = np.random.Philox(key=0)
    bitgen.state = {
        "bit_generator": "Philox",
        "state": {"counter": np.zeros(4, dtype=np.uint64),
                  "key": np.array(key.words, dtype=np.uint64)},
        "buffer": np.zeros(4, dtype=np.uint64),
        "buffer_pos": 4,
        "has_uint32": 0,
        "uinteger": 0,
    }
    return np.random.Generator(bitgen)


# --------------------------------------------------------------------------
# the global root

class _Global:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.root = Key(int.from_bytes(os.urandom(16), "little"))
        self.counter = 0
        self.seeded: int | None = None
        self.gen: np.random.Generator | None = None


_GLOBAL = _Global()


def global_generator() -> np.random.Generator:
    """A generator that follows the global root (for ad-hoc draws without a key).

    Augmenters never use it; it serves ``draw_samples()`` calls made without
    ``random_state``. It does not advance the construction counter.
    """
    with _GLOBAL.lock:
        if _GLOBAL.gen is None:
            _GLOBAL.gen = new_generator(_GLOBAL.root.fold_in("global-draws"))
        return _GLOBAL.gen


def as_generator(random_state: Any = None) -> np.random.Generator:
    """Turn a ``random_state`` argument into a numpy ``Generator``.

    ``None`` gives :func:`global_generator`; a ``Generator`` is used as it is;
    an int, :class:`Key`, ``RandomState`` or ``SeedSequence`` seeds a new one.
    """
    if random_state is None:
        return global_generator()
    if isinstance(random_state, np.random.Generator):
        return random_state
    if type(random_state) is LazyGenerator:
        return random_state.materialize()
    return new_generator(key_from(random_state))


def seed(entropy: int) -> None:
    """Seed imgaug2's global root: the same script then builds the same pipelines.

    Args:
        entropy: A non-negative integer.

    Example:
        >>> import imgaug2 as ia
        >>> ia.seed(42)
    """
    if isinstance(entropy, (bool, np.bool_)) or not isinstance(entropy, (int, np.integer)):
        raise TypeError("seed: entropy must be a non-negative int, got %r" % (entropy,))
    if int(entropy) < 0:
        raise ValueError("seed: entropy must be a non-negative int, got %r" % (entropy,))
    with _GLOBAL.lock:
        _GLOBAL.root = Key(int(entropy))
        _GLOBAL.counter = 0
        _GLOBAL.seeded = int(entropy)
        _GLOBAL.gen = None


def get_global_root() -> Key:
    """The global root key (changes with :func:`seed`)."""
    return _GLOBAL.root


def next_construction_key() -> Key:
    """The root key of the next augmenter built without ``seed=``."""
    with _GLOBAL.lock:
        n = _GLOBAL.counter
        _GLOBAL.counter += 1
        root = _GLOBAL.root
    return root.fold_in(n)


def get_state() -> dict:
    """The global root and construction counter as plain JSON (for checkpoints)."""
    with _GLOBAL.lock:
        return {"root": _GLOBAL.root.to_json(), "counter": _GLOBAL.counter,
                "seeded": _GLOBAL.seeded}


def set_state(state: dict) -> None:
    """Restore what :func:`get_state` returned."""
    if not isinstance(state, dict) or "root" not in state or "counter" not in state:
        raise ValueError("state: expected the dict returned by get_state(), got %r" % (state,))
    root = Key.from_json(state["root"])
    counter = state["counter"]
    if isinstance(counter, bool) or not isinstance(counter, int) or counter < 0:
        raise ValueError("state.counter: expected a non-negative int, got %r" % (counter,))
    with _GLOBAL.lock:
        _GLOBAL.root = root
        _GLOBAL.counter = counter
        _GLOBAL.seeded = state.get("seeded")
        _GLOBAL.gen = None


def key_from(value: Any) -> Key:
    """Build a root key from a seed-like value.

    Accepts a :class:`Key`, a non-negative int, a ``numpy.random.Generator``,
    a legacy ``RandomState`` or a ``SeedSequence``. Generators are consumed
    (two 64-bit words are drawn), like any other user of that generator.
    """
    if isinstance(value, Key):
        return value
    if isinstance(value, (bool, np.bool_)):
        raise TypeError("seed must be an int, a Key or a numpy generator, got bool")
    if isinstance(value, (int, np.integer)):
        if int(value) < 0:
            raise ValueError("seed must be a non-negative int, got %d" % int(value))
        return Key(int(value))
    if isinstance(value, np.random.Generator):
        words = value.integers(0, 2**63, size=2, dtype=np.int64)
        return Key((int(words[0]) << 64) | int(words[1]))
    if isinstance(value, np.random.RandomState):
        words = value.randint(0, 2**63, size=2, dtype=np.int64)
        return Key((int(words[0]) << 64) | int(words[1]))
    if isinstance(value, np.random.SeedSequence):
        words = value.generate_state(4, dtype=np.uint32)
        return Key(int.from_bytes(words.tobytes(), "little"))
    raise TypeError(
        "seed must be an int, a Key, a numpy Generator, RandomState or SeedSequence, got %s"
        % type(value).__name__)


# --------------------------------------------------------------------------
# processes

_SALT_CACHE: dict[int, Any] = {}

# The current pid, refreshed in forked children: cheaper than os.getpid() per call.
CURRENT_PID = [os.getpid()]


def _refresh_pid() -> None:
    CURRENT_PID[0] = os.getpid()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_refresh_pid)


def process_salt() -> Any:
    """Identify a worker process so that workers never share a stream by accident.

    ``None`` in a main process. In a PyTorch DataLoader worker: the worker's
    torch seed (it differs per worker and per epoch, and follows the loader's
    generator). In any other multiprocessing child: the child's identity
    tuple, which is deterministic for a given pool and unique per worker.
    Only calls *without* sample keys use it; sample keys are process-free.
    """
    pid = os.getpid()
    cached = _SALT_CACHE.get(pid)
    if cached is not None:
        return cached[0]
    import multiprocessing
    salt: Any = None
    if multiprocessing.parent_process() is not None:
        salt = ("mp",) + tuple(multiprocessing.current_process()._identity)
    torch_seed = _torch_worker_seed()
    if torch_seed is not None:
        salt = ("torch", torch_seed)
    if salt is not None and len(salt) == 1:
        # A child of unknown kind: still never share the parent's stream.
        salt = ("pid", pid, int.from_bytes(os.urandom(8), "little"))
    _SALT_CACHE[pid] = (salt,)
    return salt


def _torch_worker_seed() -> int | None:
    import sys
    torch_mod = sys.modules.get("torch")
    if torch_mod is None:
        return None
    try:
        info = torch_mod.utils.data.get_worker_info()
    except Exception:  # torch half-imported or without data utils
        return None
    if info is None:
        return None
    return int(info.seed)
