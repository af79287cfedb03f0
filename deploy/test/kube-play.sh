#!/usr/bin/env bash
# Runs the rendered single-instance Kubernetes manifests under `podman kube play` against a real MariaDB (Debian's
# mariadbd): the Deployment's own pod spec — its ConfigMap mounted as configuration, its security context
# (uid 10001, read-only root file system, no capabilities), its /tmp volume, its probes' endpoints. What a cluster
# would add and podman cannot here is replaced in a copy, never in the repository: the database URL in the
# ConfigMap points to the test's MariaDB, the pod uses the host's network (so its named port becomes 8080), and
# the Secret mimamori-db is made here with random passwords.
#
#   deploy/test/kube-play.sh          (needs podman, mariadbd, kubectl and the image: deploy/image/build.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
. "$ROOT/deploy/test/lib.sh"
WORK=$(mktemp -d /tmp/mimamori-kube.XXXXXX)
# This machine's podman needs runc and lowered ulimits (see podman-smoke.sh); kube play takes them from a
# containers.conf of its own.
printf '[containers]\ndefault_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]\n[engine]\nruntime = "%s"\n' \
  "${KUBE_PLAY_RUNTIME:-$(command -v runc >/dev/null && echo runc || echo crun)}" > "$WORK/containers.conf"
export CONTAINERS_CONF="$WORK/containers.conf"
cleanup() {
  [ -f "$WORK/play.yaml" ] && podman kube down "$WORK/play.yaml" >/dev/null 2>&1 || true
  [ -z "${secret:-}" ] || podman secret rm "$secret" >/dev/null 2>&1 || true
  stop_mariadb db
  rm -rf "$WORK"
}
trap cleanup EXIT
if ss -ltn | grep -q ':8080 '; then echo "kube-play: port 8080 is taken on this host: skipped"; exit 0; fi

podman load -i "${1:-$ROOT/deploy/target/mimamori-api-image.tar}" >/dev/null 2>&1
start_mariadb db
make_accounts_host() {
  "$ROOT/deploy/db/create-accounts.sh" --host '%' --owner-password-file "$WORK/secrets/owner" \
    --service-password-file "$WORK/secrets/service" -- --no-defaults -S "$DB_SOCK" -u root
}
mkdir -p "$WORK/secrets"; for f in owner service; do openssl rand -base64 32 | tr -d '/+=\n' > "$WORK/secrets/$f"; done
make_accounts_host
make_idp
kubectl kustomize "$ROOT/deploy/k8s/overlays/single-instance" > "$WORK/rendered.yaml"
/usr/bin/python3 - "$WORK" "$DB_PORT" "$ISSUER" "$AUDIENCE" <<'PY'
import sys, yaml
work, port, issuer, audience = sys.argv[1:]
docs = [d for d in yaml.safe_load_all(open(f"{work}/rendered.yaml")) if d]
keep = []
for d in docs:
    if d["kind"] == "ConfigMap":
        text = d["data"]["application-prod.yaml"]
        text = text.replace("jdbc:mariadb://mariadb.mimamori.svc:3306/mimamori", f"jdbc:mariadb://127.0.0.1:{port}/mimamori")
        text = text.replace("https://idp.example.city.lg.jp/realms/mimamori", issuer).replace("audiences: mimamori-api", f"audiences: {audience}")
        d["data"]["application-prod.yaml"] = text
        keep.append(d)
    elif d["kind"] == "Deployment":
        pod = d["spec"]["template"]["spec"]
        pod["hostNetwork"] = True
        for c in pod["containers"]:
            # podman turns container ports into port mappings, which the host's network cannot take.
            c.pop("ports", None)
            for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
                if c.get(probe, {}).get("httpGet", {}).get("port") == "http":
                    c[probe]["httpGet"]["port"] = 8080
        keep.append(d)
keep.append({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "mimamori-idp"},
             "data": {"idp-public.pem": open(f"{work}/idp-public.pem").read()}})
import base64
b64 = lambda f: base64.b64encode(open(f"{work}/secrets/{f}", "rb").read()).decode()
# podman 4.3 reads secretKeyRef from a podman secret holding the Secret's data as a JSON map of base64 values (a
# Secret document in the played file is stored as YAML, which it then cannot read): made here, created first.
import json
json.dump({"service-password": b64("service"), "owner-password": b64("owner")}, open(f"{work}/secret.json", "w"))
yaml.safe_dump_all(keep, open(f"{work}/play.yaml", "w"), sort_keys=False)
PY
secret="mimamori-db"
podman secret create "$secret" "$WORK/secret.json" >/dev/null
podman kube play "$WORK/play.yaml" 2>&1 | grep -v -e level= | sed 's/^/  /'
fail() { echo "FAIL: $*" >&2; podman logs "$(podman ps -a --format '{{.Names}}' | grep mimamori-api | grep -v infra | head -1)" 2>&1 | tail -n 30 >&2; exit 1; }
wait_ready 8080 240 || fail "readiness did not answer 200 within 240 s"
c=$(podman ps --format '{{.Names}}' | grep -- '-api$' | head -1)
echo "pod container $c ready; liveness $(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/actuator/health/liveness)"
echo "  read-only root: $(podman inspect "$c" --format '{{.HostConfig.ReadonlyRootfs}}'), user: $(podman inspect "$c" --format '{{.Config.User}}'), capabilities added: $(podman inspect "$c" --format '{{.EffectiveCaps}}')"
[ "$(podman inspect "$c" --format '{{.HostConfig.ReadonlyRootfs}}')" = true ] || fail "the root file system is not read-only"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(token auditor)" "http://127.0.0.1:8080/api/v1/audit/head?purpose=audit")
[ "$code" = 200 ] || fail "an auditor's token with the ConfigMap's issuer and audience: $code"
echo "  an auditor's token checked with the ConfigMap's issuer, audience and the mimamori-idp key: 200"
echo "kube play: passed"
