/// The frame of every page: HTML5, Vietnamese, inline CSS that reads on a
/// phone and at 1366×768, no script and no external asset.
enum PageLayout {
    static let siteName = "Tra cứu văn bản"

    /// A whole page. `title` is plain text (escaped here); `body` is HTML
    /// whose every interpolated value was escaped by its builder.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) – \(siteName)</title>
        <style>\(css)</style>
        </head>
        <body>
        <header class="site"><a href="/">\(siteName)</a></header>
        <main>
        \(body)
        </main>
        <footer class="site">docsearch · <a href="/api/openapi.json">API JSON</a></footer>
        </body>
        </html>
        """
    }

    static let css = """
    *{box-sizing:border-box}
    body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1b1f24;background:#f6f7f9}
    a{color:#0b57d0}
    header.site,footer.site{padding:.6rem 1rem;background:#12355b;color:#fff}
    header.site a{color:#fff;font-weight:600;text-decoration:none;font-size:1.1rem}
    footer.site{background:none;color:#667;font-size:.85rem;text-align:center}
    footer.site a{color:#667}
    main{max-width:74rem;margin:0 auto;padding:1rem}
    h1{font-size:1.4rem;margin:.5rem 0 1rem}
    form.search{background:#fff;border:1px solid #d5d9e0;border-radius:8px;padding:.8rem;margin-bottom:1rem}
    .query{display:flex;gap:.5rem}
    .query input{flex:1;min-width:0;font-size:1.05rem;padding:.5rem .6rem;border:1px solid #9aa4b2;border-radius:6px}
    button{font-size:1rem;padding:.5rem 1rem;border:0;border-radius:6px;background:#0b57d0;color:#fff;cursor:pointer}
    .filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.5rem;margin-top:.6rem}
    .filters label{display:flex;flex-direction:column;font-size:.85rem;color:#445}
    .filters select,.filters input{font-size:.95rem;padding:.35rem;border:1px solid #9aa4b2;border-radius:6px;background:#fff;max-width:100%}
    .layout{display:grid;grid-template-columns:16rem 1fr;gap:1.2rem}
    @media (max-width:48rem){.layout{grid-template-columns:1fr}.facets{order:2}}
    .facets h2{font-size:.95rem;margin:.8rem 0 .3rem}
    .facets ul{list-style:none;margin:0;padding:0;font-size:.9rem}
    .facets li{margin:.15rem 0;overflow-wrap:anywhere}
    .facets .active{font-weight:600}
    .count{color:#667}
    .summary{color:#445;margin:.2rem 0 .8rem}
    .notice{background:#fff8e1;border:1px solid #f0d58a;border-radius:6px;padding:.5rem .7rem}
    ol.hits{list-style:none;margin:0;padding:0}
    .hit{background:#fff;border:1px solid #e1e5eb;border-radius:8px;padding:.7rem .9rem;margin-bottom:.7rem}
    .hit h2{font-size:1.05rem;margin:0 0 .2rem;overflow-wrap:anywhere}
    .meta{color:#556;font-size:.85rem;margin:.1rem 0;overflow-wrap:anywhere}
    .snippet{margin:.3rem 0 0;overflow-wrap:anywhere}
    mark{background:#ffe27a;color:inherit;padding:0 .1em;border-radius:2px}
    nav.pages{display:flex;flex-wrap:wrap;gap:.3rem;margin:1rem 0}
    nav.pages a,nav.pages span{padding:.3rem .6rem;border:1px solid #d5d9e0;border-radius:6px;background:#fff;text-decoration:none}
    nav.pages .current{background:#12355b;color:#fff;border-color:#12355b}
    dl.identity{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;background:#fff;border:1px solid #e1e5eb;border-radius:8px;padding:.8rem}
    dl.identity dt{color:#556}
    dl.identity dd{margin:0;overflow-wrap:anywhere}
    @media (max-width:30rem){dl.identity{grid-template-columns:1fr}dl.identity dd{margin-bottom:.4rem}}
    section{margin:1.2rem 0}
    section h2{font-size:1.1rem;margin:0 0 .4rem}
    .fulltext{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;border:1px solid #e1e5eb;border-radius:8px;padding:1rem;font-size:.95rem}
    .empty{color:#667}
    """

    /// "<label>: value" rows are built by callers; this joins non-empty metadata with " · ".
    static func metaLine(_ parts: [String?]) -> String {
        parts.compactMap { $0 }.filter { !$0.isEmpty }.map(HTML.escape).joined(separator: " · ")
    }
}
