/// `print.mustache`, compiled (`CompiledPage`).
extension PrintPage: CompiledPage {
    func renderBuiltIn() -> String {
        var html: HTMLText = """
        <!DOCTYPE html>
        <html lang="\(lang)">
        <head>
        <meta charset="utf-8">
        <meta name="generator" content="stdkit \(version)">
        <title>\(pageTitle)</title>
        <link rel="stylesheet" href="\(root)assets/style.css">
        </head>
        <body class="page-print">
        <main>

        """
        for document in documents {
            html += """
            <section class="print-document" id="\(document.anchor)">
            \(raw: document.html)
            </section>

            """
        }
        html += """
        </main>
        </body>
        </html>

        """
        return html.text
    }
}
