#!/usr/bin/env bash
# The demo: installs what is missing, builds pingplan and pingone-emulator, starts the
# emulator in the background, and runs validate, plan, apply and a second plan of the
# bootstrap example against it. The second plan shows no changes. Then the application the
# apply created fetches a token for its scope, and `jose` checks the token's signature and
# prints its claims. Stops the emulator.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build=${BUILD_DIR:-build}
cmake -S . -B "$build" >/dev/null
cmake --build "$build" -j"${JOBS:-2}" --target pingplan pingone-emulator >/dev/null
bin=$PWD/$build/bin
manifest=examples/orchestration-tool.yaml

work=$(mktemp -d)
trap 'kill "$emulator" 2>/dev/null || true; wait "$emulator" 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin/pingone-emulator" --port 0 >"$work/banner" 2>"$work/emulator.log" &
emulator=$!
for _ in $(seq 100); do
  grep -q '^export PINGONE_CLIENT_SECRET=' "$work/banner" 2>/dev/null && break
  kill -0 "$emulator" 2>/dev/null || { cat "$work/emulator.log" >&2; exit 1; }
  sleep 0.1
done
head -n 1 "$work/banner"
# shellcheck disable=SC1090
source <(grep '^export ' "$work/banner")

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }
step "$bin/pingplan" validate "$manifest"
step "$bin/pingplan" plan "$manifest"
step "$bin/pingplan" apply "$manifest" --auto-approve --credentials-out "$work/credentials.json"
step "$bin/pingplan" plan "$manifest" --detailed-exitcode

# The console recipe's last step, with the credentials the apply wrote: a token for the scope.
# The commands are printed with the secret's variable, never its value.
credentials=$work/credentials.json
CLIENT_ID=$(jose fmt -j "$credentials" -g applications -g 0 -g clientId -u-)
CLIENT_SECRET=$(jose fmt -j "$credentials" -g applications -g 0 -g clientSecret -u-)
auth=$PINGONE_AUTH_SERVICE_HOSTNAME/$PINGONE_ENVIRONMENT_ID/as
printf '\n\033[1m$ curl -s -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials'
printf ' -d scope=orchestration:admin %s/token\033[0m\n' "$auth"
curl -sf -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials \
  -d scope=orchestration:admin "$auth/token" >"$work/token.json"
jose fmt -j "$work/token.json" -g access_token -u- | tr -d "\n" >"$work/token.jwt"
curl -sf "$auth/jwks" >"$work/jwks.json"
printf '(a token for "Orchestration Tool"; its signature checked against %s/jwks, its claims:)\n' "$auth"
jose jws ver -i "$work/token.jwt" -k "$work/jwks.json" -O- | python3 -m json.tool
echo
echo "Demo complete: the second plan found nothing to change, and the new application's"
echo "token carries the resource's audience, its scope and the attributes name and groups."
