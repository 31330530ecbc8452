"""The ``imgaug2`` command: replay records and verify that a pipeline is reproducible.

Commands:

* ``imgaug2 replay RECORD.json IMAGE -o OUT [--row N]`` re-applies a record
  (``record.to_json()``) to ``IMAGE`` and writes ``OUT``. Images are read and
  written with OpenCV and handed to the pipeline as RGB(A).
* ``imgaug2 verify PIPELINE.{json,yaml} --images DIR [--workers 0 2]
  [--repeats 2] [--seed S]`` augments every image in ``DIR`` with its file name
  as sample key: ``--repeats`` times in this process, once in a fresh Python
  process and once per worker count in a process pool, then compares the
  SHA-256 of every output. Exit status 0 if all match, 1 otherwise.
* ``imgaug2 --version``.

Exit status 2 means bad input (unreadable file, invalid record or pipeline).

Example:
    >>> from imgaug2.cli import main
    >>> main(["--version"])  # doctest: +SKIP
    imgaug2 0.1.0
    0
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import hashlib
import json
import multiprocessing
import os
import subprocess
import sys
from typing import Any, Sequence

import numpy as np

__all__ = ["main", "output_digest", "IMAGE_SUFFIXES"]

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".ppm", ".pgm",
                  ".pnm")
EXIT_OK, EXIT_MISMATCH, EXIT_BAD_INPUT = 0, 1, 2


class CliError(Exception):
    """Bad input: printed as ``imgaug2: error: ...`` with exit status 2."""


# ------------------------------------------------------------------ images

def read_image(path: str) -> np.ndarray:
    """Read ``path`` with OpenCV (any depth, alpha kept) and return RGB(A)."""
    import cv2
    if not os.path.isfile(path):
        raise CliError("image %s: no such file" % path)
    image = cv2.imread(path, cv2.IMREAD_UNCHANGED)
    if image is None:
        raise CliError("image %s: OpenCV cannot read it" % path)
    if image.ndim == 3 and image.shape[2] == 3:
        image = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
    elif image.ndim == 3 and image.shape[2] == 4:
        image = cv2.cvtColor(image, cv2.COLOR_BGRA2RGBA)
    return np.ascontiguousarray(image)


def write_image(path: str, image: np.ndarray) -> None:
    import cv2
    if image.dtype == np.bool_:
        image = image.astype(np.uint8) * 255
    if image.ndim == 3 and image.shape[2] == 3:
        image = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
    elif image.ndim == 3 and image.shape[2] == 4:
        image = cv2.cvtColor(image, cv2.COLOR_RGBA2BGRA)
    try:
        ok = cv2.imwrite(path, image)
    except cv2.error as exc:
        raise CliError("output %s: OpenCV cannot write a %s image of shape %s (%s)"
                       % (path, image.dtype, image.shape, str(exc).strip().splitlines()[-1])) \
            from None
    if not ok:
        raise CliError("output %s: OpenCV could not write it (unknown suffix or unwritable "
                       "directory?)" % path)


def output_digest(image: np.ndarray) -> str:
    """SHA-256 of an output's dtype, shape and bytes (equal digests = identical arrays)."""
    h = hashlib.sha256()
    h.update(("%s|%s|" % (image.dtype.str, ",".join(map(str, image.shape)))).encode())
    h.update(np.ascontiguousarray(image).tobytes())
    return h.hexdigest()


def list_images(directory: str) -> list[str]:
    if not os.path.isdir(directory):
        raise CliError("--images %s: not a directory" % directory)
    names = sorted(n for n in os.listdir(directory)
                   if n.lower().endswith(IMAGE_SUFFIXES)
                   and os.path.isfile(os.path.join(directory, n)))
    if not names:
        raise CliError("--images %s: no image files (%s)" % (directory, " ".join(IMAGE_SUFFIXES)))
    return names


# --------------------------------------------------------------- pipeline

def load_pipeline(path: str, seed: int | None = None) -> Any:
    import imgaug2.augmenters as iaa
    if not os.path.isfile(path):
        raise CliError("pipeline %s: no such file" % path)
    try:
        aug = iaa.load(path)
    except (ValueError, TypeError, UnicodeDecodeError, OSError) as exc:
        raise CliError("pipeline %s: %s" % (path, exc)) from None
    if seed is not None:
        aug.seed_(seed)
    return aug


def hash_directory(aug: Any, directory: str, names: Sequence[str]) -> dict[str, str]:
    """Augment each image with its file name as sample key; return name -> digest."""
    return {name: output_digest(aug(image=read_image(os.path.join(directory, name)), key=name))
            for name in names}


_WORKER: dict[str, Any] = {}


def _worker_init(pipeline_path: str, seed: int | None) -> None:
    _WORKER["aug"] = load_pipeline(pipeline_path, seed)


def _worker_hash(directory: str, name: str) -> tuple[str, str, int]:
    aug = _WORKER["aug"]
    image = read_image(os.path.join(directory, name))
    return name, output_digest(aug(image=image, key=name)), os.getpid()


def _hash_in_pool(pipeline: str, seed: int | None, directory: str, names: Sequence[str],
                  workers: int, start_method: str | None) -> tuple[dict[str, str], int]:
    ctx = multiprocessing.get_context(start_method) if start_method else None
    with cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_init,
                                initargs=(pipeline, seed)) as pool:
        results = list(pool.map(_worker_hash, [directory] * len(names), names))
    return {name: digest for name, digest, _ in results}, len({pid for _, _, pid in results})


def _hash_in_subprocess(pipeline: str, seed: int | None, directory: str) -> dict[str, str]:
    env = dict(os.environ)
    # The child must import this same imgaug2, also when it was found via sys.path only.
    pkg_parent = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env["PYTHONPATH"] = os.pathsep.join(
        [pkg_parent] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    cmd = [sys.executable, "-m", "imgaug2.cli", "_hash", pipeline, "--images", directory]
    if seed is not None:
        cmd += ["--seed", str(seed)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    if proc.returncode != 0:
        raise CliError("the separate process failed (exit %d): %s"
                       % (proc.returncode, proc.stderr.strip().splitlines()[-1:]))
    return json.loads(proc.stdout)


# --------------------------------------------------------------- commands

def _cmd_replay(args: argparse.Namespace) -> int:
    # Params types register when their (lazily loaded) families import; records need them.
    import imgaug2.augmenters as iaa
    if hasattr(iaa, "load_all_families"):
        iaa.load_all_families()
    from imgaug2.core.record import Record
    if not os.path.isfile(args.record):
        raise CliError("record %s: no such file" % args.record)
    with open(args.record, "r", encoding="utf-8") as f:
        text = f.read()
    try:
        record = Record.from_json(text)
    except ValueError as exc:
        raise CliError("record %s: %s" % (args.record, exc)) from None
    n = len(record)
    if args.row is None:
        if n != 1:
            raise CliError("record %s holds %d rows; choose one with --row (0..%d)"
                           % (args.record, n, n - 1))
        row = 0
    else:
        row = args.row
        if not 0 <= row < n:
            raise CliError("--row %d: the record holds %d rows (0..%d)" % (row, n, n - 1))
    if n != 1:
        # A one-row record of row `row`: replay then checks shape and pipeline as usual.
        doc = record.to_dict()
        doc["rows"] = [doc["rows"][row]]
        if doc.get("shapes") is not None:
            doc["shapes"] = [doc["shapes"][row]]
        if doc.get("sample_keys") is not None:
            doc["sample_keys"] = [doc["sample_keys"][row]]
        record = Record.from_json(doc)
    image = read_image(args.image)
    import imgaug2
    try:
        out = imgaug2.replay(record, image=image)
    except (ValueError, TypeError) as exc:
        raise CliError("replay of %s on %s: %s" % (args.record, args.image, exc)) from None
    write_image(args.output, out)
    print("wrote %s (%s, %s) from row %d of %s" % (args.output, "x".join(map(str, out.shape)),
                                                    out.dtype, row, args.record))
    return EXIT_OK


def _cmd_hash(args: argparse.Namespace) -> int:
    aug = load_pipeline(args.pipeline, args.seed)
    names = list_images(args.images)
    print(json.dumps(hash_directory(aug, args.images, names)))
    return EXIT_OK


def _cmd_verify(args: argparse.Namespace) -> int:
    for w in args.workers:
        if w < 0:
            raise CliError("--workers: counts must be >= 0, got %d" % w)
    if args.repeats < 1:
        raise CliError("--repeats must be >= 1, got %d" % args.repeats)
    names = list_images(args.images)
    aug = load_pipeline(args.pipeline, args.seed)
    runs: list[tuple[str, dict[str, str]]] = []
    for r in range(args.repeats):
        runs.append(("in-process #%d" % (r + 1), hash_directory(aug, args.images, names)))
    runs.append(("separate process", _hash_in_subprocess(args.pipeline, args.seed, args.images)))
    for w in args.workers:
        if w == 0:
            fresh = load_pipeline(args.pipeline, args.seed)
            runs.append(("workers=0 (fresh load)", hash_directory(fresh, args.images, names)))
        else:
            digests, used = _hash_in_pool(args.pipeline, args.seed, args.images, names, w,
                                          args.start_method)
            runs.append(("workers=%d (%d used)" % (w, used), digests))
    reference = runs[0][1]
    width = max(len(n) for n in names)
    print("%-*s  %-16s  %s" % (width, "image", "sha256", "runs matching"))
    mismatches = []
    for name in names:
        same = sum(1 for _, digests in runs if digests.get(name) == reference[name])
        print("%-*s  %-16s  %d/%d" % (width, name, reference[name][:16], same, len(runs)))
        for label, digests in runs[1:]:
            if digests.get(name) != reference[name]:
                mismatches.append((name, label, digests.get(name)))
    print("runs: " + "; ".join(label for label, _ in runs))
    if not mismatches:
        print("OK: all %d outputs identical across %d runs" % (len(names), len(runs)))
        return EXIT_OK
    print("MISMATCH: %d output(s) differ from %s:" % (len(mismatches), runs[0][0]))
    for name, label, digest in mismatches:
        print("  %s in %s: %s != %s" % (name, label, (digest or "missing")[:16],
                                        reference[name][:16]))
    if args.seed is None:
        print("hint: a pipeline document without stored keys (hand-written, no 'state') draws "
              "a fresh root in every process; pass --seed to pin it")
    return EXIT_MISMATCH


# ------------------------------------------------------------------ parser

def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("expected an integer, got %r" % text) from None
    if value < 0:
        raise argparse.ArgumentTypeError("expected an integer >= 0, got %d" % value)
    return value


def build_parser() -> argparse.ArgumentParser:
    import imgaug2
    parser = argparse.ArgumentParser(
        prog="imgaug2", description="Replay augmentation records and verify that a pipeline "
        "gives bit-identical output across repeats, processes and worker counts.")
    parser.add_argument("--version", action="version", version="imgaug2 %s" % imgaug2.__version__)
    sub = parser.add_subparsers(dest="command", metavar="{replay,verify}")

    p = sub.add_parser("replay", help="re-apply a record to an image",
                       description="Re-apply RECORD (record.to_json()) to IMAGE, write OUT.")
    p.add_argument("record", help="record JSON file")
    p.add_argument("image", help="input image (read with OpenCV, passed as RGB)")
    p.add_argument("-o", "--output", required=True, help="output image path")
    p.add_argument("--row", type=_non_negative, default=None,
                   help="row of a multi-row record to apply")
    p.set_defaults(func=_cmd_replay)

    p = sub.add_parser("verify", help="check that every output hash matches across runs",
                       description="Augment every image in DIR with its file name as sample key "
                       "in several runs and compare SHA-256 digests.")
    p.add_argument("pipeline", help="pipeline file (.json, .yaml or .yml)")
    p.add_argument("--images", required=True, metavar="DIR", help="directory of images")
    p.add_argument("--workers", type=_non_negative, nargs="+", default=[0, 2],
                   help="worker counts to try (0 = this process; default: 0 2)")
    p.add_argument("--repeats", type=int, default=2, help="in-process repeats (default: 2)")
    p.add_argument("--seed", type=_non_negative, default=None,
                   help="re-seed the loaded pipeline with this seed in every run")
    p.add_argument("--start-method", choices=multiprocessing.get_all_start_methods(),
                   default=None, help="multiprocessing start method for the workers")
    p.set_defaults(func=_cmd_verify)

    p = sub.add_parser("_hash")
    p.add_argument("pipeline")
    p.add_argument("--images", required=True)
    p.add_argument("--seed", type=_non_negative, default=None)
    p.set_defaults(func=_cmd_hash)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return int(exc.code) if isinstance(exc.code, int) else EXIT_BAD_INPUT
    if getattr(args, "func", None) is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return args.func(args)
    except CliError as exc:
        print("imgaug2: error: %s" % exc, file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    # Run the imported module's main so worker functions pickle as imgaug2.cli.*, not __main__.*
    from imgaug2.cli import main as _main
    sys.exit(_main())
