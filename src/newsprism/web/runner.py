"""Running one job where it cannot take the server down: a child process with a memory cap.

A hostile or just huge upload can make the pipeline allocate gigabytes, and a
``MemoryError`` or the kernel's OOM killer in the server process would end
every job and every page with it. So each job is built in a forked child:

* the child inherits the loaded spaCy model (fork, copy-on-write), so a job
  does not pay for loading it again;
* its address space may grow by at most ``memory_bytes`` beyond what the
  server already had (``RLIMIT_AS``): past that an allocation fails inside the
  child, which reports ``out_of_memory``;
* it builds the brief *and* writes ``brief.json`` (the step that can still fail
  on content, e.g. a string that cannot be encoded), then sends the parent a
  small summary; progress arrives over the same pipe;
* if it dies anyway (a signal, a crash in C code), the parent sees the pipe
  close without a result and fails the job with the exit status.

A job that runs past ``timeout`` seconds is killed and fails with
``job_timeout``, so one job cannot hold the only worker forever.

Where ``fork`` does not exist (Windows) or isolation is turned off, the same
function runs in the worker thread instead.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from newsprism.errors import NewsprismError
from newsprism.models import Brief, Skipped
from newsprism.pipeline import Progress
from newsprism.render import render_json

LOG = logging.getLogger("newsprism.web")
Build = Callable[[Any, Progress], Brief]


@dataclass(frozen=True)
class Built:
    """What the server keeps of a built brief (the brief itself is on disk)."""

    documents: int
    skipped: list[Skipped] = field(default_factory=list)
    headline: str | None = None


@dataclass(frozen=True)
class Failed:
    code: str
    message: str


Outcome = Built | Failed


def build_and_store(build: Build, submission: Any, progress: Progress, path: Path) -> Outcome:
    """Build the brief, write it to ``path`` (when it has documents) and summarize it.

    Every failure, the writing included, becomes a ``Failed`` with a one-line reason."""
    from newsprism.render.view import View

    try:
        brief = build(submission, progress)
        if not brief.documents:
            return Built(0, list(brief.skipped))
        data = render_json(brief)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(data, encoding="utf-8")
        tmp.replace(path)
        return Built(len(brief.documents), list(brief.skipped), View(brief).headline)
    except NewsprismError as exc:
        return Failed(exc.code, exc.message)
    except MemoryError:
        return Failed(
            "out_of_memory",
            "the job ran out of memory: brief fewer or smaller inputs at a time",
        )
    except Exception as exc:  # a bug must fail this job, not the server
        LOG.exception("job failed")
        return Failed("internal_error", f"unexpected error: {type(exc).__name__}: {exc}")


def limit_memory(extra_bytes: int) -> None:
    """Cap this process's address space at its current size plus ``extra_bytes``."""
    import resource

    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        current = 0  # no /proc: the cap is the allowance alone
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    target = current + extra_bytes
    if hard != resource.RLIM_INFINITY:
        target = min(target, hard)
    if soft == resource.RLIM_INFINITY or target < soft:
        resource.setrlimit(resource.RLIMIT_AS, (target, hard))


def _child(
    conn: Connection, build: Build, submission: Any, path: Path, memory_bytes: int | None
) -> None:
    # The server's signal handlers came along with the fork: a SIGTERM must end this
    # process, and Ctrl+C in the terminal is the parent's to handle (it kills us).
    with contextlib.suppress(ValueError, OSError):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.set_wakeup_fd(-1)
    outcome: Outcome
    try:
        if memory_bytes is not None:
            limit_memory(memory_bytes)

        def report(stage: str, done: int, total: int | None) -> None:
            conn.send(("progress", stage, done, total))

        outcome = build_and_store(build, submission, report, path)
    except MemoryError:
        outcome = Failed("out_of_memory", "the job ran out of memory")
    try:
        conn.send(("outcome", outcome))
    finally:
        conn.close()


def can_isolate() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class Runner:
    """Runs builds one at a time, each in its own child process (or in-thread)."""

    def __init__(
        self,
        isolate: bool = True,
        memory_bytes: int | None = None,
        timeout: float | None = None,
    ) -> None:
        self.isolate = isolate and can_isolate()
        self.memory_bytes = memory_bytes
        self.timeout = timeout
        self._lock = threading.Lock()
        self._process: Any = None
        self._stopped = False

    def run(self, build: Build, submission: Any, progress: Progress, path: Path) -> Outcome:
        if not self.isolate:
            return build_and_store(build, submission, progress, path)
        ctx = multiprocessing.get_context("fork")
        receive, send = ctx.Pipe(duplex=False)
        process = ctx.Process(
            target=_child,
            args=(send, build, submission, path, self.memory_bytes),
            name="newsprism-job",
        )
        with warnings.catch_warnings():
            # Python 3.12+ warns about fork in a threaded process; the child only runs
            # the pipeline and never touches the server's locks.
            warnings.simplefilter("ignore", DeprecationWarning)
            with self._lock:
                process.start()
                self._process = process
                if self._stopped:  # the server began to stop while this job was starting
                    process.kill()
        send.close()
        outcome: Outcome | None = None
        deadline = None if self.timeout is None else time.monotonic() + self.timeout
        timed_out = False
        try:
            while True:
                try:
                    left = None if deadline is None else deadline - time.monotonic()
                    if left is not None and (left <= 0 or not receive.poll(left)):
                        # One job must not hold the only worker forever.
                        timed_out = True
                        process.kill()
                        break
                    message = receive.recv()
                except (EOFError, OSError):
                    break
                if message[0] == "progress":
                    progress(*message[1:])
                else:
                    outcome = message[1]
        finally:
            receive.close()
            process.join()
            with self._lock:
                self._process = None
        if outcome is not None:
            return outcome
        if timed_out:
            return Failed(
                "job_timeout",
                f"the job took longer than {self.timeout:g} s and was stopped: "
                "brief fewer inputs at a time",
            )
        return Failed("job_crashed", _death(process.exitcode))

    def stop(self) -> None:
        """Kill the running child, if any, and any started until ``resume`` (shutdown)."""
        with self._lock:
            self._stopped = True
            process = self._process
        if process is not None and process.is_alive():
            process.kill()

    def resume(self) -> None:
        with self._lock:
            self._stopped = False


def _death(code: int | None) -> str:
    if code is not None and code < 0:
        name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
        why = " (killed: most likely out of memory)" if code == -signal.SIGKILL else ""
        return f"the job's process ended on signal {name}{why}: brief fewer inputs at a time"
    return f"the job's process ended without a result (exit status {code})"
