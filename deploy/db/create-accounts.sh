#!/usr/bin/env bash
# Creates the database and the three accounts of docs/governance.md ("The database accounts") on a MariaDB
# server. Run it once, as a MariaDB administrator; the SQL goes to the `mariadb` client on its standard input,
# so no password appears on a command line. Passwords are read from files (one line, no quotes or backslashes).
#
#   deploy/db/create-accounts.sh --owner-password-file F --service-password-file F [--auditor-password-file F] \
#       [--host '10.0.0.%'] [--database mimamori] [--print] -- <mariadb client options, e.g. -u root -p>
#
#   mimamori_owner  owns the schema and runs the migrations (spring.flyway.user); ALL ON mimamori.* WITH GRANT OPTION
#   mimamori        the service at run time: no privilege on the schema; the service itself grants it table
#                   privileges after every migration (audit tables append and read only)
#   mimamori_audit  read only (SELECT ON mimamori.*), for verify-audit and for the backup (mariadb-dump)
#
# --host is the host part of the accounts: the address (or pattern) the service connects from. --print writes
# the SQL to standard output instead (the passwords in it: do not keep it).
set -euo pipefail
host='%'; database=mimamori; print=false
owner_file=""; service_file=""; auditor_file=""
while [ $# -gt 0 ]; do
  case "$1" in
    --owner-password-file) owner_file="$2"; shift 2 ;;
    --service-password-file) service_file="$2"; shift 2 ;;
    --auditor-password-file) auditor_file="$2"; shift 2 ;;
    --host) host="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    --print) print=true; shift ;;
    --) shift; break ;;
    *) echo "create-accounts.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$owner_file" ] && [ -n "$service_file" ] \
  || { echo "create-accounts.sh: --owner-password-file and --service-password-file are required" >&2; exit 2; }
[[ "$database" =~ ^[A-Za-z0-9_]+$ ]] || { echo "create-accounts.sh: a database name of letters, digits and _" >&2; exit 2; }
[[ "$host" =~ ^[A-Za-z0-9_.%:-]+$ ]] || { echo "create-accounts.sh: --host must be a host, address or pattern" >&2; exit 2; }

password() {
  local p
  p=$(head -n 1 "$1")
  if [ ${#p} -lt 16 ] || [[ "$p" == *"'"* ]] || [[ "$p" == *'\'* ]]; then
    echo "create-accounts.sh: the password in $1 must have at least 16 characters and no ' or \\" >&2; exit 2
  fi
  printf '%s' "$p"
}

owner_pw=$(password "$owner_file") || exit 2
service_pw=$(password "$service_file") || exit 2
auditor_pw=""
[ -z "$auditor_file" ] || auditor_pw=$(password "$auditor_file") || exit 2

sql() {
  cat <<SQL
CREATE DATABASE IF NOT EXISTS \`$database\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'mimamori_owner'@'$host' IDENTIFIED BY '$owner_pw';
GRANT ALL PRIVILEGES ON \`$database\`.* TO 'mimamori_owner'@'$host' WITH GRANT OPTION;
CREATE USER IF NOT EXISTS 'mimamori'@'$host' IDENTIFIED BY '$service_pw';
SQL
  if [ -n "$auditor_file" ]; then
    cat <<SQL
CREATE USER IF NOT EXISTS 'mimamori_audit'@'$host' IDENTIFIED BY '$auditor_pw';
GRANT SELECT, SHOW VIEW, LOCK TABLES ON \`$database\`.* TO 'mimamori_audit'@'$host';
SQL
  fi
}

if $print; then sql; else sql | mariadb "$@"; fi
