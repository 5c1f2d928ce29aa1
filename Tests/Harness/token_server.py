#!/usr/bin/env python3
"""A Docker registry token server for tests (the Bearer flow of distribution's `auth.token`).

Issues ES256 JWTs signed with an EC P-256 key through the `openssl` command (no third-party
Python packages), with a libtrust-style `kid` the registry matches against its rootcertbundle.

  token_server.py --port P --key key.pem --issuer I --service S --user alice:s3cret:pull,push,delete,catalog

Anonymous requests get a token with no access. GET /stats reports how many tokens were issued and
for which scopes (tests check the client's token cache with it).
"""

import argparse
import base64
import datetime
import hashlib
import json
import os
import subprocess
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ThreadingHTTPServer.request_queue_size = 128


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def libtrust_key_id(der_public_key: bytes) -> str:
    """docker/libtrust's key ID: base32 of the first 240 bits of sha256(DER), in groups of four."""
    encoded = base64.b32encode(hashlib.sha256(der_public_key).digest()[:30]).decode().rstrip("=")
    return ":".join(encoded[i:i + 4] for i in range(0, len(encoded), 4))


def der_signature_to_raw(der: bytes) -> bytes:
    """ECDSA-Sig-Value (SEQUENCE of two INTEGERs) → the 64-byte r||s that JWS ES256 wants."""
    assert der[0] == 0x30
    index = 2 if der[1] < 0x80 else 2 + (der[1] & 0x7F)
    values = []
    for _ in range(2):
        assert der[index] == 0x02
        length = der[index + 1]
        value = der[index + 2:index + 2 + length]
        values.append(value.lstrip(b"\x00").rjust(32, b"\x00"))
        index += 2 + length
    return values[0] + values[1]


class TokenIssuer:
    def __init__(self, key_path, issuer, service, users):
        self.key_path = key_path
        self.issuer = issuer
        self.service = service
        self.users = users  # name -> (password, set of grants)
        der = subprocess.run(["openssl", "ec", "-in", key_path, "-pubout", "-outform", "DER"],
                             check=True, capture_output=True).stdout
        self.key_id = libtrust_key_id(der)
        self.lock = threading.Lock()
        self.issued = []

    def sign(self, signing_input: bytes) -> bytes:
        der = subprocess.run(["openssl", "dgst", "-sha256", "-sign", self.key_path],
                             input=signing_input, check=True, capture_output=True).stdout
        return der_signature_to_raw(der)

    def access_for(self, user, scopes):
        grants = self.users[user][1] if user else set()
        access = []
        for scope in scopes:
            parts = scope.split(":")
            if len(parts) < 3:
                continue
            kind, name, actions = parts[0], ":".join(parts[1:-1]), parts[-1].split(",")
            if kind == "registry":
                allowed = ["*"] if "catalog" in grants and name == "catalog" else []
            else:
                allowed = [action for action in actions if action in grants or ("*" in grants)]
            access.append({"type": kind, "name": name, "actions": allowed})
        return access

    def token(self, user, scopes):
        now = int(time.time())
        header = {"typ": "JWT", "alg": "ES256", "kid": self.key_id}
        claims = {
            "iss": self.issuer, "sub": user or "", "aud": self.service, "exp": now + 300, "nbf": now - 10,
            "iat": now, "jti": b64url(os.urandom(12)), "access": self.access_for(user, scopes),
        }
        signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(claims).encode())}".encode()
        with self.lock:
            self.issued.append({"user": user or "", "scopes": scopes})
        return signing_input.decode() + "." + b64url(self.sign(signing_input))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    issuer: TokenIssuer = None

    def log_message(self, *args):
        pass

    def reply(self, status, document):
        body = json.dumps(document).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        if url.path == "/stats":
            with self.issuer.lock:
                self.reply(200, {"issued": list(self.issuer.issued)})
            return
        if url.path != "/token":
            self.reply(404, {"errors": [{"code": "NOT_FOUND"}]})
            return
        query = urllib.parse.parse_qs(url.query)
        user = None
        authorization = self.headers.get("Authorization", "")
        if authorization.startswith("Basic "):
            try:
                name, _, password = base64.b64decode(authorization[6:]).decode().partition(":")
            except Exception:
                name, password = "", None
            if name not in self.issuer.users or self.issuer.users[name][0] != password:
                self.reply(401, {"errors": [{"code": "UNAUTHORIZED", "message": "invalid username or password"}]})
                return
            user = name
        elif authorization:
            self.reply(401, {"errors": [{"code": "UNAUTHORIZED", "message": "unsupported authorization"}]})
            return
        scopes = [s for value in query.get("scope", []) for s in value.split(" ") if s]
        token = self.issuer.token(user, scopes)
        issued_at = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.reply(200, {"token": token, "access_token": token, "expires_in": 300, "issued_at": issued_at})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--issuer", default="regconsole-test-issuer")
    parser.add_argument("--service", default="regconsole-test-registry")
    parser.add_argument("--user", action="append", default=[], help="name:password:grant,grant")
    args = parser.parse_args()
    users = {}
    for entry in args.user:
        name, password, grants = entry.split(":", 2)
        users[name] = (password, set(grants.split(",")))
    Handler.issuer = TokenIssuer(args.key, args.issuer, args.service, users)
    ThreadingHTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
