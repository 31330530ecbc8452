"""The experiment toolkit ``imgaug2.repro``: seeds, RNG checkpoints, phase seeds, manifests."""

from __future__ import annotations

import json
import os
import pickle
import random
import subprocess
import sys

import numpy as np
import pytest

import imgaug2.augmenters as iaa
import imgaug2.random as iarandom
from imgaug2 import repro

torch = pytest.importorskip("torch")

IMG = np.random.default_rng(0).integers(0, 256, (16, 16, 3), dtype=np.uint8)


@pytest.fixture(autouse=True)
def _restore_global_state():
    """seed_everything changes process-wide switches; put them back for other tests."""
    py, npy, ia_state = random.getstate(), np.random.get_state(), iarandom.get_state()
    t_state = torch.get_rng_state()
    det = torch.are_deterministic_algorithms_enabled()
    warn_only = torch.is_deterministic_algorithms_warn_only_enabled()
    cudnn = (torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark)
    env = {k: os.environ.get(k) for k in ("PYTHONHASHSEED", "CUBLAS_WORKSPACE_CONFIG")}
    yield
    random.setstate(py)
    np.random.set_state(npy)
    iarandom.set_state(ia_state)
    torch.set_rng_state(t_state)
    torch.use_deterministic_algorithms(det, warn_only=warn_only)
    torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark = cudnn
    for k, v in env.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def _pipeline(seed=None):
    return iaa.Sequential([iaa.Fliplr(0.5), iaa.Rot90((0, 3)), iaa.ChannelShuffle(1.0)],
                          seed=seed)


def _draws():
    """One draw from every global generator plus an unseeded pipeline built now."""
    aug = _pipeline()
    outs = [aug(images=[IMG] * 4) for _ in range(2)]
    return (random.random(), float(np.random.rand()), torch.rand(3).tolist(),
            [o.tobytes() for batch in outs for o in batch])


def test_seed_everything_makes_python_numpy_imgaug2_and_torch_reproducible():
    done = repro.seed_everything(5)
    assert done["python"] and done["numpy"] and done["imgaug2"] and done["torch"]
    a = _draws()
    repro.seed_everything(5)
    b = _draws()
    repro.seed_everything(6)
    c = _draws()
    assert a == b
    assert all(x != y for x, y in zip(a, c))


def test_seed_everything_sets_deterministic_switches():
    os.environ.pop("CUBLAS_WORKSPACE_CONFIG", None)
    repro.seed_everything(1, deterministic=True)
    assert torch.are_deterministic_algorithms_enabled()
    assert torch.is_deterministic_algorithms_warn_only_enabled()
    assert torch.backends.cudnn.deterministic and not torch.backends.cudnn.benchmark
    assert os.environ["CUBLAS_WORKSPACE_CONFIG"] == ":4096:8"
    assert os.environ["PYTHONHASHSEED"] == "1"
    repro.seed_everything(1, deterministic=False)
    assert not torch.are_deterministic_algorithms_enabled()
    assert not torch.backends.cudnn.deterministic and torch.backends.cudnn.benchmark


def test_seed_everything_does_not_touch_locally_seeded_pipelines():
    outs = []
    for s in (1, 2):
        repro.seed_everything(s)
        outs.append(_pipeline(seed=9)(images=[IMG] * 8))
    assert all(np.array_equal(x, y) for x, y in zip(*outs))


def test_pythonhashseed_fixes_hashing_in_new_processes():
    repro.seed_everything(3)
    cmd = [sys.executable, "-c", "print(hash('imgaug2'))"]
    runs = [subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout
            for _ in range(2)]
    assert runs[0] == runs[1] != ""


@pytest.mark.parametrize("bad,exc", [(-1, ValueError), (2**32, ValueError), (1.5, TypeError),
                                     (True, TypeError), ("1", TypeError)])
def test_seed_everything_rejects_bad_seeds(bad, exc):
    with pytest.raises(exc, match="seed"):
        repro.seed_everything(bad)
    with pytest.raises(TypeError, match="deterministic"):
        repro.seed_everything(1, deterministic="yes")


def test_rng_state_round_trip_continues_identical_streams_including_call_counters():
    repro.seed_everything(11)
    aug = _pipeline(seed=4)
    aug(images=[IMG] * 3)  # advance the call counters
    state = repro.get_rng_state(pipelines={"train": aug})
    text = json.dumps(state)  # plain JSON
    expected = (_draws(), [aug(images=[IMG] * 4) for _ in range(3)])
    for restored in (json.loads(text), pickle.loads(pickle.dumps(state))):
        repro.set_rng_state(restored, pipelines={"train": aug})
        got = (_draws(), [aug(images=[IMG] * 4) for _ in range(3)])
        assert got[0] == expected[0]
        assert all(np.array_equal(x, y) for xs, ys in zip(got[1], expected[1])
                   for x, y in zip(xs, ys))


def test_rng_state_restores_a_fresh_copy_of_the_pipeline():
    aug = _pipeline(seed=4)
    for _ in range(5):
        aug(images=[IMG] * 2)
    state = json.loads(json.dumps(repro.get_rng_state(pipelines={"train": aug})))
    fresh = _pipeline(seed=4)  # e.g. rebuilt after a restart
    repro.set_rng_state(state, pipelines={"train": fresh})
    assert all(np.array_equal(x, y) for x, y in zip(aug(images=[IMG] * 4),
                                                      fresh(images=[IMG] * 4)))


def test_set_rng_state_rejects_bad_states_and_restores_nothing():
    aug = _pipeline(seed=4)
    state = repro.get_rng_state(pipelines={"train": aug})
    before = random.getstate()
    with pytest.raises(ValueError, match="format"):
        repro.set_rng_state({"python": state["python"]})
    with pytest.raises(ValueError, match="'eval'"):
        repro.set_rng_state(state, pipelines={"eval": aug})
    other = iaa.Sequential([iaa.Fliplr(0.5)], seed=4)
    with pytest.raises(ValueError, match="different number"):
        repro.set_rng_state(state, pipelines={"train": other})
    with pytest.raises(TypeError, match="pipelines"):
        repro.get_rng_state(pipelines=[aug])
    assert random.getstate() == before


def test_experiment_seeds_separate_phases():
    seeds = repro.ExperimentSeeds.from_base(1234)
    assert seeds == repro.ExperimentSeeds.from_base(1234)
    values = [seeds.for_phase(p) for p in repro.PHASES]
    assert len(set(values)) == 4
    assert seeds.apply_for_phase("train") == seeds.train
    x = random.random()
    repro.seed_everything(seeds.train)
    assert random.random() == x
    with pytest.raises(ValueError, match="phase"):
        seeds.for_phase("test")
    with pytest.raises(ValueError, match="eval"):
        repro.ExperimentSeeds(eval=-1)
    assert repro.ExperimentSeeds(1, 2, 3, 4).to_dict() == {"split": 1, "init": 2, "train": 3,
                                                           "eval": 4}


def test_experiment_context_has_versions_opencv_build_and_threads():
    ctx = repro.experiment_context()
    json.dumps(ctx)
    assert {"git", "python", "platform", "numpy", "opencv", "imgaug2", "torch", "packages",
            "env"} <= set(ctx)
    cv = ctx["opencv"]
    assert cv["version"] and isinstance(cv["num_threads"], int)
    assert isinstance(cv["use_optimized"], bool)
    assert "Parallel framework" in cv["build"]
    assert "OMP_NUM_THREADS" in ctx["env"]
    assert ctx["torch"]["version"] == torch.__version__
    assert ctx["imgaug2"]["key_format"] == iarandom.KEY_FORMAT


def test_experiment_context_outside_git_and_without_git(tmp_path, monkeypatch):
    assert repro.experiment_context(cwd=tmp_path)["git"] is None
    monkeypatch.setenv("PATH", str(tmp_path))  # no git executable to be found
    assert repro.experiment_context()["git"] is None


def test_experiment_context_inside_a_git_repository(tmp_path):
    try:
        subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, timeout=30,
                       capture_output=True)
    except (OSError, subprocess.SubprocessError):
        pytest.skip("git is not available")
    (tmp_path / "f.txt").write_text("x")
    git = repro.experiment_context(cwd=tmp_path)["git"]
    assert git is not None and git["commit"] is None  # no commit yet
    assert set(git) == {"commit", "branch", "dirty", "root"}


def test_write_run_manifest(tmp_path):
    aug = _pipeline(seed=3)
    seeds = repro.ExperimentSeeds.from_base(7)
    path = repro.write_run_manifest(tmp_path / "run1", pipeline=aug, seed=seeds,
                                    extra={"num_workers": 4})
    assert os.path.basename(path) == "run_manifest.json"
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    assert {"format", "format_version", "seed", "context", "pipeline", "extra"} <= set(manifest)
    assert manifest["seed"] == seeds.to_dict()
    assert manifest["extra"] == {"num_workers": 4}
    assert "opencv" in manifest["context"]
    loaded = iaa.from_dict(manifest["pipeline"])
    assert all(np.array_equal(x, y) for x, y in zip(loaded(images=[IMG] * 4),
                                                      aug(images=[IMG] * 4)))


def test_write_run_manifest_bad_input(tmp_path):
    with pytest.raises(TypeError, match="extra"):
        repro.write_run_manifest(tmp_path, extra={"x": object()})
    with pytest.raises(TypeError, match="pipeline"):
        repro.write_run_manifest(tmp_path, pipeline=iaa.Lambda(
            func_images=lambda imgs, rs, p, h: imgs))
    with pytest.raises(TypeError, match="seed"):
        repro.write_run_manifest(tmp_path, seed=1.5)
    assert not os.path.exists(tmp_path / "run_manifest.json")


def test_worker_init_fn_seeds_python_and_numpy_from_torch():
    torch.manual_seed(2**40 + 5)
    repro.worker_init_fn(0)
    seed = torch.initial_seed() % 2**32
    assert random.random() == random.Random(seed).random()
    assert np.random.rand() == np.random.RandomState(seed).rand()


def test_from_record_probe_reapplies_the_recorded_values():
    # Seed 003's "deterministic probe", without an "approximately" caveat.
    aug = _pipeline(seed=8)
    out, record = aug(image=IMG, return_record=True)
    probe = iaa.from_record(record)
    assert all(np.array_equal(probe(image=IMG), out) for _ in range(3))
    other = np.ascontiguousarray(IMG[::-1])
    assert np.array_equal(probe(image=other), aug.replay(record, image=other))
