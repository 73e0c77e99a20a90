import Foundation

/// `GET /plans/{id}`: one plan's identity, its agencies with their roles, its
/// topics with the terms that decided them, the documents it cites (each
/// linking to the plans that cite it too), the plans citing it, the plans
/// related by shared documents (with those documents), and the full text
/// with the query highlighted when one came with the link.
enum PlanPage {
    struct Model {
        var record: PlanRecord
        /// The documents this plan cites, by key, as the citation graph has them.
        var cited: [String: CitationGraph.Document]
        /// Plans citing this plan (by its own number).
        var citedBy: [CitationGraph.CitingPlan]
        var related: [RelatedPlan]
        /// The text as indexed (its first `PlanLookup.shownTextLimit` bytes),
        /// or nil when the file can no longer be read.
        var text: String?
        /// True when the plan's text goes on past `text`.
        var textIsCut = false
        var query: String
        /// Byte ranges of `text` matching the query.
        var marks: [Range<Int>]
    }

    /// The page of the plan `id`.
    static func url(_ id: String) -> String { "/plans/" + URLQuery.encode(id) }

    static func html(_ m: Model) -> String {
        let r = m.record
        let title = r.title.trimmingSpacesAndNewlines().isEmpty ? r.path : r.title
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
        body += topics(r.topics ?? [])
        body += agencies(r.agencies ?? [])
        body += citations(m)
        body += citingPlans(m.citedBy)
        body += related(m.related)
        for w in r.warnings { body += "<p class=\"notice\">\(HTML.escape(w))</p>" }
        body += "<section><h2>Toàn văn</h2>"
        if let text = m.text {
            body += "<div class=\"fulltext\">\(HTML.highlighted(text, marks: m.marks))</div>"
            if m.textIsCut {
                body += "<p class=\"notice\">Văn bản dài: trang này chỉ hiển thị khoảng \(ByteSize(text.utf8.count)) đầu tiên. "
                    + "Toàn văn nằm trong tệp \(HTML.escape(r.path)).</p>"
            }
        } else {
            body += "<p class=\"empty\">Không đọc được tệp của văn bản này (có thể đã bị xoá hoặc di chuyển).</p>"
        }
        body += "</section>"
        return PageLayout.page(title: title, body: body)
    }

    /// `<section>` with a heading and a list of the items (HTML each); "" without items,
    /// or `empty` said in words when given.
    static func listSection(_ heading: String, _ items: [String], empty: String? = nil) -> String {
        guard !items.isEmpty || empty != nil else { return "" }
        let list = items.isEmpty ? "<p class=\"empty\">\(HTML.escape(empty ?? ""))</p>" : "<ul><li>" + items.joined(separator: "</li><li>") + "</li></ul>"
        return "<section><h2>\(HTML.escape(heading))</h2>\(list)</section>"
    }

    /// `text` with its details in parentheses, when there are any.
    static func detailed(_ html: String, _ details: [String]) -> String {
        details.isEmpty ? html : html + " <span class=\"count\">(\(HTML.escape(details.joined(separator: "; "))))</span>"
    }

    /// Each topic links to the plans of that topic, with the terms that decided it.
    static func topics(_ topics: [TopicAssignment]) -> String {
        listSection("Chủ đề", topics.map { t in
            var reasons: [String] = []
            if !t.titleTerms.isEmpty { reasons.append("tiêu đề: " + t.titleTerms.joined(separator: ", ")) }
            if t.textCount > 0 { reasons.append("nội dung ×\(t.textCount): " + t.textTerms.joined(separator: ", ")) }
            return detailed(searchLink(.topic, t.topic), reasons)
        })
    }

    /// Each agency with its roles; an issuer links to the plans it issued.
    static func agencies(_ agencies: [PlanAgency]) -> String {
        listSection("Cơ quan", agencies.map { a in
            var details = [a.roles.map(\.vietnameseName).joined(separator: ", ")]
            let written = a.writtenAs.filter { $0 != a.name }
            if !written.isEmpty { details.append("viết là " + written.map { "“\($0)”" }.joined(separator: ", ")) }
            return detailed(a.roles.contains(.issuer) ? searchLink(.agency, a.name) : HTML.escape(a.name), details)
        })
    }

    /// Legal bases first; each document links to the plans citing it.
    static func citations(_ m: Model) -> String {
        let basis = CitationRole.legalBasis.rawValue
        let ordered = m.record.citations.filter { $0.allRoles.contains(basis) } + m.record.citations.filter { !$0.allRoles.contains(basis) }
        return listSection("Căn cứ pháp lý và văn bản được trích dẫn", ordered.map { c in
            let link = HTML.escape(CitationPage.url(c.key))
            var details = [CitationRole.vietnameseNames(c.allRoles).joined(separator: ", ")]
            if let d = c.date { details.append("ngày \(d)") }
            if let i = c.issuerAgency ?? c.issuer { details.append(i) }
            var line = detailed("<a href=\"\(link)\">\(HTML.escape(c.kind + " " + c.symbol))</a>", details)
            if let n = m.cited[c.key]?.citedBy { line += " · <a href=\"\(link)\">\(n) văn bản trích dẫn</a>" }
            return line
        }, empty: "Không có.")
    }

    static func citingPlans(_ plans: [CitationGraph.CitingPlan]) -> String {
        listSection("Văn bản trích dẫn văn bản này", plans.map { p in
            detailed(planLink(id: p.id, title: p.title, path: p.path), [p.number].compactMap { $0 } + CitationRole.vietnameseNames(p.roles))
        })
    }

    /// Related plans with the shared documents that made them related, weightiest first.
    static func related(_ plans: [RelatedPlan]) -> String {
        listSection("Văn bản liên quan (cùng căn cứ, cùng trích dẫn)", plans.map { p in
            let shared = p.shared.map { s in
                "<a href=\"\(HTML.escape(CitationPage.url(s.key)))\">\(HTML.escape(s.symbol))</a>" + (s.bothLegalBasis ? " (cùng là căn cứ)" : "")
            }
            return planLink(id: p.id, title: p.title, path: p.path) + " <span class=\"count\">cùng trích dẫn: \(shared.joined(separator: ", "))</span>"
        })
    }

    static func searchLink(_ facet: FacetName, _ value: String) -> String {
        "<a href=\"\(HTML.escape(URLQuery.url("/search", [(facet.rawValue, value)])))\">\(HTML.escape(value))</a>"
    }

    static func planLink(id: String, title: String, path: String) -> String {
        let shown = title.trimmingSpacesAndNewlines().isEmpty ? path : title
        return "<a href=\"\(HTML.escape(url(id)))\">\(HTML.escape(shown))</a>"
    }
}
