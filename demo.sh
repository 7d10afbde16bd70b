#!/usr/bin/env bash
# Builds Pace and starts it in Apache Karaf 4.4.10 with the sandbox CRM, a simulated sales team and the embedded
# H2 store (feature pace-demo), in the background, then prints the dashboard URL and the demo logins.
#   ./demo.sh          build, start (or restart) and wait until the dashboard is ready
#   ./demo.sh stop     stop Karaf
#   ./demo.sh clean    stop Karaf and delete its folder and data (run/)
# Environment: PACE_HTTP_PORT (default 8181), PACE_SKIP_BUILD=1 to start what was built last, PACE_RUN_DIR (default
# ./run), PACE_SSH_PORT / PACE_RMI_REGISTRY_PORT / PACE_RMI_SERVER_PORT (Karaf's defaults 8101 / 1099 / 44444),
# PACE_SIM_TEAMS / PACE_SIM_TEAM_SIZE / PACE_SIM_MONTHS to simulate a bigger team (used on a new database only),
# PACE_NO_WAIT=1 to return as soon as Karaf is started (the crash test kills it while Pace is still reading),
# PACE_HISTORY_BATCH_SIZE to set the ingest's historyBatchSize (etc/org.pacekpi.ingest.cfg; the crash test makes the
# demo's history several transactions with it),
# PACE_STORE_URL (e.g. jdbc:postgresql://127.0.0.1:5432/pace_demo) with PACE_STORE_USER / PACE_STORE_PASSWORD to keep
# Pace's store there instead of the embedded H2 (written to etc/org.pacekpi.store.cfg on every start; the sandbox
# CRM stays on H2, and `clean` does not touch that database: recreate it too, or Pace's cursor is ahead of the CRM).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
RUN="${PACE_RUN_DIR:-$ROOT/run}"
KARAF="$RUN/karaf"
PORT="${PACE_HTTP_PORT:-8181}"
KARAF_VERSION=4.4.10
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)

stop_karaf() {
  if [ -x "$KARAF/bin/stop" ] && [ -f "$KARAF/karaf.pid" ] && kill -0 "$(cat "$KARAF/karaf.pid")" 2>/dev/null; then
    echo "Stopping Karaf..."
    "$KARAF/bin/stop" >/dev/null 2>&1 || true
    for _ in $(seq 1 60); do kill -0 "$(cat "$KARAF/karaf.pid")" 2>/dev/null || return 0; sleep 1; done
    echo "Karaf did not stop in 60 s; killing it" >&2
    kill -9 "$(cat "$KARAF/karaf.pid")" 2>/dev/null || true
  fi
}

case "${1:-start}" in
  stop) stop_karaf; exit 0 ;;
  clean) stop_karaf; rm -rf "$RUN"; echo "Removed $RUN"; exit 0 ;;
  start) ;;
  *) echo "usage: $0 [start|stop|clean]" >&2; exit 2 ;;
esac

if [ "${PACE_SKIP_BUILD:-0}" != 1 ]; then
  echo "Building Pace $VERSION (mvn install, tests skipped; ./test.sh runs them)..."
  mvn -B -q -Dstyle.color=never install -DskipTests
fi
REPO="${MAVEN_LOCAL_REPOSITORY:-$HOME/.m2/repository}"
TARBALL="$REPO/org/apache/karaf/apache-karaf/$KARAF_VERSION/apache-karaf-$KARAF_VERSION.tar.gz"
[ -f "$TARBALL" ] || mvn -B -q -Dstyle.color=never dependency:get -Dartifact="org.apache.karaf:apache-karaf:$KARAF_VERSION:tar.gz"

stop_karaf
# A fresh Karaf each time so that rebuilt bundles are picked up; the demo's database (data/pace) is kept.
mkdir -p "$RUN"
if [ -d "$KARAF/data/pace" ]; then rm -rf "$RUN/pace-data.keep"; mv "$KARAF/data/pace" "$RUN/pace-data.keep"; fi
rm -rf "$KARAF" && mkdir -p "$KARAF"
tar xzf "$TARBALL" -C "$KARAF" --strip-components=1
if [ -d "$RUN/pace-data.keep" ]; then mkdir -p "$KARAF/data"; mv "$RUN/pace-data.keep" "$KARAF/data/pace"; fi

cfg="$KARAF/etc/org.apache.karaf.features.cfg"
sed -i "s#^featuresRepositories = \\\\#featuresRepositories = mvn:org.pacekpi/features/$VERSION/xml/features, \\\\#" "$cfg"
sed -i "s#^featuresBoot = \\\\#featuresBoot = pace-demo, \\\\#" "$cfg"
grep -q "org.pacekpi/features" "$cfg" && grep -q "pace-demo" "$cfg" || { echo "could not configure $cfg" >&2; exit 1; }
echo "org.ops4j.pax.url.mvn.localRepository = $REPO" >> "$KARAF/etc/org.ops4j.pax.url.mvn.cfg"
echo "org.osgi.service.http.port = $PORT" > "$KARAF/etc/org.apache.felix.http.cfg"
if [ -n "${PACE_SIM_TEAMS:-}${PACE_SIM_TEAM_SIZE:-}${PACE_SIM_MONTHS:-}" ]; then
  # An existing configuration file wins over the feature's defaults.
  printf 'seed = 42\nteams = %s\nteamSize = %s\nmonths = %s\n' "${PACE_SIM_TEAMS:-2}" "${PACE_SIM_TEAM_SIZE:-4}" \
    "${PACE_SIM_MONTHS:-3}" > "$KARAF/etc/org.pacekpi.sandbox.simulator.cfg"
fi
if [ -n "${PACE_HISTORY_BATCH_SIZE:-}" ]; then
  echo "historyBatchSize = $PACE_HISTORY_BATCH_SIZE" > "$KARAF/etc/org.pacekpi.ingest.cfg"
fi
if [ -n "${PACE_STORE_URL:-}" ]; then
  { echo "url = $PACE_STORE_URL"
    if [ -n "${PACE_STORE_USER:-}" ]; then echo "user = $PACE_STORE_USER"; fi
    if [ -n "${PACE_STORE_PASSWORD:-}" ]; then echo ".password = $PACE_STORE_PASSWORD"; fi
  } > "$KARAF/etc/org.pacekpi.store.cfg"
fi
sed -i "s#^sshPort *=.*#sshPort = ${PACE_SSH_PORT:-8101}#" "$KARAF/etc/org.apache.karaf.shell.cfg"
sed -i "s#^rmiRegistryPort *=.*#rmiRegistryPort = ${PACE_RMI_REGISTRY_PORT:-1099}#; s#^rmiServerPort *=.*#rmiServerPort = ${PACE_RMI_SERVER_PORT:-44444}#" \
  "$KARAF/etc/org.apache.karaf.management.cfg"

echo "Starting Karaf $KARAF_VERSION with pace-demo on port $PORT, Pace's store ${PACE_STORE_URL:-embedded H2}..."
"$KARAF/bin/start"

url="http://localhost:$PORT"
if [ "${PACE_NO_WAIT:-0}" = 1 ]; then echo "Karaf started (pid $(cat "$KARAF/karaf.pid" 2>/dev/null || echo '?')); not waiting."; exit 0; fi
deadline=$((SECONDS + 300))
until curl -fsS -o /dev/null "$url/crm/" 2>/dev/null; do
  if [ $SECONDS -gt $deadline ]; then echo "The dashboard did not come up in 300 s; see $KARAF/data/log/karaf.log" >&2; exit 1; fi
  sleep 2
done
echo "Waiting for the simulated sales team and for Pace to read its history..."
until status=$(curl -fsS -u admin:demo "$url/pace/api/v1/status" 2>/dev/null) && \
      python3 -c 'import json,sys; s=json.loads(sys.argv[1]); sys.exit(0 if s["hostSequence"] > 0 and s["appliedSequence"] >= s["hostSequence"] else 1)' "$status"; do
  if [ $SECONDS -gt $deadline ]; then echo "Pace did not catch up in time; see $KARAF/data/log/karaf.log" >&2; exit 1; fi
  sleep 2
done
managers=$(curl -fsS -u admin:demo "$url/pace/api/v1/managers" | python3 -c 'import json,sys; print(", ".join(m["id"] for m in json.load(sys.stdin)))')
cat <<MSG

Pace is running.
  Dashboard:  $url/crm/
  Logins:     admin (CRM admin), head (head of sales), managers: $managers
  Password:   demo (for every demo login)
  Pace API:   $url/pace/api/v1/me   (e.g. curl -u anna:demo ...)
  Karaf log:  $KARAF/data/log/karaf.log
  Stop:       ./demo.sh stop
MSG
