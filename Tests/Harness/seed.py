#!/usr/bin/env python3
"""Seeds a registry over its HTTP API with real images and records what it pushed.

  seed.py standard --registry URL [--out FILE]      the fixture set the tests and the demo use
  seed.py image --registry URL --repo R --tag T...  one single-arch image under several tags
  seed.py retention --registry URL --repo R         30 dated tags for lifecycle tests
  seed.py retag --registry URL --repo R --digest D --tag T   put an existing manifest under a new tag

Images are real: gzip tar layers, config JSON with `created`, OCI and Docker media types, indexes
with platform children. The JSON printed (or written to --out) lists every repository and tag with
the digest, media type, size (config + layers, or the sum over an index's platforms), created
time and platforms, so tests compare the console's output with independently computed values.
"""

import argparse
import concurrent.futures
import datetime
import gzip
import io
import json
import sys
import tarfile

from registry_client import RegistryClient, sha256_digest

OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
OCI_INDEX = "application/vnd.oci.image.index.v1+json"
OCI_CONFIG = "application/vnd.oci.image.config.v1+json"
OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip"
OCI_EMPTY = "application/vnd.oci.empty.v1+json"
DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json"
DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json"
DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json"
DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip"

MEDIA = {
    "oci": (OCI_MANIFEST, OCI_CONFIG, OCI_LAYER, OCI_INDEX),
    "docker": (DOCKER_MANIFEST, DOCKER_CONFIG, DOCKER_LAYER, DOCKER_LIST),
}


def compact(document) -> bytes:
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()


def make_layer(files: dict):
    """A PAX tar of `files`, gzipped deterministically; returns (uncompressed, gzipped)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, content in sorted(files.items()):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            info.mtime = 0
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(content))
    raw = buffer.getvalue()
    return raw, gzip.compress(raw, mtime=0)


def iso(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Seeder:
    def __init__(self, client: RegistryClient):
        self.client = client

    def image(self, repository, created, platform=("linux", "amd64", None), media="oci", labels=None,
              files=None, layer=None, push_layer=True):
        """Pushes one image manifest (not tagged); returns its expectations and bytes."""
        manifest_type, config_type, layer_type, _ = MEDIA[media]
        os_name, arch, variant = platform
        raw, gz = layer or make_layer(files or {"hello.txt": f"hello from {arch}\n".encode()})
        if push_layer:
            self.client.push_blob(repository, gz)
        config = {
            "created": created,
            "architecture": arch,
            "os": os_name,
            "config": {
                "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                "Cmd": ["/bin/sh"],
                "WorkingDir": "/",
                "Labels": labels or {},
            },
            "rootfs": {"type": "layers", "diff_ids": [sha256_digest(raw)]},
            "history": [{"created": created, "created_by": "ADD hello.txt / # seeded"}],
        }
        if variant:
            config["variant"] = variant
        config_bytes = compact(config)
        self.client.push_blob(repository, config_bytes)
        manifest = {
            "schemaVersion": 2,
            "mediaType": manifest_type,
            "config": {"mediaType": config_type, "digest": sha256_digest(config_bytes), "size": len(config_bytes)},
            "layers": [{"mediaType": layer_type, "digest": sha256_digest(gz), "size": len(gz)}],
        }
        manifest_bytes = compact(manifest)
        platform_text = "/".join(part for part in (os_name, arch, variant) if part)
        return {
            "bytes": manifest_bytes,
            "digest": sha256_digest(manifest_bytes),
            "mediaType": manifest_type,
            "size": len(config_bytes) + len(gz),
            "created": created,
            "platforms": [platform_text],
            "configDigest": sha256_digest(config_bytes),
            "layers": [sha256_digest(gz)],
            "descriptor": {"mediaType": manifest_type, "digest": sha256_digest(manifest_bytes), "size": len(manifest_bytes)},
        }

    def tag(self, repository, image, tags):
        for tag in tags:
            self.client.put_manifest(repository, tag, image["bytes"], image["mediaType"])
        return self.expect(image)

    @staticmethod
    def expect(image):
        return {key: image[key] for key in ("digest", "mediaType", "size", "created", "platforms")}

    def index(self, repository, tags, children, media="oci", attestation=False):
        """Pushes children by digest and an index over them under `tags`."""
        _, _, _, index_type = MEDIA[media]
        entries = []
        for child, (os_name, arch, variant) in children:
            self.client.put_manifest(repository, child["digest"], child["bytes"], child["mediaType"])
            platform = {"architecture": arch, "os": os_name}
            if variant:
                platform["variant"] = variant
            entries.append({**child["descriptor"], "platform": platform})
        if attestation:
            statement = compact({"_type": "https://in-toto.io/Statement/v0.1", "predicateType": "https://slsa.dev/provenance/v0.2"})
            self.client.push_blob(repository, statement)
            config = compact({"architecture": "unknown", "os": "unknown", "config": {}, "rootfs": {"type": "layers", "diff_ids": [sha256_digest(statement)]}})
            self.client.push_blob(repository, config)
            manifest = compact({
                "schemaVersion": 2, "mediaType": OCI_MANIFEST,
                "config": {"mediaType": OCI_CONFIG, "digest": sha256_digest(config), "size": len(config)},
                "layers": [{"mediaType": "application/vnd.in-toto+json", "digest": sha256_digest(statement), "size": len(statement),
                            "annotations": {"in-toto.io/predicate-type": "https://slsa.dev/provenance/v0.2"}}],
            })
            self.client.put_manifest(repository, sha256_digest(manifest), manifest, OCI_MANIFEST)
            entries.append({
                "mediaType": OCI_MANIFEST, "digest": sha256_digest(manifest), "size": len(manifest),
                "platform": {"architecture": "unknown", "os": "unknown"},
                "annotations": {"vnd.docker.reference.digest": children[0][0]["digest"], "vnd.docker.reference.type": "attestation-manifest"},
            })
        index = compact({"schemaVersion": 2, "mediaType": index_type, "manifests": entries})
        for tag in tags:
            self.client.put_manifest(repository, tag, index, index_type)
        return {
            "digest": sha256_digest(index),
            "mediaType": index_type,
            "size": sum(child["size"] for child, _ in children),
            "created": children[0][0]["created"],
            "platforms": [child["platforms"][0] for child, _ in children],
            "descriptor": {"mediaType": index_type, "digest": sha256_digest(index), "size": len(index)},
        }

    def referrer(self, repository, subject, artifact_type, payload: bytes, created):
        """Attaches `payload` to `subject` as an OCI artifact, listed through the tag fallback."""
        self.client.push_blob(repository, b"{}")
        self.client.push_blob(repository, payload)
        annotations = {"org.opencontainers.image.created": created}
        manifest = compact({
            "schemaVersion": 2,
            "mediaType": OCI_MANIFEST,
            "artifactType": artifact_type,
            "config": {"mediaType": OCI_EMPTY, "digest": sha256_digest(b"{}"), "size": 2},
            "layers": [{"mediaType": artifact_type, "digest": sha256_digest(payload), "size": len(payload)}],
            "subject": subject["descriptor"],
            "annotations": annotations,
        })
        digest = self.client.put_manifest(repository, sha256_digest(manifest), manifest, OCI_MANIFEST)
        fallback_tag = subject["digest"].replace(":", "-")
        existing = self.client.get_manifest(repository, fallback_tag, OCI_INDEX)
        index = json.loads(existing) if existing else {"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": []}
        index["manifests"].append({"mediaType": OCI_MANIFEST, "digest": digest, "size": len(manifest), "artifactType": artifact_type, "annotations": annotations})
        self.client.put_manifest(repository, fallback_tag, compact(index), OCI_INDEX)
        return {"digest": digest, "artifactType": artifact_type, "size": len(manifest), "fallbackTag": fallback_tag}


TRIVY_REPORT = "application/vnd.aquasec.trivy.report+json"


def vulnerability(identifier, package, installed, fixed, severity, score, title, description=None):
    entry = {
        "VulnerabilityID": identifier, "PkgName": package, "InstalledVersion": installed, "Severity": severity,
        "Title": title, "Description": description or f"{title}. See the advisory for details.",
        "PrimaryURL": f"https://avd.aquasec.com/nvd/{identifier.lower()}",
        "References": [f"https://nvd.nist.gov/vuln/detail/{identifier}"],
        "CVSS": {"nvd": {"V3Vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "V3Score": score}},
    }
    if fixed:
        entry["FixedVersion"] = fixed
    return entry


# ns/web:v2 (older) and ns/web:stable (newer): openssl and zlib are fixed by stable, busybox is
# unchanged, xz, curl and a newer openssl are new. One title is Chinese, one description carries
# a terminal escape that must never reach the screen.
WEB_V2_FINDINGS = [
    vulnerability("CVE-2023-0286", "openssl", "3.0.2", "3.0.8", "HIGH", 7.4, "openssl: X.400 address type confusion in X.509 GeneralName"),
    vulnerability("CVE-2022-37434", "zlib", "1.2.12", "1.2.12-r2", "CRITICAL", 9.8, "zlib: heap-based buffer over-read in inflateGetHeader"),
    vulnerability("CVE-2022-48174", "busybox", "1.36.0", None, "CRITICAL", 9.8, "busybox: stack overflow in ash"),
    vulnerability("CVE-2023-2650", "openssl", "3.0.2", "3.0.9", "MEDIUM", 6.5, "openssl: possible DoS translating ASN.1 object identifiers"),
]
WEB_STABLE_FINDINGS = [
    vulnerability("CVE-2024-3094", "xz-libs", "5.6.0", "5.6.1", "CRITICAL", 10.0, "xz: malicious code in distributed source"),
    vulnerability("CVE-2022-48174", "busybox", "1.36.0", None, "CRITICAL", 9.8, "busybox: stack overflow in ash"),
    vulnerability("CVE-2024-2398", "curl", "8.5.0", "8.7.1", "MEDIUM", 5.9, "libcurl：HTTP/2 推送头内存泄漏",
                  "当 HTTP/2 服务器推送的头部过多时 libcurl 会泄漏内存。\u001b[2J\u001b[31mThis escape must be shown inert."),
    vulnerability("CVE-2024-0727", "openssl", "3.0.12", "3.0.13", "LOW", 5.5, "openssl: denial of service via null dereference"),
    vulnerability("CVE-2023-6237", "openssl", "3.0.12", "3.0.13", "LOW", 5.9, "openssl: excessive time spent checking invalid RSA public keys"),
]


def trivy_report(artifact, created, vulnerabilities):
    """A Trivy JSON report (SchemaVersion 2) with one OS package result."""
    return {
        "SchemaVersion": 2, "CreatedAt": created, "ArtifactName": artifact, "ArtifactType": "container_image",
        "Trivy": {"Version": "0.50.1"},
        "Results": [{"Target": f"{artifact} (alpine 3.19.1)", "Class": "os-pkgs", "Type": "alpine", "Vulnerabilities": vulnerabilities}],
    }


def severity_counts(vulnerabilities):
    counts = {}
    for entry in vulnerabilities:
        counts[entry["Severity"].lower()] = counts.get(entry["Severity"].lower(), 0) + 1
    return counts


def seed_standard(client: RegistryClient, bulk_tags: int = 1500) -> dict:
    seeder = Seeder(client)
    repositories = {}

    app = {}
    v100 = seeder.image("ns/app", "2024-01-01T00:00:00Z")
    app["1.0.0"] = seeder.tag("ns/app", v100, ["1.0.0"])
    v120 = seeder.image("ns/app", "2024-02-01T00:00:00Z", files={"hello.txt": b"hello 1.2.0\n"})
    app["1.2.0"] = seeder.tag("ns/app", v120, ["1.2.0"])
    rc = seeder.image("ns/app", "2024-02-15T00:00:00Z", files={"hello.txt": b"hello 1.10.0-rc1\n"})
    app["1.10.0-rc1"] = seeder.tag("ns/app", rc, ["1.10.0-rc1"])
    v1100 = seeder.image("ns/app", "2024-03-01T00:00:00Z", files={"hello.txt": b"hello 1.10.0\n"})
    app["1.10.0"] = seeder.tag("ns/app", v1100, ["1.10.0", "latest"])
    app["latest"] = dict(app["1.10.0"])
    amd64 = seeder.image("ns/app", "2024-04-01T00:00:00Z", files={"hello.txt": b"multi amd64\n"})
    arm64 = seeder.image("ns/app", "2024-04-02T00:00:00Z", platform=("linux", "arm64", "v8"), files={"hello.txt": b"multi arm64\n"})
    app["multi"] = seeder.index("ns/app", ["multi"], [(amd64, ("linux", "amd64", None)), (arm64, ("linux", "arm64", "v8"))], attestation=True)
    sarif = compact({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "regconsole-seed"}}, "results": []}]})
    referrer = seeder.referrer("ns/app", v1100, "application/sarif+json", sarif, "2024-03-02T00:00:00Z")
    app[referrer["fallbackTag"]] = {"digest": None, "mediaType": OCI_INDEX, "size": None, "created": None, "platforms": [], "referrersIndex": True}
    repositories["ns/app"] = app

    web = {}
    v2 = seeder.image("ns/web", "2023-06-01T00:00:00Z", media="docker", files={"index.html": b"<h1>v2</h1>\n"})
    web["v2"] = seeder.tag("ns/web", v2, ["v2"])
    web_amd64 = seeder.image("ns/web", "2023-07-01T00:00:00Z", media="docker", files={"index.html": b"<h1>amd64</h1>\n"})
    web_arm = seeder.image("ns/web", "2023-07-02T00:00:00Z", platform=("linux", "arm", "v7"), media="docker", files={"index.html": b"<h1>arm</h1>\n"})
    web["stable"] = seeder.index("ns/web", ["stable"], [(web_amd64, ("linux", "amd64", None)), (web_arm, ("linux", "arm", "v7"))], media="docker")
    repositories["ns/web"] = web
    scans = {}
    for tag, subject, created, vulnerabilities in (("v2", v2, "2023-06-02T00:00:00Z", WEB_V2_FINDINGS), ("stable", web["stable"], "2023-07-03T00:00:00Z", WEB_STABLE_FINDINGS)):
        report = trivy_report(f"ns/web:{tag}", created, vulnerabilities)
        seeder.referrer("ns/web", subject, TRIVY_REPORT, compact(report), created)
        scans[f"ns/web:{tag}"] = severity_counts(vulnerabilities)

    alpine = seeder.image(
        "mirror/library/alpine", "2024-05-01T00:00:00Z",
        labels={"org.opencontainers.image.description": "Alpine 镜像 — 轻量基础镜像", "org.opencontainers.image.vendor": "\x1b[31mred\x1b[0m vendor"},
        files={"etc/alpine-release": b"3.19.1\n"})
    repositories["mirror/library/alpine"] = {"3.19": seeder.tag("mirror/library/alpine", alpine, ["3.19"])}

    alpha = seeder.image("alpha", "2022-12-31T23:59:59Z", files={"alpha.txt": b"alpha\n"})
    repositories["alpha"] = {"1": seeder.tag("alpha", alpha, ["1"])}

    repositories["bulk/many"] = seed_bulk(client, "bulk/many", bulk_tags)

    namespaces = {}
    for name in repositories:
        namespace = name.split("/")[0] if "/" in name else ""
        namespaces[namespace] = namespaces.get(namespace, 0) + 1
    return {
        "repositories": repositories,
        "namespaces": namespaces,
        "scans": scans,
        "referrers": {f"ns/app@{v1100['digest']}": [{k: referrer[k] for k in ("digest", "artifactType", "size")}]},
    }


def seed_bulk(client: RegistryClient, repository: str, count: int) -> dict:
    """`count` distinct images sharing one layer, tagged t0001…, created an hour apart."""
    seeder = Seeder(client)
    layer = make_layer({"bulk.txt": b"shared layer\n"})
    client.push_blob(repository, layer[1])
    start = datetime.datetime(2023, 1, 1, tzinfo=datetime.timezone.utc)

    def push(index):
        name = f"t{index:04d}"
        image = seeder.image(repository, iso(start + datetime.timedelta(hours=index)), labels={"index": str(index)}, layer=layer, push_layer=False)
        return name, seeder.tag(repository, image, [name])

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        return dict(pool.map(push, range(1, count + 1)))


def seed_retention(client: RegistryClient, repository: str) -> dict:
    """The lifecycle fixture: 30 dated tags, a release-* family, shared digests. Returns every tag."""
    seeder = Seeder(client)
    tags = {}

    def push(created, names, content):
        image = seeder.image(repository, created, files={"content.txt": f"{repository} {content}\n".encode()})
        for name in names:
            tags[name] = seeder.tag(repository, image, [name])

    for day in range(1, 21):
        names = [f"build-{day:03d}"] + (["latest"] if day == 20 else []) + (["candidate"] if day == 18 else [])
        push(f"2024-01-{day:02d}T12:00:00Z", names, f"build {day}")
    for month, version in ((6, "1.0"), (7, "1.1"), (8, "1.2"), (9, "2.0")):
        push(f"2023-{month:02d}-01T00:00:00Z", [f"release-{version}"] + (["stable"] if version == "1.2" else []), f"release {version}")
    push("2023-12-01T00:00:00Z", ["prod", "prod-eu"], "prod")
    push("2023-11-01T00:00:00Z", ["nightly-1"], "nightly")
    return tags


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    standard = sub.add_parser("standard")
    standard.add_argument("--bulk-tags", type=int, default=1500)
    image = sub.add_parser("image")
    image.add_argument("--repo", required=True)
    image.add_argument("--tag", action="append", required=True)
    image.add_argument("--created", default="2024-06-01T00:00:00Z")
    image.add_argument("--content", default="")
    retention = sub.add_parser("retention")
    retention.add_argument("--repo", required=True)
    retag = sub.add_parser("retag")
    retag.add_argument("--repo", required=True)
    retag.add_argument("--digest", required=True)
    retag.add_argument("--tag", required=True)
    for p in (standard, image, retention, retag):
        p.add_argument("--registry", required=True)
        p.add_argument("--username")
        p.add_argument("--password")
        p.add_argument("--out")
    args = parser.parse_args(argv)
    client = RegistryClient(args.registry, args.username, args.password)
    if args.command == "standard":
        result = seed_standard(client, args.bulk_tags)
    elif args.command == "retention":
        result = seed_retention(client, args.repo)
    elif args.command == "retag":
        accept = ", ".join((OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_LIST))
        manifest = client.get_manifest(args.repo, args.digest, accept)
        if manifest is None:
            sys.exit(f"{args.repo}@{args.digest} does not exist")
        media_type = json.loads(manifest).get("mediaType", OCI_MANIFEST)
        client.put_manifest(args.repo, args.tag, manifest, media_type)
        result = {args.tag: {"digest": sha256_digest(manifest), "mediaType": media_type, "platforms": []}}
    else:
        seeder = Seeder(client)
        built = seeder.image(args.repo, args.created, files={"content.txt": (args.content or args.repo).encode()})
        result = {tag: seeder.tag(args.repo, built, [tag]) for tag in args.tag}
    text = json.dumps(result, indent=1, ensure_ascii=False)
    if args.out:
        with open(args.out, "w") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text + "\n")


if __name__ == "__main__":
    main()
