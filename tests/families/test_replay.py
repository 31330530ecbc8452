"""Replay: bit-exact for every augmenter and target, zero RNG calls, survives JSON."""

import numpy as np
import pytest

import imgaug2 as ia
import imgaug2.random as iarandom
from imgaug2.core.record import Record
from tests.catalogue import ENTRIES, entry_ids
from tests.families.inputs import ALL_KWARGS, call_all, images, outputs_equal, targets

ACTIVE = [e for e in ENTRIES if "replay" not in e.exclude]


@pytest.fixture
def no_rng(monkeypatch):
    def boom(*a, **k):
        raise AssertionError("RNG used during replay")
    monkeypatch.setattr(iarandom, "generator_for", boom)
    monkeypatch.setattr(iarandom, "new_generator", boom)
    monkeypatch.setattr(iarandom, "global_generator", boom)
    monkeypatch.setattr(np.random.Generator, "__init__", boom, raising=False)
    yield


@pytest.mark.parametrize("which", ["default", "extreme"])
@pytest.mark.parametrize("entry", ACTIVE, ids=entry_ids(ACTIVE))
def test_replay_bit_exact_all_targets(entry, which, monkeypatch):
    aug = entry.build(which, seed=8)
    for trial in range(3):
        t = targets(seed=trial)
        if entry.image_only:
            live, rec = aug(image=t["image"], return_record=True)
            kwargs = {"image": t["image"]}
        else:
            *live, rec = call_all(aug, t, return_record=True)
            kwargs = {k: t[k] for k in ALL_KWARGS}
        text = rec.to_json()
        again = Record.from_json(text)

        def boom(*a, **k):
            raise AssertionError("RNG used during replay")
        with monkeypatch.context() as m:
            m.setattr(iarandom, "generator_for", boom)
            m.setattr(iarandom, "new_generator", boom)
            m.setattr(iarandom, "global_generator", boom)
            replayed_self = aug.replay(rec, **kwargs)
            replayed_json = aug.replay(again, **kwargs)
        replayed_fresh = ia.replay(again, **kwargs)
        for got in (replayed_self, replayed_json, replayed_fresh):
            got = got if isinstance(got, tuple) else (got,)
            live_t = tuple(live) if isinstance(live, list) else (live,)
            assert outputs_equal(live_t, got)


@pytest.mark.parametrize("entry", ACTIVE, ids=entry_ids(ACTIVE))
def test_replay_batch_of_rows(entry):
    aug = entry.build("extreme", seed=9)
    imgs = images(5)
    live, rec = aug(images=imgs, return_record=True)
    assert len(rec) == 5
    assert outputs_equal(list(live), list(ia.replay(rec.to_json(), images=imgs)))


def test_replay_rejects_other_pipeline_and_edited_records():
    import imgaug2.augmenters as iaa
    a = iaa.Sequential([iaa.Fliplr(0.5), iaa.Flipud(0.5)], seed=1)
    b = iaa.Sequential([iaa.Flipud(0.5), iaa.Fliplr(0.5)], seed=1)
    img = images(1)[0]
    _, rec = a(image=img, return_record=True)
    with pytest.raises(ValueError, match="different pipeline"):
        b.replay(rec, image=img)
    data = rec.to_dict()
    data["rows"][0] = data["rows"][0][:1]
    with pytest.raises(ValueError, match="truncated|another pipeline"):
        a.replay(Record.from_json(data), image=img)
    data = rec.to_dict()
    data["rows"][0][1]["params"]["type"] = "NoSuchParams"
    with pytest.raises(ValueError, match="NoSuchParams"):
        Record.from_json(data)
    with pytest.raises(ValueError, match="shape"):
        a.replay(rec, image=np.zeros((3, 3, 3), np.uint8))
    with pytest.raises(ValueError, match="JSON"):
        Record.from_json("{not json")


def test_applied_log_lists_only_what_ran():
    import imgaug2.augmenters as iaa
    aug = iaa.Sequential([iaa.Fliplr(1.0, name="flip"), iaa.Flipud(0.0, name="noflip"),
                          iaa.Rot90(1, name="rot")], seed=2)
    _, rec = aug(image=images(1)[0], return_record=True)
    names = [e["name"] for e in rec.applied()[0]]
    assert "flip" in names and "rot" in names and "noflip" not in names
    rot = [e for e in rec.applied()[0] if e["name"] == "rot"][0]
    assert rot["params"] == {"k": 1}
    import json
    json.dumps(rec.applied())
