-- wrk script of the API benchmark: each thread sends the requests of a prepared file, one per line
-- ("METHOD<TAB>PATH<TAB>BEARER TOKEN<TAB>BODY", body may be empty), thread t taking lines t, t+T, ...
-- and starting over when they run out.
function init(args)
  local file = args[1]
  local count = tonumber(args[2])
  local lines = {}
  local n = 0
  for line in io.lines(file) do
    if n % count == index then
      local method, path, token, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
      local headers = {}
      if token ~= "" then
        headers["Authorization"] = "Bearer " .. token
      end
      if body ~= "" then
        headers["Content-Type"] = "application/json"
      else
        body = nil
      end
      table.insert(lines, wrk.format(method, path, headers, body))
    end
    n = n + 1
  end
  requests = lines
  next_request = 0
  statuses = {}
end

function request()
  next_request = next_request + 1
  if next_request > #requests then
    next_request = 1
  end
  return requests[next_request]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
