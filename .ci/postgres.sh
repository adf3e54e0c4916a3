# Sourced by .ci/run: a PostgreSQL from the distribution's packages for the tests, as root. Sets TEST_DATABASE_URL.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
pg_version=$(ls /usr/lib/postgresql | sort -V | tail -1)
pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$pg_version/main" || pg_createcluster "$pg_version" main >/dev/null
# The settings the operator guide gives for many tables (docs/postgresql.conf): the benchmarks run on them.
conf="$(dirname "${BASH_SOURCE[0]}")/../docs/postgresql.conf"
conf_d="/etc/postgresql/$pg_version/main/conf.d"
if ! cmp -s "$conf" "$conf_d/tafel.conf"; then
  install -m 644 -o postgres "$conf" "$conf_d/tafel.conf"
  pg_lsclusters -h | awk -v v="$pg_version" '$1==v && $2=="main" {print $4}' | grep -qx online &&
    pg_ctlcluster "$pg_version" main restart
fi
pg_lsclusters -h | awk -v v="$pg_version" '$1==v && $2=="main" {print $4}' | grep -qx online ||
  pg_ctlcluster "$pg_version" main start
pg_port=$(pg_lsclusters -h | awk -v v="$pg_version" '$1==v && $2=="main" {print $3}')
as_postgres() { su postgres -c "psql -p $pg_port -qtAc \"$1\""; }
[ "$(as_postgres "select 1 from pg_roles where rolname = 'tafel'")" = 1 ] ||
  as_postgres "create role tafel login password 'tafel'"
[ "$(as_postgres "select 1 from pg_database where datname = 'tafel_test'")" = 1 ] ||
  as_postgres "create database tafel_test owner tafel"
export TEST_DATABASE_URL="postgres://tafel:tafel@127.0.0.1:$pg_port/tafel_test"
