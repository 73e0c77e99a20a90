-- Rotates /api/search over a mix of queries (Vietnamese, folded, a phrase,
-- a document reference), percent-encoded as a browser sends them.
-- Used by bench.sh: wrk -s search.lua
local paths = {
  "/api/search?q=b%C3%ACnh%20%C4%91%E1%BA%B3ng%20gi%E1%BB%9Bi", -- bình đẳng giới
  "/api/search?q=binh%20dang%20gioi", -- binh dang gioi
  "/api/search?q=nh%C3%A2n%20quy%E1%BB%81n", -- nhân quyền
  "/api/search?q=k%E1%BA%BF%20ho%E1%BA%A1ch", -- kế hoạch
  "/api/search?q=gi%C3%A1o%20d%E1%BB%A5c%20ph%C3%A1p%20lu%E1%BA%ADt", -- giáo dục pháp luật
  "/api/search?q=Ch%E1%BB%89%20th%E1%BB%8B%2020", -- Chỉ thị 20
  "/api/search?q=x%C3%A3%20h%E1%BB%99i%20h%E1%BB%8Dc%20t%E1%BA%ADp", -- xã hội học tập
  "/api/search?q=ph%E1%BB%A5%20n%E1%BB%AF", -- phụ nữ
  "/api/search?q=tuy%C3%AAn%20truy%E1%BB%81n", -- tuyên truyền
  "/api/search?q=chuy%E1%BB%83n%20%C4%91%E1%BB%95i%20s%E1%BB%91", -- chuyển đổi số
  "/api/search?q=an%20to%C3%A0n%20giao%20th%C3%B4ng", -- an toàn giao thông
  "/api/search?q=%22ti%E1%BA%BFp%20c%E1%BA%ADn%20ph%C3%A1p%20lu%E1%BA%ADt%22", -- "tiếp cận pháp luật"
  "/api/search?q=h%E1%BB%8Dc%20t%E1%BA%ADp%20su%E1%BB%91t%20%C4%91%E1%BB%9Di", -- học tập suốt đời
  "/api/search?q=%E1%BB%A7y%20ban%20nh%C3%A2n%20d%C3%A2n", -- ủy ban nhân dân
  "/api/search?q=tr%E1%BA%BB%20em", -- trẻ em
}

local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

-- Counts non-2xx answers so a run that only measured errors is visible.
local errors = 0
response = function(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx or socket errors: %d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, requests/s %.0f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
