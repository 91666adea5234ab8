#!/usr/bin/env bash
# boardbench.sh prints what the mandate board and the decisions list cost
# over DECISIONS decisions of two paragraphs and two mandates each (100,000
# paragraphs at 50,000), of three instruments and many meetings: every
# filter of each list alone and in pairs, under every sort of the board,
# on the first page and on a deep one (the board's page 200, the
# decisions' page 400). One mandate in 250 is completed, owned and checked
# by a person, so that the filters that keep few rows are measured too.
#
# Each page is fetched REPS times (default 5); the table gives the
# server's best time of them (from its log) and the CPU time the server
# spent on each on average (from /proc), which a loaded machine
# changes less than time (on PostgreSQL, with the time of the database's
# processes). Pages over BUDGET ms (default 100) are marked.
#
#	scripts/boardbench.sh [DECISIONS] [STORE]
#
# STORE is a SQLite file, kept, or a postgres:// URL of an empty database:
# either is filled on the first run and reused by the next. Without it the
# store is a temporary SQLite file. Everything runs on 127.0.0.1 and stops
# by itself.
#
# On PostgreSQL, a walk far down a list reads from the table whether each
# row is visible until the database is vacuumed (autovacuum does it soon
# after an ingest, where it is on): a database just filled gives the
# worst figures, and `VACUUM (ANALYZE)` before a second run the usual
# ones. The CPU time of parallel workers, which exit before it is read,
# is not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50000}
store=${2:-}
reps=${REPS:-5}
budget=${BUDGET:-100}
dir=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$dir"' EXIT
[ -n "$store" ] || store=$dir/bench.db

go build -o "$dir/accord" ./cmd/accord
stored=$("$dir/accord" decisions list --db "$store" --format csv 2>/dev/null | tail -n +2 | wc -l || true)
if [ "$stored" -eq 0 ]; then
	mkdir "$dir/many"
	awk -v n="$n" -v dir="$dir" 'BEGIN {
		split("Basel Convention|Stockholm Convention|Minamata Convention on Mercury", name, "|")
		split("BC|SC|MC", prefix, "|")
		split("the Secretariat|the Executive Secretary|the Global Environment Facility|the secretariats", actor, "|")
		split("at its seventh meeting|by 31 March 2027|by 1 January 2020", due, "|")
		for (i = 1; i <= n; i++) {
			f = sprintf("%s/many/%03d.txt", dir, int((i - 1) / 1000))
			# Each decision has a text of its own (the same text under
			# another symbol is the same decision, stored once), a
			# symbol of its instrument and meeting (a hundred decisions
			# of each instrument a meeting), and its first mandate is
			# asked of one of four actors, by a meeting or a date.
			k = i % 3 + 1
			meeting = int((i - 1) / 300) + 1
			number = int(((i - 1) % 300) / 3) + 1
			printf "Decision %s-%d/%d: Decision number %d on cooperation\n\nThe Conference of the Parties to the %s,\n\n1. Requests %s to report on matter %d %s;\n\n2. Invites Parties to cooperate on matter %d.\n\n", prefix[k], meeting, number, i, name[k], actor[i % 4 + 1], i, due[i % 3 + 1], i > f
		}
	}'
	start=$(date +%s)
	"$dir/accord" ingest --db "$store" "$dir/many" >/dev/null
	echo "ingested $n decisions ($(($(date +%s) - start)) s)"
fi
mandates=$("$dir/accord" mandates list --db "$store" --format csv | tail -n +2 | wc -l)
checked=$("$dir/accord" mandates list --db "$store" --checked yes --format csv | tail -n +2 | wc -l)
if [ "$checked" -lt $((mandates / 250)) ]; then
	token=$("$dir/accord" users add --db "$store" --role admin "bench-$$" | tail -1)
fi
echo "$("$dir/accord" decisions list --db "$store" --format csv | tail -n +2 | wc -l) decisions stored"

port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
"$dir/accord" serve --db "$store" --addr "127.0.0.1:$port" --rate-token 0 2>"$dir/serve.log" &
server=$!
# A store opened for the first time after an upgrade may migrate for a
# while before it serves (relinking 50,000 decisions' mandates takes
# about a minute): wait up to five minutes, and say so if it never answers.
for _ in $(seq 1 1500); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done
curl -sf "$base/healthz" >/dev/null || { echo "the server did not answer; its log:" >&2; cat "$dir/serve.log" >&2; exit 1; }

if [ -n "${token:-}" ]; then
	# One mandate in 250: completed, owned by one of two officers, its
	# deliverable corrected (so checked by a person).
	for id in $(seq 250 250 "$mandates"); do # a new store numbers the mandates from 1
		for change in "{\"status\":\"completed\",\"owner\":\"officer $((id / 250 % 2))\"}" '{"deliverable":"study"}'; do
			curl -sf -X PATCH -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
				-d "$change" "$base/api/v1/mandates/$id" >/dev/null || echo "PATCH mandate $id $change failed"
		done
	done
	echo "marked $((mandates / 250)) mandates completed, owned and checked"
fi
decision=$(curl -s "$base/decisions" | grep -o 'href="/decisions/[0-9]*"' | sed -n 1p | grep -o '[0-9]*' || true)

# The CPU time of the server, and on PostgreSQL of the database's
# processes serving it too, in clock ticks.
pids() {
	echo "$server"
	case $store in
	postgres*)
		db=${store##*/}
		pgrep -f "postgres: .* ${db%%\?*} " || true
		;;
	esac
}
cpu() { for p in $(pids); do cat "/proc/$p/stat" 2>/dev/null; done | awk '{t += $14 + $15} END {print t + 0}'; }
hz=$(getconf CLK_TCK)
over=0
total=0
measure() {
	local path=$1 before after best rows status
	before=$(cpu)
	for _ in $(seq 1 "$reps"); do
		status=$(curl -s -o "$dir/page.html" -w "%{http_code}" "$base$path")
	done
	after=$(cpu)
	best=$(grep ' path=' "$dir/serve.log" | tail -n "$reps" | grep -o ' ms=[0-9]*' | cut -d= -f2 | awk 'NR == 1 || $1 < m {m = $1} END {print m + 0}')
	# The rows less the header and a "No mandates." row.
	rows=$(awk '{n += gsub(/<tr/, ""); n -= gsub(/<td colspan/, "")} END {print n - 1}' "$dir/page.html")
	mark=""
	if [ "$best" -gt "$budget" ]; then
		mark="OVER"
		over=$((over + 1))
	fi
	total=$((total + 1))
	printf "%-72s %4s %5s %8s %8s  %s\n" "$path" "$status" "$rows" "$best" \
		"$(awk -v t="$((after - before))" -v hz="$hz" -v r="$reps" 'BEGIN {printf "%.1f", t * 1000 / hz / r}')" "$mark"
}

printf "%-72s %4s %5s %8s %8s\n" "page" "code" "rows" "best ms" "cpu ms"
filters=("" "instrument=Minamata" "body=COP" "meeting=COP-10" "actor=secretariat" "actor=gef" "actor=parties"
	"status=completed" "status=open" "due=COP-7" "overdue=true" "owner=officer+1" "checked=yes" "checked=no"
	"decision=$decision"
	"instrument=Basel&actor=secretariat" "actor=secretariat&overdue=true" "instrument=Minamata&status=completed"
	"body=COP&due=COP-7" "meeting=COP-10&actor=gef" "instrument=Stockholm&checked=yes" "status=open&owner=officer+0")
for f in "${filters[@]}"; do
	for sort in "" due -due status -status actor -actor decision -decision; do
		for page in "" 200; do
			q=$f
			[ -n "$sort" ] && q="${q:+$q&}sort=$sort"
			[ -n "$page" ] && q="${q:+$q&}page=$page"
			measure "/mandates${q:+?$q}"
		done
	done
done
filters=("" "instrument=Basel" "meeting=COP-10" "year=2026" "kind=decision" "q=cooperation" "q=4711" "q=nosuchword"
	"q=BC-10" "q=co" "q=%25" "instrument=Basel&q=cooperation" "kind=decision&year=2026" "meeting=COP-10&q=4711"
	"instrument=Minamata&kind=decision&q=number+cooperation")
for f in "${filters[@]}"; do
	for page in "" 400; do
		q=$f
		[ -n "$page" ] && q="${q:+$q&}page=$page"
		measure "/decisions${q:+?$q}"
	done
done
echo "$over of $total pages over $budget ms"
