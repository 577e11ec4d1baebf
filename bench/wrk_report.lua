-- wrk script: cycles through the URL paths in the file named by WRK_PATHS, counts non-2xx responses, and prints
-- one JSON line with throughput and latency percentiles (microseconds) when done.
local paths = {}
local counter = 0
non2xx = 0  -- globals: done() reads them from each thread with thread:get()
cache_hits = 0
local threads = {}

local function load_paths()
  local file = assert(io.open(os.getenv("WRK_PATHS"), "r"))
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
end

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  load_paths()
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
  if headers["X-Page-Cache"] == "hit" then cache_hits = cache_hits + 1 end
end

function done(summary, latency, requests)
  local bad, hits = 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("non2xx") or 0)
    hits = hits + (thread:get("cache_hits") or 0)
  end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests": %d, "seconds": %.2f, "rps": %.1f, "p50": %d, "p95": %d, "p99": %d, "max": %d, ' ..
    '"non2xx": %d, "cache_hits": %d, "socket_errors": %d}\n',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, bad, hits,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
