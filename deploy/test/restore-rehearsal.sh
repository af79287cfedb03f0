#!/usr/bin/env bash
# Rehearses deploy/README.md end to end on this machine, with Debian's MariaDB server and the built jars:
#   install the offline bundle (checksums, --root staging), set up the database accounts, start the installed
#   service as its systemd unit would (prod profile, passwords as credentials read through configtree, real
#   RS256 tokens), make audited calls, keep the audit head, back up (encrypted), lose the server, restore the
#   backup into a new server, verify the audit chain with --anchor (exit 0), show that a newer anchor than the
#   backup is refused (exit 6), start the service on the restored database (its grants are set again), and
#   show that a record altered in SQL is found (exit 6).
#
#   deploy/test/restore-rehearsal.sh        (needs mariadbd, mariadb-dump, gpg, openssl, curl and the built jars)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
. "$ROOT/deploy/test/lib.sh"
WORK=$(mktemp -d /tmp/mimamori-rehearsal.XXXXXX)
export GNUPGHOME="$WORK/gnupg"; install -d -m 0700 "$GNUPGHOME"
svc_pid=""
stop_service() { [ -z "$svc_pid" ] || { kill "$svc_pid" 2>/dev/null || true; wait "$svc_pid" 2>/dev/null || true; svc_pid=""; }; }
cleanup() { stop_service; stop_mariadb db1; stop_mariadb db2; rm -rf "$WORK"; }
trap cleanup EXIT
step() { echo; echo "== $*"; }
fail() { echo "FAIL: $*" >&2; [ -f "$WORK/service.log" ] && tail -n 30 "$WORK/service.log" >&2; exit 1; }

step "1. the offline bundle: make, check, install into a staging root"
"$ROOT/deploy/offline/make-bundle.sh" --out "$WORK/dist" | sed 's/^/   /'
(cd "$WORK/dist" && sha256sum -c --quiet ./*.sha256) || fail "bundle checksum"
tar -C "$WORK/dist" -xzf "$WORK"/dist/mimamori-*-offline.tar.gz
"$WORK"/dist/mimamori-*/install.sh --root "$WORK/root" | sed 's/^/   /'
etc="$WORK/root/etc/mimamori"

step "2. the database: Debian MariaDB, accounts from create-accounts.sh"
start_mariadb db1
make_accounts
make_idp
db_root -N -B -e "SELECT CONCAT('   ', user, '@', host) FROM mysql.user WHERE user LIKE 'mimamori%' ORDER BY user"

step "3. configuration from the templates, passwords as systemd credentials"
sed -i -e "s|jdbc:mariadb://CHANGE-ME-db-host:3306/mimamori|jdbc:mariadb://127.0.0.1:$DB_PORT/mimamori|" \
  -e "s|https://CHANGE-ME-idp.example.city.lg.jp/realms/mimamori|$ISSUER|" \
  -e "s|'mimamori'@'CHANGE-ME-service-host'|'mimamori'@'127.0.0.1'|" \
  -e "s|file:/etc/mimamori/idp-public.pem|file:$etc/idp-public.pem|" \
  -e "s|/var/log/mimamori/mimamori.log|$WORK/log/mimamori.log|" "$etc/application-prod.yaml"
if sed "/^[[:space:]]*#/d" "$etc/application-prod.yaml" | grep -n CHANGE-ME; then fail "placeholders left"; fi
cp "$WORK/idp-public.pem" "$etc/idp-public.pem"
cp "$WORK/secrets/service" "$etc/credentials/db-service-password"
cp "$WORK/secrets/owner" "$etc/credentials/db-owner-password"
# What systemd's LoadCredential= does: a private directory with the files under the names the unit gives them.
creds="$WORK/credentials"; install -d -m 0700 "$creds"
install -m 0400 "$etc/credentials/db-service-password" "$creds/spring.datasource.password"
install -m 0400 "$etc/credentials/db-owner-password" "$creds/spring.flyway.password"
echo "   application-prod.yaml filled in; credentials: $(ls "$creds" | tr '\n' ' ')"

PORT=$(free_port)
start_service() {
  # The unit's ExecStart and Environment= lines, with this rehearsal's paths.
  ( cd "$WORK" && SPRING_PROFILES_ACTIVE=prod SPRING_CONFIG_ADDITIONAL_LOCATION="optional:file:$etc/" \
      CREDENTIALS_DIRECTORY="$creds" exec java -XX:MaxRAMPercentage=25.0 \
      -Dspring.config.import="optional:configtree:$creds/" \
      -jar "$WORK/root/opt/mimamori/current/lib/mimamori-api.jar" --server.port="$PORT" ) >>"$WORK/service.log" 2>&1 &
  svc_pid=$!
  wait_ready "$PORT" 180 || fail "the service did not become ready"
}
base="http://127.0.0.1:$PORT"
get() { curl -s -H "Authorization: Bearer $(token "$1")" "$base$2"; }
anchor_now() { get auditor "/api/v1/audit/head?purpose=audit" | /usr/bin/python3 -c 'import json,sys; h=json.load(sys.stdin); print(h["anchor"])'; }
calls() {
  for _ in $(seq 1 "$1"); do
    curl -s -o /dev/null "$base/api/v1/scores/none?purpose=case_review"                  # 401, audited
    get analyst "/api/v1/models?purpose=model_management" >/dev/null                       # 200, audited
    get auditor "/api/v1/audit?limit=5&purpose=audit" >/dev/null                           # 200, audited
  done
}

step "4. start the installed service (prod), make audited calls"
start_service
calls 10
echo "   ready on $PORT; $(db_root -N -B -e 'SELECT COUNT(*) FROM mimamori.audit_event') audit records"
grep -m1 "table privileges set" "$WORK/service.log" | sed 's/.*AccountGrants *: /   /'

step "5. backup: encrypted dump with the head it contains"
printf '[client]\nhost=127.0.0.1\nport=%s\nuser=mimamori_audit\npassword=%s\n' "$DB_PORT" "$(cat "$WORK/secrets/auditor")" > "$WORK/backup.cnf"
openssl rand -base64 32 > "$WORK/backup-passphrase"; chmod 600 "$WORK/backup.cnf" "$WORK/backup-passphrase"
"$ROOT/deploy/backup/backup.sh" --defaults-file "$WORK/backup.cnf" --out-dir "$WORK/backups" \
  --passphrase-file "$WORK/backup-passphrase" | sed 's/^/   /'
backup=$(ls "$WORK"/backups/*.sql.gz.gpg)
kept=$(cat "${backup%.sql.gz.gpg}.head")
if gzip -dc <"$backup" >/dev/null 2>&1 || grep -q "INSERT INTO" "$backup"; then fail "the backup is not encrypted"; fi
echo "   the backup file is not readable without the passphrase; head kept with it: $kept"

step "6. more calls after the backup; the auditor keeps the newer head"
calls 5
later=$(anchor_now)
echo "   head now: $later"
stop_service

step "7. disaster: the server is lost; a new, empty server with the same accounts"
stop_mariadb db1
start_mariadb db2
NEW_PORT=$DB_PORT
make_accounts
printf '[client]\nhost=127.0.0.1\nport=%s\nuser=mimamori_owner\npassword=%s\n' "$NEW_PORT" "$(cat "$WORK/secrets/owner")" > "$WORK/owner.cnf"
chmod 600 "$WORK/owner.cnf"
"$ROOT/deploy/backup/restore.sh" --file "$backup" --defaults-file "$WORK/owner.cnf" \
  --passphrase-file "$WORK/backup-passphrase" | sed 's/^/   /'

step "8. verify the restored chain against the head kept with the backup (expect exit 0)"
verify() {
  set +e
  java -jar "$WORK/root/opt/mimamori/current/lib/mimamori-training.jar" verify-audit \
    --jdbc-url "jdbc:mariadb://127.0.0.1:$NEW_PORT/mimamori" --user mimamori_audit \
    --password-file "$WORK/secrets/auditor" "$@" 2>&1 | sed 's/^/   | /'
  rc=${PIPESTATUS[0]}
  set -e
  echo "   exit code $rc"
}
verify --anchor "$kept"; [ "$rc" = 0 ] || fail "verify-audit after the restore: $rc"

step "9. the newer head (records after the backup are lost): expect exit 6"
verify --anchor "$later"; [ "$rc" = 6 ] || fail "a newer anchor than the backup was not refused: $rc"

step "10. the service on the restored database: grants set again, new records chain on"
sed -i "s|jdbc:mariadb://127.0.0.1:[0-9]*/mimamori|jdbc:mariadb://127.0.0.1:$NEW_PORT/mimamori|" "$etc/application-prod.yaml"
start_service
calls 2
v=$(get auditor "/api/v1/audit/verification?purpose=audit")
echo "   GET /api/v1/audit/verification: $(echo "$v" | cut -c1-160)"
echo "$v" | grep -q '"intact":true' || fail "not intact after the restore"
after=$(anchor_now)
stop_service
verify --anchor "$kept"; [ "$rc" = 0 ] || fail "the old anchor after new records: $rc"

step "11. tampering: a record altered by the database administrator (expect exit 6, record named)"
db_root -e "UPDATE mimamori.audit_event SET actor = 'someone-else' WHERE id = 3"
verify --anchor "$after"; [ "$rc" = 6 ] || fail "an altered record was not found: $rc"

echo; echo "restore rehearsal: passed"
