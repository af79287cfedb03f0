#!/usr/bin/env bash
# Makes the offline install bundle for a closed network (deploy/README.md): one tar.gz holding the service jar,
# the training/audit command line, configuration templates, the systemd unit, the database account, backup and
# restore scripts, the install script, deploy/README.md, and SHA256SUMS over all of them; optionally the image
# tar. Reproducible: the same jars and commit give the same bytes (names sorted, times the commit's, no owners).
#
#   deploy/offline/make-bundle.sh [--api-jar J] [--training-jar J] [--image deploy/target/mimamori-api-image.tar]
#                                 [--out DIR]          (default deploy/target)
# Writes DIR/mimamori-<version>-offline.tar.gz and DIR/mimamori-<version>-offline.tar.gz.sha256.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
api="$root/api/target/mimamori-api-server.jar"
training="$root/training/target/mimamori-training.jar"
image=""
out="$root/deploy/target"
while [ $# -gt 0 ]; do
  case "$1" in
    --api-jar) api="$2"; shift 2 ;;
    --training-jar) training="$2"; shift 2 ;;
    --image) image="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "make-bundle.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
for f in "$api" "$training" ${image:+"$image"}; do
  [ -f "$f" ] || { echo "make-bundle.sh: no $f (build first: ./mvnw -B package -DskipTests)" >&2; exit 5; }
done
version=$(grep -m1 "<version>" "$root/pom.xml" | sed "s:.*<version>\(.*\)</version>.*:\1:")
epoch=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 0)}
name="mimamori-$version"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
b="$work/$name"
f="$root/deploy/offline/files"
install -d "$b/lib" "$b/bin" "$b/config" "$b/systemd" "$b/db" "$b/backup"
install -m 0644 "$api" "$b/lib/mimamori-api.jar"
install -m 0644 "$training" "$b/lib/mimamori-training.jar"
install -m 0755 "$f/mimamori-training" "$b/bin/"
install -m 0644 "$f/application-prod.yaml" "$f/mimamori.env" "$b/config/"
install -m 0644 "$f/mimamori.service" "$b/systemd/"
install -m 0755 "$root/deploy/db/create-accounts.sh" "$b/db/"
install -m 0755 "$root/deploy/backup/backup.sh" "$root/deploy/backup/restore.sh" "$b/backup/"
install -m 0755 "$f/install.sh" "$b/"
install -m 0644 "$root/deploy/README.md" "$b/README.md"
if [ -n "$image" ]; then
  install -d "$b/image"
  install -m 0644 "$image" "$b/image/mimamori-api-image.tar"
fi
printf '%s\n' "$version" > "$b/VERSION"
(cd "$b" && find . -type f ! -name SHA256SUMS | LC_ALL=C sort | sed 's:^\./::' | xargs sha256sum > SHA256SUMS)
mkdir -p "$out"
tarball="$out/$name-offline.tar.gz"
tar -C "$work" --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -cf - "$name" | gzip -n -9 > "$tarball.part"
mv "$tarball.part" "$tarball"
(cd "$out" && sha256sum "$(basename "$tarball")" > "$(basename "$tarball").sha256")
echo "$tarball ($(du -m "$tarball" | cut -f1) MB): $(wc -l < "$b/SHA256SUMS") files in SHA256SUMS"
cat "$tarball.sha256"
