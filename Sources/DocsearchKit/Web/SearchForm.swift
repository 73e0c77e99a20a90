import Foundation

/// The search box and the facet filters, on the home page and above results.
enum SearchForm {
    /// `choices` are the facet totals over all plans; a facet without values
    /// gets a text box instead of a list, so the form works before the
    /// metadata fills the facets.
    static func html(_ parameters: SearchParameters, choices: [FacetName: [SearchResults.FacetCount]]) -> String {
        var out = """
        <form class="search" action="/search" method="get" role="search">
        <div class="query"><input type="search" name="q" value="\(HTML.escape(parameters.query))" \
        placeholder="Ví dụ: bình đẳng giới, Chỉ thị 20, 1373/QĐ-TTg" aria-label="Từ khoá"><button type="submit">Tìm kiếm</button></div>
        <div class="filters">
        """
        for facet in FacetName.formFilters {
            let selected = parameters.value(of: facet)
            let values = choices[facet] ?? []
            out += "<label>\(HTML.escape(facet.label))"
            if values.isEmpty {
                let hint = facet == .year ? "2023 hoặc 2021-2023" : "Tất cả"
                out += "<input type=\"text\" name=\"\(facet.rawValue)\" value=\"\(HTML.escape(selected))\" placeholder=\"\(HTML.escape(hint))\">"
            } else {
                out += "<select name=\"\(facet.rawValue)\"><option value=\"\">Tất cả</option>"
                var listed = false
                for v in values {
                    let isSelected = v.value == selected
                    listed = listed || isSelected
                    out += "<option value=\"\(HTML.escape(v.value))\"\(isSelected ? " selected" : "")>\(HTML.escape(v.value)) (\(v.count))</option>"
                }
                if !selected.isEmpty && !listed {
                    out += "<option value=\"\(HTML.escape(selected))\" selected>\(HTML.escape(selected))</option>"
                }
                out += "</select>"
            }
            out += "</label>\n"
        }
        for f in parameters.filters where !FacetName.formFilters.contains(f.facet) {
            out += "<input type=\"hidden\" name=\"\(f.facet.rawValue)\" value=\"\(HTML.escape(f.value))\">"
        }
        out += "</div>\n</form>"
        return out
    }

    /// The facet totals the form offers, years newest first.
    static func choices(from index: LoadedIndex) -> [FacetName: [SearchResults.FacetCount]] {
        var out: [FacetName: [SearchResults.FacetCount]] = [:]
        for facet in FacetName.formFilters {
            var values = (try? index.totals(of: facet.rawValue)) ?? []
            if facet == .year { values.sort { $0.value > $1.value } } else { values.sort { $0.value.localizedCompare($1.value) == .orderedAscending } }
            out[facet] = Array(values.prefix(200))
        }
        return out
    }
}
