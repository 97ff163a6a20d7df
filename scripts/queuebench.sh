#!/bin/bash
# scripts/queuebench.sh CORPUS.jsonl: single-process `sitrep ingest` against 1 and 2 `sitrep worker`s
# through a private nats-server (port 14555), each into a fresh SQLite file, one after the other.
# Needs nats-server on the PATH and a built sitrep ($SITREP, default ./sitrep). Prints wall and CPU
# (user, sys) of every process, and the NATS server's CPU per run (BENCHMARKS.md, issue 17).
# PG=postgres://… puts the workers' runs on PostgreSQL instead (a fresh schema each, dropped after)
# and adds the PostgreSQL server's CPU (its processes and the connections it reaped) to each run;
# WORKERS="1 2 4" picks the worker counts; WORKER_FLAGS="--cpuprofile /tmp/w.prof" adds flags to every
# worker (one worker's profile: the workers would write the same file). The corpus: go run ./scripts/corpusgen -to 2000 > c.jsonl
set -u
S=$(realpath "${SITREP:-./sitrep}")
C=$(realpath "$1")
W=$(mktemp -d)
cd "$W"
cpu_of() { awk '{print ($14+$15)/100}' /proc/$1/stat; }
# pg_cpu: CPU seconds of the PostgreSQL server so far — the postmaster with the children it reaped,
# and its live children.
pg_cpu() {
  local pm c t
  # the postmaster of the server $PG names, from its data folder's pid file
  pm=$(head -n1 "$(psql -Atc 'SHOW data_directory' "$PG")/postmaster.pid") || { echo 0; return; }
  t=$(awk '{print ($14+$15+$16+$17)/100}' /proc/$pm/stat)
  for c in $(pgrep -P "$pm"); do t=$(echo "$t + $(awk '{print ($14+$15)/100}' /proc/$c/stat 2>/dev/null || echo 0)" | bc); done
  echo "$t"
}
PG=${PG:-}
mkdir -p logs js
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "single-process ingest: wall %e user %U sys %S" "$S" ingest --quiet --db a.db "$C" 2> logs/a.time
tail -n1 logs/a.time
Q=nats://127.0.0.1:14555
for n in ${WORKERS:-1 2}; do
  # a fresh NATS server per run: JetStream drops a document published again within its duplicate
  # window (content-hash message ids), which would leave a quick second run nothing to do
  rm -rf js; mkdir js
  nats-server -a 127.0.0.1 -p 14555 -js -sd "$W/js" > logs/nats$n.log 2>&1 &
  NP=$!
  sleep 1
  db=w$n.db
  if [ -n "$PG" ]; then
    schema=qbench_$$_$n
    psql -q "$PG" -c "CREATE SCHEMA $schema"
    case "$PG" in *\?*) db="$PG&search_path=$schema" ;; *) db="$PG?search_path=$schema" ;; esac
  fi
  /usr/bin/time -f "publish: wall %e user %U sys %S" "$S" ingest --quiet --queue $Q "$C" 2> logs/pub$n.time
  tail -n1 logs/pub$n.time
  "$S" ingest --db "$db" --quiet /dev/null 2>/dev/null # the schema, before the workers start
  n0=$(cpu_of $NP); p0=$(pg_cpu)
  pids=()
  for i in $(seq 1 $n); do
    /usr/bin/time -f "worker $i of $n: wall %e user %U sys %S" "$S" worker --db "$db" --queue $Q --exit-idle 2s --corpus-idle 1s ${WORKER_FLAGS:-} 2> logs/w$n.$i.log &
    pids+=($!)
  done
  wait "${pids[@]}"
  for i in $(seq 1 $n); do tail -n1 logs/w$n.$i.log; done
  echo "$n workers: nats-server CPU $(echo "$(cpu_of $NP) - $n0" | bc) s"
  [ -n "$PG" ] && echo "$n workers: PostgreSQL server CPU $(echo "$(pg_cpu) - $p0" | bc) s"
  "$S" status --db "$db" 2>&1 | head -n2
  [ -n "$PG" ] && psql -q "$PG" -c "SET client_min_messages = warning; DROP SCHEMA $schema CASCADE"
  kill $NP; wait $NP 2>/dev/null
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$W"
