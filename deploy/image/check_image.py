#!/usr/bin/python3
"""Checks a service image tar (docker-archive, as deploy/image/build.sh writes it) without a container runtime.

    check_image.py IMAGE.tar [--jar api/target/mimamori-api-server.jar]

Exits 1 naming every problem: the manifest and config are readable and each layer's digest is its diff id; the
image runs as a numeric non-root user that /etc/passwd knows, with a health check, port 8080 and the production
profile; the entrypoint runs the jar that is in the image (and, with --jar, that jar is the given one byte for
byte); no environment variable carries a credential; no file is setuid or setgid, none holds a private key,
/etc/passwd and /etc/shadow hold no password hash, and nothing outside /tmp is writable by all.
"""
import argparse
import copy
import hashlib
import io
import json
import re
import sys
import tarfile

SECRET_ENV = re.compile(r"(PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL|_KEY)=", re.I)
PRIVATE_KEY = re.compile(rb"-----BEGIN (RSA |EC |OPENSSH |ENCRYPTED )?PRIVATE KEY-----")


def load(image):
    """The image's config and its files (path -> (TarInfo, content)), and the problems of its archive."""
    problems = []
    with tarfile.open(image) as outer:
        manifest = json.load(outer.extractfile("manifest.json"))
        if len(manifest) != 1:
            problems.append(f"manifest.json names {len(manifest)} images, not 1")
        m = manifest[0]
        config_bytes = outer.extractfile(m["Config"]).read()
        config = json.loads(config_bytes)
        if m["Config"] != hashlib.sha256(config_bytes).hexdigest() + ".json":
            problems.append("the config's name is not its digest")
        diff_ids = config["rootfs"]["diff_ids"]
        if len(diff_ids) != len(m["Layers"]):
            problems.append("the config's diff ids do not match the layers")
        files = {}
        for name, diff_id in zip(m["Layers"], diff_ids):
            data = outer.extractfile(name).read()
            if "sha256:" + hashlib.sha256(data).hexdigest() != diff_id:
                problems.append(f"layer {name}: its digest is not {diff_id}")
            with tarfile.open(fileobj=io.BytesIO(data)) as layer:
                for info in layer.getmembers():
                    path = "/" + info.name.lstrip("./")
                    content = layer.extractfile(info).read() if info.isfile() else None
                    files[path] = (info, content)
    return config, files, problems


def check(config, files, jar_bytes):
    problems = []
    c = config["config"]
    user = c.get("User", "")
    uid = user.split(":")[0]
    if not uid.isdigit() or uid == "0":
        problems.append(f"the user is {user!r}: it must be numeric and not root (Kubernetes runAsNonRoot needs that)")
    passwd = files.get("/etc/passwd", (None, b""))[1].decode()
    if not any(line.split(":")[2] == uid for line in passwd.splitlines() if line.count(":") >= 6):
        problems.append(f"/etc/passwd has no user {uid}")
    for line in passwd.splitlines():
        if line.split(":")[1] not in ("x", "*", "!", ""):
            problems.append("/etc/passwd holds a password hash")
    shadow = files.get("/etc/shadow", (None, None))[1]
    if shadow and re.search(rb":\$[0-9a-z]+\$", shadow):
        problems.append("/etc/shadow holds a password hash")
    env = c.get("Env", [])
    for e in env:
        if SECRET_ENV.search(e):
            problems.append(f"the environment carries what looks like a credential: {e.split('=')[0]}")
    if "SPRING_PROFILES_ACTIVE=prod" not in env:
        problems.append("the image does not run the prod profile by default")
    if "8080/tcp" not in c.get("ExposedPorts", {}):
        problems.append("port 8080 is not exposed")
    hc = c.get("Healthcheck", {}).get("Test", [])
    if not hc or hc[0] != "CMD" or hc[1] not in files:
        problems.append(f"no health check command that exists in the image: {hc}")
    entry = c.get("Entrypoint", [])
    if not entry or entry[0] not in files:
        problems.append(f"the entrypoint's program is not in the image: {entry}")
    jar = entry[entry.index("-jar") + 1] if "-jar" in entry else None
    if jar not in files:
        problems.append(f"the entrypoint's jar {jar} is not in the image")
    elif jar_bytes is not None and jar_bytes != files[jar][1]:
        problems.append(f"{jar} in the image is not the given jar")
    for path, (info, content) in sorted(files.items()):
        if info.mode & 0o6000:
            problems.append(f"{path} is setuid or setgid")
        if info.isfile() and info.mode & 0o002:
            problems.append(f"{path} is writable by all")
        if info.isdir() and info.mode & 0o002 and path != "/tmp":
            problems.append(f"directory {path} is writable by all")
        if content is not None and len(content) < 4 << 20 and PRIVATE_KEY.search(content):
            problems.append(f"{path} holds a private key")
    if "/tmp" not in files or files["/tmp"][0].mode & 0o1777 != 0o1777:
        problems.append("/tmp is missing or not 1777")

    return problems


def self_test(config, files):
    """Each broken copy must be refused; returns the breakages that were not noticed."""
    def cfg(f):
        def apply(c, fs):
            f(c["config"])
        return apply

    def setuid(c, fs):
        info = copy.copy(fs["/" + "app/mimamori-api.jar"][0])
        info.mode |= 0o4000
        fs["/app/mimamori-api.jar"] = (info, fs["/app/mimamori-api.jar"][1])

    breakages = {
        "root user": cfg(lambda c: c.update(User="0:0")),
        "a named user": cfg(lambda c: c.update(User="mimamori")),
        "a password in the environment": cfg(lambda c: c["Env"].append("SPRING_DATASOURCE_PASSWORD=x")),
        "no health check": cfg(lambda c: c.pop("Healthcheck")),
        "local profile": cfg(lambda c: c.update(Env=[e for e in c["Env"] if not e.startswith("SPRING_PROFILES")])),
        "a setuid file": setuid,
        "a private key": lambda c, fs: fs.update({"/etc/key.pem": (tarfile.TarInfo("etc/key.pem"),
                                                  b"-----BEGIN PRIVATE KEY-----\nMII\n")}),
        "another jar": lambda c, fs: fs.update({"/app/mimamori-api.jar": (fs["/app/mimamori-api.jar"][0], b"PK")}),
    }
    missed = []
    for what, breakage in breakages.items():
        c2, fs2 = copy.deepcopy(config), dict(files)
        breakage(c2, fs2)
        if not check(c2, fs2, files["/app/mimamori-api.jar"][1]):
            missed.append(what)
    return missed, len(breakages)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("image")
    ap.add_argument("--jar")
    ap.add_argument("--self-test", action="store_true")
    a = ap.parse_args()
    config, files, problems = load(a.image)
    jar_bytes = open(a.jar, "rb").read() if a.jar else None
    problems += check(config, files, jar_bytes)
    c = config["config"]
    user, entry, hc = c.get("User"), c.get("Entrypoint", []), c.get("Healthcheck", {}).get("Test", [])
    diff_ids = config["rootfs"]["diff_ids"]
    size = sum(len(v[1]) for v in files.values() if v[1] is not None)
    if not problems and a.self_test:
        missed, n = self_test(config, files)
        if missed:
            problems.append("self-test: not refused: " + ", ".join(missed))
        else:
            print(f"self-test: all {n} broken copies refused")
    if problems:
        for p in problems:
            print("check_image: " + p, file=sys.stderr)
        sys.exit(1)
    print(f"image ok: {len(diff_ids)} layers, {len(files)} entries, {size >> 20} MiB, user {user}, "
          f"entrypoint {' '.join(entry)}, health check {' '.join(hc[1:])}")


if __name__ == "__main__":
    main()
