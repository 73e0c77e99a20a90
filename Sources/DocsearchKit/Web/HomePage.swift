/// `GET /`: the search form, and what the index holds.
enum HomePage {
    static func html(index: LoadedIndex) -> String {
        let form = SearchForm.html(SearchParameters(query: "", filters: []), choices: SearchForm.choices(from: index))
        let body = """
        <h1>Tìm kiếm kế hoạch, quyết định, chỉ thị</h1>
        \(form)
        <p class="summary">Chỉ mục có \(index.snapshot.documentCount) văn bản. Gõ từ khoá có dấu hoặc không dấu; \
        "cụm từ trong ngoặc kép" phải đứng liền nhau; +từ bắt buộc có, -từ loại trừ; số hiệu văn bản \
        (Chỉ thị 20, 1373/QĐ-TTg) tìm các văn bản trích dẫn nó. <a href="/search">Xem tất cả văn bản</a>.</p>
        """
        return PageLayout.page(title: "Tìm kiếm", body: body)
    }
}
