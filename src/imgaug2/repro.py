"""Experiment reproducibility toolkit: seeds, checkpointable RNG state, run manifests.

imgaug2's own augmenters never read a global generator: a pipeline's output is
a function of its seed, the sample keys and the pipeline. Training code around
it usually does read global generators (Python's ``random``, numpy's legacy
``np.random``, torch), so an experiment needs all of them under control. This
module gathers that in one place:

* :func:`seed_everything` seeds Python, numpy's legacy global generator,
  imgaug2's global root, OpenCV's RNG and torch (CPU and CUDA, with the
  cuDNN/deterministic-algorithm switches) when torch is installed.
* :func:`get_rng_state` / :func:`set_rng_state` capture and restore those
  generators, plus the call counters of named pipelines, for checkpoints; the
  state is plain JSON.
* :class:`ExperimentSeeds` keeps separate seeds for data split, model
  initialisation, training and evaluation.
* :func:`experiment_context` and :func:`write_run_manifest` record what is
  needed to rerun: git state, versions, platform, OpenCV build and threads.
* :func:`worker_init_fn` seeds ``random``/``numpy`` inside DataLoader workers.

Example:
    >>> import imgaug2.repro as repro
    >>> _ = repro.seed_everything(42)
    >>> state = repro.get_rng_state()
    >>> repro.set_rng_state(state)
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as _dt
import json
import os
import platform
import random
import subprocess
import sys
from typing import Any, Mapping

import numpy as np

__all__ = [
    "seed_everything",
    "get_rng_state",
    "set_rng_state",
    "ExperimentSeeds",
    "PHASES",
    "experiment_context",
    "write_run_manifest",
    "worker_init_fn",
    "RNG_STATE_FORMAT",
    "MANIFEST_NAME",
]

RNG_STATE_FORMAT = "imgaug2.rng_state"
_RNG_STATE_VERSION = 1
MANIFEST_NAME = "run_manifest.json"
PHASES = ("split", "init", "train", "eval")
_THREAD_VARS = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "OPENCV_FOR_THREADS_NUM",
                "OPENCV_FOR_OPENMP_DYNAMIC_DISABLE")
_CV_BUILD_LINES = ("Version control", "Baseline", "Dispatched code generation",
                   "Parallel framework", "Intel IPP", "Custom HAL", "Algorithm Hint")


def _torch() -> Any:
    # Import torch only if it is installed: the toolkit works without it.
    try:
        import torch
    except ImportError:
        return None
    return torch


def _check_seed(seed: Any, argname: str = "seed") -> int:
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)):
        raise TypeError("%s must be an int in [0, 2**32), got %r" % (argname, seed))
    seed = int(seed)
    # numpy's legacy seeding only takes 32 bits; refuse rather than silently truncate.
    if not 0 <= seed < 2**32:
        raise ValueError("%s must be an int in [0, 2**32), got %d" % (argname, seed))
    return seed


def seed_everything(seed: int, deterministic: bool = True) -> dict[str, bool]:
    """Seed every global generator an experiment is likely to touch.

    Seeds Python's ``random``, numpy's legacy global generator, imgaug2's
    global root (so pipelines built afterwards without ``seed=`` get the same
    keys), OpenCV's ``cv2.RNG`` and, when torch is installed, torch's CPU and
    CUDA generators. ``PYTHONHASHSEED`` is exported, which only affects
    processes started afterwards (the running interpreter's ``hash()`` salt is
    fixed at start-up).

    With ``deterministic=True`` and torch installed it also sets
    ``torch.backends.cudnn.deterministic = True``, ``benchmark = False``,
    ``torch.use_deterministic_algorithms(True, warn_only=True)`` and, unless
    already set, ``CUBLAS_WORKSPACE_CONFIG=:4096:8``. With ``False`` it turns
    deterministic algorithms off and lets cuDNN benchmark.

    Locally seeded augmenters (``seed=...``) are unaffected by all of this.

    Args:
        seed: An int in ``[0, 2**32)``.
        deterministic: Whether to switch torch to deterministic kernels.

    Returns:
        Which components were seeded, e.g. ``{"python": True, ..., "torch": False}``.

    Example:
        >>> import imgaug2.repro as repro
        >>> done = repro.seed_everything(7)
        >>> done["imgaug2"]
        True
    """
    seed = _check_seed(seed)
    if not isinstance(deterministic, bool):
        raise TypeError("deterministic must be a bool, got %r" % (deterministic,))
    import imgaug2.random as iarandom

    random.seed(seed)
    np.random.seed(seed)
    iarandom.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    done = {"python": True, "numpy": True, "imgaug2": True, "opencv": False,
            "torch": False, "cuda": False}
    try:
        import cv2
        cv2.setRNGSeed(seed)
        done["opencv"] = True
    except (ImportError, AttributeError):
        pass
    torch = _torch()
    if torch is not None:
        torch.manual_seed(seed)
        done["torch"] = True
        if torch.cuda.is_available():
            torch.cuda.manual_seed_all(seed)
            done["cuda"] = True
        if deterministic:
            torch.backends.cudnn.deterministic = True
            torch.backends.cudnn.benchmark = False
            # cuBLAS reads this when its first handle is created; it must precede CUDA work.
            os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
            torch.use_deterministic_algorithms(True, warn_only=True)
        else:
            torch.backends.cudnn.deterministic = False
            torch.backends.cudnn.benchmark = True
            torch.use_deterministic_algorithms(False)
    return done


# ---------------------------------------------------------------- RNG state

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, where: str) -> bytes:
    if not isinstance(text, str):
        raise ValueError("%s: expected a base64 string" % where)
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise ValueError("%s: not valid base64" % where) from None


def _python_state() -> dict:
    version, internal, gauss = random.getstate()
    return {"version": version, "internal": list(internal), "gauss_next": gauss}


def _set_python_state(state: Any) -> None:
    if not isinstance(state, dict) or not isinstance(state.get("internal"), list):
        raise ValueError("state.python: expected the mapping written by get_rng_state()")
    random.setstate((state.get("version", 3), tuple(state["internal"]), state.get("gauss_next")))


def _numpy_state() -> dict:
    name, keys, pos, has_gauss, cached = np.random.get_state()
    return {"bit_generator": name, "keys": _b64(np.asarray(keys, dtype="<u4").tobytes()),
            "pos": int(pos), "has_gauss": int(has_gauss), "cached_gaussian": float(cached)}


def _set_numpy_state(state: Any) -> None:
    if not isinstance(state, dict) or "keys" not in state:
        raise ValueError("state.numpy: expected the mapping written by get_rng_state()")
    keys = np.frombuffer(_unb64(state["keys"], "state.numpy.keys"), dtype="<u4").astype(np.uint32)
    if keys.size != 624:
        raise ValueError("state.numpy.keys: expected 624 words, got %d" % keys.size)
    np.random.set_state((state.get("bit_generator", "MT19937"), keys, int(state["pos"]),
                         int(state["has_gauss"]), float(state["cached_gaussian"])))


def _walk_counters(aug: Any) -> list[list]:
    return [[list(path), type(node).__name__, int(node._calls.value)] for path, node in aug._walk()]


def _check_pipelines(pipelines: Any) -> dict:
    if pipelines is None:
        return {}
    if not isinstance(pipelines, Mapping):
        raise TypeError("pipelines must be a mapping of name -> augmenter, got %s"
                        % type(pipelines).__name__)
    from imgaug2.core.base import Augmenter
    for name, aug in pipelines.items():
        if not isinstance(name, str):
            raise TypeError("pipelines: names must be strings, got %r" % (name,))
        if not isinstance(aug, Augmenter):
            raise TypeError("pipelines[%r] must be an Augmenter, got %s"
                            % (name, type(aug).__name__))
    return dict(pipelines)


def get_rng_state(pipelines: Mapping[str, Any] | None = None) -> dict:
    """Capture the global generators (and pipelines' call counters) for a checkpoint.

    Captured: Python's ``random``, numpy's legacy global generator, imgaug2's
    global root and construction counter, torch's CPU generator and every
    CUDA device's generator when torch/CUDA are available. For every pipeline
    in ``pipelines`` the call counter of each node is stored, so after
    :func:`set_rng_state` the next call continues the interrupted stream
    (calls with sample keys never use counters). numpy ``Generator``
    objects you created yourself are not global and are not captured.

    Args:
        pipelines: Optional ``{name: augmenter}``.

    Returns:
        A plain-JSON dict (``json.dumps`` works; it also pickles).

    Example:
        >>> import imgaug2.augmenters as iaa, imgaug2.repro as repro
        >>> aug = iaa.Fliplr(0.5, seed=1)
        >>> state = repro.get_rng_state(pipelines={"train": aug})
        >>> repro.set_rng_state(state, pipelines={"train": aug})
    """
    import imgaug2.random as iarandom
    pipes = _check_pipelines(pipelines)
    state: dict[str, Any] = {
        "format": RNG_STATE_FORMAT,
        "format_version": _RNG_STATE_VERSION,
        "python": _python_state(),
        "numpy": _numpy_state(),
        "imgaug2": iarandom.get_state(),
        "torch": None,
        "cuda": None,
        "pipelines": {name: _walk_counters(aug) for name, aug in pipes.items()},
    }
    torch = _torch()
    if torch is not None:
        state["torch"] = _b64(torch.get_rng_state().numpy().tobytes())
        if torch.cuda.is_available():
            state["cuda"] = [_b64(s.numpy().tobytes()) for s in torch.cuda.get_rng_state_all()]
    return state


def set_rng_state(state: Mapping[str, Any], pipelines: Mapping[str, Any] | None = None) -> None:
    """Restore what :func:`get_rng_state` captured (also after a JSON round trip).

    Components missing from ``state`` (``None``) are left alone; torch/CUDA
    states are restored only where torch/CUDA are available. Every pipeline
    named in ``pipelines`` must have been captured under the same name and
    have the same structure.

    Args:
        state: The dict returned by :func:`get_rng_state`.
        pipelines: ``{name: augmenter}`` whose call counters are restored.

    Raises:
        ValueError: ``state`` is not an RNG state, or a pipeline is missing or
            differs in structure from the captured one. Nothing is restored then.
    """
    if not isinstance(state, Mapping) or state.get("format") != RNG_STATE_FORMAT:
        raise ValueError("state: not an imgaug2 RNG state (missing format marker)")
    if state.get("format_version") != _RNG_STATE_VERSION:
        raise ValueError("state.format_version: %r is not supported"
                         % (state.get("format_version"),))
    pipes = _check_pipelines(pipelines)
    saved = state.get("pipelines") or {}
    if not isinstance(saved, Mapping):
        raise ValueError("state.pipelines: expected a mapping")
    # Validate everything first so a bad state restores nothing.
    plans = []
    for name, aug in pipes.items():
        if name not in saved:
            raise ValueError("state.pipelines: no call counters for pipeline %r (captured: %s)"
                             % (name, ", ".join(sorted(saved)) or "none"))
        entries = saved[name]
        nodes = list(aug._walk())
        if not isinstance(entries, list) or len(entries) != len(nodes):
            raise ValueError("state.pipelines[%r]: it has a different number of augmenters than "
                             "the pipeline given" % name)
        for entry, (path, node) in zip(entries, nodes):
            if (not isinstance(entry, (list, tuple)) or len(entry) != 3
                    or list(entry[0]) != list(path) or entry[1] != type(node).__name__):
                raise ValueError("state.pipelines[%r]: node %s does not match the pipeline given"
                                 % (name, "/" + "/".join(str(p) for p in path)))
            calls = entry[2]
            if isinstance(calls, bool) or not isinstance(calls, int) or calls < 0:
                raise ValueError("state.pipelines[%r]: call counter at %s must be a "
                                 "non-negative int" % (name, list(path)))
            plans.append((node, calls))
    import imgaug2.random as iarandom
    if state.get("python") is not None:
        _set_python_state(state["python"])
    if state.get("numpy") is not None:
        _set_numpy_state(state["numpy"])
    if state.get("imgaug2") is not None:
        iarandom.set_state(dict(state["imgaug2"]))
    torch = _torch()
    if torch is not None and state.get("torch") is not None:
        raw = _unb64(state["torch"], "state.torch")
        torch.set_rng_state(torch.frombuffer(bytearray(raw), dtype=torch.uint8))
    if torch is not None and state.get("cuda") is not None and torch.cuda.is_available():
        cuda = [torch.frombuffer(bytearray(_unb64(s, "state.cuda")), dtype=torch.uint8)
                for s in state["cuda"]]
        if len(cuda) == torch.cuda.device_count():
            torch.cuda.set_rng_state_all(cuda)
    for node, calls in plans:
        node._calls.set(calls)


# ------------------------------------------------------------ phase seeds

@dataclasses.dataclass(frozen=True)
class ExperimentSeeds:
    """Separate seeds for the phases of an experiment.

    Changing the training seed then leaves the data split and the model
    initialisation alone, so runs stay comparable.

    Args:
        split: Seed for the train/val/test split.
        init: Seed for weight initialisation.
        train: Seed for training (shuffling, dropout, augmentation).
        eval: Seed for evaluation-time sampling.

    Example:
        >>> from imgaug2.repro import ExperimentSeeds
        >>> seeds = ExperimentSeeds.from_base(1234)
        >>> seeds.apply_for_phase("split") == seeds.split
        True
    """

    split: int = 0
    init: int = 1
    train: int = 2
    eval: int = 3

    def __post_init__(self) -> None:
        for phase in PHASES:
            _check_seed(getattr(self, phase), phase)

    @classmethod
    def from_base(cls, base: int) -> "ExperimentSeeds":
        """Derive four distinct, stable phase seeds from one base seed."""
        from imgaug2.random import Key
        root = Key(_check_seed(base, "base"))
        # Key words are stable hashes (not Python's salted hash()), so this is reproducible.
        return cls(**{p: root.fold_in(p).words[0] & 0xFFFFFFFF for p in PHASES})

    def for_phase(self, phase: str) -> int:
        """The seed of ``phase`` (one of ``split``, ``init``, ``train``, ``eval``)."""
        if phase not in PHASES:
            raise ValueError("phase must be one of %s, got %r" % (", ".join(PHASES), phase))
        return int(getattr(self, phase))

    def apply_for_phase(self, phase: str, deterministic: bool = True) -> int:
        """Call :func:`seed_everything` with the seed of ``phase``; returns that seed."""
        seed = self.for_phase(phase)
        seed_everything(seed, deterministic=deterministic)
        return seed

    def to_dict(self) -> dict[str, int]:
        return dataclasses.asdict(self)


# ----------------------------------------------------------------- context

def _git(args: list[str], cwd: str, timeout: float) -> str | None:
    try:
        out = subprocess.run(["git"] + args, cwd=cwd, capture_output=True, timeout=timeout,
                             check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    return out.stdout.decode("utf-8", "replace").strip()


def _git_info(cwd: str, timeout: float) -> dict | None:
    inside = _git(["rev-parse", "--is-inside-work-tree"], cwd, timeout)
    if inside != "true":
        return None
    status = _git(["status", "--porcelain", "--untracked-files=no"], cwd, timeout)
    return {
        "commit": _git(["rev-parse", "HEAD"], cwd, timeout),
        "branch": _git(["branch", "--show-current"], cwd, timeout) or None,
        "dirty": None if status is None else bool(status),
        "root": _git(["rev-parse", "--show-toplevel"], cwd, timeout),
    }


def _package_version(name: str) -> str | None:
    from importlib import metadata
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _opencv_info() -> dict | None:
    try:
        import cv2
    except ImportError:
        return None
    build: dict[str, str] = {}
    for line in cv2.getBuildInformation().splitlines():
        label, sep, value = line.strip().partition(":")
        if sep and label in _CV_BUILD_LINES and label not in build:
            build[label] = value.strip()
    return {"version": cv2.__version__, "num_threads": int(cv2.getNumThreads()),
            "use_optimized": bool(cv2.useOptimized()), "build": build}


def _torch_info() -> dict | None:
    torch = sys.modules.get("torch")
    if torch is None:
        # Not imported by this run: report the installed version without a slow import.
        version = _package_version("torch")
        return None if version is None else {"version": version, "imported": False}
    cuda = torch.cuda.is_available()
    return {
        "version": torch.__version__,
        "imported": True,
        "cuda": torch.version.cuda,
        "cudnn": torch.backends.cudnn.version() if cuda else None,
        "cuda_available": cuda,
        "gpus": [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())]
        if cuda else [],
        "num_threads": int(torch.get_num_threads()),
        "deterministic_algorithms": bool(torch.are_deterministic_algorithms_enabled()),
        "cudnn_deterministic": bool(torch.backends.cudnn.deterministic),
        "cudnn_benchmark": bool(torch.backends.cudnn.benchmark),
    }


def experiment_context(cwd: str | os.PathLike | None = None, git_timeout: float = 5.0) -> dict:
    """Everything needed to tell two runs' environments apart, as plain JSON.

    Contains the git commit/branch/dirty flag of ``cwd`` (``None`` outside a
    repository or without git), Python, numpy, OpenCV (version, thread count,
    ``useOptimized`` and the CPU-dispatch/parallel-framework lines of its build
    information), imgaug2 (version, key and record formats, global seed),
    torch (its version when installed; CUDA, cuDNN, threads and determinism
    switches when this run imported it), the platform and the thread-count
    environment variables. It never fails for a missing optional part.

    Args:
        cwd: Directory whose git state is reported (default: the current one).
        git_timeout: Seconds each git command may take.

    Example:
        >>> import imgaug2.repro as repro
        >>> ctx = repro.experiment_context()
        >>> sorted(ctx)[:3]
        ['env', 'git', 'imgaug2']
    """
    import imgaug2
    import imgaug2.random as iarandom
    from imgaug2.core.record import RECORD_FORMAT_VERSION
    where = os.fspath(cwd) if cwd is not None else os.getcwd()
    env = {name: os.environ.get(name) for name in _THREAD_VARS + (
        "PYTHONHASHSEED", "CUBLAS_WORKSPACE_CONFIG")}
    return {
        "time_utc": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "git": _git_info(where, git_timeout),
        "python": {"version": platform.python_version(),
                   "implementation": platform.python_implementation(),
                   "executable": sys.executable},
        "platform": {"system": platform.system(), "release": platform.release(),
                     "machine": platform.machine(), "platform": platform.platform(),
                     "node": platform.node(), "cpu_count": os.cpu_count()},
        "numpy": {"version": np.__version__},
        "opencv": _opencv_info(),
        "imgaug2": {"version": imgaug2.__version__, "key_format": iarandom.KEY_FORMAT,
                    "record_format_version": RECORD_FORMAT_VERSION,
                    "global_seed": iarandom.get_state().get("seeded")},
        "torch": _torch_info(),
        "packages": {name: _package_version(name) for name in (
            "numpy", "opencv-python-headless", "opencv-python", "scipy", "PyYAML", "torch",
            "imgaug2")},
        "env": env,
    }


def _seed_json(seed: Any) -> Any:
    if seed is None:
        return None
    if isinstance(seed, ExperimentSeeds):
        return seed.to_dict()
    if isinstance(seed, (bool, np.bool_)):
        raise TypeError("seed must be an int, ExperimentSeeds or a mapping, got bool")
    if isinstance(seed, (int, np.integer)):
        return int(seed)
    if isinstance(seed, Mapping):
        return dict(seed)
    raise TypeError("seed must be an int, ExperimentSeeds or a mapping, got %s"
                    % type(seed).__name__)


def write_run_manifest(out_dir: str | os.PathLike, pipeline: Any = None, seed: Any = None,
                       extra: Mapping[str, Any] | None = None,
                       filename: str = MANIFEST_NAME) -> str:
    """Write ``run_manifest.json`` (context, serialised pipeline, seed) into ``out_dir``.

    Args:
        out_dir: Directory next to the run's outputs (created if missing).
        pipeline: Augmenter to store via ``imgaug2.core.serialize.to_dict``;
            reload it with ``iaa.from_dict(manifest["pipeline"])``.
        seed: An int, :class:`ExperimentSeeds` or a mapping of seeds.
        extra: More JSON data (hyper-parameters, worker settings ...).
        filename: Name of the file.

    Returns:
        The path written.

    Raises:
        TypeError: ``pipeline`` cannot be serialised (an unregistered
            ``Lambda``?) or ``extra`` is not JSON data.

    Example:
        >>> import tempfile, imgaug2.augmenters as iaa, imgaug2.repro as repro
        >>> path = repro.write_run_manifest(tempfile.mkdtemp(), iaa.Fliplr(0.5), seed=1)
    """
    from imgaug2.core.base import Augmenter
    from imgaug2.core.serialize import to_dict
    if not isinstance(filename, str) or not filename or os.sep in filename:
        raise ValueError("filename must be a plain file name, got %r" % (filename,))
    if extra is not None and not isinstance(extra, Mapping):
        raise TypeError("extra must be a mapping or None, got %s" % type(extra).__name__)
    pipe_doc = None
    if pipeline is not None:
        if not isinstance(pipeline, Augmenter):
            raise TypeError("pipeline must be an Augmenter or None, got %s"
                            % type(pipeline).__name__)
        try:
            pipe_doc = to_dict(pipeline)
        except TypeError as exc:
            raise TypeError("pipeline: cannot be serialised for the manifest (%s)" % exc) from None
    manifest = {
        "format": "imgaug2.run_manifest",
        "format_version": 1,
        "seed": _seed_json(seed),
        "context": experiment_context(),
        "pipeline": pipe_doc,
        "extra": None if extra is None else dict(extra),
    }
    try:
        text = json.dumps(manifest, indent=2, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise TypeError("extra: must hold plain JSON data (%s)" % exc) from None
    out_dir = os.fspath(out_dir)
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, filename)
    tmp = path + ".tmp-%d" % os.getpid()
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    # Readers never see a half-written manifest.
    os.replace(tmp, path)
    return path


# ----------------------------------------------------------------- workers

def worker_init_fn(worker_id: int) -> None:
    """``DataLoader(worker_init_fn=...)``: seed ``random`` and ``numpy`` per worker.

    Each worker gets ``torch.initial_seed() % 2**32``, which torch derives from
    the loader's generator and the worker id, so workers differ from each other
    and from epoch to epoch while a run with the same generator seed repeats.
    imgaug2 pipelines need no such call: calls without sample keys already fold
    the worker's torch seed into their stream (``imgaug2.random.process_salt``),
    and calls with sample keys do not depend on the process at all.

    Args:
        worker_id: Passed by the DataLoader (unused: the torch seed already
            includes it).
    """
    torch = _torch()
    if torch is None:
        raise ImportError("worker_init_fn needs PyTorch (pip install 'imgaug2[torch]')")
    seed = torch.initial_seed() % 2**32
    random.seed(seed)
    np.random.seed(seed)
