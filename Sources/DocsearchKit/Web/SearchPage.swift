import Foundation

/// `GET /search`: results with highlighted snippets, facet counts as links,
/// pagination and the query echoed in the box.
enum SearchPage {
    static let pageSize = 10
    static let maxPage = SearchParameters.maxOffset / pageSize + 1

    struct Model {
        var parameters: SearchParameters
        var page: Int
        var results: SearchResults
        var snippets: [Snippet?]
        var choices: [FacetName: [SearchResults.FacetCount]]
    }

    static func html(_ m: Model) -> String {
        let p = m.parameters
        var body = SearchForm.html(p, choices: m.choices)
        let shownQuery = p.query.trimmingSpaces()
        let what = shownQuery.isEmpty ? "" : " cho “\(HTML.escape(shownQuery))”"
        body += "<p class=\"summary\">Tìm thấy <strong>\(m.results.total)</strong> văn bản\(what).</p>"
        if m.results.relaxed {
            body += "<p class=\"notice\">Không văn bản nào có đủ mọi từ khoá; hiển thị các văn bản có một phần các từ khoá.</p>"
        }
        body += "<div class=\"layout\"><aside class=\"facets\">\(facets(m))</aside><div>"
        if m.results.hits.isEmpty {
            body += "<p class=\"empty\">Không có kết quả. Thử bỏ bớt bộ lọc hoặc dùng từ khoá khác.</p>"
        } else {
            body += "<ol class=\"hits\">"
            for (i, hit) in m.results.hits.enumerated() {
                body += hitHTML(hit, snippet: i < m.snippets.count ? m.snippets[i] : nil, query: p.query)
            }
            body += "</ol>"
        }
        body += pagination(m) + "</div></div>"
        let title = shownQuery.isEmpty ? "Kết quả tìm kiếm" : "\(shownQuery) – Kết quả tìm kiếm"
        return PageLayout.page(title: title, body: body)
    }

    static func hitHTML(_ hit: SearchResults.Hit, snippet: Snippet?, query: String) -> String {
        let r = hit.record
        let link = URLQuery.url("/plans/" + URLQuery.encode(r.id), [("q", query)])
        let title = r.title.trimmingSpacesAndNewlines().isEmpty ? r.path : r.title
        var out = "<li class=\"hit\"><h2><a href=\"\(HTML.escape(link))\">\(HTML.escape(title))</a></h2>"
        let meta = PageLayout.metaLine([r.documentType, r.number, r.issuer, r.date.map { "ngày \($0)" }, r.place])
        if !meta.isEmpty { out += "<p class=\"meta\">\(meta)</p>" }
        out += "<p class=\"meta\">\(HTML.escape(r.path))</p>"
        if !hit.matchedCitations.isEmpty {
            out += "<p class=\"meta\">Trích dẫn: " + hit.matchedCitations.map { c in
                "<a href=\"\(HTML.escape(CitationPage.url(c.key)))\">\(HTML.escape(c.kind + " " + c.symbol))</a>"
            }.joined(separator: "; ") + "</p>"
        }
        if let snippet { out += "<p class=\"snippet\">\(HTML.highlighted(snippet))</p>" }
        return out + "</li>"
    }

    static func facets(_ m: Model) -> String {
        var out = ""
        for facet in [FacetName.type, .agency, .topic, .year, .place, .cites] {
            let counts = m.results.facets[facet.rawValue] ?? []
            let active = m.parameters.filters.filter { $0.facet == facet }
            guard !counts.isEmpty || !active.isEmpty else { continue }
            out += "<h2>\(HTML.escape(facet.label))</h2><ul>"
            for f in active {
                let url = URLQuery.url("/search", m.parameters.setting(facet, to: nil).items)
                out += "<li class=\"active\">\(HTML.escape(f.value)) · <a href=\"\(HTML.escape(url))\">bỏ lọc</a></li>"
            }
            for c in counts where !m.parameters.has(facet, c.value) {
                let url = URLQuery.url("/search", m.parameters.setting(facet, to: c.value).items)
                out += "<li><a href=\"\(HTML.escape(url))\">\(HTML.escape(c.value))</a> <span class=\"count\">(\(c.count))</span></li>"
            }
            out += "</ul>"
        }
        return out
    }

    static func pagination(_ m: Model) -> String {
        let pages = min(maxPage, (m.results.total + pageSize - 1) / pageSize)
        guard pages > 1 else { return "" }
        func link(_ n: Int, _ text: String) -> String {
            let url = URLQuery.url("/search", m.parameters.items + (n > 1 ? [("page", String(n))] : []))
            return "<a href=\"\(HTML.escape(url))\">\(HTML.escape(text))</a>"
        }
        var out = "<nav class=\"pages\" aria-label=\"Trang kết quả\">"
        if m.page > 1 { out += link(m.page - 1, "‹ Trước") }
        let first = max(1, min(m.page - 3, pages - 6)), last = min(pages, first + 6)
        if first > 1 { out += link(1, "1") + (first > 2 ? "<span>…</span>" : "") }
        for n in first...last {
            out += n == m.page ? "<span class=\"current\" aria-current=\"page\">\(n)</span>" : link(n, String(n))
        }
        if last < pages { out += (last < pages - 1 ? "<span>…</span>" : "") + link(pages, String(pages)) }
        if m.page < pages { out += link(m.page + 1, "Sau ›") }
        return out + "</nav>"
    }
}
