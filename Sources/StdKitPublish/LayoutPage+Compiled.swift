/// `layout.mustache`, compiled (`CompiledPage`).
extension LayoutPage: CompiledPage {
    func renderBuiltIn() -> String {
        var html: HTMLText = """
        <!DOCTYPE html>
        <html lang="\(lang)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="stdkit \(version)">
        <title>\(pageTitle) · \(siteTitle)</title>
        <link rel="stylesheet" href="\(root)assets/style.css">
        <script>window.addEventListener("error", function () { var d = document.documentElement; d.setAttribute("data-script-errors", String(1 + Number(d.getAttribute("data-script-errors") || 0))); });</script>
        </head>
        <body class="page-\(pageKind)">
        <header class="site">
          <a class="brand" href="\(root)index.html">\(siteTitle)</a>
          <nav>
            <a href="\(root)index.html">\(strings["home"])</a>
            <a href="\(root)matrix.html">\(strings["matrix"])</a>

        """
        if hasUpstreams {
            html += """
                <a href="\(root)index.html#upstreams">\(strings["upstreams"])</a>

            """
        }
        html += """
            <a href="\(root)search.html">\(strings["search"])</a>
          </nav>
          <form class="search" action="\(root)search.html" method="get" role="search">
            <input type="search" name="q" placeholder="\(strings["searchPlaceholder"])" aria-label="\(strings["search"])">
          </form>
        </header>
        <main>
        \(raw: body)
        </main>
        <footer class="site">\(strings["generatedBy"]) \(version)</footer>
        </body>
        </html>

        """
        return html.text
    }
}
