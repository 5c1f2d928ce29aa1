#!/usr/bin/env python3
"""Starts real registries for tests, the demo and the benchmarks, seeds them, and cleans up.

  harness.py serve [--parent-pid PID] [--state-file FILE] [--bulk-tags N] [--no-seed] [--access-log]
  harness.py tls [--expired] [--parent-pid PID]

Starts Debian's `docker-registry` (CNCF distribution 2.8) four times on free 127.0.0.1 ports over
one temporary storage directory: anonymous, anonymous with a 2-entry catalog page limit ("paged"),
htpasswd Basic auth (alice/s3cret), and Bearer token auth through token_server.py (alice/s3cret may pull, push, delete and list the catalog; bob/b0b may
only pull). Seeds the anonymous one with seed.py's standard set, prints one JSON line describing
everything (URLs, credentials, PIDs, the seed), then waits. With --access-log the anonymous one writes a
line per request to the log file its state names (`anonymous.log`), for benchmarks that count requests. It stops every server by PID and removes
the storage when it gets SIGTERM/SIGINT or when the parent process (the test runner) goes away.

`tls` starts one anonymous docker-registry serving HTTPS on 127.0.0.1 with a certificate for
127.0.0.1 issued by a fresh test CA (valid for 30 days, or with --expired valid only in January
2020), and prints {"url", "caFile", "pid"}; it cleans up the same way.
"""

import argparse
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import seed  # noqa: E402
from registry_client import RegistryClient  # noqa: E402

USERS = {"alice": ("s3cret", "pull,push,delete,catalog"), "bob": ("b0b", "pull,catalog")}
children = []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, timeout=15.0, context=None):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: server exited with status {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=1, context=context).read()
            return
        except urllib.error.HTTPError:
            return  # 401 means it is up
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{url} did not come up within {timeout} s")


def start(argv, log_path):
    log = open(log_path, "ab")
    process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    children.append(process)
    return process


def registry(workdir, name, storage, auth_yaml="", access_log=False, scheme="http", context=None):
    """Starts one docker-registry on a free port; returns its base URL and process. With `access_log`
    it logs every request (combined log format) to `<name>.log`."""
    for _ in range(5):
        port = free_port()
        config = os.path.join(workdir, f"{name}.yml")
        with open(config, "w") as handle:
            handle.write(f"""version: 0.1
log:
  level: error
  accesslog:
    disabled: {"false" if access_log else "true"}
storage:
  filesystem:
    rootdirectory: {storage}
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: 127.0.0.1:{port}
  secret: regconsole-test-secret
{auth_yaml}""")
        process = start(["docker-registry", "serve", config], os.path.join(workdir, f"{name}.log"))
        url = f"{scheme}://127.0.0.1:{port}"
        try:
            wait_until_up(url + "/v2/", process, context=context)
            return url, process
        except RuntimeError:
            process.kill()
            children.remove(process)
    raise RuntimeError(f"could not start the {name} registry; see {workdir}/{name}.log")


def openssl(*argv):
    subprocess.run(["openssl", *argv], check=True, capture_output=True)


def tls_certificate(workdir, expired):
    """A test CA and a certificate for 127.0.0.1 it issued; returns (ca, certificate, key) paths.
    OpenSSL 3.0's `x509 -req` cannot backdate, so `openssl ca` signs, with explicit dates."""
    ca_key, ca = os.path.join(workdir, "ca-key.pem"), os.path.join(workdir, "ca.pem")
    key, request, certificate = (os.path.join(workdir, name) for name in ("key.pem", "request.pem", "cert.pem"))
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", ca_key,
            "-out", ca, "-days", "3650", "-subj", "/CN=regconsole test CA")
    openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
            "-out", request, "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1")
    ca_dir = os.path.join(workdir, "ca")
    os.makedirs(ca_dir)
    open(os.path.join(ca_dir, "index.txt"), "w").close()
    with open(os.path.join(ca_dir, "serial"), "w") as handle:
        handle.write("1000\n")
    config = os.path.join(ca_dir, "ca.cnf")
    with open(config, "w") as handle:
        handle.write(f"""[ca]
default_ca = test
[test]
database = {ca_dir}/index.txt
new_certs_dir = {ca_dir}
serial = {ca_dir}/serial
default_md = sha256
policy = any
copy_extensions = copy
unique_subject = no
[any]
commonName = supplied
""")
    if expired:
        dates = ["-startdate", "20200101000000Z", "-enddate", "20200201000000Z"]
    else:
        dates = ["-days", "30"]
    openssl("ca", "-batch", "-notext", "-config", config, "-cert", ca, "-keyfile", ca_key, "-in", request,
            "-out", certificate, *dates)
    return ca, certificate, key


def tls_registry(args):
    """`harness.py tls`: one anonymous HTTPS registry (see the module's docstring)."""
    workdir = tempfile.mkdtemp(prefix="regconsole-tls-")
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(1))
    signal.signal(signal.SIGINT, lambda *_: stopping.append(1))
    # A test runner's threads block most signals and its children inherit that mask: without this,
    # SIGTERM would stay pending until the caller gives up and kills this script before it cleans up.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    try:
        ca, certificate, key = tls_certificate(workdir, args.expired)
        storage = os.path.join(workdir, "storage")
        os.makedirs(storage)
        unverified = ssl.create_default_context()
        unverified.check_hostname = False
        unverified.verify_mode = ssl.CERT_NONE
        url, process = registry(workdir, "tls", storage, f"""  tls:
    certificate: {certificate}
    key: {key}
""", scheme="https", context=unverified)
        print(json.dumps({"url": url, "caFile": ca, "pid": process.pid}), flush=True)
        while not stopping:
            if args.parent_pid and os.getppid() != args.parent_pid:
                break
            if process.poll() is not None:
                break
            time.sleep(0.3)
    except Exception as error:  # report and clean up; the caller sees the message
        print(json.dumps({"error": str(error)}), flush=True)
        cleanup(workdir, keep=False)
        sys.exit(1)
    # SIGKILL at once: the storage is thrown away, and a caller that stops this script gives it
    # only a moment before killing it too, which would leave the registry and the directory behind.
    for child in children:
        child.kill()
        child.wait()
    shutil.rmtree(workdir, ignore_errors=True)


def token_server(workdir):
    key = os.path.join(workdir, "token-key.pem")
    cert = os.path.join(workdir, "token-cert.pem")
    subprocess.run(["openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key], check=True, capture_output=True)
    subprocess.run(["openssl", "req", "-new", "-x509", "-key", key, "-out", cert, "-days", "30", "-subj", "/CN=regconsole-test-token"],
                   check=True, capture_output=True)
    port = free_port()
    argv = [sys.executable, os.path.join(HERE, "token_server.py"), "--port", str(port), "--key", key]
    for user, (password, grants) in USERS.items():
        argv += ["--user", f"{user}:{password}:{grants}"]
    process = start(argv, os.path.join(workdir, "token.log"))
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url + "/stats", process)
    return url, cert, process


def cleanup(workdir, keep):
    for process in children:
        if process.poll() is None:
            process.terminate()
    for process in children:
        try:
            process.wait(timeout=3)
        except subprocess.TimeoutExpired:
            process.kill()
    if workdir and not keep:
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve")
    serve.add_argument("--parent-pid", type=int)
    serve.add_argument("--state-file")
    serve.add_argument("--bulk-tags", type=int, default=1500)
    serve.add_argument("--no-seed", action="store_true")
    serve.add_argument("--access-log", action="store_true", help="log every request to the anonymous registry")
    serve.add_argument("--keep", action="store_true", help="keep the storage directory")
    tls = sub.add_parser("tls")
    tls.add_argument("--expired", action="store_true", help="serve a certificate that expired in 2020")
    tls.add_argument("--parent-pid", type=int)
    args = parser.parse_args()

    if shutil.which("docker-registry") is None:
        print(json.dumps({"error": "docker-registry is not installed (apt-get install docker-registry)"}), flush=True)
        sys.exit(3)
    if args.command == "tls":
        return tls_registry(args)

    workdir = tempfile.mkdtemp(prefix="regconsole-harness-")
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(1))
    signal.signal(signal.SIGINT, lambda *_: stopping.append(1))
    try:
        storage = os.path.join(workdir, "storage")
        os.makedirs(storage)
        anonymous_url, anonymous = registry(workdir, "anonymous", storage, access_log=args.access_log)

        htpasswd = os.path.join(workdir, "htpasswd")
        with open(htpasswd, "w") as handle:
            for user, (password, _) in USERS.items():
                line = subprocess.run(["htpasswd", "-Bbn", user, password], check=True, capture_output=True, text=True).stdout.strip()
                handle.write(line + "\n")
        basic_url, basic = registry(workdir, "basic", storage, f"""auth:
  htpasswd:
    realm: regconsole-test
    path: {htpasswd}
""")

        paged_url, paged = registry(workdir, "paged", storage, """catalog:
  maxentries: 2
""")

        token_url, cert, tokens = token_server(workdir)
        bearer_url, bearer = registry(workdir, "bearer", storage, f"""auth:
  token:
    realm: {token_url}/token
    service: regconsole-test-registry
    issuer: regconsole-test-issuer
    rootcertbundle: {cert}
""")

        started = time.time()
        seeded = {} if args.no_seed else seed.seed_standard(RegistryClient(anonymous_url), args.bulk_tags)
        state = {
            "workdir": workdir,
            "seedSeconds": round(time.time() - started, 2),
            "anonymous": {"url": anonymous_url, "pid": anonymous.pid, "log": os.path.join(workdir, "anonymous.log")},
            "paged": {"url": paged_url, "pid": paged.pid},
            "basic": {"url": basic_url, "pid": basic.pid, "username": "alice", "password": USERS["alice"][0],
                      "snapshot": os.path.join(workdir, "reader-snapshot.json")},
            "bearer": {"url": bearer_url, "pid": bearer.pid, "tokenURL": token_url, "tokenPid": tokens.pid,
                       "username": "alice", "password": USERS["alice"][0],
                       "readerUsername": "bob", "readerPassword": USERS["bob"][0]},
            "seed": seeded,
        }
        text = json.dumps(state, ensure_ascii=False)
        if args.state_file:
            with open(args.state_file + ".tmp", "w") as handle:
                handle.write(text)
            os.replace(args.state_file + ".tmp", args.state_file)
        print(text, flush=True)

        while not stopping:
            if args.parent_pid and os.getppid() != args.parent_pid:
                break  # the parent exited (its children are re-parented at once, even while it is a zombie)
            if any(process.poll() is not None for process in children):
                print(json.dumps({"error": "a server exited; see " + workdir}), file=sys.stderr, flush=True)
                break
            time.sleep(0.3)
    except Exception as error:  # report and clean up; the caller sees the message
        print(json.dumps({"error": str(error)}), flush=True)
        cleanup(workdir, keep=True)
        sys.exit(1)
    cleanup(workdir, args.keep)


if __name__ == "__main__":
    main()
