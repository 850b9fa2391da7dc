#!/bin/sh
# tfcorpus.sh BINARY DIRLIST OUT.tsv [TIMEOUT_SECONDS]
#
# Runs `BINARY check --tf DIR --format json` on every directory named in
# DIRLIST (one path a line) and writes one tab-separated line per directory:
# the exit status (124 for a timeout), the directory, and the first line of
# stderr that is not a warning. It measures how much public Terraform
# annexa evaluates without an input error (exit 2); the directories are
# brought in by whoever runs it and are not part of this repository.
set -u
bin=$1 list=$2 out=$3 limit=${4:-60}
: > "$out"
while IFS= read -r dir; do
	[ -n "$dir" ] || continue
	err=$(mktemp)
	timeout "$limit" "$bin" check --tf "$dir" --format json </dev/null >/dev/null 2>"$err"
	rc=$?
	msg=$(grep -v '^annexa: warning:' "$err" | head -n 1 | tr '\t' ' ')
	rm -f "$err"
	printf '%s\t%s\t%s\n' "$rc" "$dir" "$msg" >> "$out"
done < "$list"
