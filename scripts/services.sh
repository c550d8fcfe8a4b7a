#!/usr/bin/env bash
# Install (from Debian's packages) and start the services the tests use, on 127.0.0.1 only:
# PostgreSQL (role and database `portal`, password `portal`) and Redis (port 6379).
# Safe to run again; CI calls it, and so can a developer (as root) before `make test` on PostgreSQL.
set -euo pipefail

PG_ROLE=portal
PG_PASSWORD=portal

need=()
command -v pg_ctlcluster >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 \
    || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# PostgreSQL: the newest installed server, one cluster on 5432, started without systemd.
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$version main"; then
    pg_createcluster "$version" main --port 5432 >/dev/null
fi
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL did not start"; exit 1; }

# A password role reached over TCP (pg_hba's default for 127.0.0.1 is scram-sha-256); CREATEDB for
# the test databases pytest-django makes.
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
    CREATE ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  END IF;
END \$\$;
SQL
runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'portal'" | grep -q 1 \
    || runuser -u postgres -- createdb -O "$PG_ROLE" portal

# Redis on loopback, no disk snapshots.
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save '' --appendonly no >/dev/null
fi
for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.5; done
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null || { echo "Redis did not start"; exit 1; }

echo "PostgreSQL: postgres://$PG_ROLE:$PG_PASSWORD@127.0.0.1:5432/portal"
echo "Redis:      redis://127.0.0.1:6379/0"
