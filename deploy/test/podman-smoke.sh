#!/usr/bin/env bash
# Loads the image tar into podman and runs it as production would against a real MariaDB (Debian's mariadbd on a
# loopback port, accounts as deploy/README.md sets them up), read-only root file system, no capabilities, secrets
# as podman secrets read through Spring's configtree; then checks liveness, readiness,
# the image's own health check, the user it runs as, that a call without a token is refused, and an auditor's
# head and verification with a real RS256 token; last it stops the database: readiness 503, liveness 200.
#
#   deploy/test/podman-smoke.sh [image tar]     (default deploy/target/mimamori-api-image.tar: deploy/image/build.sh)
#
# podman on this machine: crun refuses the cgroup v1/v2 hybrid set-up here and the process may not raise
# RLIMIT_NOFILE/NPROC (no CAP_SYS_RESOURCE), so it runs with runc and lowered ulimits (PODMAN_ARGS overrides).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
. "$ROOT/deploy/test/lib.sh"
tar="${1:-$ROOT/deploy/target/mimamori-api-image.tar}"
default_args=""; command -v runc >/dev/null && default_args="--runtime runc"
read -r -a podman_args <<<"${PODMAN_ARGS:-$default_args}"
read -r -a run_args <<<"${PODMAN_RUN_ARGS:---ulimit nofile=4096:4096 --ulimit nproc=4096:4096}"
p() { podman "${podman_args[@]}" "$@"; }

WORK=$(mktemp -d /tmp/mimamori-smoke.XXXXXX)
name="mimamori-smoke-$$"
cleanup() {
  p rm -f "$name" >/dev/null 2>&1 || true
  p secret rm "$name-db" "$name-owner" >/dev/null 2>&1 || true
  stop_mariadb db
  rm -rf "$WORK"
}
trap cleanup EXIT

tag=$(p load -i "$tar" 2>&1 | sed -n 's/^Loaded image[s(]*[)]*: //p' | tail -n 1)
echo "loaded $tag"
start_mariadb db
make_accounts
make_idp
p secret create "$name-db" "$WORK/secrets/service" >/dev/null
p secret create "$name-owner" "$WORK/secrets/owner" >/dev/null
port=$(free_port)
p run -d --name "$name" "${run_args[@]}" --network host \
  --read-only --tmpfs /tmp:rw,size=256m,mode=1777 --tmpfs /run/secrets:rw,size=1m,mode=0755 --cap-drop ALL --security-opt no-new-privileges \
  --secret "$name-db,type=mount,target=/run/secrets/spring.datasource.password,uid=10001,mode=0400" \
  --secret "$name-owner,type=mount,target=/run/secrets/spring.flyway.password,uid=10001,mode=0400" \
  -v "$WORK/idp-public.pem:/etc/mimamori/idp-public.pem:ro" \
  -e SPRING_CONFIG_IMPORT=optional:configtree:/run/secrets/ \
  -e SERVER_PORT="$port" \
  -e SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/mimamori" \
  -e SPRING_DATASOURCE_USERNAME=mimamori \
  -e SPRING_FLYWAY_USER=mimamori_owner \
  -e MIMAMORI_DATABASE_SERVICE_ACCOUNT="'mimamori'@'127.0.0.1'" \
  -e SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI="$ISSUER" \
  -e SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES="$AUDIENCE" \
  -e SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION=file:/etc/mimamori/idp-public.pem \
  "$tag" >/dev/null

fail() { echo "FAIL: $*" >&2; p logs "$name" 2>&1 | tail -n 40 >&2; exit 1; }
t0=$(date +%s)
wait_ready "$port" 240 || fail "readiness did not answer 200 within 240 s"
echo "ready after $(( $(date +%s) - t0 )) s"
base="http://127.0.0.1:$port"
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
[ "$(code "$base/actuator/health/liveness")" = 200 ] || fail "liveness"
echo "liveness 200, readiness 200: $(curl -s "$base/actuator/health/readiness")"
p healthcheck run "$name" || fail "the image's health check (HealthProbe) failed"
echo "podman healthcheck run: healthy"
user=$(p top "$name" user huser | awk 'NR==2 {print $1 " (host " $2 ")"}')
case "$user" in mimamori*|10001*) echo "runs as $user" ;; *) fail "runs as $user, not mimamori (10001)" ;; esac
[ "$(code -X POST -H 'Content-Type: application/json' -d '{}' "$base/api/v1/scores")" = 401 ] || fail "no token: not 401"
[ "$(code -H 'Authorization: Bearer demo-caseworker' "$base/api/v1/scores/x?purpose=case_review")" = 401 ] \
  || fail "a demo token was not refused"
echo "a call without a token and one with a demo token: 401"
auditor=$(token auditor)
head=$(curl -s -H "Authorization: Bearer $auditor" "$base/api/v1/audit/head?purpose=audit")
echo "audit head (auditor): $head"
echo "$head" | grep -q '"hash"' || fail "no audit head"
verification=$(curl -s -H "Authorization: Bearer $auditor" "$base/api/v1/audit/verification?purpose=audit")
echo "audit verification: $verification"
echo "$verification" | grep -q '"intact":true' || fail "the chain is not intact"
grep -rl "$(cat "$WORK/secrets/service")" <(p inspect "$name") >/dev/null && fail "the password is in the container's configuration"
stop_mariadb db
for _ in $(seq 1 10); do [ "$(code "$base/actuator/health/readiness")" = 503 ] && break; sleep 1; done
[ "$(code "$base/actuator/health/readiness")" = 503 ] || fail "readiness is not DOWN with the database stopped"
[ "$(code "$base/actuator/health/liveness")" = 200 ] || fail "liveness is not UP with the database stopped"
echo "database stopped: readiness 503, liveness 200"
echo "podman smoke test: passed"
