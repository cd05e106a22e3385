#!/usr/bin/env bash
# Installs what pingplan needs to build and test, from Debian's packages (and the npm
# packages of the schema test). Idempotent and quiet: installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake make pkg-config git ca-certificates curl
  libcurl4-openssl-dev nlohmann-json3-dev libyaml-cpp-dev libssl-dev libcli11-dev
  libcpp-httplib-dev libgtest-dev libgmock-dev libbenchmark-dev
  jose wrk clang-14 libclang-rt-14-dev clang-format time python3
)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "install-deps: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

# The schema test validates examples with ajv (tests/schema/package-lock.json pins it).
if [ -f tests/schema/package-lock.json ] && [ ! -d tests/schema/node_modules ]; then
  npm ci --prefix tests/schema --silent --no-audit --no-fund >/dev/null
fi
