-- wrk script for scripts/soak.sh: rotates over the demo's pages, fragments and stylesheet with a
-- few Accept-Language values, and counts every response whose status is not 2xx (wrk's own
-- summary only reports "Non-2xx or 3xx responses"). Prints one line that soak.sh parses:
--   SOAK responses=N non2xx=N connect=N read=N write=N status=N timeout=N

local targets = {
  { "/", "en-US,en;q=0.8" },
  { "/legal", "de-DE,de;q=0.9" },
  { "/", "ar" },
  { "/demo/sign-in?return=/legal", "ja" },
  { "/chrome/fragments/header?locale=fr", "fr" },
  { "/chrome/fragments/footer?locale=de", "de" },
  { "/", "zh-TW,zh;q=0.8" },
  { "/demo/site.css", "en" },
}
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  responses = 0
  non2xx = 0
  next_target = id
end

function request()
  next_target = next_target % #targets + 1
  local target = targets[next_target]
  return wrk.format("GET", target[1], { ["Accept-Language"] = target[2] })
end

function response(status, headers, body)
  responses = responses + 1
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local total, bad = 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("responses")
    bad = bad + thread:get("non2xx")
  end
  local e = summary.errors
  io.write(string.format("SOAK responses=%d non2xx=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
    total, bad, e.connect, e.read, e.write, e.status, e.timeout))
end
