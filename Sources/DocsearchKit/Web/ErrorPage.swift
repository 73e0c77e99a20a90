/// The page for a request that cannot be answered (bad parameter, unknown plan).
enum ErrorPage {
    static func html(_ error: WebError) -> String {
        let heading = error.status.code == 404 ? "Không tìm thấy" : (error.status.code == 400 ? "Yêu cầu không hợp lệ" : "Lỗi máy chủ")
        let body = """
        <h1>\(HTML.escape(heading))</h1>
        <p>\(HTML.escape(error.vietnameseDescription))</p>
        <p><a href="/">Về trang tìm kiếm</a></p>
        """
        return PageLayout.page(title: heading, body: body)
    }
}
