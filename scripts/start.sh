#!/bin/sh
# `npm start`: prepares in a process that ends (scripts/start.ts: migrate, seed an empty
# database, build when stale, compile the server to plain JavaScript), then replaces this
# shell with the server itself, so no tsx or shell wrapper stays resident beside it (issue 15).
# Arguments (--fresh-database) go to the preparation. The port is $PORT, default 3000.
set -e
cd "$(dirname "$0")/.."
node_modules/.bin/tsx scripts/start.ts --prepare-only "$@"
export NODE_ENV=production
exec node .next/demarche/serve.mjs
