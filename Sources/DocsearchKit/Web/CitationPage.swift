/// `GET /citations/{key}`: the plans citing one document, with how each cites it.
enum CitationPage {
    /// The page of the cited document `key` ("20-CT/TW" → `/citations/20-CT%2FTW`).
    static func url(_ key: String) -> String { "/citations/" + URLQuery.encode(key) }

    /// The page of a document of the citation graph.
    static func html(_ d: CitationGraph.Document) -> String {
        let label = d.kind.isEmpty ? d.symbol : d.kind + " " + d.symbol
        let about = PageLayout.metaLine([d.issuer, d.date.map { "ngày \($0)" } ?? d.year.map { "năm \($0)" },
                                         d.asLegalBasis > 0 ? "\(d.asLegalBasis) văn bản lấy làm căn cứ" : nil])
        return html(label: label, about: about, citing: d.plans)
    }

    /// `about` is escaped HTML (`PageLayout.metaLine`).
    static func html(label: String, about: String, citing: [CitationGraph.CitingPlan]) -> String {
        var body = "<h1>Các văn bản trích dẫn \(HTML.escape(label))</h1>"
        if !about.isEmpty { body += "<p class=\"meta\">\(about)</p>" }
        body += "<p class=\"summary\">\(citing.count) văn bản trích dẫn văn bản này.</p><ol class=\"hits\">"
        for p in citing {
            let title = p.title.isEmpty ? p.path : p.title
            body += "<li class=\"hit\"><h2><a href=\"\(HTML.escape(PlanPage.url(p.id)))\">\(HTML.escape(title))</a></h2>"
            body += "<p class=\"meta\">\(PageLayout.metaLine([p.number, p.path]))</p>"
            let roles = CitationRole.vietnameseNames(p.roles)
            if !roles.isEmpty { body += "<p class=\"meta\">\(PageLayout.metaLine(roles))</p>" }
            body += "</li>"
        }
        body += "</ol>"
        return PageLayout.page(title: label, body: body)
    }
}
