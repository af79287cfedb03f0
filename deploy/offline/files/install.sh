#!/usr/bin/env bash
# Installs Mimamori from this offline bundle (deploy/README.md, "Install from the offline bundle"). Run as root
# from the unpacked bundle:  sudo ./install.sh        (--root DIR installs into DIR instead, for a rehearsal)
#
# Checks every file against SHA256SUMS first and stops at any difference. Installs the jars to
# /opt/mimamori/<version>/ and points /opt/mimamori/current at it (an upgrade installs beside the old version;
# going back is pointing the link back), the systemd unit, the command line /usr/local/bin/mimamori-training,
# and configuration templates in /etc/mimamori/ — never overwriting configuration that is there (a new
# template is written beside it as .new). It does not start the service.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root="${2%/}"; shift 2 ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
cd "$here"
echo "Checking the bundle against SHA256SUMS ..."
sha256sum --quiet --strict -c SHA256SUMS || { echo "install.sh: the bundle is damaged or altered: not installed" >&2; exit 1; }
version=$(cat VERSION)
if [ -z "$root" ]; then
  [ "$(id -u)" = 0 ] || { echo "install.sh: run as root (or with --root DIR)" >&2; exit 2; }
  if ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|2[0-9])'; then
    echo "install.sh: Java 17 or later is needed at /usr/bin/java (Debian/Ubuntu: openjdk-17-jre-headless," >&2
    echo "            RHEL: java-17-openjdk-headless, from the organisation's package mirror)" >&2
    exit 5
  fi
  if ! getent passwd mimamori >/dev/null; then
    useradd --system --user-group --home-dir /var/lib/mimamori --no-create-home --shell /usr/sbin/nologin mimamori
  fi
fi
opt="$root/opt/mimamori"
install -d -m 0755 "$opt/$version/lib" "$root/usr/local/bin" "$root/etc/systemd/system"
install -m 0644 lib/mimamori-api.jar lib/mimamori-training.jar "$opt/$version/lib/"
install -m 0644 README.md SHA256SUMS VERSION "$opt/$version/"
ln -sfn "$version" "$opt/current"
install -m 0755 bin/mimamori-training "$root/usr/local/bin/mimamori-training"
install -m 0755 db/create-accounts.sh backup/backup.sh backup/restore.sh "$opt/$version/"
install -m 0644 systemd/mimamori.service "$root/etc/systemd/system/mimamori.service"

group=mimamori; [ -n "$root" ] && group=$(id -g)
install -d -m 0750 -g "$group" "$root/etc/mimamori"
install -d -m 0700 "$root/etc/mimamori/credentials"
for f in application-prod.yaml mimamori.env; do
  if [ -e "$root/etc/mimamori/$f" ]; then
    install -m 0640 -g "$group" "config/$f" "$root/etc/mimamori/$f.new"
    echo "kept /etc/mimamori/$f; the template of this version is /etc/mimamori/$f.new"
  else
    install -m 0640 -g "$group" "config/$f" "$root/etc/mimamori/$f"
  fi
done
if [ -z "$root" ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
fi
cat <<NEXT
Installed Mimamori $version in $opt/$version (current -> $version).
Next (deploy/README.md):
  1. database accounts:   $opt/current/create-accounts.sh ... (once, as a MariaDB administrator)
  2. passwords:           $root/etc/mimamori/credentials/db-service-password, db-owner-password (root, 0600)
  3. configuration:       replace every CHANGE-ME in $root/etc/mimamori/application-prod.yaml; the identity
                          provider's public key in $root/etc/mimamori/idp-public.pem
  4. start:               systemctl enable --now mimamori; curl -s http://127.0.0.1:8080/actuator/health/readiness
NEXT
