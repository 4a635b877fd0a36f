#!/usr/bin/env bash
# Makes the installed Node and npm look like a frontend-maven-plugin install in $1,
# because the plugin's own install step downloads from a host we cannot reach.
set -euo pipefail
dir=$1
node_bin=$(command -v node) || { echo "node not found: install Node 20+ (see README)" >&2; exit 1; }
npm_root=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
[ -f "$npm_root/bin/npm-cli.js" ] || npm_root="$(npm root -g 2>/dev/null)/npm"
mkdir -p "$dir/node_modules"
ln -sfn "$node_bin" "$dir/node"
ln -sfn "$npm_root" "$dir/node_modules/npm"
