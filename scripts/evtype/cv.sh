#!/bin/bash
# Cross-validated PLOVER dev figures of the event coder (issue #16): dump the
# labelled records, ablate the coder's word tables and exception rules, and
# score each dev fold without the entries only that fold supports.
# Usage: scripts/evtype/cv.sh OUTDIR   (from the repository root)
set -euo pipefail
D=${1:?usage: cv.sh OUTDIR}
mkdir -p "$D"
SH=${SITREP_SHARED:-../shared}/eval/events-plover
go run ./scripts/evtype -dir "$SH" -dump "$D/recs.jsonl" -silver
# every entry and rule on PLOVER dev and PETRARCH-2, then those that change
# a dev or PETRARCH-2 record on the silver lead paragraphs too
SITREP_ABLATE="$D/recs.jsonl" SITREP_ABLATE_OUT="$D/abl_dp.jsonl" go test ./internal/event -run 'TestAblate$' -count=1 >/dev/null
SITREP_ABLATE="$D/recs.jsonl" SITREP_ABLATE_OUT="$D/abl_all.jsonl" SITREP_ABLATE_ONLY="$D/abl_dp.jsonl" \
	SITREP_ABLATE_SETS=dev,petr2,silver go test ./internal/event -run 'TestAblate$' -count=1 >/dev/null
# an entry counts as supported outside dev when it makes more PETRARCH-2
# (abl_dp) or PETRARCH-2 and silver (abl_all) records right than wrong
for a in abl_dp abl_all; do
	SITREP_ABLATE="$D/recs.jsonl" SITREP_ABLATE_OUT="$D/$a.jsonl" SITREP_ABLATE_CV="$D/cv_$a.jsonl" \
		go test ./internal/event -run TestAblateCV -count=1 -v | grep -o 'cross-validated.*' | sed "s/^/$a: /"
	go run ./scripts/evtype -cv "$D/recs.jsonl" -votes "$D/cv_$a.jsonl" -feats words,dict,rules -extra petr2
done
