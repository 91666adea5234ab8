#!/usr/bin/env bash
# partybench.sh measures the registry of Parties on SQLite: the import of
# ROWS focal points (5,000 by default, from scripts/focalpoints.sh) into a
# store holding the memberships of the 193 UN Member States, the same file
# imported again (which changes nothing), and then a country's page and its
# API answer with them loaded: the best of seven fetches of each. It prints
# wall and CPU time of each import. Everything runs on 127.0.0.1 and stops
# by itself.
#
#	scripts/partybench.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-5000}
dir=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$dir"' EXIT

go build -o "$dir/accord" ./cmd/accord
scripts/focalpoints.sh "$rows" >"$dir/focal-points.csv"
scripts/focalpoints.sh memberships >"$dir/memberships.csv"
"$dir/accord" import --db "$dir/bench.db" memberships "$dir/memberships.csv" >/dev/null
timed() { # label, command…: runs it and prints its wall and CPU seconds
	local label=$1
	shift
	/usr/bin/time -f "%e %U %S" -o "$dir/time" "$@" >"$dir/out"
	read -r wall user sys <"$dir/time"
	printf '%s: %s s wall, %.2f s CPU (%s)\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$(tr '\n' ' ' <"$dir/out" | cut -c1-80)"
}
timed "import $rows focal points" "$dir/accord" import --db "$dir/bench.db" focal-points "$dir/focal-points.csv"
timed "import them again" "$dir/accord" import --db "$dir/bench.db" focal-points "$dir/focal-points.csv"

port=$((20000 + RANDOM % 20000))
"$dir/accord" serve --db "$dir/bench.db" --addr "127.0.0.1:$port" 2>"$dir/serve.log" &
server=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
for path in "/countries/KE" "/countries/BR" "/countries?group=african" "/api/v1/countries/KE" "/api/v1/focal-points?country=KE"; do
	best=
	for _ in $(seq 1 7); do
		t=$(curl -s -o "$dir/page" -w '%{time_total}' "http://127.0.0.1:$port$path")
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
	done
	printf '%-36s %6.1f ms  %7d bytes\n' "$path" "$(echo "$best * 1000" | bc)" "$(wc -c <"$dir/page")"
done
