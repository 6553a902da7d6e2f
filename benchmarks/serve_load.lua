-- wrk script for benchmarks/serve_load.py: rotate through a list of sampled page URLs and time each
-- answer per page kind. Run with one connection per thread (-t N -c N): a thread then has exactly one
-- request in flight, so response() answers the request() before it, and the wall clock read through
-- LuaJIT's ffi (clock_gettime, CLOCK_MONOTONIC) between the two is that request's latency.
--
-- Environment: KRONOLOGI_LOAD_URLS (a file, one "kind<TAB>path" per line), KRONOLOGI_LOAD_OUT (where
-- done() writes one "kind<TAB>status<TAB>microseconds" line per answer, then "started<TAB>kind<TAB>n"
-- per kind and "inflight<TAB>kind<TAB>1" for a request cut off by the end of the run, so requests that never
-- got an answer (timeouts, resets) are counted as errors). wrk calls request() once more, in the first
-- thread, to check the script before the run; done() takes that call out of the first thread's count.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } kr_timespec;
  int clock_gettime(int clk_id, kr_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local ts = ffi.new("kr_timespec")

local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter)
  table.insert(threads, thread)
end

function init(args)
  kinds, paths = {}, {}
  for line in io.lines(os.getenv("KRONOLOGI_LOAD_URLS")) do
    local kind, path = line:match("^([^\t]+)\t(.+)$")
    if kind then
      table.insert(kinds, kind)
      table.insert(paths, path)
    end
  end
  position = (offset * 7) % #paths  -- each client starts elsewhere in the list
  answers, started = {}, {}
  current, sent_at = nil, 0
end

function request()
  position = position % #paths + 1
  current, sent_at = kinds[position], now_us()
  started[current] = (started[current] or 0) + 1
  first = first or current
  return wrk.format("GET", paths[position], {["Accept"] = "text/html"})
end

function response(status, headers, body)
  if current then
    table.insert(answers, current .. "\t" .. status .. "\t" .. string.format("%.0f", now_us() - sent_at))
    current = nil
  end
end

function done(summary, latency, requests)
  local out = io.open(os.getenv("KRONOLOGI_LOAD_OUT"), "w")
  for i, thread in ipairs(threads) do
    for _, line in ipairs(thread:get("answers")) do
      out:write(line, "\n")
    end
    local started = thread:get("started")
    if i == 1 then  -- wrk calls request() once in the first thread to check the script: never sent
      local first = thread:get("first")
      started[first] = started[first] - 1
    end
    for kind, n in pairs(started) do
      out:write("started\t", kind, "\t", n, "\n")
    end
    local pending = thread:get("current")
    if pending then  -- still waiting when the run stopped: neither an answer nor an error
      out:write("inflight\t", pending, "\t1\n")
    end
  end
  out:close()
end
