"""Containers and simple augmenters: Sequential, SomeOf, OneOf, Sometimes, WithChannels,
ChannelShuffle, Identity/Noop, Lambda, AssertLambda, AssertShape.

Containers hand rows to their children. A child's random key is its parent's
row key folded with the child's position (or its explicit, unique name), so
adding, removing or deactivating one child never changes what another samples.
Per-row choices (``random_order``, which children ``SomeOf`` picks, the
``Sometimes`` branch) are recorded like any other parameter and replayed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np

import imgaug2.parameters as iap
from imgaug2.core.base import Augmenter
from imgaug2.core.params import SKIPPED, Params
from imgaug2.core.registry import register

__all__ = [
    "Sequential", "SomeOf", "OneOf", "Sometimes", "WithChannels", "ChannelShuffle",
    "Identity", "Noop", "Lambda", "AssertLambda", "AssertShape", "clip_augmented_image_",
    "OrderParams", "BranchParams", "ChannelShuffleParams", "SeedParams", "handle_children_list",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderParams(Params):
    """Children (by position) applied to the row, in application order."""

    order: tuple = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class BranchParams(Params):
    """Which branch of ``Sometimes`` ran: ``then`` (True) or ``else``."""

    then: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class ChannelShuffleParams(Params):
    permutation: tuple = ()


# ----------------------------------------------------------------- helpers

def handle_children_list(children: Any, argname: str = "children") -> list[Augmenter]:
    """Normalise ``None``/an augmenter/a list of augmenters into a plain list."""
    if children is None:
        return []
    if isinstance(children, Augmenter) and not isinstance(children, list):
        return [children]
    if isinstance(children, Augmenter) and isinstance(children, list):
        return [children]
    if isinstance(children, (list, tuple)):
        for i, child in enumerate(children):
            if not isinstance(child, Augmenter):
                raise TypeError("%s[%d] must be an augmenter, got %s"
                                % (argname, i, type(child).__name__))
        return list(children)
    raise TypeError("%s must be None, an augmenter or a list of augmenters, got %s"
                    % (argname, type(children).__name__))


def _select(cols: dict[str, list], idx: Sequence[int]) -> dict[str, list]:
    return {name: [column[i] for i in idx] for name, column in cols.items()}


def _merge(cols: dict[str, list], idx: Sequence[int], sub: dict[str, list]) -> dict[str, list]:
    out = {name: list(column) for name, column in cols.items()}
    for name, column in sub.items():
        target = out.get(name)
        if target is None:
            continue
        for i, item in zip(idx, column):
            target[i] = item
    return out


class _Container(Augmenter):
    """Shared machinery: key tags per child and running a child on a subset of rows."""

    def _all_children(self) -> list[Augmenter]:
        out: list[Augmenter] = []
        for lst in self.get_children_lists():
            out.extend(lst)
        return out

    def _child_tags(self) -> list[Any]:
        children = self._all_children()
        names = [c.name for c in children if c._name_given]
        dupes = {n for n in names if names.count(n) > 1}
        return [("name", c.name) if c._name_given and c.name not in dupes else j
                for j, c in enumerate(children)]

    def _propagates(self, cols: dict[str, list], call: Any, parents: tuple) -> bool:
        hooks = call.hooks
        if hooks is None:
            return True
        data = cols.get(call.hook_column) if call.hook_column else None
        return hooks.is_propagating(data, self, parents, True)

    def _run_child(self, j: int, tag: Any, child: Augmenter, cols: dict[str, list],
                   rows: list[int], keys: list | None, path: tuple, call: Any,
                   parents: tuple) -> dict[str, list]:
        ckeys = None if keys is None else [k.fold_in(tag) for k in keys]
        return child._run(cols, rows, ckeys, path + (j,), call, parents + (self,))

    def _run_sequence(self, order: Sequence[int], cols: dict[str, list], rows: list[int],
                      keys: list | None, path: tuple, call: Any, parents: tuple,
                      children: list[Augmenter], tags: list[Any]) -> dict[str, list]:
        for j in order:
            cols = self._run_child(j, tags[j], children[j], cols, rows, keys, path, call, parents)
        return cols

    def _apply_grouped(self, cols: dict[str, list], params: list[Params], rows: list[int],
                       keys: list | None, path: tuple, call: Any, parents: tuple,
                       group_of: Callable[[Params], Any],
                       orders: Callable[[Any], Sequence[int]]) -> dict[str, list]:
        """Group rows by ``group_of(params)`` and run ``orders(group)`` children on each."""
        if not self._propagates(cols, call, parents):
            return cols
        children = self._all_children()
        tags = self._child_tags()
        groups: dict[Any, list[int]] = {}
        for li, p in enumerate(params):
            groups.setdefault(group_of(p), []).append(li)
        if len(groups) == 1:
            (group, _), = groups.items()
            return self._run_sequence(orders(group), cols, rows, keys, path, call, parents,
                                      children, tags)
        for group, idx in groups.items():
            order = orders(group)
            if not order:
                continue
            sub = _select(cols, idx)
            sub_rows = [rows[i] for i in idx]
            sub_keys = None if keys is None else [keys[i] for i in idx]
            sub = self._run_sequence(order, sub, sub_rows, sub_keys, path, call, parents,
                                     children, tags)
            cols = _merge(cols, idx, sub)
        return cols

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        config.update(self._current_children_config())
        return config

    def _current_children_config(self) -> dict[str, Any]:
        return {}


class _ListContainer(_Container, list):
    """A container that is itself the list of its children (imgaug's Sequential/SomeOf)."""

    def add(self, augmenter: Augmenter) -> None:
        if not isinstance(augmenter, Augmenter):
            raise TypeError("augmenter must be an Augmenter, got %s" % type(augmenter).__name__)
        self.append(augmenter)

    def get_children_lists(self) -> list[list[Augmenter]]:
        return [self]

    def _current_children_config(self) -> dict[str, Any]:
        return {"children": list(self)}

    def _apply(self, cols: dict[str, list], params: list[Params], rows: list[int],
               keys: list | None, path: tuple, call: Any, parents: tuple) -> dict[str, list]:
        return self._apply_grouped(cols, params, rows, keys, path, call, parents,
                                   lambda p: p.order, lambda g: g)

    # Identity semantics: two containers with equal children are still different nodes.
    __hash__ = None  # type: ignore[assignment]

    def __eq__(self, other: object) -> bool:
        return self is other

    def __ne__(self, other: object) -> bool:
        return self is not other


# --------------------------------------------------------------- Sequential

@register("Sequential")
class Sequential(_ListContainer):
    """Apply children one after another (optionally in a random order per row).

    Supported dtypes: those of its children.

    Args:
        children: Augmenters to apply.
        random_order: Shuffle the order per row.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> seq = iaa.Sequential([iaa.Fliplr(0.5), iaa.Flipud(0.2)], random_order=True)
    """

    def __init__(self, children: Any = None, random_order: bool = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        list.__init__(self, handle_children_list(children))
        Augmenter.__init__(self, seed=seed, name=name, random_state=random_state,
                           deterministic=deterministic)
        if not isinstance(random_order, (bool, np.bool_)):
            raise TypeError("random_order must be a bool, got %r" % (random_order,))
        self.random_order = bool(random_order)

    def _sample_rows(self, cols: dict[str, list], keys: list) -> list[Params]:
        n = len(self)
        if not self.random_order:
            return [OrderParams(order=tuple(range(n)))] * len(keys)
        from imgaug2.random import generator_for
        return [OrderParams(order=tuple(int(i) for i in generator_for(k).permutation(n)))  # noqa
                for k in keys]

    def __repr__(self) -> str:
        return "Sequential(name=%s, random_order=%s, children=[%s], deterministic=%s)" % (
            self.name, self.random_order, ", ".join(repr(c) for c in self), self.deterministic)

    __str__ = __repr__


# ------------------------------------------------------------------ SomeOf

@register("SomeOf")
class SomeOf(_ListContainer):
    """Apply a random subset of the children to each row.

    Supported dtypes: those of its children.

    Args:
        n: How many children per row: an int, ``(a, b)`` (``b`` may be None for
            "all"), a list of ints, a stochastic parameter, or None for
            ``(0, None)``.
        children: Augmenters to choose from.
        random_order: Apply the chosen children in a random order (per row);
            otherwise in list order.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.SomeOf((1, 2), [iaa.Fliplr(1.0), iaa.Flipud(1.0), iaa.Rot90(1)])
    """

    def __init__(self, n: Any = None, children: Any = None, random_order: bool = False,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        list.__init__(self, handle_children_list(children))
        Augmenter.__init__(self, seed=seed, name=name, random_state=random_state,
                           deterministic=deterministic)
        if not isinstance(random_order, (bool, np.bool_)):
            raise TypeError("random_order must be a bool, got %r" % (random_order,))
        self.random_order = bool(random_order)
        self._n_mode, self.n = self._handle_n(n)

    @staticmethod
    def _handle_n(n: Any) -> tuple[str, Any]:
        if n is None:
            return "range", (0, None)
        if isinstance(n, (bool, np.bool_)):
            raise TypeError("n must be an int, a tuple, a list or a parameter, got bool")
        if isinstance(n, (int, np.integer)):
            if n < 0:
                raise ValueError("n must be >= 0, got %d" % n)
            return "const", int(n)
        if isinstance(n, tuple):
            if len(n) != 2:
                raise ValueError("n as a tuple must be (min, max), got %r" % (n,))
            a, b = n
            for v in (a, b):
                if v is not None and (isinstance(v, bool) or not isinstance(v, (int, np.integer))
                                      or v < 0):
                    raise ValueError("n: tuple entries must be non-negative ints or None, got %r"
                                     % (n,))
            a = 0 if a is None else int(a)
            if b is not None and int(b) < a:
                raise ValueError("n: (min, max) needs min <= max, got %r" % (n,))
            return "range", (a, None if b is None else int(b))
        if isinstance(n, list):
            return "param", iap.handle_discrete_param(n, "n", value_range=(0, None),
                                                      allow_floats=False)
        if isinstance(n, iap.StochasticParameter):
            return "param", n
        raise TypeError("n must be an int, a tuple, a list, a parameter or None, got %s"
                        % type(n).__name__)

    def _draw_count(self, rng: np.random.Generator, k: int) -> int:
        mode, n = self._n_mode, self.n
        if mode == "const":
            count = n
        elif mode == "range":
            a, b = n
            b = k if b is None else b
            count = int(rng.integers(a, max(a, b) + 1))
        else:
            count = int(n.draw_sample(random_state=rng))
        return min(max(count, 0), k)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        k = len(self)
        count = self._draw_count(rng, k)
        chosen = rng.permutation(k)[:count]
        if not self.random_order:
            chosen = np.sort(chosen)
        return OrderParams(order=tuple(int(i) for i in chosen))

    def __repr__(self) -> str:
        return "%s(name=%s, n=%r, random_order=%s, children=[%s])" % (
            type(self).__name__, self.name, self.n, self.random_order,
            ", ".join(repr(c) for c in self))

    __str__ = __repr__


@register("OneOf")
class OneOf(SomeOf):
    """Apply exactly one randomly chosen child to each row.

    Supported dtypes: those of its children.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.OneOf([iaa.Fliplr(1.0), iaa.Flipud(1.0)])
    """

    def __init__(self, children: Any, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(n=1, children=children, random_order=False, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)

    def _current_children_config(self) -> dict[str, Any]:
        return {"children": list(self)}

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        for drop in ("n", "random_order"):
            config.pop(drop, None)
        return config


# --------------------------------------------------------------- Sometimes

@register("Sometimes")
class Sometimes(_Container):
    """Apply ``then_list`` to a row with probability ``p``, else ``else_list``.

    Supported dtypes: those of its children.

    Args:
        p: Probability of the ``then`` branch.
        then_list: Augmenter(s) for the ``then`` branch.
        else_list: Augmenter(s) otherwise (None: leave the row unchanged).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Sometimes(0.5, iaa.Fliplr(1.0), iaa.Flipud(1.0))
    """

    def __init__(self, p: Any = 0.5, then_list: Any = None, else_list: Any = None,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.p = iap.handle_probability_param(p, "p")
        self.then_list = Sequential(handle_children_list(then_list, "then_list"),
                                    name="%s-then" % self.name)
        self.else_list = Sequential(handle_children_list(else_list, "else_list"),
                                    name="%s-else" % self.name)

    def get_children_lists(self) -> list[list[Augmenter]]:
        return [self.then_list, self.else_list]

    def _current_children_config(self) -> dict[str, Any]:
        return {"then_list": list(self.then_list) or None,
                "else_list": list(self.else_list) or None}

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        return _THEN if self.p.draw_sample(random_state=rng) > 0.5 else _ELSE

    def _apply(self, cols: dict[str, list], params: list[Params], rows: list[int],
               keys: list | None, path: tuple, call: Any, parents: tuple) -> dict[str, list]:
        n_then = len(self.then_list)
        n_else = len(self.else_list)
        then_order = tuple(range(n_then))
        else_order = tuple(range(n_then, n_then + n_else))
        return self._apply_grouped(cols, params, rows, keys, path, call, parents,
                                   lambda p: p.then, lambda g: then_order if g else else_order)


_THEN = BranchParams(then=True)
_ELSE = BranchParams(then=False)


# ------------------------------------------------------------ WithChannels

def _channel_list(channels: Any) -> list[int] | None:
    if channels is None or (isinstance(channels, str) and channels == "ALL"):
        return None
    if isinstance(channels, (bool, np.bool_)):
        raise TypeError("channels must be None, an int or a list of ints, got bool")
    if isinstance(channels, (int, np.integer)):
        channels = [channels]
    if not isinstance(channels, (list, tuple)):
        raise TypeError("channels must be None, an int or a list of ints, got %s"
                        % type(channels).__name__)
    out = []
    for c in channels:
        if isinstance(c, (bool, np.bool_)) or not isinstance(c, (int, np.integer)):
            raise TypeError("channels must contain only ints, got %r" % (c,))
        if c < 0:
            raise ValueError("channels must be non-negative, got %d" % c)
        out.append(int(c))
    return out


@register("WithChannels")
class WithChannels(_Container):
    """Apply children to a subset of the image channels only.

    Non-image targets go through the children unchanged in meaning (the same
    sampled parameters move them), so geometric children keep annotations aligned.
    Supported dtypes: those of its children.

    Args:
        channels: Channel indices (None or ``"ALL"``: all channels).
        children: Augmenters applied to the selected channels.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.WithChannels([0, 1], iaa.Fliplr(1.0))
    """

    def __init__(self, channels: Any = None, children: Any = None, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.channels = _channel_list(channels)
        self.children = Sequential(handle_children_list(children), name="%s-then" % self.name)

    def get_children_lists(self) -> list[list[Augmenter]]:
        return [self.children]

    def _current_children_config(self) -> dict[str, Any]:
        return {"children": list(self.children) or None}

    def _apply(self, cols: dict[str, list], params: list[Params], rows: list[int],
               keys: list | None, path: tuple, call: Any, parents: tuple) -> dict[str, list]:
        if not self._propagates(cols, call, parents) or not len(self.children):
            return cols
        images = cols.get("images")
        selected: list[list[int]] = []
        if images is not None:
            sub_images = []
            for im in images:
                nb = im.shape[2] if im.ndim == 3 else 1
                sel = list(range(nb)) if self.channels is None else \
                    [c for c in self.channels if c < nb]
                selected.append(sel)
                full = im if im.ndim == 3 else im[:, :, np.newaxis]
                sub_images.append(np.ascontiguousarray(full[:, :, _channel_index(sel)]))
            cols = dict(cols)
            cols["images"] = sub_images
        order = tuple(range(len(self.children)))
        out = self._run_sequence(order, cols, rows, keys, path, call, parents,
                                 list(self.children), self._child_tags())
        if images is not None:
            merged = []
            for im, sel, sub in zip(images, selected, out["images"]):
                if not sel:
                    merged.append(im)
                    continue
                if sub.shape[:2] != im.shape[:2]:
                    raise ValueError("WithChannels: children changed the image size from %s to %s;"
                                     " size-changing children are not allowed here"
                                     % (im.shape[:2], sub.shape[:2]))
                result = im.copy() if im.ndim == 3 else im[:, :, np.newaxis].copy()
                np.copyto(result[:, :, _channel_index(sel)],
                          sub.reshape(sub.shape[:2] + (len(sel),)), casting="unsafe")
                merged.append(result if im.ndim == 3 else result[:, :, 0])
            out = dict(out)
            out["images"] = merged
        return out


def _channel_index(sel: list[int]) -> slice | list[int]:
    """A slice for consecutive ascending channels (basic indexing: no index arrays),
    else the list."""
    if sel and sel == list(range(sel[0], sel[-1] + 1)):
        return slice(sel[0], sel[-1] + 1)
    return sel


# ----------------------------------------------------------- simple leaves

@register("Identity")
class Identity(Augmenter):
    """Return every input unchanged (as a copy).

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Identity()
    """

    def __init__(self, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        return image


@register("Noop")
class Noop(Identity):
    """Alias of :class:`Identity` kept for imgaug code.

    Supported dtypes: all.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Noop()
    """


@register("ChannelShuffle")
class ChannelShuffle(Augmenter):
    """Permute image channels with probability ``p``.

    Supported dtypes: all.

    Args:
        p: Probability of shuffling a row's channels.
        channels: Channels that take part (None or ``"ALL"``: all).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.ChannelShuffle(0.35, channels=[0, 1])
    """

    def __init__(self, p: Any = 1.0, channels: Any = None, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.p = iap.handle_probability_param(p, "p")
        self.channels = _channel_list(channels)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        if not self.p.draw_sample(random_state=rng):
            return SKIPPED
        nb = shape[2] if len(shape) == 3 else 1
        sel = list(range(nb)) if self.channels is None else [c for c in self.channels if c < nb]
        perm = list(range(nb))
        shuffled = [sel[i] for i in rng.permutation(len(sel))]
        for src, dst in zip(sel, shuffled):
            perm[src] = dst
        return ChannelShuffleParams(permutation=tuple(perm))

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        perm = params.permutation  # type: ignore[attr-defined]
        nb = image.shape[2] if image.ndim == 3 else 1
        if len(perm) != nb:
            raise ValueError("ChannelShuffle: parameters are for %d channels, the image has %d"
                             % (len(perm), nb))
        if image.ndim != 3 or nb == 0:
            return image
        return np.ascontiguousarray(image[:, :, list(perm)])


def clip_augmented_image_(image: np.ndarray, min_value: float, max_value: float) -> np.ndarray:
    """Clip an image in place (imgaug helper)."""
    return np.clip(image, min_value, max_value, out=image)


# Re-exported here: imgaug users import them from the meta module.
from imgaug2.augmenters.meta_functions import (  # noqa: E402,F401
    AssertLambda, AssertShape, Lambda, SeedParams, _FunctionAugmenter)
