#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine: npm packages from the lock file, and
# (as root, from Debian) the programs the browser and server tests drive.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v prosody >/dev/null 2>&1 || need+=(prosody)
command -v luacheck >/dev/null 2>&1 || need+=(lua-check)
# The local Jitsi deployment in the e2e tests serves HTTPS with a throw-away certificate.
command -v openssl >/dev/null 2>&1 || need+=(openssl)
# The same deployment is served by Debian's nginx with Jitsi's own site configuration; jitsi-meet's
# build (npm run fork:build) needs make and xz.
[ -x /usr/sbin/nginx ] || need+=(nginx)
command -v make >/dev/null 2>&1 || need+=(make)
command -v xz >/dev/null 2>&1 || need+=(xz-utils)
# Jitsi's own Prosody modules, which the server tests load beside ours, need these Lua libraries.
for lib in lua-cjson lua-basexx lua-luaossl lua-inspect; do
    dpkg -s "$lib" >/dev/null 2>&1 || need+=("$lib")
done
# More than one server (deploy/README.md): the shared store is PostgreSQL, reached from Prosody through
# LuaDBI; the tests start a private cluster of Debian's PostgreSQL as its postgres user.
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
dpkg -s lua-dbi-postgresql >/dev/null 2>&1 || need+=(lua-dbi-postgresql)
# The shards of that deployment stand behind Debian's HAProxy in the tests, as in the guide.
[ -x /usr/sbin/haproxy ] || need+=(haproxy)

if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "setup: installing ${need[*]} from Debian"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    else
        echo "setup: please install ${need[*]} (sudo apt-get install ${need[*]}) and run this again" >&2
        exit 1
    fi
fi

npm ci --no-audit --no-fund
