-- search.lua: wrk script for scripts/loadsearch/run.sh. Each request is a
-- search of the page (or API, by path) with a query drawn from the words
-- of the store, sometimes narrowed by a facet, ordered by date or turned
-- to its second page (a longer page on the API); done() prints the count of each status and how
-- many answers other than 200 lacked a Retry-After.

local queries = {
  "secretariat", "cooperation", "mercury", "report", "%22regional+centres%22",
  "observer+status", "capacity-building", "%22global+framework%22", "joint+services",
  "financial+resources", "parties", "convention", "decision", "implementation",
  "coordinat*", "synergies", "waste*", "technical+assistance", "budget", "biosafety",
}
local extras = { "", "", "", "&instrument=basel", "&order=recent", "&offset=20", "&class=directive" }

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  noretry = 0
  math.randomseed(id * 7919 + 1)
  if string.find(wrk.path, "/api/", 1, true) then
    extras[6] = "&limit=50" -- the API pages by cursor, not offset
  end
end

function request()
  local q = queries[math.random(#queries)]
  local e = extras[math.random(#extras)]
  return wrk.format("GET", wrk.path .. "?q=" .. q .. e)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status ~= 200 and headers["Retry-After"] == nil then
    noretry = noretry + 1
  end
end

function done(summary, latency, requests)
  local total, missing = {}, 0
  for _, t in ipairs(threads) do
    for s, n in pairs(t:get("statuses")) do
      total[s] = (total[s] or 0) + n
    end
    missing = missing + t:get("noretry")
  end
  io.write("statuses:")
  for s, n in pairs(total) do
    io.write(string.format(" %d=%d", s, n))
  end
  io.write(string.format("\nnon-200 without Retry-After: %d\n", missing))
  io.write(string.format("all responses: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
