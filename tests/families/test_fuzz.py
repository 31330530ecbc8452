"""Parameter fuzz over every catalogued augmenter's constructor.

Bad values (NaN, inf, wrong types, probabilities outside [0, 1]) must fail at
construction with ValueError/TypeError, or be accepted and then never crash a
call. Random seeds and input shapes with the catalogue's valid setups never
raise anything but a documented ValueError/TypeError.
"""

import functools
import inspect
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import imgaug2.augmenters as iaa
from tests.catalogue import ENTRIES, entry_ids

ACTIVE = [e for e in ENTRIES if "fuzz" not in e.exclude]
SKIP_ARGS = {"self", "seed", "name", "random_state", "deterministic", "children", "then_list",
             "else_list", "first", "second", "foreground", "background", "pipeline", "params",
             "matrix"}
BAD = [float("nan"), float("inf"), -float("inf"), "not-a-valid-value", object(), (1, 2, 3)]
CLEAR = (ValueError, TypeError)


def _cls(entry):
    return functools.reduce(getattr, entry.name.split("."), iaa)


def _fuzzable(entry):
    sig = inspect.signature(_cls(entry).__init__)
    return [p for p in sig.parameters.values()
            if p.name not in SKIP_ARGS and not p.name.startswith("func")
            and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]


@pytest.mark.parametrize("entry", ACTIVE, ids=entry_ids(ACTIVE))
def test_bad_values_fail_clearly_or_run_cleanly(entry):
    cls = _cls(entry)
    img = np.random.default_rng(0).integers(0, 255, (12, 14, 3), dtype=np.uint8)
    required = {p.name: None for p in inspect.signature(cls.__init__).parameters.values()
                if p.default is inspect.Parameter.empty and p.name not in ("self",)
                and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)}
    base_kwargs = _required_defaults(entry, required)
    for param in _fuzzable(entry):
        for bad in BAD:
            kwargs = dict(base_kwargs)
            kwargs[param.name] = bad
            try:
                aug = cls(**kwargs)
            except CLEAR as exc:
                assert str(exc), (entry.name, param.name, bad)
                continue
            except Exception as exc:  # anything else is a defect
                raise AssertionError("%s(%s=%r) raised %r" % (entry.name, param.name, bad, exc))
            if isinstance(bad, float) and not math.isfinite(bad):
                # Accepted a non-finite value: it must not poison the output.
                try:
                    out = aug(image=img)
                except CLEAR:
                    continue
                assert out.dtype == img.dtype
                continue
            try:
                aug(image=img)
            except CLEAR:
                pass
            except Exception as exc:
                raise AssertionError("%s(%s=%r) call raised %r" % (entry.name, param.name, bad,
                                                                   exc))


def _required_defaults(entry, required):
    """Fill required constructor arguments from the catalogue's default build."""
    built = entry.build("default", seed=1)
    config = built.get_config()
    return {k: config.get(k) for k in required if k in config}


@pytest.mark.parametrize("entry", ACTIVE, ids=entry_ids(ACTIVE))
def test_probabilities_outside_unit_interval_are_refused(entry):
    cls = _cls(entry)
    names = [p.name for p in _fuzzable(entry) if p.name in ("p", "per_channel")]
    if not names:
        return
    base = _required_defaults(entry, {p.name: None for p in inspect.signature(
        cls.__init__).parameters.values() if p.default is inspect.Parameter.empty
        and p.name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)})
    for name in names:
        for bad in (-0.1, 1.5):
            with pytest.raises(CLEAR, match=name):
                cls(**dict(base, **{name: bad}))


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(ACTIVE), st.sampled_from(["default", "extreme"]), st.integers(0, 2**31),
       st.tuples(st.integers(1, 24), st.integers(1, 24)), st.sampled_from([None, 1, 3, 4]))
def test_valid_setups_never_crash(entry, which, seed, hw, channels):
    aug = entry.build(which, seed=seed % 1000)
    shape = hw if channels is None else hw + (channels,)
    img = np.random.default_rng(seed).integers(0, 255, shape, dtype=np.uint8)
    try:
        out = aug(image=img)
    except CLEAR:
        return
    assert out.dtype == np.uint8
