#!/usr/bin/env bash
# Builds the service image as a docker-archive tar, without a registry, a daemon or a pulled base image
# (deploy/README.md, "The container image"). Needs the built jar (./mvnw -B package -DskipTests), Debian's
# openjdk-17-jre-headless installed on this machine (its files make the base layer), javac, and /usr/bin/python3.
#
#   deploy/image/build.sh [--jar api/target/mimamori-api-server.jar] [--out deploy/target/mimamori-api-image.tar] [--twice]
#
# --twice builds it a second time and fails unless both tars are identical byte for byte (reproducibility).
# Load it with `podman load -i deploy/target/mimamori-api-image.tar` (or docker load, ctr images import).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/api/target/mimamori-api-server.jar"
out="$root/deploy/target/mimamori-api-image.tar"
twice=false
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --twice) twice=true; shift ;;
    *) echo "build.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -f "$jar" ] || { echo "build.sh: no jar at $jar (build it first: ./mvnw -B package -DskipTests)" >&2; exit 5; }
dpkg -s openjdk-17-jre-headless >/dev/null 2>&1 \
  || { echo "build.sh: Debian's openjdk-17-jre-headless must be installed: its files are the base layer" >&2; exit 5; }

version=$(grep -m1 "<version>" "$root/pom.xml" | sed "s:.*<version>\(.*\)</version>.*:\1:")
revision=$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)
# The image's creation time is the commit's, so that a rebuild of the same commit gives the same image.
created=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 0)}
tag="localhost/mimamori-api:$version"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac --release 17 -d "$work/probe" "$root/deploy/image/probe/HealthProbe.java"

build() {
  /usr/bin/python3 "$root/deploy/image/make_image.py" --jar "$jar" --probe-dir "$work/probe" --out "$1" \
    --tag "$tag" --version "$version" --revision "$revision" --created "$created"
}
build "$out"
if $twice; then
  build "$work/again.tar" >/dev/null 2>&1
  if cmp -s "$out" "$work/again.tar"; then
    echo "reproducible: a second build gave the same $(sha256sum "$out" | cut -c1-16)… byte for byte"
  else
    echo "build.sh: NOT reproducible: a second build differs" >&2; exit 1
  fi
fi
echo "$tag -> $out"
