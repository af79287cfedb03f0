#!/usr/bin/env bash
# Compressing one score response (issue 12 item 6, migration V22): zlib's fastest level against LZ4, the kept form.
#   bash bench/compress-response.sh response.json
# response.json: what POST /api/v1/scores answered, e.g. with the service of the README's first command running:
#   sed -n 's/^wrk.body = \[\[\(.*\)\]\]$/\1/p' bench/score.lua > /tmp/body.json
#   curl -s -X POST http://localhost:8080/api/v1/scores -H 'Authorization: Bearer demo-caseworker' \
#     -H 'Content-Type: application/json' --data @/tmp/body.json > response.json
# LZ4 comes from the local Maven repository (the build fetched it: MAVEN_REPO, default ~/.m2/repository).
set -euo pipefail
cd "$(dirname "$0")/.."
FILE="${1:?the response JSON file}"
VERSION=$(sed -n 's:.*<lz4.version>\(.*\)</lz4.version>.*:\1:p' pom.xml)
JAR="${MAVEN_REPO:-$HOME/.m2/repository}/at/yawk/lz4/lz4-java/$VERSION/lz4-java-$VERSION.jar"
[ -f "$JAR" ] || { echo "no $JAR: build first (./mvnw -B -q package -DskipTests)" >&2; exit 1; }
java -cp "$JAR" bench/CompressResponse.java "$FILE"
