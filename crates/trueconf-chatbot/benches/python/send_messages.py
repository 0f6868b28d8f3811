"""The benchmark's Python side: the official python-trueconf-bot sends N messages at once.

Usage: send_messages.py PORT TOKEN CHAT_ID N

Connects with Bot(server="127.0.0.1", token=TOKEN, web_port=PORT, https=False), waits until it
is authorized, sends one warm-up message, then N `sendMessage` requests concurrently
(asyncio.gather, so they are pipelined on the one WebSocket) and prints one JSON line:
{"secs": wall time of the N requests, "cpu_secs": CPU time this process used meanwhile,
"ok": answered requests, "vmhwm_kib": peak RSS of this
process (VmHWM) read just before exiting}. The client's INFO logging (one line per answer)
is turned off so that the client itself is measured.
"""

import asyncio
import json
import logging
import sys
import time

from trueconf import Bot, loggers


def vmhwm_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise SystemExit("no VmHWM in /proc/self/status")


async def run(port: int, token: str, chat_id: str, n: int) -> None:
    # The client logs every answer at INFO; measure the client, not its logging (our client
    # logs nothing at its default level either).
    loggers.chatbot.setLevel(logging.WARNING)
    loggers.dispatcher.setLevel(logging.WARNING)
    bot = Bot(server="127.0.0.1", token=token, web_port=port, https=False)
    await bot.start()
    await asyncio.wait_for(bot.authorized_event.wait(), timeout=60)
    await bot.send_message(chat_id, "warm-up")
    cpu_started = time.process_time()
    started = time.perf_counter()
    answers = await asyncio.gather(
        *(bot.send_message(chat_id, f"message {i}") for i in range(n))
    )
    secs = time.perf_counter() - started
    cpu_secs = time.process_time() - cpu_started
    ok = sum(1 for answer in answers if answer.message_id)
    await bot.shutdown()
    print(
        json.dumps({"secs": secs, "cpu_secs": cpu_secs, "ok": ok, "vmhwm_kib": vmhwm_kib()}),
        flush=True,
    )


def main() -> None:
    port, token, chat_id, n = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
    asyncio.run(run(port, token, chat_id, n))


if __name__ == "__main__":
    main()
