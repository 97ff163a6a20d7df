#!/bin/bash
# scripts/queuebench.sh CORPUS.jsonl: single-process `sitrep ingest` against 1 and 2 `sitrep worker`s
# through a private nats-server (port 14555), each into a fresh SQLite file, one after the other.
# Needs nats-server on the PATH and a built sitrep ($SITREP, default ./sitrep). Prints wall and CPU
# (user, sys) of every process, and the NATS server's CPU per run (BENCHMARKS.md, issue 17).
set -u
S=$(realpath "${SITREP:-./sitrep}")
C=$(realpath "$1")
W=$(mktemp -d)
cd "$W"
cpu_of() { awk '{print ($14+$15)/100}' /proc/$1/stat; }
mkdir -p logs js
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "single-process ingest: wall %e user %U sys %S" "$S" ingest --quiet --db a.db "$C" 2> logs/a.time
tail -n1 logs/a.time
nats-server -a 127.0.0.1 -p 14555 -js -sd "$W/js" > logs/nats.log 2>&1 &
NP=$!
sleep 1
Q=nats://127.0.0.1:14555
for n in 1 2; do
  db=w$n.db
  /usr/bin/time -f "publish: wall %e user %U sys %S" "$S" ingest --quiet --queue $Q "$C" 2> logs/pub$n.time
  tail -n1 logs/pub$n.time
  "$S" ingest --db $db --quiet /dev/null 2>/dev/null # the schema, before the workers start
  n0=$(cpu_of $NP)
  pids=()
  for i in $(seq 1 $n); do
    /usr/bin/time -f "worker $i of $n: wall %e user %U sys %S" "$S" worker --db $db --queue $Q --exit-idle 2s --corpus-idle 1s 2> logs/w$n.$i.log &
    pids+=($!)
  done
  wait "${pids[@]}"
  for i in $(seq 1 $n); do tail -n1 logs/w$n.$i.log; done
  echo "$n workers: nats-server CPU $(echo "$(cpu_of $NP) - $n0" | bc) s"
  "$S" status --db $db 2>&1 | head -n2
done
kill $NP
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$W"
