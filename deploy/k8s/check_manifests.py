#!/usr/bin/python3
"""Checks the manifests `kubectl kustomize` renders for one overlay (Debian's python3 with python3-yaml).

    kubectl kustomize deploy/k8s/overlays/multi-instance | check_manifests.py --replicas 3
    check_manifests.py --self-test deploy/k8s/overlays/multi-instance.yaml   (each broken copy must fail)

Exits 1 naming every problem. What it asks of the Deployment: the replicas expected; readiness and liveness
probes on the service's health endpoints and its container port; CPU and memory requests and limits; a
non-root user, no privilege escalation, a read-only root file system with /tmp on a volume, every capability
dropped; an image with a fixed tag; every credential-like variable from a Secret reference, never a literal;
one instance means the Recreate strategy (never two instances on one database during an update). Of the rest:
a PodDisruptionBudget whose selector matches the pods and that lets a node drain; a Service whose selector and
target port reach them; no Secret with values and nothing that looks like a password or private key in any
ConfigMap.
"""
import argparse
import copy
import re
import sys

import yaml

CREDENTIAL = re.compile(r"PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE|_KEY$", re.I)
LITERAL_SECRET = re.compile(r"(password|secret|client-secret)\s*[:=]\s*[\"']?[^\s\"'#{}]+", re.I)
PRIVATE_KEY = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")


def check(docs, replicas):
    problems = []
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d.get("kind"), []).append(d)
    for kind in ("Deployment", "Service", "PodDisruptionBudget"):
        if len(by_kind.get(kind, [])) != 1:
            problems.append(f"expected one {kind}, found {len(by_kind.get(kind, []))}")
    if problems:
        return problems, {}
    dep = by_kind["Deployment"][0]
    spec = dep["spec"]
    pod = spec["template"]["spec"]
    pod_labels = spec["template"]["metadata"].get("labels", {})
    found = {"secrets": set()}
    if spec.get("replicas") != replicas:
        problems.append(f"Deployment: {spec.get('replicas')} replicas, expected {replicas}")
    if spec.get("replicas") == 1 and spec.get("strategy", {}).get("type") != "Recreate":
        problems.append("Deployment: one instance but not the Recreate strategy (an update would run two)")
    if not set(spec["selector"].get("matchLabels", {}).items()) <= set(pod_labels.items()):
        problems.append("Deployment: its selector does not match its pod labels")
    psc = pod.get("securityContext", {})
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    if pod.get("automountServiceAccountToken") is not False:
        problems.append("Deployment: the service account token is mounted")
    for c in pod["containers"]:
        name = f"container {c['name']}"
        ports = {p.get("name"): p["containerPort"] for p in c.get("ports", [])}
        port_values = set(ports) | set(ports.values())
        for probe, path in (("readinessProbe", "/actuator/health/readiness"),
                            ("livenessProbe", "/actuator/health/liveness")):
            get = c.get(probe, {}).get("httpGet")
            if not get:
                problems.append(f"{name}: no {probe} (HTTP)")
            elif get.get("path") != path or get.get("port") not in port_values:
                problems.append(f"{name}: {probe} asks {get.get('path')} on {get.get('port')}, not {path} "
                                f"on a container port")
        res = c.get("resources", {})
        for part in ("requests", "limits"):
            for r in ("cpu", "memory"):
                if r not in res.get(part, {}):
                    problems.append(f"{name}: no {r} {part[:-1]}")
        sc = c.get("securityContext", {})
        if not (sc.get("runAsNonRoot", psc.get("runAsNonRoot")) is True):
            problems.append(f"{name}: not runAsNonRoot")
        if sc.get("runAsUser", psc.get("runAsUser")) in (None, 0):
            problems.append(f"{name}: no non-zero runAsUser")
        if sc.get("allowPrivilegeEscalation") is not False:
            problems.append(f"{name}: allowPrivilegeEscalation is not false")
        if sc.get("readOnlyRootFilesystem") is not True:
            problems.append(f"{name}: the root file system is not read-only")
        if "ALL" not in sc.get("capabilities", {}).get("drop", []):
            problems.append(f"{name}: capabilities are not all dropped")
        if sc.get("privileged"):
            problems.append(f"{name}: privileged")
        mounts = {m["mountPath"]: m["name"] for m in c.get("volumeMounts", [])}
        if "/tmp" not in mounts or mounts["/tmp"] not in volumes:
            problems.append(f"{name}: /tmp is not a volume (the root file system is read-only)")
        image = c.get("image", "")
        tag = image.rsplit(":", 1)[1] if ":" in image.rsplit("/", 1)[-1] else ""
        if tag in ("", "latest") and "@sha256:" not in image:
            problems.append(f"{name}: image {image!r} has no fixed tag")
        for e in c.get("env", []):
            ref = e.get("valueFrom", {}).get("secretKeyRef")
            if ref:
                found["secrets"].add(f"{ref['name']}/{ref['key']}")
            if CREDENTIAL.search(e["name"]) and "value" in e:
                problems.append(f"{name}: {e['name']} is a literal value, not a Secret reference")
            if CREDENTIAL.search(e["name"]) and not ref:
                problems.append(f"{name}: {e['name']} does not come from a Secret")
        for src in c.get("envFrom", []):
            if "secretRef" in src:
                found["secrets"].add(src["secretRef"]["name"] + "/*")
    pdb = by_kind["PodDisruptionBudget"][0]["spec"]
    if not pdb.get("selector", {}).get("matchLabels"):
        problems.append("PodDisruptionBudget: no selector (it would cover every pod of the namespace)")
    elif not set(pdb["selector"]["matchLabels"].items()) <= set(pod_labels.items()):
        problems.append("PodDisruptionBudget: its selector does not match the pods")
    if "minAvailable" in pdb and int(pdb["minAvailable"]) >= replicas:
        problems.append(f"PodDisruptionBudget: minAvailable {pdb['minAvailable']} with {replicas} replicas "
                        "blocks every node drain")
    if "minAvailable" not in pdb and "maxUnavailable" not in pdb:
        problems.append("PodDisruptionBudget: neither minAvailable nor maxUnavailable")
    svc = by_kind["Service"][0]["spec"]
    if not svc.get("selector") or not set(svc["selector"].items()) <= set(pod_labels.items()):
        problems.append("Service: its selector does not match the pods")
    all_ports = set()
    for c in pod["containers"]:
        for p in c.get("ports", []):
            all_ports |= {p.get("name"), p["containerPort"]}
    for p in svc.get("ports", []):
        if p.get("targetPort", p.get("port")) not in all_ports:
            problems.append(f"Service: target port {p.get('targetPort')} is no container port")
    for s in by_kind.get("Secret", []):
        if s.get("data") or s.get("stringData"):
            problems.append(f"Secret {s['metadata']['name']}: values in the manifests (create it in the cluster)")
    for cm in by_kind.get("ConfigMap", []):
        for key, value in (cm.get("data") or {}).items():
            for line in str(value).splitlines():
                if line.strip().startswith("#"):
                    continue
                if LITERAL_SECRET.search(line) or PRIVATE_KEY.search(line):
                    problems.append(f"ConfigMap {cm['metadata']['name']}: {key} holds what looks like a secret")
    for cm_ref in [v["configMap"]["name"] for v in volumes.values() if "configMap" in v]:
        if not any(cm["metadata"]["name"] == cm_ref for cm in by_kind.get("ConfigMap", [])) and \
                not next(v for v in volumes.values() if v.get("configMap", {}).get("name") == cm_ref)[
                    "configMap"].get("optional"):
            problems.append(f"ConfigMap {cm_ref}: mounted, not optional and not in the manifests")
    return problems, found


def self_test(docs, replicas):
    """Each broken copy must be refused; returns the breakages that were not noticed."""
    def dep(ds):
        return next(d for d in ds if d["kind"] == "Deployment")

    def container(ds):
        return dep(ds)["spec"]["template"]["spec"]["containers"][0]

    def pdb(ds):
        return next(d for d in ds if d["kind"] == "PodDisruptionBudget")

    breakages = {
        "no readiness probe": lambda ds: container(ds).pop("readinessProbe"),
        "liveness on the wrong path": lambda ds: container(ds)["livenessProbe"]["httpGet"].update(path="/"),
        "no memory limit": lambda ds: container(ds)["resources"]["limits"].pop("memory"),
        "a literal password": lambda ds: container(ds)["env"].append({"name": "SPRING_DATASOURCE_PASSWORD",
                                                                      "value": "hunter2hunter2"}),
        "a writable root file system": lambda ds: container(ds)["securityContext"].update(
            readOnlyRootFilesystem=False),
        "root allowed": lambda ds: (dep(ds)["spec"]["template"]["spec"]["securityContext"].update(
            runAsNonRoot=False)),
        "no PDB selector": lambda ds: pdb(ds)["spec"].pop("selector"),
        "a PDB that blocks drains": lambda ds: pdb(ds)["spec"].update(minAvailable=replicas),
        "other replicas": lambda ds: dep(ds)["spec"].update(replicas=replicas + 1),
        "a Secret with values": lambda ds: ds.append({"kind": "Secret", "metadata": {"name": "x"},
                                                      "stringData": {"password": "p"}}),
        "a password in the ConfigMap": lambda ds: next(d for d in ds if d["kind"] == "ConfigMap")["data"].update(
            {"extra.yaml": "spring:\n  datasource:\n    password: s3cr3t-value\n"}),
        "latest image": lambda ds: container(ds).update(image="localhost/mimamori-api:latest"),
    }
    missed = []
    for what, breakage in breakages.items():
        broken = copy.deepcopy(docs)
        breakage(broken)
        if not check(broken, replicas)[0]:
            missed.append(what)
    return missed, len(breakages)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default="-")
    ap.add_argument("--replicas", type=int, required=True)
    ap.add_argument("--self-test", action="store_true")
    a = ap.parse_args()
    text = sys.stdin.read() if a.file == "-" else open(a.file).read()
    docs = [d for d in yaml.safe_load_all(text) if d]
    problems, found = check(docs, a.replicas)
    if problems:
        for p in problems:
            print("check_manifests: " + p, file=sys.stderr)
        sys.exit(1)
    if a.self_test:
        missed, n = self_test(docs, a.replicas)
        if missed:
            print("check_manifests: self-test: not refused: " + ", ".join(missed), file=sys.stderr)
            sys.exit(1)
        print(f"  self-test: all {n} broken copies refused")
    kinds = ", ".join(sorted(d["kind"] for d in docs))
    print(f"  ok: {kinds}; {a.replicas} replica(s); needs Secret keys {', '.join(sorted(found['secrets']))}")


if __name__ == "__main__":
    main()
