-- Shared by the API benchmark's wrk scripts (prepended to each): threads are numbered for init(),
-- each counts its answers by status, and done() prints one JSON line the benchmark reads.
local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    local seen = thread:get("statuses")
    for status, n in pairs(seen) do
      counts[status] = (counts[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(counts) do
    table.insert(parts, string.format('"%d":%d', status, n))
  end
  io.write(string.format('WRK-RESULT {"requests":%d,"durationMicros":%d,"p50":%d,"p99":%d,"p999":%d,'
      .. '"max":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,"statuses":{%s}}\n',
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
      latency:percentile(99.9), latency.max, summary.errors.connect, summary.errors.read,
      summary.errors.write, summary.errors.timeout, table.concat(parts, ",")))
end
