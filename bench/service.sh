# Sourced by the HTTP benchmarks: starts api/target/mimamori-api.jar on a fresh data directory ($WORK/data) and a
# free loopback port, stops it and removes the directory on exit, and returns once it scores. Sets WORK, PID, URL.
# JAVA_OPTS: the JVM's options (default -Xmx2g); MIMAMORI_ARGS: the service's; MIMAMORI_BUNDLE: a bundle to import
# (else the demo model shipped in the jar); APP_LOG: a file to keep the service's log in.
WORK=$(mktemp -d); PORT=$(command -p python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ARGS=(${MIMAMORI_ARGS:-} --server.port=$PORT --server.address=127.0.0.1 --mimamori.data-dir=$WORK/data)
[ -n "${MIMAMORI_BUNDLE:-}" ] && ARGS+=(--mimamori.models.import-bundle="$MIMAMORI_BUNDLE")
java ${JAVA_OPTS:--Xmx2g} -jar api/target/mimamori-api.jar "${ARGS[@]}" > "${APP_LOG:-$WORK/app.log}" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
URL=http://127.0.0.1:$PORT
for _ in $(seq 1 180); do curl -sf -o /dev/null -X POST "$URL/api/v1/scores" -H 'Authorization: Bearer demo-caseworker' -H 'Content-Type: application/json' -d '{"childRef":"C-0001","purpose":"screening","items":{}}' && break; sleep 1; done
