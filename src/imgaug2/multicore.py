"""Augmentation in worker processes: ``Pool``, ``BatchLoader``, ``BackgroundAugmenter``.

Batch ``i`` of a pool call derives its rows' sample keys from the pool's seed and
``i`` (row ``j`` gets key ``("pool", seed, i, j)``), so every result is the
same whichever worker computed it and however many workers there are.

Robustness: the pool runs on ``concurrent.futures.ProcessPoolExecutor``. A
worker that dies (killed, segfault, out of memory) makes every pending batch
fail with :class:`BatchFailedError` naming the batch indices, instead of hanging.
Workers ignore SIGINT, so Ctrl-C reaches the parent, which terminates them:
no child processes are left behind.

Example:
    >>> import numpy as np
    >>> import imgaug2.augmenters as iaa
    >>> from imgaug2.augmentables.batches import UnnormalizedBatch
    >>> aug = iaa.Fliplr(0.5)
    >>> batches = [UnnormalizedBatch(images=np.zeros((2, 8, 8, 3), np.uint8))] * 3
    >>> with aug.pool(processes=2, seed=1) as pool:  # doctest: +SKIP
    ...     out = pool.map_batches(batches)
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections import deque
from typing import Any, Callable, Iterable, Iterator

import numpy as np

__all__ = ["Pool", "BatchLoader", "BackgroundAugmenter", "BatchFailedError"]


class BatchFailedError(RuntimeError):
    """A batch could not be augmented (its worker died or raised)."""

    def __init__(self, message: str, indices: list[int]) -> None:
        super().__init__(message)
        self.indices = indices


# ------------------------------------------------------------------ workers
_WORKER_AUG: Any = None
_WORKER_SEED: int = 0


def _worker_init(aug_bytes: bytes, seed: int) -> None:
    import pickle
    global _WORKER_AUG, _WORKER_SEED
    # The parent handles Ctrl-C and terminates the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_AUG = pickle.loads(aug_bytes)
    _WORKER_SEED = seed


def _batch_rows(batch: Any) -> int:
    for name in ("images", "heatmaps", "segmentation_maps", "keypoints", "bounding_boxes",
                 "polygons", "line_strings"):
        value = getattr(batch, name + "_unaug", None)
        if value is None:
            continue
        if isinstance(value, np.ndarray) and value.ndim == 4:
            return value.shape[0]
        if isinstance(value, list):
            return len(value)
        return 1
    return 0


def augment_indexed_batch(aug: Any, seed: int, index: int, batch: Any) -> Any:
    """Augment batch ``index`` with keys ``("pool", seed, index, row)`` (pure in all inputs)."""
    from imgaug2.augmentables.batches import UnnormalizedBatch
    from imgaug2.core.runner import augment_batch_object
    raw = isinstance(batch, np.ndarray) or (isinstance(batch, list) and bool(batch)
                                            and isinstance(batch[0], np.ndarray))
    if raw:
        batch = UnnormalizedBatch(images=batch)
    n = _batch_rows(batch)
    keys = [("pool", seed, index, j) for j in range(n)]
    result = augment_batch_object(aug, batch, keys=keys)
    # Raw image batches come back as raw images, like imgaug's augment_batches().
    return result.images_aug if raw else result


def _work(task: tuple[int, Any]) -> tuple[int, Any]:
    index, batch = task
    return index, augment_indexed_batch(_WORKER_AUG, _WORKER_SEED, index, batch)


def _wait_any(futures: list, timeout: float | None) -> set:
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        remaining = 0.2 if deadline is None else min(0.2, deadline - time.monotonic())
        if remaining <= 0:
            return set()
        done, _ = cf.wait(futures, timeout=remaining, return_when=cf.FIRST_COMPLETED)
        if done:
            return done


def _poll(fut: cf.Future, timeout: float | None) -> Any:
    """``fut.result(timeout)`` in short slices.

    An untimed wait blocks in a lock that a SIGINT delivered to another thread
    (e.g. the executor's queue feeder) never interrupts; short slices let the
    main thread see Ctrl-C promptly.
    """
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        remaining = 0.2 if deadline is None else min(0.2, deadline - time.monotonic())
        if remaining <= 0:
            raise cf.TimeoutError()
        try:
            return fut.result(timeout=remaining)
        except cf.TimeoutError:
            continue


# --------------------------------------------------------------------- pool

class Pool:
    """A process pool bound to one augmenter (imgaug's ``augmenter.pool()``).

    Args:
        augseq: The augmenter (pickled once per worker).
        processes: Worker count; ``None`` = all CPUs, negative = CPUs + value (min 1).
        maxtasksperchild: Restart a worker after this many batches (None: never).
        seed: Seed of the batch keys; ``None`` draws one from imgaug2's global root,
            so ``imgaug2.seed(n)`` makes pool runs reproducible too.
    """

    def __init__(self, augseq: Any, processes: int | None = None,
                 maxtasksperchild: int | None = None, seed: int | None = None) -> None:
        import pickle

        from imgaug2.core.base import Augmenter
        from imgaug2.random import next_construction_key
        if not isinstance(augseq, Augmenter):
            raise TypeError("augseq must be an Augmenter, got %s" % type(augseq).__name__)
        cpus = os.cpu_count() or 1
        if processes is None:
            processes = cpus
        elif isinstance(processes, bool) or not isinstance(processes, int):
            raise TypeError("processes must be an int or None, got %r" % (processes,))
        elif processes <= 0:
            processes = max(1, cpus + processes)
        if maxtasksperchild is not None and (isinstance(maxtasksperchild, bool) or not isinstance(
                maxtasksperchild, int) or maxtasksperchild < 1):
            raise ValueError("maxtasksperchild must be a positive int or None, got %r"
                             % (maxtasksperchild,))
        if seed is None:
            seed = next_construction_key().words[0] & 0x7FFFFFFFFFFFFFFF
        elif isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
            raise ValueError("seed must be a non-negative int or None, got %r" % (seed,))
        self.augseq = augseq
        self.processes = processes
        self.maxtasksperchild = maxtasksperchild
        self.seed = int(seed)
        self._aug_bytes = pickle.dumps(augseq)
        self._executor: cf.ProcessPoolExecutor | None = None
        self._counter = 0
        self._lock = threading.Lock()

    # lifecycle
    @property
    def pool(self) -> cf.ProcessPoolExecutor:
        if self._executor is None:
            kwargs: dict[str, Any] = {}
            if self.maxtasksperchild is not None:
                kwargs["max_tasks_per_child"] = self.maxtasksperchild
                # max_tasks_per_child needs a non-fork start method.
                kwargs["mp_context"] = multiprocessing.get_context("spawn")
            self._executor = cf.ProcessPoolExecutor(
                max_workers=self.processes, initializer=_worker_init,
                initargs=(self._aug_bytes, self.seed), **kwargs)
        return self._executor

    def __enter__(self) -> "Pool":
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self.close()
            self.join()
        else:
            self.terminate()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False)

    def join(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None

    def terminate(self, grace: float = 10.0) -> None:
        """Stop the workers: pending batches are dropped, running ones may finish.

        Workers get the executor's stop sentinel and exit after their current
        batch (killing one mid-write would leave a half-written result that the
        executor's reader thread waits on forever, hanging interpreter exit).
        Workers still alive after ``grace`` seconds are killed.
        """
        ex = self._executor
        if ex is None:
            return
        self._executor = None
        procs = list((getattr(ex, "_processes", None) or {}).values())
        ex.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + grace
        for p in procs:
            p.join(timeout=max(0.0, deadline - time.monotonic()))
        for p in procs:
            if p.is_alive():
                p.kill()
                p.join(timeout=5)

    def _next_indices(self, n: int) -> range:
        with self._lock:
            start = self._counter
            self._counter += n
        return range(start, start + n)

    # API
    def map_batches(self, batches: list[Any], chunksize: int | None = None,
                    timeout: float | None = None) -> list[Any]:
        """Augment a list of batches; results in input order."""
        if not isinstance(batches, list):
            raise TypeError("batches must be a list, got %s" % type(batches).__name__)
        return list(self.imap_batches(batches, chunksize=chunksize, timeout=timeout))

    def map_batches_async(self, batches: list[Any], chunksize: int | None = None,
                          callback: Callable[[list], Any] | None = None,
                          error_callback: Callable[[BaseException], Any] | None = None
                          ) -> cf.Future:
        """Like :meth:`map_batches` but returns a ``Future`` of the list."""
        future: cf.Future = cf.Future()

        def run() -> None:
            try:
                result = self.map_batches(batches, chunksize=chunksize)
            except BaseException as exc:  # delivered through the future
                future.set_exception(exc)
                if error_callback is not None:
                    error_callback(exc)
                return
            future.set_result(result)
            if callback is not None:
                callback(result)

        threading.Thread(target=run, daemon=True).start()
        return future

    def imap_batches(self, batches: Iterable[Any], chunksize: int | None = None,
                     output_buffer_size: int | None = None,
                     timeout: float | None = None) -> Iterator[Any]:
        """Lazily augment batches (a generator is fine); yields in input order."""
        return self._imap(batches, ordered=True, buffer=output_buffer_size, timeout=timeout)

    def imap_batches_unordered(self, batches: Iterable[Any], chunksize: int | None = None,
                               output_buffer_size: int | None = None,
                               timeout: float | None = None) -> Iterator[Any]:
        """Like :meth:`imap_batches` but yields each batch as soon as it is done."""
        return self._imap(batches, ordered=False, buffer=output_buffer_size, timeout=timeout)

    def _imap(self, batches: Iterable[Any], ordered: bool, buffer: int | None,
              timeout: float | None) -> Iterator[Any]:
        if buffer is not None and (isinstance(buffer, bool) or not isinstance(buffer, int)
                                   or buffer < 1):
            raise ValueError("output_buffer_size must be a positive int or None, got %r"
                             % (buffer,))
        limit = buffer or max(2 * self.processes, 4)
        executor = self.pool
        iterator = iter(batches)
        pending: deque[tuple[int, cf.Future]] = deque()
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                try:
                    batch = next(iterator)
                except StopIteration:
                    exhausted = True
                    break
                index = self._next_indices(1)[0]
                pending.append((index, executor.submit(_work, (index, batch))))
            if not pending:
                return
            if ordered:
                index, fut = pending.popleft()
            else:
                done = _wait_any([f for _, f in pending], timeout)
                if not done:
                    raise BatchFailedError("no batch finished within %s s" % timeout,
                                           [i for i, _ in pending])
                index, fut = next((i, f) for i, f in pending if f in done)
                pending.remove((index, fut))
            yield self._result(index, fut, pending, timeout)

    def _result(self, index: int, fut: cf.Future, pending: deque, timeout: float | None) -> Any:
        try:
            return _poll(fut, timeout)[1]
        except cf.process.BrokenProcessPool:
            failed = [index] + [i for i, _ in pending]
            self.terminate()
            raise BatchFailedError("a worker process died; batches %s were not augmented"
                                   % failed, failed) from None
        except cf.TimeoutError:
            failed = [index] + [i for i, _ in pending]
            self.terminate()
            raise BatchFailedError("batch %d did not finish within %s s" % (index, timeout),
                                   failed) from None


# ------------------------------------------------------ background loading

class BatchLoader:
    """Run a user function that yields batches in a background thread, into a queue.

    Args:
        load_batch_func: Callable returning an iterable of batches (``Batch``,
            ``UnnormalizedBatch`` or image arrays).
        queue_size: Maximum number of loaded batches waiting.
        nb_workers: Kept for imgaug compatibility; loading runs in one thread.
        threaded: Kept for imgaug compatibility (always a thread).
    """

    def __init__(self, load_batch_func: Callable[[], Iterable[Any]], queue_size: int = 50,
                 nb_workers: int = 1, threaded: bool = True) -> None:
        if not callable(load_batch_func):
            raise TypeError("load_batch_func must be callable")
        if isinstance(queue_size, bool) or not isinstance(queue_size, int) or queue_size < 1:
            raise ValueError("queue_size must be a positive int, got %r" % (queue_size,))
        self.queue: queue.Queue = queue.Queue(maxsize=queue_size)
        self._stop = threading.Event()
        self._finished = threading.Event()
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._load, args=(load_batch_func,), daemon=True)
        self._thread.start()

    _DONE = object()

    def _load(self, func: Callable[[], Iterable[Any]]) -> None:
        try:
            for batch in func():
                while not self._stop.is_set():
                    try:
                        self.queue.put(batch, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if self._stop.is_set():
                    return
        except BaseException as exc:  # handed to the consumer
            self.error = exc
        finally:
            self._finished.set()
            while not self._stop.is_set():
                try:
                    self.queue.put(self._DONE, timeout=0.1)
                    break
                except queue.Full:
                    continue

    def all_finished(self) -> bool:
        return self._finished.is_set() and self.queue.empty()

    def iter_batches(self) -> Iterator[Any]:
        while True:
            item = self.queue.get()
            if item is self._DONE:
                if self.error is not None:
                    raise self.error
                return
            yield item

    def terminate(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


class BackgroundAugmenter:
    """Augment batches from a :class:`BatchLoader` in worker processes.

    ``get_batch()`` returns the next augmented batch (``Batch``/``UnnormalizedBatch``
    with ``images_aug`` etc.) in loading order, or ``None`` when the loader is done.

    Args:
        batch_loader: The loader feeding batches.
        augseq: The augmenter.
        queue_size: Augmented batches buffered ahead.
        nb_workers: Worker processes ("auto": CPUs - 1, at least 1).
        seed: Seed of the batch keys (see :class:`Pool`).
    """

    def __init__(self, batch_loader: BatchLoader, augseq: Any, queue_size: int = 50,
                 nb_workers: int | str = "auto", seed: int | None = None) -> None:
        if not isinstance(batch_loader, BatchLoader):
            raise TypeError("batch_loader must be a BatchLoader, got %s"
                            % type(batch_loader).__name__)
        if nb_workers == "auto":
            nb_workers = max(1, (os.cpu_count() or 2) - 1)
        self._pool = Pool(augseq, processes=nb_workers, seed=seed)  # type: ignore[arg-type]
        self._out: queue.Queue = queue.Queue(maxsize=max(1, queue_size))
        self._loader = batch_loader
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._stop = threading.Event()
        self.error: BaseException | None = None
        self._thread.start()

    _DONE = object()

    def _run(self) -> None:
        from imgaug2.augmentables.batches import Batch, UnnormalizedBatch
        try:
            source = (b if isinstance(b, (Batch, UnnormalizedBatch)) else
                      UnnormalizedBatch(images=b) for b in self._loader.iter_batches())
            for batch in self._pool.imap_batches(source):
                if self._stop.is_set():
                    return
                self._out.put(batch)
        except BaseException as exc:  # handed to get_batch()
            self.error = exc
        finally:
            self._out.put(self._DONE)

    def get_batch(self) -> Any:
        item = self._out.get()
        if item is self._DONE:
            self._out.put(self._DONE)
            if self.error is not None:
                raise self.error
            return None
        return item

    def terminate(self) -> None:
        self._stop.set()
        self._pool.terminate()
        while True:
            try:
                self._out.get_nowait()
            except queue.Empty:
                break
        self._thread.join(timeout=5)
