#!/usr/bin/env bash
# Emulator throughput: starts pingone-emulator on a free loopback port, gets a worker token,
# runs wrk against GET /v1/environments/{envId}/applications, and stops the emulator.
#
#   bench/emulator-throughput.sh [EMULATOR_BINARY] [THREADS] [CONNECTIONS] [DURATION]
#   default: build/bin/pingone-emulator 2 32 10s
set -euo pipefail

emulator=${1:-build/bin/pingone-emulator}
threads=${2:-2}
connections=${3:-32}
duration=${4:-10s}

command -v wrk >/dev/null || { echo "wrk is not installed" >&2; exit 1; }
[ -x "$emulator" ] || { echo "no emulator binary at $emulator" >&2; exit 1; }

work=$(mktemp -d)
banner=$work/banner
"$emulator" --port 0 >"$banner" 2>"$work/stderr" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

# Wait for the banner's last line (the secret), not for a fixed time.
for _ in $(seq 1 600); do
  grep -q '^export PINGONE_CLIENT_SECRET=' "$banner" && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/stderr" >&2; exit 1; }
  sleep 0.05
done
eval "$(grep '^export ' "$banner")"
url=$PINGONE_API_SERVICE_HOSTNAME
env_id=$PINGONE_ENVIRONMENT_ID

token=$(curl -sf -u "$PINGONE_CLIENT_ID:$PINGONE_CLIENT_SECRET" -d grant_type=client_credentials \
  "$url/$env_id/as/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
target="$url/v1/environments/$env_id/applications"
curl -sf -o /dev/null -H "Authorization: Bearer $token" "$target"

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "wrk -t$threads -c$connections -d$duration -H 'Authorization: Bearer ...' $target"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$target"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
curl -s "$url/emulator/counters"
echo
