#!/usr/bin/env bash
# exportbench.sh prints what the downloads of the longest lists cost: over
# N decisions of two mandates each (50,001 by default, so the mandate board
# passes the bound of 100,000 rows a download holds), the time and size of
# /decisions.csv and .xlsx, /mandates.csv and .xlsx and a search's, and the
# server's memory before and after. Everything runs on 127.0.0.1 and stops
# by itself.
#
#	scripts/exportbench.sh [DECISIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50001}
dir=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$dir"' EXIT

go build -o "$dir/accord" ./cmd/accord
mkdir "$dir/many"
awk -v n="$n" -v dir="$dir" 'BEGIN {
	for (i = 1; i <= n; i++) {
		f = sprintf("%s/many/%03d.txt", dir, int((i - 1) / 1000))
		printf "Decision MC-6/%d: Decision number %d on cooperation and coordination\n\nThe Conference of the Parties to the Minamata Convention on Mercury,\n\n1. Requests the Secretariat to report at its seventh meeting.\n\n2. Invites Parties to submit views on item %d.\n\n", i, i, i > f
	}
}'
start=$(date +%s)
"$dir/accord" ingest --db "$dir/bench.db" "$dir/many" >/dev/null
echo "ingested $n decisions ($(($(date +%s) - start)) s)"

port=$((20000 + RANDOM % 20000))
"$dir/accord" serve --db "$dir/bench.db" --addr "127.0.0.1:$port" 2>"$dir/serve.log" &
server=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port"
rss() { awk '/^VmRSS|^VmHWM/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$server/status"; echo; }
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
tick=$(getconf CLK_TCK)
echo "server at start: $(rss)"
for path in /decisions.csv /decisions.xlsx /mandates.csv /mandates.xlsx "/mandates.csv?actor=parties" \
	"/search.csv?q=secretariat" "/search.xlsx?q=secretariat"; do
	before=$(cpu)
	curl -s -o "$dir/out" -w "$path: %{http_code} %{size_download} bytes in %{time_total} s (first byte %{time_starttransfer} s)" "$base$path"
	case $path in
	*.csv*) rows=$(($(wc -l <"$dir/out") - 1)) ;;
	*) rows=? ;;
	esac
	echo ", $rows lines; server CPU $(((($(cpu) - before) * 1000 / tick))) ms"
	case $path in *.csv*) tail -c 120 "$dir/out" | tail -1 | sed 's/^/  last line: /' ;; esac
done
echo "server after: $(rss)"
