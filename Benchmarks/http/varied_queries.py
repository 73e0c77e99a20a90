#!/usr/bin/env python3
"""Writes search-varied.lua: 300 distinct /api/search queries drawn from a
generated corpus's manifest.jsonl (gen_plans.py), for a throughput run whose
queries repeat far less than search.lua's 15: topics typed with and without
diacritics, quoted, and with a place; issuers; cited documents by kind and
number; questions. Seeded, so the same manifest gives the same file.

usage: varied_queries.py MANIFEST [OUT]   (OUT defaults to search-varied.lua beside this script)
"""
import json, os, random, sys, unicodedata
from urllib.parse import quote

KINDS = {"NĐ-CP": "Nghị định", "QĐ-TTg": "Quyết định", "TT-BTP": "Thông tư", "CT-TTg": "Chỉ thị",
         "CT/TW": "Chỉ thị", "QĐ-BGDĐT": "Quyết định", "CV-BGDĐT": "Công văn"}


def fold(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def main():
    manifest = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "search-varied.lua")
    plans = [json.loads(line) for line in open(manifest, encoding="utf-8")]
    rng = random.Random(1)
    topics = sorted({p["topic"] for p in plans})
    issuers = sorted({p["issuer"] for p in plans})
    places = sorted({i.split(" huyện ")[-1] if " huyện " in i else i.split(" tỉnh ")[-1] for i in issuers if " tỉnh " in i or " huyện " in i})
    cited = sorted({c for p in plans for c in p.get("cites", [])})
    queries = []
    queries += topics + [fold(t) for t in topics] + ['"%s"' % t for t in topics]
    queries += ["%s %s" % (rng.choice(topics), rng.choice(places)) for _ in range(40)]
    queries += rng.sample(issuers, 80)
    for c in rng.sample(cited, 90):
        number, _, code = c.partition("/")
        code = code.split("/", 1)[-1] if code[:4].isdigit() else code
        kind = KINDS.get(code) or ("Kế hoạch" if code.startswith("KH-") else "Văn bản")
        queries.append("%s %s" % (kind, c if rng.random() < 0.5 else number))
    years = [str(y) for y in range(2015, 2026)]
    queries += ["kế hoạch %s năm %s" % (rng.choice(topics), rng.choice(years)) for _ in range(30)]
    queries += ["%s %s" % (rng.choice(["tuyên truyền", "triển khai", "tập huấn", "kiểm tra"]), rng.choice(topics)) for _ in range(30)]
    seen, unique = set(), []
    for q in queries:
        if q not in seen:
            seen.add(q)
            unique.append(q)
    rng.shuffle(unique)
    unique = unique[:300]
    with open(out, "w", encoding="utf-8") as f:
        f.write("-- %d distinct /api/search queries from %s (varied_queries.py; do not edit).\n"
                % (len(unique), os.path.basename(manifest)))
        f.write("-- Used by bench.sh with MIX=varied: queries repeat far less than search.lua's 15.\n")
        f.write("local paths = {\n")
        for q in unique:
            f.write('  "/api/search?q=%s", -- %s\n' % (quote(q, safe=""), q.replace("\n", " ")))
        f.write("}\n")
        f.write("""
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx or socket errors: %d\\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, requests/s %.0f\\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
""")
    print("wrote %s: %d queries" % (out, len(unique)))


if __name__ == "__main__":
    main()
