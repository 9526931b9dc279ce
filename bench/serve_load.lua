-- wrk script of bench/serve_load.sh: each connection sends its next request when
-- the last is answered, cycling over the queries of bench/search_queries.jsonl
-- (GET /api/search) and the store's article ids (GET /api/articles/{id}).
-- MODE (environment): "mixed" (search and article in turn), "search" or "article".

local queries, ids = {}, {}
local mode = os.getenv("MODE") or "mixed"
local counter = 0

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function read_lines(path)
  local out = {}
  local f = assert(io.open(path, "r"), "cannot read " .. path)
  for line in f:lines() do
    if line ~= "" then out[#out + 1] = line end
  end
  f:close()
  return out
end

function init(args)
  for _, line in ipairs(read_lines(os.getenv("QUERIES") or "bench/search_queries.jsonl")) do
    -- {"query": "…", "outlet": "…", "from": "…", "to": "…"}: the string values,
    -- with JSON's \" and \\ read back
    local function field(name)
      local v = line:match('"' .. name .. '"%s*:%s*"(.-[^\\])"') or line:match('"' .. name .. '"%s*:%s*"()"')
      if type(v) ~= "string" then return nil end
      return (v:gsub('\\"', '"'):gsub('\\\\', '\\'))
    end
    local q = field("query")
    if q then
      local path = "q=" .. urlencode(q)
      for _, name in ipairs({"outlet", "from", "to"}) do
        local v = field(name)
        if v then path = path .. "&" .. name .. "=" .. urlencode(v) end
      end
      queries[#queries + 1] = path
    end
  end
  ids = read_lines(os.getenv("IDS") or "/tmp/marsad-serve-ids.txt")
  -- each thread starts at another place of the cycle
  counter = math.random(1, 1000)
end

function request()
  counter = counter + 1
  local search = mode == "search" or (mode == "mixed" and counter % 2 == 0)
  if search then
    return wrk.format("GET", "/api/search?" .. queries[counter % #queries + 1])
  end
  return wrk.format("GET", "/api/articles/" .. ids[counter % #ids + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "mode %s: %d requests in %.1f s, %.1f requests/s; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; "
      .. "errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    mode, summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect, e.read, e.write, e.status, e.timeout))
end
