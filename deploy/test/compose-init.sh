#!/usr/bin/env bash
# Runs the compose database's init script (deploy/compose/db-init) against Debian's MariaDB the way the MariaDB
# image's entrypoint does (sourced, with its docker_process_sql), then checks the accounts it made: the owner with
# every privilege on the schema and grant, the service account with none on the schema, the auditor read-only,
# and that each logs in with its password from the secret files.
#
#   deploy/test/compose-init.sh          (needs mariadbd)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
. "$ROOT/deploy/test/lib.sh"
WORK=$(mktemp -d /tmp/mimamori-compose-init.XXXXXX)
trap 'stop_mariadb db; rm -rf "$WORK"' EXIT
start_mariadb db
mkdir -p "$WORK/run-secrets"
for f in db-owner-password db-service-password db-auditor-password; do
  openssl rand -base64 32 | tr -d '/+=\n' > "$WORK/run-secrets/$f"
done
# What the image's entrypoint provides to a sourced init script.
docker_process_sql() { mariadb --no-defaults -S "$DB_SOCK" -u root "$@"; }
MIMAMORI_SECRETS_DIR="$WORK/run-secrets" MIMAMORI_CREATE_ACCOUNTS="$ROOT/deploy/db/create-accounts.sh" \
  . "$ROOT/deploy/compose/db-init/10-mimamori-accounts.sh"
grants() { db_root -N -B -e "SHOW GRANTS FOR '$1'@'%'" | tr '\n' ' '; }
fail() { echo "FAIL: $*" >&2; exit 1; }
g=$(grants mimamori_owner); [[ "$g" == *"GRANT ALL PRIVILEGES ON \`mimamori\`.* TO \`mimamori_owner\`@\`%\` WITH GRANT OPTION"* ]] || fail "owner: $g"
g=$(grants mimamori); [[ "$g" != *"ON \`mimamori\`"* ]] || fail "the service account has privileges on the schema: $g"
g=$(grants mimamori_audit); [[ "$g" == *"GRANT SELECT, LOCK TABLES, SHOW VIEW ON \`mimamori\`.*"* ]] || fail "auditor: $g"
for a in mimamori_owner:db-owner-password mimamori:db-service-password mimamori_audit:db-auditor-password; do
  mariadb --no-defaults -h 127.0.0.1 -P "$DB_PORT" -u "${a%%:*}" -p"$(cat "$WORK/run-secrets/${a##*:}")" -e 'SELECT 1' >/dev/null \
    || fail "${a%%:*} cannot log in with its secret"
done
echo "compose db-init: owner ALL WITH GRANT OPTION, service account nothing on the schema, auditor read-only; all log in: passed"
