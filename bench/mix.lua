-- wrk script for make loadtest: GET a random path from the file named by LOADTEST_PATHS, count
-- the answers by status (unless LOADTEST_COUNT=0: counting costs the load generator CPU that
-- the server shares), and print one JSON line of figures when the run is done.
local paths = {}
for line in io.lines(os.getenv("LOADTEST_PATHS")) do
    paths[#paths + 1] = line
end

statuses = {}
local threads = {}

function setup(thread)
    threads[#threads + 1] = thread
end

function request()
    return wrk.format("GET", paths[math.random(#paths)])
end

if os.getenv("LOADTEST_COUNT") ~= "0" then
    function response(status)
        statuses[status] = (statuses[status] or 0) + 1
    end
end

function done(summary, latency)
    local counts = {}
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            counts[status] = (counts[status] or 0) + count
        end
    end
    local parts = {}
    for status, count in pairs(counts) do
        parts[#parts + 1] = string.format('"%d": %d', status, count)
    end
    io.write(string.format(
        '{"requests": %d, "seconds": %.3f, "socket_errors": %d, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "statuses": {%s}}\n',
        summary.requests, summary.duration / 1e6,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        table.concat(parts, ", ")))
end
