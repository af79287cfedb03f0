#!/usr/bin/python3
"""Checks deploy/compose/compose.yaml without a container runtime (Debian's python3 with python3-yaml): both
services with an image, the database with a health check and the service waiting for it, every password a
file secret (no literal in the environment), the service read-only, without capabilities, with /tmp on a tmpfs,
a memory limit, and published on the loopback interface only. Exits 1 naming every problem."""
import re
import sys

import yaml

CREDENTIAL = re.compile(r"PASSWORD|SECRET|TOKEN|_KEY$", re.I)


def main(path):
    c = yaml.safe_load(open(path))
    problems = []
    s = c.get("services", {})
    for name in ("db", "api"):
        if name not in s or not s[name].get("image"):
            problems.append(f"service {name}: missing or without an image")
    if problems:
        return problems
    db, api = s["db"], s["api"]
    if not db.get("healthcheck", {}).get("test"):
        problems.append("db: no health check")
    if api.get("depends_on", {}).get("db", {}).get("condition") != "service_healthy":
        problems.append("api: does not wait for a healthy database")
    for name, svc in s.items():
        env = svc.get("environment", {})
        for k, v in (env.items() if isinstance(env, dict) else (e.split("=", 1) for e in env)):
            if CREDENTIAL.search(k) and not k.endswith("_FILE"):
                problems.append(f"{name}: {k} is set in the environment; use a secret file")
    for secret, spec in c.get("secrets", {}).items():
        if "file" not in spec:
            problems.append(f"secret {secret}: not from a file")
    targets = {x["target"] if isinstance(x, dict) else x for x in api.get("secrets", [])}
    for t in ("spring.datasource.password", "spring.flyway.password"):
        if t not in targets:
            problems.append(f"api: no secret mounted as {t}")
    if api.get("read_only") is not True:
        problems.append("api: the root file system is not read-only")
    if not any(str(t).startswith("/tmp") for t in api.get("tmpfs", [])):
        problems.append("api: /tmp is not a tmpfs")
    if "ALL" not in api.get("cap_drop", []):
        problems.append("api: capabilities are not all dropped")
    if not api.get("mem_limit"):
        problems.append("api: no memory limit")
    for p in api.get("ports", []):
        if not str(p).startswith("127.0.0.1:"):
            problems.append(f"api: port {p} is published beyond the loopback interface")
    test = api.get("healthcheck", {}).get("test", [])
    if test and test[0] == "CMD-SHELL":
        problems.append("api: a shell health check, and the image has no shell")
    return problems


if __name__ == "__main__":
    problems = main(sys.argv[1])
    for p in problems:
        print("check_compose: " + p, file=sys.stderr)
    if problems:
        sys.exit(1)
    print("  ok: compose.yaml (db with health check, api read-only, passwords as file secrets)")
