#!/usr/bin/env bash
# Starts the machine's PostgreSQL (Debian's postgresql package; installed if missing) and
# creates a role for the PostgreSQL test suite. Run as root. Prints the DEMARCHE_POSTGRES_URL
# to export before `npm run test:postgres` or `npm run db:migration`.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

if ! command -v pg_ctlcluster >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')
if [ -z "$cluster" ]; then
  pg_createcluster 15 main >/dev/null
  cluster="15 main"
fi
# shellcheck disable=SC2086
pg_ctlcluster --skip-systemctl-redirect $cluster start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
pg_isready >/dev/null
su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'demarche_test') THEN
    CREATE ROLE demarche_test LOGIN CREATEDB PASSWORD 'demarche_test';
  END IF;
END $$;
SQL
port=$(pg_lsclusters --no-header | awk 'NR==1 {print $3}')
echo "postgresql://demarche_test:demarche_test@127.0.0.1:${port}/postgres"
