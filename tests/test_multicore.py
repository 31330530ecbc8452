"""Pool, BatchLoader, BackgroundAugmenter: worker-independent results and robustness."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest

import imgaug2 as ia
import imgaug2.augmenters as iaa
from imgaug2.augmentables.batches import Batch, UnnormalizedBatch
from imgaug2.multicore import BatchFailedError, Pool
from tests.families.inputs import images


def _batches(n=6, size=4):
    return [UnnormalizedBatch(images=np.stack(images(size, seed=10 * i))) for i in range(n)]


def _aug():
    return iaa.Sequential([iaa.Fliplr(0.5), iaa.Rot90((0, 3)), iaa.ChannelShuffle(0.5)], seed=3)


def _flat(batches):
    return [im.tobytes() for b in batches for im in b.images_aug]


def test_results_do_not_depend_on_worker_count_or_order():
    ref = None
    for processes in (1, 2):
        with Pool(_aug(), processes=processes, seed=7) as pool:
            out = pool.map_batches(_batches())
            unordered = list(pool.imap_batches_unordered(_batches()))
        got = _flat(out)
        ref = got if ref is None else ref
        assert got == ref
        assert len(unordered) == 6
    with Pool(_aug(), processes=2, seed=8) as pool:
        assert _flat(pool.map_batches(_batches())) != ref


def test_imap_with_generator_and_async_and_batch_types():
    def gen():
        for b in _batches(3):
            yield b
    with _aug().pool(processes=2, seed=1) as pool:
        out = list(pool.imap_batches(gen(), output_buffer_size=2))
        fut = pool.map_batches_async([Batch(images=np.stack(images(2)))])
        res = fut.result(timeout=60)
        raw = pool.map_batches([np.stack(images(2))])
    assert len(out) == 3 and isinstance(res[0], Batch) and res[0].images_aug is not None
    assert isinstance(raw[0], np.ndarray) and raw[0].shape == (2, 16, 20, 3)


def test_pool_seed_none_follows_global_seed():
    outs = []
    for _ in range(2):
        ia.seed(5)
        aug = iaa.Sequential([iaa.Fliplr(0.5), iaa.Rot90((0, 3))])
        with Pool(aug, processes=2) as pool:
            outs.append(_flat(pool.map_batches(_batches(3))))
    assert outs[0] == outs[1]


def _crash_on_big(images, random_state, parents, hooks):
    if images[0].shape[0] > 50:
        os.kill(os.getpid(), signal.SIGKILL)
    return images


def test_killed_worker_raises_quickly_and_reports_batches():
    ia.register_lambda("tests.crash_on_big", _crash_on_big)
    aug = iaa.Lambda(func_images=_crash_on_big)
    batches = _batches(3) + [UnnormalizedBatch(images=np.zeros((1, 64, 64, 3), np.uint8))] + \
        _batches(2)
    start = time.monotonic()
    with pytest.raises(BatchFailedError) as info:
        with Pool(aug, processes=2, seed=1) as pool:
            pool.map_batches(batches)
    assert time.monotonic() - start < 30
    assert 3 in info.value.indices


def test_ctrl_c_leaves_no_children(tmp_path):
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent("""
        import signal, sys, time, numpy as np
        # Like an interactive session: CI may start us with SIGINT ignored (background
        # jobs of a non-interactive shell), and Python then never raises KeyboardInterrupt.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        import imgaug2.augmenters as iaa
        from imgaug2.multicore import Pool
        from imgaug2.augmentables.batches import UnnormalizedBatch
        def slow():
            while True:
                yield UnnormalizedBatch(images=np.zeros((2, 128, 128, 3), np.uint8))
        aug = iaa.Sequential([iaa.Fliplr(0.5)] * 5)
        with Pool(aug, processes=2, seed=1) as pool:
            it = pool.imap_batches(slow())
            next(it)
            print("ready", flush=True)
            for _ in it:
                pass
    """))
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        children = _children(proc.pid)
        assert children
        os.killpg(proc.pid, signal.SIGINT)
        # Generous: the point is "exits and leaves no children", not speed under load.
        proc.wait(timeout=90)
    finally:
        if proc.poll() is None:
            proc.kill()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(
            os.path.exists("/proc/%d" % c) and not _is_zombie(c) for c in children):
        time.sleep(0.2)
    alive = [c for c in children if os.path.exists("/proc/%d" % c) and not _is_zombie(c)]
    assert not alive, alive


def _children(pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(x) for x in out.stdout.split()]


def _is_zombie(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().split()[2] == "Z"
    except OSError:
        return True


def test_bad_pool_arguments():
    with pytest.raises(TypeError, match="augseq"):
        Pool("not an augmenter")
    with pytest.raises(ValueError, match="maxtasksperchild"):
        Pool(_aug(), maxtasksperchild=0)
    with pytest.raises(ValueError, match="seed"):
        Pool(_aug(), seed=-1)


def test_batch_loader_and_background_augmenter_like_the_imgaug_readme():
    def load_batches():
        for i in range(5):
            yield ia.Batch(images=np.stack(images(4, seed=i)), data=[(i, b) for b in range(4)])
    loader = ia.BatchLoader(load_batches)
    bg = ia.BackgroundAugmenter(loader, _aug(), nb_workers=2, seed=2)
    seen = []
    while True:
        batch = bg.get_batch()
        if batch is None:
            break
        assert batch.images_aug.shape == (4, 16, 20, 3)
        seen.append(batch.data[0][0])
    loader.terminate()
    bg.terminate()
    assert seen == list(range(5))


def test_augment_batches_background_yields_images_in_order():
    batches = [np.stack(images(4, seed=i)) for i in range(4)]
    fg = [b for b in iaa.Fliplr(1.0).augment_batches(batches)]
    bg = [b for b in iaa.Fliplr(1.0).augment_batches(batches, background=True)]
    assert all(np.array_equal(a, b) for a, b in zip(fg, bg))
