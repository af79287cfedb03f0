# Shared by the rehearsals in deploy/test: a throwaway Debian MariaDB (mariadbd) on a loopback port, its
# accounts as deploy/README.md sets them up, an RSA key pair standing in for the identity provider, and tokens
# signed with it. Source it; every function works in $WORK (set by the caller, removed by it).

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_mariadb NAME: a server with its data in $WORK/NAME, listening on 127.0.0.1:$DB_PORT and $WORK/NAME.sock.
start_mariadb() {
  local d="$WORK/$1"
  DB_PORT=$(free_port)
  DB_SOCK="$d.sock"
  mkdir -p "$d"
  mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$d" --auth-root-authentication-method=socket \
    --skip-test-db >"$d.install.log" 2>&1
  mariadbd --no-defaults --user="$(id -un)" --datadir="$d" --socket="$DB_SOCK" --port="$DB_PORT" \
    --bind-address=127.0.0.1 --pid-file="$d.pid" --log-error="$d.err" --innodb-buffer-pool-size=64M \
    --skip-name-resolve >/dev/null 2>&1 &
  for _ in $(seq 1 60); do
    mariadb --no-defaults -S "$DB_SOCK" -u root -e 'SELECT 1' >/dev/null 2>&1 && break
    sleep 0.5
  done
  mariadb --no-defaults -S "$DB_SOCK" -u root -e "DELETE FROM mysql.global_priv WHERE User=''; FLUSH PRIVILEGES;"
  echo "MariaDB $(mariadbd --version | awk '{print $3}') on 127.0.0.1:$DB_PORT (data $d)"
}

stop_mariadb() {
  local d="$WORK/$1"
  [ -f "$d.pid" ] || return 0
  local pid; pid=$(cat "$d.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
}

db_root() { mariadb --no-defaults -S "$DB_SOCK" -u root "$@"; }

# Passwords in files, as an operator keeps them (0600), and the accounts of docs/governance.md.
make_accounts() {
  mkdir -p "$WORK/secrets"; chmod 700 "$WORK/secrets"
  for f in owner service auditor; do
    [ -f "$WORK/secrets/$f" ] || openssl rand -base64 32 | tr -d '/+=\n' >"$WORK/secrets/$f"
    chmod 600 "$WORK/secrets/$f"
  done
  "$ROOT/deploy/db/create-accounts.sh" --host 127.0.0.1 --owner-password-file "$WORK/secrets/owner" \
    --service-password-file "$WORK/secrets/service" --auditor-password-file "$WORK/secrets/auditor" \
    -- --no-defaults -S "$DB_SOCK" -u root
}

# An RSA key pair of a stand-in identity provider; the service gets only the public key.
make_idp() {
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/idp-private.pem" 2>/dev/null
  openssl pkey -in "$WORK/idp-private.pem" -pubout -out "$WORK/idp-public.pem"
  chmod 644 "$WORK/idp-public.pem"
}
ISSUER=https://idp.example.city.lg.jp/realms/mimamori
AUDIENCE=mimamori-api

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
# token ROLE: an RS256 JWT for ROLE, valid 10 minutes.
token() {
  local now h p s
  now=$(date +%s)
  h=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  p=$(printf '{"iss":"%s","aud":"%s","sub":"%s-rehearsal","roles":["%s"],"iat":%d,"nbf":%d,"exp":%d}' \
      "$ISSUER" "$AUDIENCE" "$1" "$1" "$now" "$now" $((now + 600)) | b64url)
  s=$(printf '%s.%s' "$h" "$p" | openssl dgst -sha256 -sign "$WORK/idp-private.pem" | b64url)
  printf '%s.%s.%s' "$h" "$p" "$s"
}

# wait_ready PORT SECONDS: until readiness answers 200.
wait_ready() {
  for _ in $(seq 1 "$2"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/actuator/health/readiness")" = 200 ] && return 0
    sleep 1
  done
  return 1
}
