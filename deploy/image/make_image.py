#!/usr/bin/python3
"""Builds the Mimamori service image as a docker-archive tar, without a registry, a daemon or a base image.

The base layer is assembled from this machine's Debian packages: the files of openjdk-17-jre-headless (dpkg -L),
every shared library its ELF files need (ldd), the Java CA store, and a few generated files (a non-root user,
/tmp, the health probe). The second layer holds the service's Spring Boot jar. Every tar entry is written in
name order with fixed times and owners, so the same packages and the same jar give the same bytes, the same
layer digests and the same image id on any machine (check it with build.sh --twice).

`podman load -i`, `docker load -i`, `ctr images import` and `skopeo copy docker-archive:` all read the result.
Only the Python standard library is used (Debian's /usr/bin/python3).
"""
import argparse
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile

JRE_PACKAGE = "openjdk-17-jre-headless"
JAVA_HOME = "/usr/lib/jvm/java-17-openjdk-amd64"
JAVA = JAVA_HOME + "/bin/java"
UID = GID = 10001
USER = "mimamori"
APP_JAR = "app/mimamori-api.jar"
PROBE_DIR = "opt/mimamori/probe"
# Extra files the JRE needs at run time that are not in its package's file list (made by maintainer scripts).
EXTRA_HOST_FILES = ["/etc/ssl/certs/java/cacerts"]
# Documentation, manual pages and debugger scripts are left out (each package's copyright file is kept).
SKIP_PREFIXES = ("/usr/share/doc/", "/usr/share/man/", "/usr/share/gdb/", "/usr/share/lintian/", "/usr/share/bug/")
# Merged /usr: the top-level links are kept as they are on the host.
TOP_LINKS = ["bin", "lib", "lib64", "sbin"]


class Layer:
    """The entries of one layer: path (no leading slash) -> (type, mode, payload)."""

    def __init__(self):
        self.entries = {}

    def dir(self, path, mode=0o755):
        path = path.strip("/")
        if path and path not in self.entries:
            self.dirs_above(path)
            self.entries[path] = ("dir", mode, None)

    def dirs_above(self, path):
        parent = os.path.dirname(path)
        if parent and parent not in self.entries:
            self.dir(parent)

    def file(self, path, data, mode=0o644):
        path = path.strip("/")
        self.dirs_above(path)
        self.entries[path] = ("file", mode, data)

    def link(self, path, target):
        path = path.strip("/")
        self.dirs_above(path)
        self.entries[path] = ("link", 0o777, target)

    def tar_bytes(self, mtime):
        out = io.BytesIO()
        with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for path in sorted(self.entries):
                kind, mode, payload = self.entries[path]
                info = tarfile.TarInfo(path)
                info.mtime = mtime
                info.uid = info.gid = 0
                info.uname = info.gname = ""
                info.mode = mode
                if kind == "dir":
                    info.type = tarfile.DIRTYPE
                    tar.addfile(info)
                elif kind == "link":
                    info.type = tarfile.SYMTYPE
                    info.linkname = payload
                    tar.addfile(info)
                else:
                    info.size = len(payload)
                    tar.addfile(info, io.BytesIO(payload))
        return out.getvalue()


def is_elf(path):
    with open(path, "rb") as f:
        return f.read(4) == b"\x7fELF"


def canonical(path):
    """The path with every directory above it resolved (merged /usr), the last component kept as it is."""
    return os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))


class HostCopy:
    """Copies host files into a layer, following symbolic links and collecting ELF files for ldd."""

    def __init__(self, layer):
        self.layer = layer
        self.elf = []
        self.seen = set()
        self.host_files = set()

    def add(self, path):
        path = canonical(path)
        if path in self.seen or not os.path.lexists(path):
            return
        self.seen.add(path)
        if os.path.islink(path):
            target = os.readlink(path)
            self.layer.link(path, target)
            resolved = target if target.startswith("/") else os.path.join(os.path.dirname(path), target)
            self.add(os.path.normpath(resolved))
        elif os.path.isdir(path):
            self.layer.dir(path)
        elif os.path.isfile(path):
            st = os.stat(path)
            mode = st.st_mode & 0o777  # no setuid, setgid or sticky bits from the host
            with open(path, "rb") as f:
                self.layer.file(path, f.read(), mode)
            self.host_files.add(path)
            if is_elf(path):
                self.elf.append(path)

    def add_libraries(self):
        """Adds the closure of shared libraries of every ELF file added (ldd gives the closure)."""
        missing = set()
        done = set()
        while self.elf:
            path = self.elf.pop()
            if path in done:
                continue
            done.add(path)
            r = subprocess.run(["ldd", path], capture_output=True, text=True)
            for line in r.stdout.splitlines():
                line = line.strip()
                if "not found" in line:
                    if line.startswith("libjvm.so"):
                        continue  # lib/server/libjvm.so, found at run time through the JRE's own search path
                    missing.add(line.split()[0] + " (needed by " + path + ")")
                    continue
                m = re.search(r"(/\S+)\s+\(0x", line)
                if m:
                    self.add(m.group(1))
        return sorted(missing)


def dpkg_files(package):
    out = subprocess.run(["dpkg", "-L", package], check=True, capture_output=True, text=True).stdout
    return [p for p in out.splitlines() if p.startswith("/")]


def owning_packages(paths):
    """package -> version for the Debian packages that own the given host files."""
    owners = set()
    # dpkg knows some files by their pre-merged-/usr names (/lib/x86_64-linux-gnu/libc.so.6): ask for both.
    paths = sorted(set(paths) | {p[4:] for p in paths if p.startswith(("/usr/lib/", "/usr/bin/", "/usr/sbin/"))})
    for i in range(0, len(paths), 200):
        r = subprocess.run(["dpkg", "-S"] + paths[i:i + 200], capture_output=True, text=True)
        for line in r.stdout.splitlines():
            if ": " in line and not line.startswith("diversion"):
                for pkg in line.split(": ", 1)[0].split(", "):
                    owners.add(pkg.strip())
    result = {}
    for pkg in sorted(owners):
        v = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True)
        if v.returncode == 0:
            result[pkg] = v.stdout.strip()
    return result


def base_layer(probe_dir):
    layer = Layer()
    copy = HostCopy(layer)
    for top in TOP_LINKS:
        if os.path.islink("/" + top):
            layer.link(top, os.readlink("/" + top))
    for path in dpkg_files(JRE_PACKAGE) + EXTRA_HOST_FILES:
        if not path.startswith(SKIP_PREFIXES):
            copy.add(path)
    missing = copy.add_libraries()
    packages = owning_packages(copy.host_files)
    # The package records, as distroless images keep them, so that scanners know what the image holds.
    for pkg in packages:
        name = pkg.split(":")[0]
        copy.add(f"/usr/share/doc/{name}/copyright")  # the licences of what the image holds
        status = subprocess.run(["dpkg-query", "-s", pkg], check=True, capture_output=True).stdout
        layer.file("var/lib/dpkg/status.d/" + pkg.split(":")[0], status)
    for name in ("etc/os-release",):
        copy.add("/" + name)
    layer.file("etc/passwd", ("root:x:0:0:root:/root:/usr/sbin/nologin\n"
                              f"{USER}:x:{UID}:{GID}:Mimamori service:/nonexistent:/usr/sbin/nologin\n"
                              "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n").encode())
    layer.file("etc/group", f"root:x:0:\n{USER}:x:{GID}:\nnogroup:x:65534:\n".encode())
    layer.file("etc/nsswitch.conf", b"passwd: files\ngroup: files\nhosts: files dns\n")
    layer.dir("tmp", 0o1777)
    # Mount points, so that a read-only root file system can take secrets and configuration there.
    layer.dir("run/secrets")
    layer.dir("etc/mimamori")
    for name in sorted(os.listdir(probe_dir)):
        with open(os.path.join(probe_dir, name), "rb") as f:
            layer.file(PROBE_DIR + "/" + name, f.read())
    return layer, packages, missing


def app_layer(jar):
    layer = Layer()
    layer.dir("app")
    with open(jar, "rb") as f:
        layer.file(APP_JAR, f.read())
    return layer


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def seconds_to_rfc3339(epoch):
    import datetime
    return datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jar", required=True, help="the service's Spring Boot jar")
    ap.add_argument("--probe-dir", required=True, help="the compiled HealthProbe class")
    ap.add_argument("--out", required=True, help="the docker-archive tar to write")
    ap.add_argument("--tag", required=True, help="e.g. localhost/mimamori-api:0.1.0")
    ap.add_argument("--version", required=True)
    ap.add_argument("--revision", default="")
    ap.add_argument("--created", type=int, default=0, help="seconds since 1970 (SOURCE_DATE_EPOCH)")
    a = ap.parse_args()

    base, packages, missing = base_layer(a.probe_dir)
    app = app_layer(a.jar)
    layers = [base.tar_bytes(0), app.tar_bytes(0)]
    diff_ids = ["sha256:" + sha256(t) for t in layers]
    created = seconds_to_rfc3339(a.created)
    pkg_list = " ".join(f"{p}={v}" for p, v in packages.items())
    second = 1_000_000_000
    config = {
        "architecture": "amd64",
        "os": "linux",
        "created": created,
        "config": {
            "User": f"{UID}:{GID}",
            "Env": [
                "PATH=" + JAVA_HOME + "/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "JAVA_HOME=" + JAVA_HOME,
                "LANG=C.UTF-8",
                # Production unless told otherwise: no demo tokens, no embedded database (docs/operations.md).
                "SPRING_PROFILES_ACTIVE=prod",
            ],
            "Entrypoint": [JAVA, "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError",
                           "-Djava.io.tmpdir=/tmp", "-jar", "/" + APP_JAR],
            "Cmd": [],
            "WorkingDir": "/tmp",
            "ExposedPorts": {"8080/tcp": {}},
            "Healthcheck": {
                "Test": ["CMD", JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx16m",
                         "-cp", "/" + PROBE_DIR, "HealthProbe"],
                "Interval": 15 * second, "Timeout": 10 * second, "StartPeriod": 180 * second, "Retries": 3,
            },
            "Labels": {
                "org.opencontainers.image.title": "mimamori-api",
                "org.opencontainers.image.description": "Mimamori scoring service (explained scores)",
                "org.opencontainers.image.version": a.version,
                "org.opencontainers.image.revision": a.revision,
                "org.opencontainers.image.created": created,
                "org.mimamori.image.base-packages": pkg_list,
                "org.mimamori.image.app-jar-sha256": sha256(app.entries[APP_JAR][2]),
            },
        },
        "rootfs": {"type": "layers", "diff_ids": diff_ids},
        "history": [
            {"created": created, "created_by": "deploy/image/make_image.py: Debian " + JRE_PACKAGE
             + " with its shared libraries, user " + USER + " (" + str(UID) + "), /tmp, the health probe"},
            {"created": created, "created_by": "deploy/image/make_image.py: /" + APP_JAR},
        ],
    }
    config_bytes = json.dumps(config, sort_keys=True, separators=(",", ":")).encode()
    image_id = sha256(config_bytes)
    archive = Layer()
    layer_names = []
    for t, d in zip(layers, diff_ids):
        name = d.split(":")[1] + "/layer.tar"
        archive.file(name, t)
        layer_names.append(name)
    archive.file(image_id + ".json", config_bytes)
    manifest = [{"Config": image_id + ".json", "RepoTags": [a.tag], "Layers": layer_names}]
    archive.file("manifest.json", json.dumps(manifest, separators=(",", ":")).encode())
    data = archive.tar_bytes(0)
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out + ".part", "wb") as f:
        f.write(data)
    os.replace(a.out + ".part", a.out)
    print(f"image {a.tag}: id sha256:{image_id}, tar sha256:{sha256(data)}, {len(data) // (1 << 20)} MiB, "
          f"layers {', '.join(d[7:19] for d in diff_ids)}")
    print(f"base: {len(packages)} Debian packages: {pkg_list}")
    if missing:
        print("libraries not found on this machine (the JRE loads them only for optional features):", file=sys.stderr)
        for m in missing:
            print("  " + m, file=sys.stderr)


if __name__ == "__main__":
    main()
