#!/usr/bin/env python3
"""A registry that attacks its client, one scenario per process.

  hostile_registry.py --scenario NAME [--other URL] [--tls] [--parent-pid PID]

Prints `{"url": …, "pid": …, "certificate": …}` (certificate: the PEM of the self-signed
certificate under --tls, for the client to trust) and serves until the parent process goes away.

Scenarios (every path under /v2/ unless said otherwise):
  link-other-origin   Basic challenge; with any Authorization, one catalog page ("a") whose Link
                      points at --other: `<OTHER/v2/_catalog?last=a&n=1>; rel="next"`
  basic-challenge     401 with a Basic challenge, always
  endless-paging      catalog pages of 1,000 new names, each with a Link to a new `last=`, forever
  scope-loop          401 Bearer error="insufficient_scope" asking for a new scope every time; /token
                      issues a token to anyone
  other-realm         Bearer challenge whose realm is --other/token (plain HTTP: a downgrade from
                      an HTTPS registry); with a Bearer token, one catalog page ("a")
  token               /token (any path) issues a token to anyone
  drip                headers with Content-Length 1000, then one byte every 0.5 s
  no-headers          reads the request and never answers

GET /_log answers every other request seen so far: method, path, the Authorization header (or
null) and the arrival time (seconds, monotonic).
"""

import argparse
import json
import os
import shutil
import signal
import ssl
import subprocess
import tempfile
import threading
import time
import urllib.parse
from http.server import ThreadingHTTPServer

from fault_server import ReplyingHandler, client_gone

log = []
lock = threading.Lock()
settings = {"scenario": None, "other": None, "url": None}
challenges = [0]  # scope-loop: challenges sent so far


class Handler(ReplyingHandler):
    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if self.path == "/_log":
            with lock:
                return self.reply(200, json.dumps(log).encode())
        with lock:
            log.append({"method": self.command, "path": self.path,
                        "authorization": self.headers.get("Authorization"), "time": time.monotonic()})
        SCENARIOS[settings["scenario"]](self)

    do_GET = do_HEAD = do_PUT = do_POST = do_DELETE = do_PATCH = handle_any


def catalog(handler, names, link=None):
    handler.reply(200, json.dumps({"repositories": names}).encode(), {"Link": link} if link else None)


def link_other_origin(handler):
    if handler.headers.get("Authorization") is None:
        return basic_challenge(handler)
    catalog(handler, ["a"], f'<{settings["other"]}/v2/_catalog?last=a&n=1>; rel="next"')


def basic_challenge(handler):
    handler.reply(401, b'{"errors":[{"code":"UNAUTHORIZED"}]}', {"WWW-Authenticate": 'Basic realm="hostile"'})


def endless_paging(handler):
    query = urllib.parse.parse_qs(urllib.parse.urlparse(handler.path).query)
    page = int(query.get("last", ["p-0-0"])[0].split("-")[1]) + 1
    names = [f"p-{page:07d}-{index:04d}" for index in range(1000)]
    catalog(handler, names, f'</v2/_catalog?last={names[-1]}&n=1000>; rel="next"')


def scope_loop(handler):
    if handler.path.startswith("/token"):
        return token(handler)
    with lock:
        challenges[0] += 1
        number = challenges[0]
    challenge = (f'Bearer realm="{settings["url"]}/token",service="hostile",'
                 f'scope="repository:loop-{number}:pull",error="insufficient_scope"')
    handler.reply(401, b'{"errors":[{"code":"DENIED"}]}', {"WWW-Authenticate": challenge})


def other_realm(handler):
    if (handler.headers.get("Authorization") or "").startswith("Bearer "):
        return catalog(handler, ["a"])
    challenge = f'Bearer realm="{settings["other"]}/token",service="hostile",scope="registry:catalog:*"'
    handler.reply(401, b'{"errors":[{"code":"UNAUTHORIZED"}]}', {"WWW-Authenticate": challenge})


def token(handler):
    handler.reply(200, json.dumps({"token": f"token-{len(log)}", "expires_in": 300}).encode())


def drip(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    try:
        for _ in range(1000):
            handler.wfile.write(b" ")
            handler.wfile.flush()
            if client_gone(handler, 0.5):
                break
    except (BrokenPipeError, ConnectionResetError):
        pass
    handler.close_connection = True


def no_headers(handler):
    client_gone(handler, 600)
    handler.close_connection = True


SCENARIOS = {
    "link-other-origin": link_other_origin, "basic-challenge": basic_challenge, "endless-paging": endless_paging,
    "scope-loop": scope_loop, "other-realm": other_realm, "token": token, "drip": drip, "no-headers": no_headers,
}


def stop(*_):
    """Terminated by the test: unwind through the cleanup instead of dying on the spot."""
    raise SystemExit(0)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenario", required=True, choices=sorted(SCENARIOS))
    parser.add_argument("--other", help="the other origin's base URL (link-other-origin, other-realm)")
    parser.add_argument("--tls", action="store_true", help="serve HTTPS with a fresh self-signed certificate")
    parser.add_argument("--parent-pid", type=int)
    args = parser.parse_args()
    if args.scenario in ("link-other-origin", "other-realm") and not args.other:
        parser.error(f"--scenario {args.scenario} needs --other URL")
    settings["scenario"], settings["other"] = args.scenario, (args.other or "").rstrip("/")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    directory = tempfile.mkdtemp(prefix="hostile-registry-")
    signal.signal(signal.SIGTERM, stop)
    try:
        certificate = None
        if args.tls:
            key, certificate = os.path.join(directory, "key.pem"), os.path.join(directory, "cert.pem")
            subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
                            "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                           check=True, capture_output=True)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(certificate, key)
            server.socket = context.wrap_socket(server.socket, server_side=True)
        settings["url"] = f"{'https' if args.tls else 'http'}://127.0.0.1:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(json.dumps({"url": settings["url"], "pid": os.getpid(), "certificate": certificate}), flush=True)
        while not args.parent_pid or os.getppid() == args.parent_pid:
            time.sleep(0.3)
        server.shutdown()
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
