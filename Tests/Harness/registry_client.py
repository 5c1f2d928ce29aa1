"""A small, independent OCI distribution client for seeding test registries over HTTP.

Standard library only. It pushes blobs (POST + PUT upload) and manifests, answering Basic and
Bearer challenges itself, so test fixtures never depend on the code under test.
"""

import base64
import hashlib
import http.client
import json
import threading
import urllib.parse


def sha256_digest(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


class RegistryClient:
    """Pushes content to one registry. Thread-safe: each thread keeps its own connection."""

    def __init__(self, base_url: str, username: str = None, password: str = None):
        parsed = urllib.parse.urlparse(base_url)
        self.scheme = parsed.scheme
        self.netloc = parsed.netloc
        self.username = username
        self.password = password
        self._local = threading.local()
        self._tokens = {}
        self._lock = threading.Lock()

    # -- HTTP plumbing -------------------------------------------------------------------

    def _connection(self):
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = http.client.HTTPConnection(self.netloc, timeout=30)
            self._local.connection = connection
        return connection

    def _basic(self):
        raw = f"{self.username}:{self.password}".encode()
        return "Basic " + base64.b64encode(raw).decode()

    def _token(self, challenge: dict, scope: str) -> str:
        key = (challenge.get("realm"), challenge.get("service"), scope)
        with self._lock:
            if key in self._tokens:
                return self._tokens[key]
        realm = urllib.parse.urlparse(challenge["realm"])
        query = urllib.parse.urlencode({"service": challenge.get("service", ""), "scope": scope})
        connection = http.client.HTTPConnection(realm.netloc, timeout=30)
        headers = {}
        if self.username:
            headers["Authorization"] = self._basic()
        connection.request("GET", f"{realm.path}?{query}", headers=headers)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        if response.status != 200:
            raise RuntimeError(f"token server answered {response.status}: {body[:200]!r}")
        token = json.loads(body)["token"]
        with self._lock:
            self._tokens[key] = token
        return token

    @staticmethod
    def _parse_challenge(header: str):
        scheme, _, rest = header.partition(" ")
        params = {}
        for part in rest.split(","):
            if "=" in part:
                name, _, value = part.strip().partition("=")
                params[name.lower()] = value.strip('"')
        return scheme.lower(), params

    def request(self, method, path, body=None, headers=None, scope=None, allow=(200, 201, 202)):
        headers = dict(headers or {})
        auth = getattr(self._local, "auth", {}).get(scope)
        if auth:
            headers["Authorization"] = auth
        for _ in range(3):
            connection = self._connection()
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                data = response.read()
            except (http.client.HTTPException, ConnectionError, OSError):
                connection.close()
                self._local.connection = None
                continue
            if response.status == 401 and response.getheader("WWW-Authenticate"):
                scheme, challenge = self._parse_challenge(response.getheader("WWW-Authenticate"))
                if scheme == "basic":
                    value = self._basic()
                else:
                    value = "Bearer " + self._token(challenge, challenge.get("scope", scope or ""))
                if not hasattr(self._local, "auth"):
                    self._local.auth = {}
                self._local.auth[scope] = value
                headers["Authorization"] = value
                continue
            if response.status not in allow:
                raise RuntimeError(f"{method} {path} -> {response.status}: {data[:300]!r}")
            return response, data
        raise RuntimeError(f"{method} {path}: could not authenticate or connect")

    # -- Registry operations -------------------------------------------------------------

    def push_blob(self, repository: str, data: bytes) -> dict:
        digest = sha256_digest(data)
        scope = f"repository:{repository}:pull,push"
        head, _ = self.request("HEAD", f"/v2/{repository}/blobs/{digest}", scope=scope, allow=(200, 404))
        if head.status != 200:
            response, _ = self.request("POST", f"/v2/{repository}/blobs/uploads/", body=b"", scope=scope, allow=(202,))
            location = response.getheader("Location")
            parsed = urllib.parse.urlparse(location)
            separator = "&" if parsed.query else "?"
            target = f"{parsed.path}?{parsed.query}" if parsed.query else parsed.path
            self.request(
                "PUT",
                f"{target}{separator}digest={urllib.parse.quote(digest)}",
                body=data,
                headers={"Content-Type": "application/octet-stream", "Content-Length": str(len(data))},
                scope=scope,
                allow=(201,),
            )
        return {"digest": digest, "size": len(data)}

    def put_manifest(self, repository: str, reference: str, manifest: bytes, media_type: str) -> str:
        scope = f"repository:{repository}:pull,push"
        self.request(
            "PUT",
            f"/v2/{repository}/manifests/{reference}",
            body=manifest,
            headers={"Content-Type": media_type, "Content-Length": str(len(manifest))},
            scope=scope,
            allow=(201,),
        )
        return sha256_digest(manifest)

    def get_manifest(self, repository: str, reference: str, accept: str):
        scope = f"repository:{repository}:pull"
        response, data = self.request(
            "GET", f"/v2/{repository}/manifests/{reference}", headers={"Accept": accept}, scope=scope, allow=(200, 404)
        )
        return (data if response.status == 200 else None)
