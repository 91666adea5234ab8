#!/bin/sh
# run.sh measures search under load: it builds (once) a SQLite store of
# about 250,000 paragraphs from the synthetic corpus of the store's
# benchmark, serves it with accord serve, runs wrk -c64 against search on
# 127.0.0.1 with varied queries (search.lua), and prints the statuses, the
# latency of the 200 answers as the server logged them, the server's peak
# RSS and the machine's load.
#
#   scripts/loadsearch/run.sh [serve flags...]
#
# Environment: ACCORD_LOAD_DB (the store; default /tmp/accord-load/250k.db),
# ACCORD_LOAD_PATH (/search, or /api/v1/search), ACCORD_LOAD_SECONDS (20),
# ACCORD_LOAD_CONNS (64). Needs wrk (Debian package wrk). The per-address
# search rate is off (--rate-search 0): every request comes from
# 127.0.0.1, and what is measured is the shedding, not the rate.
set -eu
cd "$(dirname "$0")/../.."
db=${ACCORD_LOAD_DB:-/tmp/accord-load/250k.db}
path=${ACCORD_LOAD_PATH:-/search}
secs=${ACCORD_LOAD_SECONDS:-20}
conns=${ACCORD_LOAD_CONNS:-64}
port=${ACCORD_LOAD_PORT:-18089}
dir=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
pid=0

if [ ! -f "$db" ]; then
	mkdir -p "$(dirname "$db")"
	echo "building $db (7,750 decisions, about 250,000 paragraphs; minutes)"
	ACCORD_BENCH_DB="$db" ACCORD_BENCH_DECISIONS=7750 \
		go test -run XXX -bench BenchmarkSearch -benchtime 1x ./internal/store >/dev/null
fi
go build -o "$dir/accord" ./cmd/accord
"$dir/accord" serve --db "$db" --addr "127.0.0.1:$port" --rate-search 0 "$@" >/dev/null 2>"$dir/log" &
pid=$!
for i in $(seq 50); do
	curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
	sleep 0.2
done
echo "load before: $(uptime)"
wrk -t2 -c"$conns" -d"${secs}s" -s scripts/loadsearch/search.lua "http://127.0.0.1:$port$path"
echo "load after:  $(uptime)"
echo "server peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$pid/status)"
grep 'msg=request' "$dir/log" | grep "path=$path" | sed -n 's/.* status=\([0-9]*\) ms=\([0-9]*\).*/\1 \2/p' |
	awk '{n[$1]++} $1==200 {print $2}' >"$dir/ok" || true
grep 'msg=request' "$dir/log" | sed -n 's/.* status=\([0-9]*\) .*/\1/p' | sort | uniq -c |
	awk '{printf "server: %s answered %s\n", $2, $1}'
sort -n "$dir/ok" | awk '
	function at(p) { i = int(NR * p / 100) + 1; return a[i > NR ? NR : i] }
	{ a[NR] = $1 }
	END { if (NR) printf "200 answers (server time): %d, p50 %d ms, p90 %d ms, p99 %d ms, max %d ms\n", NR, at(50), at(90), at(99), a[NR] }'
echo "server errors logged: $(grep -c 'level=ERROR' "$dir/log" || true)"
grep 'level=ERROR' "$dir/log" | head -5
