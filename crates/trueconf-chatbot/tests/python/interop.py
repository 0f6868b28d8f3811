"""The official python-trueconf-bot against trueconf-chatbot's FakeTrueConfServer.

Usage: interop.py PORT token JWT PEER
       interop.py PORT creds USER PASSWORD PEER

Connects with Bot(server="127.0.0.1", web_port=PORT, https=False) (or Bot.from_credentials),
starts it, waits until it is authorized, creates a personal chat with PEER (a bare user id,
qualified by the client with the server's display name), prints one JSON line
{"chat_id": ..., "me": ...} and shuts down.
"""

import asyncio
import json
import sys

from trueconf import Bot


async def run(bot: Bot, peer: str) -> None:
    await bot.start()
    await asyncio.wait_for(bot.authorized_event.wait(), timeout=30)
    created = await bot.create_personal_chat(peer)
    print(json.dumps({"chat_id": created.chat_id, "me": bot.me_id}), flush=True)
    await bot.shutdown()


def main() -> None:
    port = int(sys.argv[1])
    mode = sys.argv[2]
    if mode == "token":
        token, peer = sys.argv[3], sys.argv[4]
        bot = Bot(server="127.0.0.1", token=token, web_port=port, https=False)
    elif mode == "creds":
        user, password, peer = sys.argv[3], sys.argv[4], sys.argv[5]
        bot = Bot.from_credentials("127.0.0.1", user, password, web_port=port, https=False)
    else:
        raise SystemExit(f"unknown mode {mode}")
    asyncio.run(run(bot, peer))


if __name__ == "__main__":
    main()
