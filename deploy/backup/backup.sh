#!/usr/bin/env bash
# A consistent, encrypted logical backup of the Mimamori database, with the audit chain's head it contains
# (deploy/README.md, "Backup and restore"). Run it from cron or a systemd timer on a host that reaches the database.
#
#   backup.sh --defaults-file /etc/mimamori/backup.cnf --out-dir /var/backups/mimamori \
#             (--recipient KEY-ID | --passphrase-file FILE) [--database mimamori] [--keep-days 35]
#
# --defaults-file: a MariaDB option file (0600) with [client] host, port, user (mimamori_audit: read only) and
# password, so that no password is on a command line. Writes, for the time T of the backup:
#   mimamori-T.sql.gz.gpg   the dump (mariadb-dump --single-transaction: one consistent InnoDB snapshot),
#                           compressed and encrypted (gpg: to the public key KEY-ID, whose private key is kept
#                           offline; or symmetrically with the passphrase in FILE)
#   mimamori-T.head         the audit chain's head N:HASH,N:HASH,... (every lane's newest record) read just
#                           before the dump: the dump holds those records, so after a restore
#                           `verify-audit --anchor "$(cat mimamori-T.head)"` must pass
#   mimamori-T.sha256       the checksum of the encrypted file
# and deletes backups older than --keep-days. Exit code 0 only when everything was written.
set -euo pipefail
database=mimamori; keep=35; defaults=""; out=""; recipient=""; passfile=""
while [ $# -gt 0 ]; do
  case "$1" in
    --defaults-file) defaults="$2"; shift 2 ;;
    --out-dir) out="$2"; shift 2 ;;
    --recipient) recipient="$2"; shift 2 ;;
    --passphrase-file) passfile="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    --keep-days) keep="$2"; shift 2 ;;
    *) echo "backup.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$defaults" ] && [ -n "$out" ] || { echo "backup.sh: --defaults-file and --out-dir are required" >&2; exit 2; }
[ -n "$recipient" ] || [ -n "$passfile" ] || { echo "backup.sh: --recipient or --passphrase-file: backups are always encrypted" >&2; exit 2; }
umask 077
mkdir -p "$out"
t=$(date -u +%Y%m%dT%H%M%SZ)
base="$out/mimamori-$t"
client=(--defaults-extra-file="$defaults")

# every non-empty lane's newest record (docs/governance.md, "lanes"), comma-separated
head=$(mariadb "${client[@]}" -N -B -e "SET SESSION group_concat_max_len = 65536; SELECT COALESCE(GROUP_CONCAT(
  CONCAT(last_id, ':', hash) ORDER BY id SEPARATOR ','), CONCAT('0:', REPEAT('0', 64))) FROM audit_head
  WHERE last_seq > 0" "$database")
[[ "$head" =~ ^[0-9]+:[0-9a-f]{64}(,[0-9]+:[0-9a-f]{64})*$ ]] \
  || { echo "backup.sh: cannot read the audit chain's head ($head)" >&2; exit 5; }

if [ -n "$recipient" ]; then
  encrypt=(gpg --batch --yes --trust-model always --encrypt --recipient "$recipient")
else
  encrypt=(gpg --batch --yes --pinentry-mode loopback --passphrase-file "$passfile" --symmetric --cipher-algo AES256)
fi
mariadb-dump "${client[@]}" --single-transaction --quick --hex-blob --default-character-set=utf8mb4 \
  --skip-lock-tables --no-tablespaces "$database" | gzip -6 | "${encrypt[@]}" --output "$base.sql.gz.gpg.part"
mv "$base.sql.gz.gpg.part" "$base.sql.gz.gpg"
printf '%s\n' "$head" > "$base.head"
(cd "$out" && sha256sum "$(basename "$base").sql.gz.gpg" > "$(basename "$base").sha256")
echo "backup $base.sql.gz.gpg ($(du -k "$base.sql.gz.gpg" | cut -f1) KB), audit head $head"
find "$out" -maxdepth 1 -name 'mimamori-*' -type f -mtime +"$keep" -print -delete | sed 's/^/removed (older than '"$keep"' days): /'
