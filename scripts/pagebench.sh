#!/usr/bin/env bash
# pagebench.sh prints what the largest pages cost: a decision of 2,000
# paragraphs all numbered "1." (its page's bytes and time, and the
# server's memory) and the decisions list over 48,000 decisions (a page's
# bytes and time), one request at a time and then under wrk when it is
# installed. Everything runs on 127.0.0.1 and stops by itself.
#
#	scripts/pagebench.sh [DECISIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-48000}
dir=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$dir"' EXIT

go build -o "$dir/accord" ./cmd/accord

# The decision of 2,000 paragraphs numbered "1.", about 100 KB.
{
	printf 'Decision BS-V/10: Repeated numbers\n\nThe Conference of the Parties serving as the meeting of the Parties to the Cartagena Protocol on Biosafety,\n\n'
	for i in $(seq 1 2000); do
		printf '1. Requests the Executive Secretary to report on item %d at its sixth meeting;\n\n' "$i"
	done
} >"$dir/ones.txt"
# n small decisions, in files of 1,000.
mkdir "$dir/many"
awk -v n="$n" -v dir="$dir" 'BEGIN {
	for (i = 1; i <= n; i++) {
		f = sprintf("%s/many/%03d.txt", dir, int((i - 1) / 1000))
		printf "Decision MC-6/%d: Decision number %d on cooperation and coordination\n\nThe Conference of the Parties to the Minamata Convention on Mercury,\n\n1. Requests the Secretariat to report at its seventh meeting.\n\n", i, i > f
	}
}'
"$dir/accord" ingest --db "$dir/bench.db" "$dir/ones.txt" >/dev/null
start=$(date +%s)
"$dir/accord" ingest --db "$dir/bench.db" "$dir/many" >/dev/null
echo "ingested $(du -b "$dir/ones.txt" | cut -f1) bytes of repeated numbers and $n decisions ($(($(date +%s) - start)) s)"

port=$((20000 + RANDOM % 20000))
"$dir/accord" serve --db "$dir/bench.db" --addr "127.0.0.1:$port" 2>"$dir/serve.log" &
server=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port"
rss() { awk '/^VmRSS|^VmHWM/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$server/status"; echo; }
echo "server at start: $(rss)"

id=$(curl -s "$base/api/v1/decisions?instrument=cartagena" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
# cpu is the server's CPU time so far, in clock ticks: on a shared machine
# it tells what a page costs better than the time it takes.
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
tick=$(getconf CLK_TCK)
page() { # path: bytes and seconds of three fetches, CPU of ten
	for _ in 1 2 3; do
		curl -s -o /dev/null -w "  %{http_code} %{size_download} bytes %{time_total} s\n" "$base$1"
	done
	local before
	before=$(cpu)
	for _ in $(seq 1 10); do curl -s -o /dev/null "$base$1"; done
	echo "  server CPU: $(((($(cpu) - before) * 1000 / tick) / 10)) ms a request (of ten)"
}
echo "decision of 2,000 paragraphs numbered \"1.\", /decisions/$id (first page):"
page "/decisions/$id"
echo "  pages: $(curl -s "$base/decisions/$id" | grep -o 'shown in [0-9]* pages' || echo 'shown in 1 page')"
echo "  last page:"
page "/decisions/$id?para=1~2000"
echo "server after: $(rss)"
echo "/decisions over $n decisions (first and 400th pages):"
page "/decisions"
page "/decisions?page=400"
echo "/mandates over $n mandates:"
page "/mandates?page=400"
echo "server after: $(rss)"
if command -v wrk >/dev/null; then
	for path in "/decisions/$id" "/decisions?page=200"; do
		echo "wrk -c32 -t2 -d10s $path:"
		wrk -c32 -t2 -d10s --latency "$base$path" | grep -E 'Latency|50%|99%|Requests/sec|Non-2xx|Transfer' | sed 's/^/  /'
		echo "  server after: $(rss)"
	done
fi
