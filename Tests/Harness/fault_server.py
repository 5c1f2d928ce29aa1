#!/usr/bin/env python3
"""An HTTP server that misbehaves on purpose, for the faults a real registry will not produce.

  fault_server.py [--upstream URL] [--rule 'REGEX=ACTION' ...] [--parent-pid PID]

Prints `{"url": …, "alternateURL": …}` (the same server as 127.0.0.1 and as localhost, which
libcurl treats as different hosts) and serves until the parent process goes away.

Built-in endpoints (tests of the HTTP client):
  /status/CODE                 answer CODE
  /flaky/KEY/N/CODE            the first N requests for KEY answer CODE (Retry-After: 0), then 200
  /retry-after/KEY/SECONDS     the first request answers 429 with Retry-After: SECONDS, then 200
  /count/KEY                   how many requests KEY has seen
  /stats/KEY                   for KEY: count, arrival times (seconds, monotonic), the most requests in
                               flight at once, and how many clients closed the connection before the answer
  /stall                       headers, a few bytes, then silence
  /drip/N/MS                   Content-Length N, then one byte every MS milliseconds
  /no-headers                  read the request, never answer (until the client goes away)
  /truncated                   Content-Length 1000, 10 bytes, then close
  /reset                       close the connection without answering
  /huge/MIB                    MIB mebibytes of body
  /slow/MS[/KEY]               answer after MS milliseconds (counted under slow[/KEY])
  /redirect?to=URL             302 to URL
  /redirect-loop               302 to itself
  /echo                        method, path, headers, client port and body length as JSON

--tls serves HTTPS with a fresh self-signed certificate (for TLS verification tests).
--synthetic-tags N acts as a registry holding synthetic/many with N tags (benchmarks of huge lists).
--odd-tags LOG acts as a registry holding odd/app, whose tags have names no registry should accept
(spaces, quotes, `%`, `#`, `?`, escape sequences, bidi controls, `a/../../x`, shell syntax) next to
two valid ones; it serves one valid manifest and config for any reference. LOG starts with
`MANIFEST <digest>` and `CONFIG <digest>`; every request line it gets (`METHOD /raw/target`) follows.

With --upstream every other request is proxied to that registry (with the client's Host header under
--preserve-host), except where a rule matches the
path (or `METHOD path`, so `^DELETE ` matches deletes): ACTION is `status:CODE:TIMES` (the first TIMES matches answer CODE, then pass through),
`garbage` (a body that is not JSON), `body:TEXT` (200 with TEXT as a JSON body), `truncate` (half the upstream body, then close), `huge`
(20 MiB of JSON-looking bytes), `slow:MS` (delay, then pass through), `hold:N:FILE` (the first N
matches pass, later ones wait until FILE exists, at most 120 s, then pass through), `page:N` (serve tags/list
sorted in pages of at most N with a relative `Link`, as distribution v3 does; 2.8 cannot page tags).
"""

import argparse
import hashlib
import http.client
import json
import os
import re
import select
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ThreadingHTTPServer.request_queue_size = 128

counts = {}
arrivals = {}  # key -> [monotonic seconds]
in_flight = {}  # key -> requests being answered now
max_in_flight = {}
closed_early = {}  # key -> clients that hung up before their answer
lock = threading.Lock()
rules = []  # [regex, action, remaining]
upstream = None
preserve_host = False
synthetic_tags = 0
odd_tags_log = None
ODD_TAGS = ["1.0", "latest", "a b", '"', "|", "%", "#", "?", "\\", "^", "{", "`", "<", "esc\x1b[2J", "rlo\u202eabc",
            "csi\u009b2J", "中文", "a/../../x", "$(touch$IFS~/pwned)"]
SYNTHETIC_CONFIG = json.dumps({"created": "2024-01-01T00:00:00Z", "architecture": "amd64", "os": "linux",
                               "config": {}, "rootfs": {"type": "layers", "diff_ids": []}}).encode()
SYNTHETIC_MANIFEST = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                                 "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                                            "digest": "sha256:" + hashlib.sha256(SYNTHETIC_CONFIG).hexdigest(),
                                            "size": len(SYNTHETIC_CONFIG)}, "layers": []}).encode()


def hit(key):
    with lock:
        counts[key] = counts.get(key, 0) + 1
        arrivals.setdefault(key, []).append(time.monotonic())
        return counts[key]


def client_gone(handler, seconds):
    """Waits up to `seconds`; True as soon as the client closes its connection."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        readable, _, _ = select.select([handler.connection], [], [], min(left, 0.05))
        if readable:
            try:
                if handler.connection.recv(1, socket.MSG_PEEK) == b"":
                    return True
            except ValueError:
                return True  # TLS cannot peek; a client waiting for its answer sends nothing but its close
            except OSError:
                return True
            time.sleep(min(left, 0.05))  # pipelined bytes, not a close: keep waiting
    return False


class ReplyingHandler(BaseHTTPRequestHandler):
    """A quiet HTTP/1.1 handler with a one-call reply; the hostile registry builds on it too."""
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=b"", headers=None, content_type="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class Handler(ReplyingHandler):

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = urllib.parse.urlparse(self.path).path
        parts = [p for p in path.split("/") if p]
        if odd_tags_log:
            return odd_registry(self)
        if parts and parts[0] in BUILTIN:
            return BUILTIN[parts[0]](self, parts[1:])
        if synthetic_tags and parts and parts[0] == "v2":
            return synthetic_registry(self, parts[1:])
        if upstream is None:
            return self.reply(404, b'{"errors":[{"code":"NOT_FOUND"}]}')
        for rule in rules:
            if re.search(rule[0], path) or re.search(rule[0], f"{self.command} {path}"):
                action = rule[1]
                if action.startswith("status:"):
                    _, code, times = action.split(":")
                    if rule[2] is None:
                        rule[2] = int(times)
                    if rule[2] > 0:
                        rule[2] -= 1
                        return self.reply(int(code), b'{"errors":[{"code":"UNAVAILABLE","message":"injected"}]}', {"Retry-After": "0"})
                    continue
                if action == "garbage":
                    return self.reply(200, b'{"name":"x","tags":["a", 12, {"oops"', content_type="application/json")
                if action == "huge":
                    return self.stream(20 << 20)
                if action.startswith("body:"):
                    return self.reply(200, action[len("body:"):].encode(), content_type="application/json")
                if action.startswith("page:") and self.command == "GET":
                    return self.page_tags(body, int(action.split(":")[1]))
                if action.startswith("slow:"):
                    time.sleep(int(action.split(":")[1]) / 1000)
                    continue
                if action.startswith("hold:"):
                    _, passing, release = action.split(":", 2)
                    with lock:
                        rule[2] = int(passing) if rule[2] is None else rule[2]
                        rule[2] -= 1
                        held = rule[2] < 0
                    deadline = time.monotonic() + 120
                    while held and not os.path.exists(release) and time.monotonic() < deadline:
                        time.sleep(0.05)
                    continue
                if action == "truncate":
                    return self.relay(*self.forward(body), truncate=True)
        self.relay(*self.forward(body))

    def relay(self, status, headers, data, truncate=False):
        """Sends an upstream answer on; with `truncate`, half the body and then a closed connection."""
        self.send_response(status)
        for name, value in headers:
            if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command == "HEAD":
            return
        if not truncate:
            self.wfile.write(data)
            return
        self.wfile.write(data[: len(data) // 2])
        self.wfile.flush()
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)

    def page_tags(self, body, limit):
        """Serves tags/list in sorted pages with a relative Link, as distribution v3 does."""
        query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        path = urllib.parse.urlparse(self.path).path
        saved = self.path
        self.path = path
        status, headers, data = self.forward(body)
        self.path = saved
        if status != 200:
            return self.reply(status, data)
        document = json.loads(data)
        tags = sorted(document.get("tags") or [])
        last = query.get("last", [None])[0]
        size = min(int(query.get("n", [limit])[0]), limit)
        remaining = [tag for tag in tags if last is None or tag > last]
        page, more = remaining[:size], len(remaining) > size
        extra = {}
        if more:
            extra["Link"] = f'<{path}?last={urllib.parse.quote(page[-1])}&n={size}>; rel="next"'
        with lock:
            counts["pages"] = counts.get("pages", 0) + 1
        self.reply(200, json.dumps({"name": document["name"], "tags": page}).encode(), extra)

    def forward(self, body):
        target = urllib.parse.urlparse(upstream)
        connection = http.client.HTTPConnection(target.netloc, timeout=30)
        dropped = ("connection",) if preserve_host else ("host", "connection")
        headers = {k: v for k, v in self.headers.items() if k.lower() not in dropped}
        connection.request(self.command, self.path, body=body or None, headers=headers)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, response.getheaders(), data

    def stream(self, size):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        chunk = b"[" + b"0," * 32767 + b"0"
        sent = 0
        try:
            while sent < size:
                piece = chunk[: min(len(chunk), size - sent)]
                self.wfile.write(piece)
                sent += len(piece)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    do_GET = do_HEAD = do_PUT = do_POST = do_DELETE = do_PATCH = handle_any


def synthetic_registry(handler, parts):
    """A registry with one repository, synthetic/many, whose tags all point at one tiny image."""
    path = "/".join(parts)
    if path == "":
        return handler.reply(200, b"{}", {"Docker-Distribution-Api-Version": "registry/2.0"})
    if path.startswith("_catalog"):
        return handler.reply(200, json.dumps({"repositories": ["synthetic/many"]}).encode())
    tags = [f"tag-{index:06d}" for index in range(1, synthetic_tags + 1)]
    return one_image_repository(handler, "/v2/" + path, "synthetic/many", tags)


def one_image_repository(handler, path, repository, tags):
    """Serves REPOSITORY with TAGS, every reference of which is the same tiny image."""
    if path == f"/v2/{repository}/tags/list":
        return handler.reply(200, json.dumps({"name": repository, "tags": tags}).encode())
    if path.startswith(f"/v2/{repository}/manifests/"):
        digest = "sha256:" + hashlib.sha256(SYNTHETIC_MANIFEST).hexdigest()
        return handler.reply(200, SYNTHETIC_MANIFEST, {"Docker-Content-Digest": digest},
                             content_type="application/vnd.oci.image.manifest.v1+json")
    if path.startswith(f"/v2/{repository}/blobs/"):
        return handler.reply(200, SYNTHETIC_CONFIG, content_type="application/octet-stream")
    return handler.reply(404, b'{"errors":[{"code":"NAME_UNKNOWN"}]}')


def odd_registry(handler):
    """A registry with one repository, odd/app, whose tags have hostile names; any reference is one image."""
    with lock, open(odd_tags_log, "a", encoding="utf-8") as log:
        log.write(f"{handler.command} {handler.path}\n")
    path = urllib.parse.urlparse(handler.path).path
    if path == "/v2/":
        return handler.reply(200, b"{}", {"Docker-Distribution-Api-Version": "registry/2.0"})
    return one_image_repository(handler, path, "odd/app", ODD_TAGS)


def builtin_status(handler, args):
    handler.reply(int(args[0]), json.dumps({"status": int(args[0])}).encode())


def builtin_flaky(handler, args):
    key, failures, code = args[0], int(args[1]), int(args[2])
    seen = hit("flaky/" + key)
    if seen <= failures:
        return handler.reply(code, b'{"errors":[{"code":"UNAVAILABLE"}]}', {"Retry-After": "0"})
    handler.reply(200, json.dumps({"ok": True, "attempts": seen}).encode())


def builtin_retry_after(handler, args):
    key, seconds = args[0], args[1]
    seen = hit("retry-after/" + key)
    if seen == 1:
        return handler.reply(429, b'{"errors":[{"code":"TOOMANYREQUESTS"}]}', {"Retry-After": seconds})
    handler.reply(200, json.dumps({"ok": True, "attempts": seen}).encode())


def builtin_count(handler, args):
    key = "/".join(args)
    with lock:
        handler.reply(200, json.dumps({"count": counts.get(key, 0)}).encode())


def builtin_stats(handler, args):
    key = "/".join(args)
    with lock:
        document = {"count": counts.get(key, 0), "arrivals": arrivals.get(key, []),
                    "maxInFlight": max_in_flight.get(key, 0), "closedEarly": closed_early.get(key, 0)}
    handler.reply(200, json.dumps(document).encode())


def builtin_stall(handler, args):
    handler.send_response(200)
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    handler.wfile.write(b"{")
    handler.wfile.flush()
    time.sleep(120)


def builtin_truncated(handler, args):
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    handler.wfile.write(b'{"tags":["a"')
    handler.wfile.flush()
    handler.close_connection = True
    handler.connection.shutdown(socket.SHUT_RDWR)


def builtin_reset(handler, args):
    handler.close_connection = True
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    handler.connection.close()


def builtin_huge(handler, args):
    handler.stream(int(args[0]) << 20)


def builtin_slow(handler, args):
    key = "/".join(["slow"] + args[1:])
    hit(key)
    with lock:
        in_flight[key] = in_flight.get(key, 0) + 1
        max_in_flight[key] = max(max_in_flight.get(key, 0), in_flight[key])
    try:
        if client_gone(handler, int(args[0]) / 1000):
            with lock:
                closed_early[key] = closed_early.get(key, 0) + 1
            handler.close_connection = True
            return
        handler.reply(200, b'{"slow":true}')
    except (BrokenPipeError, ConnectionResetError):
        pass
    finally:
        with lock:
            in_flight[key] -= 1


def builtin_drip(handler, args):
    size, interval = int(args[0]), int(args[1]) / 1000
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(size))
    handler.end_headers()
    try:
        for _ in range(size):
            handler.wfile.write(b" ")
            handler.wfile.flush()
            if client_gone(handler, interval):
                break
    except (BrokenPipeError, ConnectionResetError):
        pass
    handler.close_connection = True


def builtin_no_headers(handler, args):
    client_gone(handler, 300)
    handler.close_connection = True


def builtin_redirect(handler, args):
    query = urllib.parse.parse_qs(urllib.parse.urlparse(handler.path).query)
    handler.reply(302, b"", {"Location": query["to"][0]})


def builtin_redirect_loop(handler, args):
    handler.reply(302, b"", {"Location": "/redirect-loop"})


def builtin_echo(handler, args):
    document = {"method": handler.command, "path": handler.path, "headers": {k.lower(): v for k, v in handler.headers.items()},
                "clientPort": handler.client_address[1], "bodyLength": int(handler.headers.get("Content-Length") or 0)}
    handler.reply(200, json.dumps(document).encode())


BUILTIN = {
    "status": builtin_status, "flaky": builtin_flaky, "retry-after": builtin_retry_after, "count": builtin_count,
    "stall": builtin_stall, "truncated": builtin_truncated, "reset": builtin_reset, "huge": builtin_huge,
    "slow": builtin_slow, "redirect": builtin_redirect, "redirect-loop": builtin_redirect_loop, "echo": builtin_echo,
    "stats": builtin_stats, "drip": builtin_drip, "no-headers": builtin_no_headers,
}


def main():
    global upstream, synthetic_tags, preserve_host, odd_tags_log
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--upstream")
    parser.add_argument("--rule", action="append", default=[])
    parser.add_argument("--parent-pid", type=int)
    parser.add_argument("--preserve-host", action="store_true",
                        help="forward the client's Host header (upstreams that check signatures over it: the ACR emulator)")
    parser.add_argument("--tls", action="store_true", help="serve HTTPS with a fresh self-signed certificate")
    parser.add_argument("--synthetic-tags", type=int, default=0,
                        help="act as a registry holding one repository, synthetic/many, with this many tags")
    parser.add_argument("--odd-tags", metavar="LOG",
                        help="act as a registry holding odd/app with hostile tag names, logging requests to LOG")
    args = parser.parse_args()
    odd_tags_log = args.odd_tags
    if odd_tags_log:
        with open(odd_tags_log, "w", encoding="utf-8") as log:
            log.write(f"MANIFEST sha256:{hashlib.sha256(SYNTHETIC_MANIFEST).hexdigest()}\n")
            log.write(f"CONFIG sha256:{hashlib.sha256(SYNTHETIC_CONFIG).hexdigest()}\n")
    upstream = args.upstream
    preserve_host = args.preserve_host
    synthetic_tags = args.synthetic_tags
    for rule in args.rule:
        pattern, _, action = rule.rpartition("=")
        rules.append([pattern, action, None])
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port = server.server_address[1]
    scheme = "http"
    if args.tls:
        scheme = "https"
        directory = tempfile.mkdtemp(prefix="fault-tls-")
        key, cert = os.path.join(directory, "key.pem"), os.path.join(directory, "cert.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
                        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"], check=True, capture_output=True)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps({"url": f"{scheme}://127.0.0.1:{port}", "alternateURL": f"{scheme}://localhost:{port}", "pid": os.getpid()}), flush=True)
    while True:
        time.sleep(0.3)
        if args.parent_pid and os.getppid() != args.parent_pid:
            break  # the parent exited (its children are re-parented at once, even while it is a zombie)
    server.shutdown()


if __name__ == "__main__":
    main()
