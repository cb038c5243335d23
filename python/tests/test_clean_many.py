"""clean_many: the same results as clean, in order, with error entries; real
threads, without the GIL; safe after fork."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import zhclean


def one(cleaner, data):
    try:
        return cleaner.clean(data)
    except (zhclean.ZhcleanError, UnicodeEncodeError) as e:
        return {"error": str(e), "error_type": type(e).__name__}


@pytest.mark.parametrize("threads", [1, 2, 3, None])
def test_same_as_clean_in_order(documents, threads):
    cleaner = zhclean.Cleaner()
    data = [p.read_bytes() for p in documents]
    want = [one(cleaner, d) for d in data]
    assert sum("error" in w for w in want) >= 3  # empty, blank, binary fixtures
    # Twice over, reversed the second time, so that order is really checked.
    items = data + data[::-1]
    assert cleaner.clean_many(items, threads=threads) == want + want[::-1]


def test_error_entries_match_the_exceptions():
    cleaner = zhclean.Cleaner(max_input_bytes=100)
    items = [b"", "  ", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "x" * 101, "标题\udcff", "标题\n\n正文。"]
    results = cleaner.clean_many(items)
    assert [r.get("error_type") for r in results] == [
        "EmptyInput",
        "EmptyInput",
        "NotText",
        "TooLarge",
        "UnicodeEncodeError",
        None,
    ]
    for item, result in zip(items, results):
        assert result == one(cleaner, item)
    assert results[-1]["title"] == "标题"


def test_inputs():
    cleaner = zhclean.Cleaner()
    assert cleaner.clean_many([]) == []
    docs = ["标题一\n\n正文一。", b"\xb1\xea\xcc\xe2\n\n\xd5\xfd\xce\xc4\xa1\xa3"]  # str, and GBK bytes
    from_generator = cleaner.clean_many(d for d in docs)
    assert from_generator == [cleaner.clean(d) for d in docs]
    assert from_generator[1]["title"] == "标题"
    assert cleaner.clean_many(tuple(docs), threads=1) == from_generator


def test_bad_items_raise_type_error_before_any_work():
    cleaner = zhclean.Cleaner()
    with pytest.raises(TypeError, match="item 2: a document must be bytes or str, not NoneType"):
        cleaner.clean_many(["a", b"b", None, "d"])
    with pytest.raises(TypeError, match="item 0: a document must be bytes or str, not int"):
        cleaner.clean_many([1])
    with pytest.raises(TypeError, match="not iterable"):
        cleaner.clean_many(None)
    for one_document in ("标题\n\n正文。", b"title"):
        with pytest.raises(TypeError, match="not one document: use clean"):
            cleaner.clean_many(one_document)
    with pytest.raises(TypeError):
        cleaner.clean_many(["a"], threads="2")
    with pytest.raises(ValueError, match="threads must be at least 1"):
        cleaner.clean_many(["a"], threads=0)


def corpus(documents, megabytes):
    """The fixture documents repeated to about `megabytes` MB."""
    data = [p.read_bytes() for p in documents]
    size = sum(map(len, data))
    return data * max(1, round(megabytes * 1e6 / size))


def schedstat(tid):
    """(seconds on a CPU, seconds runnable but waiting for a CPU) of a thread
    of this process, as the kernel counts them (Linux)."""
    on_cpu, waiting = (task_file(tid, "schedstat").split())[:2]
    return int(on_cpu) / 1e9, int(waiting) / 1e9


def task_file(tid, name):
    return (Path("/proc/self/task") / str(tid) / name).read_text()


def helper_tid():
    """The pool thread that helps clean_many(threads=2)."""
    [tid] = [t.name for t in Path("/proc/self/task").iterdir() if task_file(t.name, "comm").strip() == "zhclean1-0"]
    return tid


needs_proc = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")


@needs_proc
def test_two_threads_share_the_work_and_never_wait_for_each_other(documents):
    """clean_many(threads=2) keeps two threads at work: the calling thread and
    a pool thread. The kernel's accounting shows that each did a fair share
    of the work, and that each was running, or ready to run and waiting only
    for a free CPU, through nearly all of the call: never blocked on the
    other (on a lock, or on the GIL). On two free cores they run at once;
    python/bench.py measures what that gives. This holds however busy the
    machine is, since time spent waiting for a CPU counts."""
    data = corpus(documents, 10)
    cleaner = zhclean.Cleaner()
    cleaner.clean_many(data[:10], threads=2)  # start the pool, build the tables
    threads = (threading.get_native_id(), helper_tid())
    before = [schedstat(t) for t in threads]
    start = time.perf_counter()
    cleaner.clean_many(data, threads=2)
    wall = time.perf_counter() - start
    (caller_cpu, caller_wait), (helper_cpu, helper_wait) = (
        (cpu - cpu0, wait - wait0) for (cpu, wait), (cpu0, wait0) in zip((schedstat(t) for t in threads), before)
    )
    figures = dict(wall=wall, caller=(caller_cpu, caller_wait), helper=(helper_cpu, helper_wait))
    assert min(caller_cpu, helper_cpu) > 0.25 * (caller_cpu + helper_cpu), figures
    assert caller_cpu + caller_wait > 0.85 * wall, figures
    assert helper_cpu + helper_wait > 0.85 * wall, figures


def test_the_gil_is_released(documents):
    """Python code in another thread keeps running while clean_many cleans:
    no pause in it as long as half the call."""
    data = corpus(documents, 10)
    cleaner = zhclean.Cleaner()
    window = []
    started = threading.Event()

    def work():
        started.set()
        window.append(time.perf_counter())
        cleaner.clean_many(data, threads=1)
        window.append(time.perf_counter())

    worker = threading.Thread(target=work)
    worker.start()
    started.wait()
    ticks = []
    while worker.is_alive():
        ticks.append(time.perf_counter())
    enter, leave = window
    inside = [enter] + [t for t in ticks if enter < t < leave] + [leave]
    longest_pause = max(b - a for a, b in zip(inside, inside[1:]))
    assert longest_pause < 0.5 * (leave - enter), (longest_pause, leave - enter)


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs setitimer")
def test_a_signal_stops_a_long_batch(documents):
    """A signal handler that raises (as Ctrl-C's does) stops clean_many
    early, rather than once every document is done."""
    cleaner = zhclean.Cleaner()
    # Articles only: building an error entry lets Python run signal handlers
    # by itself (str() of the exception does), which would hide a missing check.
    data = corpus([p for p in documents if "error" not in one(cleaner, p.read_bytes())], 20)
    start = time.perf_counter()
    cleaner.clean_many(data, threads=1)
    full = time.perf_counter() - start

    class Stop(Exception):
        pass

    def stop(signum, frame):
        raise Stop

    previous = signal.signal(signal.SIGALRM, stop)
    try:
        signal.setitimer(signal.ITIMER_REAL, full / 10)
        start = time.perf_counter()
        with pytest.raises(Stop):
            cleaner.clean_many(data, threads=1)
        stopped = time.perf_counter() - start
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert stopped < full / 2, (stopped, full)
    assert cleaner.clean_many(data[:3]) == [cleaner.clean(d) for d in data[:3]]


FORK_SCRIPT = """
import os, zhclean
cleaner = zhclean.Cleaner()
docs = ["标题\\n\\n正文第%d段。" % i for i in range(200)]
want = cleaner.clean_many(docs, threads=2)  # the pool's threads start here
pid = os.fork()
if pid == 0:
    ok = cleaner.clean_many(docs, threads=2) == want and cleaner.clean_many(docs) == want
    os._exit(0 if ok else 1)
_, status = os.waitpid(pid, 0)
raise SystemExit(os.waitstatus_to_exitcode(status))
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_clean_many_after_fork():
    """A child forked after the pool started gets a pool of its own, instead
    of waiting forever for threads that do not exist in it."""
    result = subprocess.run([sys.executable, "-c", FORK_SCRIPT], timeout=60, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
