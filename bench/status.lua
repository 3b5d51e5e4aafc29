-- Counts every answer that is not a 200, redirects included (wrk itself lets 3xx pass),
-- across all of wrk's threads; bench/run.py reads the closing line.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not_ok = 0
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("not_ok")
  end
  io.write(string.format("Responses other than 200: %d\n", total))
end
