"""Writes the small seed inputs of the fuzz targets (run from `fuzz/`: python3 seeds/generate.py).

A minimal msgpack encoder (maps with string keys, str, bin, ints, bools, nil, arrays) keeps this
free of dependencies.
"""
import struct


def pack(value):
    if value is None:
        return b"\xc0"
    if value is True:
        return b"\xc3"
    if value is False:
        return b"\xc2"
    if isinstance(value, int):
        if 0 <= value < 128:
            return bytes([value])
        if 0 <= value < 2**32:
            return b"\xce" + struct.pack(">I", value)
        return b"\xd3" + struct.pack(">q", value)
    if isinstance(value, float):
        return b"\xcb" + struct.pack(">d", value)
    if isinstance(value, bytes):
        return b"\xc4" + bytes([len(value)]) + value
    if isinstance(value, str):
        raw = value.encode()
        return b"\xd9" + bytes([len(raw)]) + raw
    if isinstance(value, list):
        return bytes([0x90 | len(value)]) + b"".join(pack(v) for v in value)
    if isinstance(value, dict):
        return bytes([0x80 | len(value)]) + b"".join(pack(k) + pack(v) for k, v in value.items())
    raise TypeError(value)


FRAMES = {
    "connection_info": {"type": "update", "subType": "connectionInfo",
                        "data": {"id": bytes(16), "resume": {"id": bytes([1] * 16), "sequenceNumber": 7}}},
    "text_message": {"type": "create", "subType": "textMessage", "id": "a1b2c3",
                     "args": {"type": "contact", "id": "ECHOECHO", "temporaryId": "a1b2c3"},
                     "data": {"text": "Hello", "quote": {"identity": "ECHOECHO", "text": "Hi", "messageId": "1"}}},
    "text_message_reply": {"type": "create", "subType": "textMessage",
                           "ack": {"id": "a1b2c3", "success": False, "error": "blocked"},
                           "args": {"type": "contact", "id": "ECHOECHO"}, "data": {"messageId": None}},
    "avatar": {"type": "response", "subType": "avatar", "args": {"type": "group", "id": "17", "highResolution": True},
               "data": b"\x89PNG"},
    "messages": {"type": "update", "subType": "messages", "args": {"type": "contact", "id": "ECHOECHO", "mode": "new"},
                 "data": [{"type": "location", "id": "9", "sortKey": 3, "isOutbox": False, "isStatus": False,
                           "lastEditedAt": 1700000000, "location": {"lat": 47.3, "lon": 8.5, "accuracy": 10.0,
                                                                    "description": None}}]},
    "confirm_action": {"type": "response", "subType": "confirmAction",
                       "args": {"success": True, "temporaryId": "q"}, "data": {}},
}


def chunks(message_id, data, size):
    step = size - 9
    parts = [data[i:i + step] for i in range(0, len(data), step)] or [b""]
    return [bytes([1 if i == len(parts) - 1 else 0]) + struct.pack(">II", message_id, i) + part
            for i, part in enumerate(parts)]


for name, frame in FRAMES.items():
    with open(f"seeds/arp_frame/{name}", "wb") as out:
        out.write(pack(frame))

# The Chunking.md example (chunk size 12, message id 42), in reverse, plus a second message.
example = chunks(42, bytes(range(1, 9)), 12)[::-1] + chunks(7, b"\x00" * 20, 12)
with open("seeds/arp_unchunker/spec_example", "wb") as out:
    out.write(b"".join(bytes([len(c)]) + c for c in example))

# Chunk size 16 + 0, ack threshold 0; connect (id byte 5); peer connectionInfo with the current
# id, no resume; send a text; peer acks it; connectionAck 3; drop; reconnect (id byte 6); peer
# resumes the previous connection with sequence number 1.
with open("seeds/arp_connection/resume", "wb") as out:
    out.write(bytes([0, 0, 0, 5, 2, 1, 0, 6, 3]) + b"abc" + bytes([7, 0, 0, 4, 0, 0, 0, 0, 3, 9,
                                                                 0, 6, 2, 1, 1, 0, 0, 0, 1, 11]))
