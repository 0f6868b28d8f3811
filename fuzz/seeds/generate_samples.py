#!/usr/bin/env python3
"""Writes the seed corpora of the JSON and protobuf fuzz targets from the protocol samples the
crates carry as test fixtures (copies of the seed documents), so the fuzzer starts from real
traffic shapes. Run from anywhere; rewrites fuzz/seeds/<target>/ for:

- trueconf_frame:      every JSON sample of the TrueConf chats document;
- e2e_frame:           every e2e-messenger sample, framed as type+body, flat tag and wrapper;
- e2e_envelope:        every base64-of-JSON encrypted envelope found in the e2e samples;
- signal_ws_frame:     hand-encoded WebSocketMessage protobuf frames (requests and responses);
- signal_json_bodies:  the examples of the Signal OpenAPI document, with a selector byte;
- work_responses:      the examples of the Threema Work OpenAPI document (the shared specs
                       folder, next to the repository), each behind the selector, status and
                       header bytes the target reads.
"""
import base64
import hashlib
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fuzz" / "seeds"


def write(target, items):
    out = SEEDS / target
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        old.unlink()
    for data in items:
        if isinstance(data, str):
            data = data.encode()
        (out / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)
    print(f"{target}: {len(set(items))} seeds")


def json_objects(text):
    """Every top-level {...} block of `text` that parses (trailing commas repaired)."""
    found, depth, start = [], 0, None
    in_string = escape = False
    for i, c in enumerate(text):
        if in_string:
            if escape:
                escape = False
            elif c == "\\":
                escape = True
            elif c == '"':
                in_string = False
            continue
        if c == '"' and depth > 0:
            in_string = True
        elif c == "{":
            if depth == 0:
                start = i
            depth += 1
        elif c == "}" and depth > 0:
            depth -= 1
            if depth == 0:
                block = text[start : i + 1]
                for candidate in (block, re.sub(r",\s*([}\]])", r"\1", block)):
                    try:
                        found.append(json.loads(candidate))
                        break
                    except json.JSONDecodeError:
                        pass
    return found


def trueconf():
    text = (ROOT / "crates/trueconf-chatbot/tests/fixtures/trueconf-chatbot-chats.txt").read_text()
    return [json.dumps(o, separators=(",", ":")) for o in json_objects(text)]


def e2e_sections():
    text = (ROOT / "crates/e2e-ws-messenger/tests/fixtures/seed/e2e-ws-messenger-messages.txt").read_text()
    sections = []
    for match in re.finditer(r"^(?:Request|Response|Notification): (\w+):?\s*\n\s*\n(\{.*\})\s*$", text, re.M):
        try:
            sections.append((match.group(1), json.loads(match.group(2))))
        except json.JSONDecodeError:
            pass
    return sections


def e2e_frames(sections):
    frames = []
    for name, body in sections:
        frames.append(json.dumps({"type": name, "body": body}))
        frames.append(json.dumps({"@type": name, **body}))
        frames.append(json.dumps({name: body}))
        frames.append(json.dumps([name, body]))
        frames.append(name + " " + json.dumps(body))
    return frames


def e2e_envelopes(sections):
    envelopes = []

    def walk(value):
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str) and len(value) > 16:
            try:
                decoded = base64.b64decode(value, validate=True)
            except Exception:
                return
            if b"encryptedBodyBase64" in decoded:
                envelopes.append(value)

    for _, body in sections:
        walk(body)
    return envelopes


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def field(number, wire, payload):
    key = varint(number << 3 | wire)
    if wire == 0:
        return key + varint(payload)
    return key + varint(len(payload)) + payload


def request(verb, path, id_, body=b"", headers=()):
    inner = field(1, 2, verb.encode()) + field(2, 2, path.encode()) + field(4, 0, id_)
    if body:
        inner += field(3, 2, body)
    for h in headers:
        inner += field(5, 2, h.encode())
    return field(1, 0, 1) + field(2, 2, inner)


def response(id_, status, message, body=b"", headers=()):
    inner = field(1, 0, id_) + field(2, 0, status) + field(3, 2, message.encode())
    if body:
        inner += field(4, 2, body)
    for h in headers:
        inner += field(5, 2, h.encode())
    return field(1, 0, 2) + field(3, 2, inner)


def signal_frames():
    return [
        request("PUT", "/api/v1/message", 1, b"\x08\x01\x12\x05hello", ["X-Signal-Timestamp:1700000000000"]),
        request("PUT", "/api/v1/queue/empty", 2),
        request("GET", "/v1/keepalive", 3),
        response(4, 200, "OK", b'{"uuid":"0b2ee5f8-9c54-4a3b-8b3e-6f2f3a1c9d11"}', ["Content-Type:application/json"]),
        response(5, 204, "No Content"),
        response(6, 409, "Conflict", b'{"missingDevices":[1,2],"extraDevices":[3]}'),
        response(7, 429, "Too Many Requests", b"", ["Retry-After:7"]),
        field(1, 0, 0),
    ]


def signal_bodies():
    spec = (ROOT / "crates/signal-server-api/tests/data/signal-server-openapi.yaml").read_text()
    bodies = []
    for match in re.finditer(r"example: (\{.*\}|\[.*\]|\"[^\"]*\")\s*$", spec, re.M):
        bodies.append(match.group(1))
    bodies += [
        '{"missingDevices":[1],"extraDevices":[2,3]}',
        '{"staleDevices":[1,2]}',
        '{"uuid":"0b2ee5f8-9c54-4a3b-8b3e-6f2f3a1c9d11","pni":"PNI:0b2ee5f8-9c54-4a3b-8b3e-6f2f3a1c9d11"}',
        '{"timeRemaining":3600,"backupCredentials":null}',
        '"PNI:0b2ee5f8-9c54-4a3b-8b3e-6f2f3a1c9d11"',
    ]
    seeds = []
    for selector in range(16):
        for body in bodies:
            seeds.append(bytes([selector]) + body.encode())
    return seeds


def work_responses():
    spec_path = ROOT.parent / "shared/specs/threema-work/threema-work-api-1.4.0.openapi.json"
    if not spec_path.exists():
        return None
    examples = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "example" and isinstance(value, (dict, list)):
                    examples.append(value)
                elif key == "examples" and isinstance(value, dict):
                    examples.extend(e["value"] for e in value.values() if isinstance(e, dict) and "value" in e)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(spec_path.read_text()))
    bodies = [json.dumps(e, separators=(",", ":")).encode() for e in examples]
    bodies += [b"", b"  ", b'{"message":"quota exceeded"}', b"\x89PNG\r\n\x1a\n"]
    seeds = []
    for i, body in enumerate(bodies):
        for k, (status, headers) in enumerate(((0, 8), (1, 9), (2, 0), (12, 6), (7, 8))):
            for selector in range(k, 20, 5):
                seeds.append(bytes([(selector + i) % 20, status, headers]) + body)
    return seeds


def main():
    write("trueconf_frame", trueconf())
    sections = e2e_sections()
    write("e2e_frame", e2e_frames(sections))
    write("e2e_envelope", e2e_envelopes(sections))
    write("signal_ws_frame", signal_frames())
    write("signal_json_bodies", signal_bodies())
    work = work_responses()
    if work is not None:
        write("work_responses", work)


if __name__ == "__main__":
    main()
