#!/usr/bin/env bash
# Installs what `npm run test:editors` needs, once, and does nothing when it
# is already there: Debian's chromium (the browser that drives VS Code) and,
# in a cache folder outside the repository, code-server 4.100.3 (VS Code
# in a browser; the last release that runs on Node 20). Prints the folder.
#
# code-server's install builds native modules (kerberos needs libkrb5-dev;
# node-gyp is pointed at the headers Node was installed with, since it may
# not download them) and downloads ripgrep, which we seed from Debian's
# ripgrep package instead.
set -euo pipefail
version=4.100.3
ripgrep_package=1.15.11
ripgrep_asset=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
cache="${MPOL_EDITORS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mpol-editors}"
target="$cache/code-server-$version"

apt_missing=()
command -v chromium >/dev/null 2>&1 || apt_missing+=(chromium)
if [ ! -f "$target/installed" ]; then
  command -v rg >/dev/null 2>&1 || apt_missing+=(ripgrep)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || apt_missing+=(libkrb5-dev)
fi
if [ "${#apt_missing[@]}" -gt 0 ]; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  echo "installing ${apt_missing[*]} with apt-get" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi

if [ -f "$target/installed" ]; then
  echo "$target"
  exit 0
fi

nodedir=$(node -p "require('node:path').resolve(process.execPath, '..', '..')")
if [ ! -f "$nodedir/include/node/common.gypi" ]; then
  echo "no Node.js headers in $nodedir/include/node: code-server's native modules cannot be built" >&2
  exit 2
fi

echo "installing code-server $version into $target (a few minutes, once)" >&2
work="$target.partial"
rm -rf "$work"
mkdir -p "$work/tmp/vscode-ripgrep-cache-$ripgrep_package"
seed=$(mktemp -d)
cp "$(command -v rg)" "$seed/rg"
tar czf "$work/tmp/vscode-ripgrep-cache-$ripgrep_package/$ripgrep_asset" -C "$seed" rg
rm -rf "$seed"
cat >"$work/package.json" <<'JSON'
{ "private": true, "allowScripts": { "code-server": true, "argon2": true } }
JSON
(
  cd "$work"
  TMPDIR="$work/tmp" npm_config_yes=true npm_config_nodedir="$nodedir" npm_config_unsafe_perm=true \
    npm install --no-audit --no-fund --loglevel=error "code-server@$version" >"$work/install.log" 2>&1 ||
    { tail -40 "$work/install.log" >&2; exit 1; }
)
rm -rf "$work/tmp" "$target"
mv "$work" "$target"
touch "$target/installed"
echo "$target"
