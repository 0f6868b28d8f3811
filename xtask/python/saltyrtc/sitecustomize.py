"""Test-only compatibility shim: run saltyrtc.server 5.0.1 (and websockets 8.1) on Python 3.10+.

Those releases pass ``loop=`` to asyncio APIs that dropped the parameter in Python 3.10, which
makes the server reset every connection. This module is installed into the SaltyRTC virtualenv's
site-packages by ``cargo xtask setup`` and is imported automatically at interpreter start-up. It
removes the ``loop`` keyword argument before calling the real asyncio functions and classes.
It changes nothing else and is never used outside that virtualenv.
"""
import asyncio
import functools
import sys

if sys.version_info >= (3, 10):

    def _drop_loop(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            kwargs.pop("loop", None)
            return func(*args, **kwargs)

        return wrapper

    for _name in ("sleep", "wait_for", "wait", "gather", "shield", "as_completed",
                  "open_connection", "start_server", "open_unix_connection",
                  "start_unix_server", "create_subprocess_exec", "create_subprocess_shell"):
        if hasattr(asyncio, _name):
            setattr(asyncio, _name, _drop_loop(getattr(asyncio, _name)))

    def _loopless(cls):
        class Loopless(cls):
            def __init__(self, *args, **kwargs):
                kwargs.pop("loop", None)
                super().__init__(*args, **kwargs)

        Loopless.__name__ = cls.__name__
        Loopless.__qualname__ = cls.__qualname__
        return Loopless

    for _name in ("Lock", "Event", "Condition", "Semaphore", "BoundedSemaphore",
                  "Queue", "PriorityQueue", "LifoQueue"):
        setattr(asyncio, _name, _loopless(getattr(asyncio, _name)))
