import Foundation

/// `GET /plans/{id}`: one plan's identity, topics, legal bases (each linking
/// to the plans that cite it too), the plans citing it, related plans, and
/// the full text with the query highlighted when one came with the link.
enum PlanPage {
    struct Model {
        var record: PlanRecord
        var topics: [String]
        /// Plans citing each of this plan's cited documents (key → count).
        var citingCounts: [String: Int]
        /// Plans citing this plan (by its own number).
        var citedBy: [PlanRecord]
        var related: [PlanRecord]
        /// The text as indexed, or nil when the file can no longer be read.
        var text: String?
        var query: String
        /// Byte ranges of `text` matching the query.
        var marks: [Range<Int>]
    }

    static func roleLabel(_ role: String) -> String {
        switch role {
        case "basis": return "Căn cứ"
        case "footnote": return "Chú thích"
        default: return "Có nhắc đến"
        }
    }

    static func html(_ m: Model) -> String {
        let r = m.record
        let title = r.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? r.path : r.title
        var body = ""
        if !m.query.isEmpty {
            body += "<p><a href=\"\(HTML.escape(URLQuery.url("/search", [("q", m.query)])))\">‹ Quay lại kết quả cho “\(HTML.escape(m.query))”</a></p>"
        }
        body += "<h1>\(HTML.escape(title))</h1>"
        let signer = [r.signerTitle, r.signer].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        let rows: [(String, String?)] = [
            ("Số, ký hiệu", r.number), ("Loại văn bản", r.documentType), ("Cơ quan ban hành", r.issuer),
            ("Ngày ban hành", r.date), ("Địa danh", r.place), ("Người ký", signer.isEmpty ? nil : signer),
            ("Tệp", r.path), ("Mã", r.id),
        ]
        body += "<dl class=\"identity\">"
        for (label, value) in rows {
            body += "<dt>\(HTML.escape(label))</dt><dd>\(value.map(HTML.escape) ?? "<span class=\"empty\">—</span>")</dd>"
        }
        body += "</dl>"
        if !m.topics.isEmpty {
            body += "<section><h2>Chủ đề</h2><p>" + m.topics.map { t in
                "<a href=\"\(HTML.escape(URLQuery.url("/search", [("topic", t)])))\">\(HTML.escape(t))</a>"
            }.joined(separator: " · ") + "</p></section>"
        }
        body += citations(m)
        body += planList("Văn bản trích dẫn văn bản này", m.citedBy)
        body += planList("Văn bản liên quan (cùng căn cứ)", m.related)
        for w in r.warnings { body += "<p class=\"notice\">\(HTML.escape(w))</p>" }
        body += "<section><h2>Toàn văn</h2>"
        if let text = m.text {
            body += "<div class=\"fulltext\">\(HTML.highlighted(text, marks: m.marks))</div>"
        } else {
            body += "<p class=\"empty\">Không đọc được tệp của văn bản này (có thể đã bị xoá hoặc di chuyển).</p>"
        }
        body += "</section>"
        return PageLayout.page(title: title, body: body)
    }

    static func citations(_ m: Model) -> String {
        var out = "<section><h2>Căn cứ pháp lý và văn bản được trích dẫn</h2>"
        guard !m.record.citations.isEmpty else { return out + "<p class=\"empty\">Không có.</p></section>" }
        let ordered = m.record.citations.filter { $0.role == "basis" } + m.record.citations.filter { $0.role != "basis" }
        out += "<ul>"
        for c in ordered {
            var line = "<a href=\"\(HTML.escape(CitationPage.url(c.key)))\">\(HTML.escape(c.kind + " " + c.symbol))</a>"
            var details: [String] = [roleLabel(c.role)]
            if let d = c.date { details.append("ngày \(d)") }
            if let i = c.issuer { details.append(i) }
            if let n = m.citingCounts[c.key] { details.append("\(n) văn bản trích dẫn") }
            line += " <span class=\"count\">(\(HTML.escape(details.joined(separator: ", "))))</span>"
            out += "<li>\(line)</li>"
        }
        return out + "</ul></section>"
    }

    static func planList(_ heading: String, _ plans: [PlanRecord]) -> String {
        guard !plans.isEmpty else { return "" }
        var out = "<section><h2>\(HTML.escape(heading))</h2><ul>"
        for p in plans {
            let title = p.title.isEmpty ? p.path : p.title
            out += "<li><a href=\"\(HTML.escape("/plans/" + URLQuery.encode(p.id)))\">\(HTML.escape(title))</a>"
            let meta = PageLayout.metaLine([p.number, p.date])
            if !meta.isEmpty { out += " <span class=\"count\">\(meta)</span>" }
            out += "</li>"
        }
        return out + "</ul></section>"
    }
}
