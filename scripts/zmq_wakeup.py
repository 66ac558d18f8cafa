"""Never sleep through a kernel reply that has already arrived (client side of every execution).

What `make soak` found (see README, "Kernel execution"): now and then nbclient waited the
*whole* per-cell timeout for a reply the kernel had sent at once (kernel timestamps: reply
and idle within 0.3 s; client: resumed exactly `timeout` seconds later, then carried on as if
nothing happened). The wait is jupyter_client's `AsyncZMQSocketChannel.get_msg`: one
`await socket.poll(timeout)` on a zmq.asyncio socket, whose edge-triggered file descriptor
can miss the wake-up for a message already queued (pyzmq's asyncio poller then only sees the
message in its final check at the timeout; cf. zeromq/pyzmq#1558). With `timeout: 600` that
is a ten-minute "hang" with the kernel idle.

The fix polls in slices of at most `SLICE` seconds, so a missed wake-up costs under a second;
the overall timeout, and the `Empty` raised when it expires, are unchanged. Installed in
every process that drives a kernel: scripts/execution.py (`make notebooks`, `make soak`), the
Sphinx build (a local extension in _config.yml) and nbval (`-p zmq_wakeup`, Makefile).
"""
from __future__ import annotations

import time
from queue import Empty

SLICE = 0.5


async def get_msg(self, timeout: float | None = None):
    """`AsyncZMQSocketChannel.get_msg` with the wait cut into short polls."""
    assert self.socket is not None
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        left = SLICE if deadline is None else max(0.0, min(SLICE, deadline - time.monotonic()))
        if await self.socket.poll(int(left * 1000)):
            return await self._recv()
        if deadline is not None and time.monotonic() >= deadline:
            raise Empty


def install() -> None:
    from jupyter_client.channels import AsyncZMQSocketChannel

    if AsyncZMQSocketChannel.get_msg is not get_msg:
        AsyncZMQSocketChannel._unsliced_get_msg = AsyncZMQSocketChannel.get_msg
        AsyncZMQSocketChannel.get_msg = get_msg


def setup(app):  # Sphinx extension (the build's myst-nb/jupyter-cache executions)
    install()
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def pytest_configure(config):  # pytest plugin (nbval): pytest -p zmq_wakeup
    install()
