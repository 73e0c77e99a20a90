import Foundation

extension CommandLineTool {
    /// The facets shown after text results, in this order, at most `facetValuesShown` values each.
    static let facetOrder = ["agency", "topic", "year", "type", "place", "cites"]
    static let facetValuesShown = 5

    /// A short "facets" block: "  agency: Sở Giáo dục và Đào tạo tỉnh Long An (1), …".
    func printFacets(_ facets: [String: [SearchResults.FacetCount]]) {
        let names = Self.facetOrder.filter { facets[$0]?.isEmpty == false }
        guard !names.isEmpty else { return }
        terminal.line()
        terminal.line(terminal.dim("facets:"))
        for name in names {
            let values = (facets[name] ?? []).prefix(Self.facetValuesShown).map { "\($0.value) (\($0.count))" }
            terminal.line("  \(name): " + values.joined(separator: "; "))
        }
    }

    /// For `show`: the agencies with their roles and the topics with the terms that decided them.
    func printAgenciesAndTopics(_ r: PlanRecord) {
        if let agencies = r.agencies, !agencies.isEmpty {
            terminal.line("  agencies:")
            for a in agencies {
                var line = "    \(a.name) [" + a.roles.map(\.vietnameseName).joined(separator: ", ") + "]"
                let written = a.writtenAs.filter { $0 != a.name }
                if !written.isEmpty { line += terminal.dim(" as " + written.map { "“\($0)”" }.joined(separator: ", ")) }
                terminal.line(line)
            }
        }
        if let topics = r.topics, !topics.isEmpty {
            terminal.line("  topics:")
            for t in topics { terminal.line("    \(t.topic) — \(t.reason)") }
        }
    }
}
