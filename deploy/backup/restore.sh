#!/usr/bin/env bash
# Restores a backup of backup.sh into an EMPTY database (deploy/README.md, "Restore"), then says how to verify
# the audit chain against the head kept with the backup.
#
#   restore.sh --file /var/backups/mimamori/mimamori-T.sql.gz.gpg --defaults-file /root/mimamori-owner.cnf \
#              [--passphrase-file FILE] [--database mimamori]
#
# --defaults-file: a MariaDB option file with the owner account (mimamori_owner), which may create the tables.
# gpg decrypts with the private key in the keyring (or the passphrase in FILE). The checksum is checked first.
set -euo pipefail
database=mimamori; defaults=""; file=""; passfile=""
while [ $# -gt 0 ]; do
  case "$1" in
    --file) file="$2"; shift 2 ;;
    --defaults-file) defaults="$2"; shift 2 ;;
    --passphrase-file) passfile="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    *) echo "restore.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -f "$file" ] && [ -n "$defaults" ] || { echo "restore.sh: --file (existing) and --defaults-file are required" >&2; exit 2; }
base="${file%.sql.gz.gpg}"
(cd "$(dirname "$file")" && sha256sum --quiet --strict -c "$(basename "$base").sha256") \
  || { echo "restore.sh: $file does not match its checksum: not restored" >&2; exit 1; }
client=(--defaults-extra-file="$defaults")
tables=$(mariadb "${client[@]}" -N -B -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$database'")
[ "$tables" = 0 ] || { echo "restore.sh: database $database holds $tables tables: restore into an empty one" >&2; exit 2; }
decrypt=(gpg --batch --quiet --decrypt)
[ -z "$passfile" ] || decrypt=(gpg --batch --quiet --pinentry-mode loopback --passphrase-file "$passfile" --decrypt)
"${decrypt[@]}" "$file" | gunzip | mariadb "${client[@]}" "$database"
echo "restored $file into $database ($(mariadb "${client[@]}" -N -B -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$database'") tables)"
if [ -f "$base.head" ]; then
  echo "now verify the audit chain against the head kept with this backup:"
  echo "  mimamori-training verify-audit --jdbc-url jdbc:mariadb://HOST:3306/$database --user mimamori_audit \\"
  echo "    --password-file FILE --anchor $(cat "$base.head")"
fi
