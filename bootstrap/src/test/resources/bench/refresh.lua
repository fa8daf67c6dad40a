-- wrk script for POST /auth/refresh: every answer's new refresh token is presented next (presenting
-- a rotated one again would be reuse and revoke the session). Thread t starts with the tokens on lines
-- t, t+T, ... of the file; it needs at least as many as it has connections.

function init(args)
  local count = tonumber(args[2])
  tokens = {}
  local n = 0
  for line in io.lines(args[1]) do
    if n % count == index then
      table.insert(tokens, line)
    end
    n = n + 1
  end
  statuses = {}
end

function request()
  local token = table.remove(tokens, 1) or "exhausted"
  return wrk.format("POST", "/auth/refresh", { ["Content-Type"] = "application/json" },
      '{"refreshToken":"' .. token .. '"}')
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local token = body:match('"refreshToken"%s*:%s*"([^"]+)"')
  if status == 200 and token then
    table.insert(tokens, token)
  end
end
