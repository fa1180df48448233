-- wrk script of bench/run.sh's HTTP load part.
--   wrk ... -s bench/load.lua <url> -- initiate <campaign id file> <api key> <agent id> <disposition id> <wrk threads>
--     every request initiates calls for its own campaign, never one another request used (a second
--     initiation of a campaign would be a 400: its customers are already in active calls)
--   wrk ... -s bench/load.lua <url>/actuator/health -- get
--     plain GETs of the URL
-- Any answer outside 2xx counts as an error. done() prints one line for run.sh to read:
--   RESULT requests=… seconds=… rps=… p50_ms=… p99_ms=… errors=… non2xx=… socket_errors=… exhausted=…

local threads = {}
local next_thread = 0

function setup(thread)
  thread:set("thread_index", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

function init(args)
  mode = args[1]
  non2xx = 0
  exhausted = 0
  if mode == "initiate" then
    campaigns = {}
    for line in io.lines(args[2]) do
      if line ~= "" then
        table.insert(campaigns, line)
      end
    end
    headers = {
      ["Authorization"] = "Bearer " .. args[3],
      ["Content-Type"] = "application/json",
    }
    body = string.format('{"agentId":"%s","dispositionId":"%s"}', args[4], args[5])
    -- threads take every thread_count-th campaign, starting at their own index: no sharing
    position = thread_index + 1
    stride = tonumber(args[6])
  end
end

function request()
  if mode ~= "initiate" then
    return wrk.format("GET")
  end
  local campaign = campaigns[position]
  position = position + stride
  if campaign == nil then
    -- out of fresh campaigns: ask for one that does not exist (an error, counted as exhausted)
    exhausted = exhausted + 1
    campaign = "cmp_exhausted"
  end
  return wrk.format("POST", "/api/v1/initiate/" .. campaign .. "/calls", headers, body)
end

function response(status, response_headers, response_body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if non2xx <= 3 then
      io.stderr:write("non-2xx " .. status .. ": " .. string.sub(response_body, 1, 300) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local non2xx_total, exhausted_total = 0, 0
  for _, thread in ipairs(threads) do
    non2xx_total = non2xx_total + (thread:get("non2xx") or 0)
    exhausted_total = exhausted_total + (thread:get("exhausted") or 0)
  end
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.1f p99_ms=%.1f errors=%d non2xx=%d socket_errors=%d exhausted=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, non2xx_total + socket_errors, non2xx_total, socket_errors, exhausted_total))
end
