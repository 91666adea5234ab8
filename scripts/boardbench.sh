#!/usr/bin/env bash
# boardbench.sh prints what the mandate board and the decisions list cost
# over DECISIONS decisions of two paragraphs and two mandates each, of three
# instruments: the best time of seven fetches of a few pages, among them the
# board filtered by an instrument's name ("Minamata"). Everything runs on
# 127.0.0.1 and stops by itself.
#
#	scripts/boardbench.sh [DECISIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-48000}
dir=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$dir"' EXIT

go build -o "$dir/accord" ./cmd/accord
mkdir "$dir/many"
awk -v n="$n" -v dir="$dir" 'BEGIN {
	split("Basel Convention|Stockholm Convention|Minamata Convention on Mercury", name, "|")
	split("the Secretariat|the Executive Secretary|the Global Environment Facility|the secretariats", actor, "|")
	split("at its seventh meeting|by 31 March 2027|by 1 January 2020", due, "|")
	for (i = 1; i <= n; i++) {
		f = sprintf("%s/many/%03d.txt", dir, int((i - 1) / 1000))
		# Each decision has a text of its own (the same text under another
		# symbol is the same decision, stored once), and its first mandate
		# is asked of one of four actors, by a meeting or a date.
		printf "Decision MC-6/%d: Decision number %d on cooperation\n\nThe Conference of the Parties to the %s,\n\n1. Requests %s to report on matter %d %s;\n\n2. Invites Parties to cooperate on matter %d.\n\n", i, i, name[i % 3 + 1], actor[i % 4 + 1], i, due[i % 3 + 1], i > f
	}
}'
start=$(date +%s)
"$dir/accord" ingest --db "$dir/bench.db" "$dir/many" >/dev/null
echo "ingested $n decisions ($(($(date +%s) - start)) s): $("$dir/accord" decisions list --db "$dir/bench.db" --format csv | tail -n +2 | wc -l) stored"

port=$((20000 + RANDOM % 20000))
"$dir/accord" serve --db "$dir/bench.db" --addr "127.0.0.1:$port" 2>"$dir/serve.log" &
server=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
for path in "/mandates" "/mandates?instrument=Minamata" "/mandates?page=200" \
	"/mandates?sort=due" "/mandates?sort=-due&page=200" "/mandates?sort=status&page=200" "/mandates?sort=actor" "/mandates?sort=-actor&page=200" \
	"/mandates?actor=secretariat&instrument=Basel&sort=due" "/mandates?actor=executive-secretary" "/mandates?checked=yes" "/mandates?body=COP&page=200" "/mandates?overdue=true" "/mandates?overdue=true&instrument=Minamata&page=20" \
	"/decisions" "/decisions?instrument=Basel" "/decisions?page=400" "/decisions?q=cooperation+4711" "/decisions?kind=decision&year=2026"; do
	best=9
	for _ in $(seq 1 7); do
		t=$(curl -s -o /dev/null -w "%{time_total}" "http://127.0.0.1:$port$path")
		best=$(echo "$t $best" | awk '{print ($1 < $2) ? $1 : $2}')
	done
	rows=$(($(curl -s "http://127.0.0.1:$port$path" | grep -o '<tr>' | wc -l) - 1)) # less the header
	status=$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$port$path")
	echo "$path: $status, $rows rows, best of 7 $best s"
done
