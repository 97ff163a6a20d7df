#!/bin/sh
# Runs every fuzz target of sitrep one after another, each for the same
# time, one worker each (-parallel 1: the box is shared), and prints one
# line per target: executions, average executions per second, the corpus
# entries it found, and PASS or FAIL. A crasher is written by `go test`
# under the package's testdata/fuzz/<Target>/ and the run goes on to the
# next target. Logs: $FUZZ_LOGS (default /tmp/sitrep-fuzz).
#
#   scripts/fuzz/run.sh [DURATION] [TARGET-FILTER]
#
# DURATION is a Go duration (default 10m); TARGET-FILTER a grep pattern
# over "package Target" (default: all). Minimising a newly interesting
# input is capped at $FUZZ_MINIMIZE executions (default 1000x; go's
# default is 60 s): the minimised form matters only for a crasher, and
# while a worker minimises it does not fuzz (FuzzUnmarshalState, whose
# inputs reach deep into encoding/gob, spent most of its time so).
set -u
dur=${1:-10m}
filter=${2:-.}
logs=${FUZZ_LOGS:-/tmp/sitrep-fuzz}
mkdir -p "$logs"
cd "$(dirname "$0")/../.."
targets="./internal/story FuzzUnmarshalState
./internal/ingest/warc FuzzReader
./internal/ingest FuzzSniff
./internal/ingest/jsonl FuzzReader
./internal/ingest/jsonl FuzzParse
./internal/ingest/textenc FuzzDecode
./internal/ingest/fetch FuzzURL
./internal/ingest/fetch FuzzDialCheck"
status=0
echo "$targets" | grep -- "$filter" | while read -r pkg target; do
	log="$logs/$(echo "${pkg#./}" | tr / _)_$target.log"
	go test -run '^$' -fuzz "^$target\$" -fuzztime "$dur" -fuzzminimizetime "${FUZZ_MINIMIZE:-1000x}" -parallel 1 "$pkg" >"$log" 2>&1
	rc=$?
	# the last progress line: "fuzz: elapsed: 10m0s, execs: N (R/sec), new interesting: K (total: T)"
	awk -v pkg="$pkg" -v target="$target" -v rc="$rc" '
		/^fuzz: elapsed:.*execs:/ { line = $0 }
		END {
			if (line == "") { printf "%-28s %-20s no progress line (see log) rc=%d\n", pkg, target, rc; exit }
			split(line, f, /[ ,()]+/)
			for (i = 1; i in f; i++) {
				if (f[i] == "elapsed:") el = f[i+1]
				if (f[i] == "execs:") ex = f[i+1]
				if (f[i] == "interesting:") ni = f[i+1]
			}
			s = 0; t = el
			if (t ~ /h/) { split(t, a, "h"); s += a[1] * 3600; t = a[2] }
			if (t ~ /m/) { split(t, a, "m"); s += a[1] * 60; t = a[2] }
			sub(/s$/, "", t); s += t
			printf "%-28s %-20s %s %12d execs %8.0f/s  new corpus %s  %s\n", pkg, target, el, ex, (s > 0 ? ex / s : 0), ni, (rc == 0 ? "PASS" : "FAIL")
		}' "$log"
done
