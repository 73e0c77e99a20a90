/// `GET /citations/{key}`: the plans citing one document.
enum CitationPage {
    /// The page of the cited document `key` ("20-CT/TW" → `/citations/20-CT%2FTW`).
    static func url(_ key: String) -> String { "/citations/" + URLQuery.encode(key) }

    static func html(key: String, label: String, citing: [PlanRecord]) -> String {
        var body = "<h1>Các văn bản trích dẫn \(HTML.escape(label))</h1>"
        body += "<p class=\"summary\">\(citing.count) văn bản trích dẫn văn bản này.</p><ol class=\"hits\">"
        for r in citing {
            let title = r.title.isEmpty ? r.path : r.title
            body += "<li class=\"hit\"><h2><a href=\"\(HTML.escape("/plans/" + URLQuery.encode(r.id)))\">\(HTML.escape(title))</a></h2>"
            let meta = PageLayout.metaLine([r.documentType, r.number, r.issuer, r.date.map { "ngày \($0)" }, r.path])
            body += "<p class=\"meta\">\(meta)</p>"
            if let c = r.citations.first(where: { $0.key == key }) {
                body += "<p class=\"meta\">\(HTML.escape(PlanPage.roleLabel(c.role)))\(c.mentions > 1 ? " · \(c.mentions) lần" : "")</p>"
            }
            body += "</li>"
        }
        body += "</ol>"
        return PageLayout.page(title: label, body: body)
    }
}
