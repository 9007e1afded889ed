"""Renders of untrusted (user and office) templates in a separate, killable process.

The sandbox bounds what a template computes (briefgen.render.bounds), but a template can
still loop over a long text inside a long text without calling anything the sandbox sees.
So a render of a template that is not built in runs in a child process (multiprocessing's
``forkserver`` where it exists, else ``spawn``) with a memory limit (``RLIMIT_AS``) and is
killed at its time limit or when the caller cancels it. Built-in templates render in the
calling process: they are ours, and the preview stays fast.

As multiprocessing requires, a script that renders untrusted templates guards its main
code with ``if __name__ == "__main__":`` (the ``briefgen`` command and ``python -m
briefgen`` do).
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from briefgen.errors import BriefgenError, Cancelled, TemplateError

if TYPE_CHECKING:
    from briefgen.render.templates.manifest import BriefTemplate

# The time and address-space limits of one isolated render.
RENDER_SECONDS = 15.0
RENDER_MEMORY_BYTES = 1_500_000_000
_POLL_SECONDS = 0.05
# Imported once by the fork server, so that each child starts with the writers loaded.
_PRELOAD = ["briefgen.render.html_writer", "briefgen.render.docx_writer",
            "briefgen.render.context"]
_STATE = threading.local()
_CONTEXT_LOCK = threading.Lock()
_CONTEXT: list[Any] = []


@contextmanager
def cancel_check(is_cancelled: Callable[[], bool]) -> Iterator[None]:
    """Isolated renders started on this thread inside the block stop (their process is
    killed, Cancelled is raised) as soon as ``is_cancelled()`` is true."""
    previous = getattr(_STATE, "is_cancelled", None)
    _STATE.is_cancelled = is_cancelled
    try:
        yield
    finally:
        _STATE.is_cancelled = previous


def current_cancel_check() -> Callable[[], bool] | None:
    """The ``is_cancelled`` of the innermost cancel_check block on this thread (None: none)."""
    check: Callable[[], bool] | None = getattr(_STATE, "is_cancelled", None)
    return check


def needs_isolation(template: BriefTemplate) -> bool:
    """Whether renders of ``template`` run in a child process: every template that is not
    built in (and none while already inside such a child)."""
    return template.origin != "builtin" and not getattr(_STATE, "in_child", False)


def _context() -> Any:
    with _CONTEXT_LOCK:
        if not _CONTEXT:
            methods = multiprocessing.get_all_start_methods()
            ctx: Any
            if "forkserver" in methods:
                ctx = multiprocessing.get_context("forkserver")
                ctx.set_forkserver_preload(_PRELOAD)
            else:
                ctx = multiprocessing.get_context("spawn")
            _CONTEXT.append(ctx)
        return _CONTEXT[0]


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the time limit still applies
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or limit < hard:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _child(conn: Connection, memory: int, func: Callable[..., Any], args: tuple[Any, ...],
           kwargs: dict[str, Any]) -> None:
    """The child process: apply the memory limit, run ``func`` and send back the outcome."""
    _STATE.in_child = True
    try:
        _limit_memory(memory)
        outcome: tuple[str, Any] = ("ok", func(*args, **kwargs))
    except BriefgenError as exc:
        outcome = ("error", str(exc))
    except MemoryError:
        outcome = ("memory", "")
    except Exception as exc:  # noqa: BLE001 - reported to the parent as one sentence
        outcome = ("bug", f"{type(exc).__name__}: {exc}")
    try:
        conn.send(outcome)
    except Exception:  # noqa: BLE001 - an unpicklable or huge result: say so, briefly
        conn.send(("bug", "the result could not be sent back"))
    finally:
        conn.close()


def run_isolated(where: str, func: Callable[..., Any], *args: Any,
                 seconds: float | None = None, memory: int | None = None,
                 **kwargs: Any) -> Any:
    """``func(*args, **kwargs)`` in a child process; its result, or TemplateError naming
    ``where`` when it fails, runs past ``seconds`` or needs more than ``memory`` bytes.

    ``func`` and its arguments must be picklable (a module-level function). Cancelled is
    raised, and the child killed, when the thread's cancel_check says so. ``None``: the
    module's RENDER_SECONDS and RENDER_MEMORY_BYTES.
    """
    seconds = RENDER_SECONDS if seconds is None else seconds
    memory = RENDER_MEMORY_BYTES if memory is None else memory
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(sender, memory, func, args, kwargs),
                          daemon=True)
    is_cancelled = getattr(_STATE, "is_cancelled", None)
    started = False
    try:
        process.start()
        started = True
        sender.close()
        deadline = time.monotonic() + seconds
        while not receiver.poll(_POLL_SECONDS):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
            if time.monotonic() > deadline:
                raise TemplateError(f"{where}: the template is refused because its render "
                                    f"ran longer than {seconds:g} seconds.")
            if not process.is_alive() and not receiver.poll():
                raise TemplateError(f"{where}: the template is refused because its render "
                                    "stopped (it may need more memory than briefgen allows "
                                    "a render).")
        try:
            kind, value = receiver.recv()
        except (EOFError, OSError):
            raise TemplateError(f"{where}: the template is refused because its render "
                                "stopped (it may need more memory than briefgen allows a "
                                "render).") from None
    finally:
        if started:
            if process.is_alive():
                process.kill()
            process.join(5)
        receiver.close()
    if kind == "ok":
        return value
    if kind == "error":
        raise TemplateError(value)
    if kind == "memory":
        raise TemplateError(f"{where}: the template is refused because its render needs more "
                            f"than {memory // 1_000_000:,} MB of memory.")
    raise TemplateError(f"{where}: the template failed to render ({value}).")
