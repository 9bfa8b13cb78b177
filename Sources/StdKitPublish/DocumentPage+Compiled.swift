/// `document.mustache`, compiled (`CompiledPage`).
///
/// Where the template writes a section over a string (`{{#version}}…{{/version}}`), Mustache shows
/// it for every string, the empty one too; so does this.
extension DocumentPage: CompiledPage {
    func renderBuiltIn() -> String {
        var html: HTMLText = """
        <article class="document kind-\(kindKey)\(raw: upstream == nil ? "" : " upstream")">
        <p class="breadcrumb"><a href="\(root)index.html">\(strings["home"])</a>
        """
        html += " › "
        if upstream != nil {
            html += """
            <a href="\(root)index.html#upstreams">\(strings["upstreams"])</a>
            """
            html += " › "
        }
        html += """
        \(kind)</p>
        <div class="badges">
        """
        if let upstream {
            html += """
            <span class="badge upstream">\(upstream.badge)</span>
            """
        }
        html += """
        <span class="badge kind">\(kind)</span><span class="badge version">v\(version)</span><span class="badge status status-\(statusKey)">\(status)</span><code class="badge id">\(id)</code></div>

        <aside class="metadata">
        <h2>\(strings["metadata"])</h2>
        <dl>

        """
        for field in fields {
            if let value = field.html {
                html += """
                <dt>\(field.name)</dt><dd>\(raw: value)</dd>

                """
            } else {
                html += """
                <dt>\(field.name)</dt><dd>\(field.value)</dd>

                """
            }
        }
        html += """
        </dl>
        <h2>\(strings["approvals"])</h2>

        """
        if hasApprovals {
            html += """
            <ul class="approvals">

            """
            for approval in approvals {
                html += """
                <li><strong>\(approval.party)</strong> v\(approval.version) — \(strings["approvedBy"]) \(approval.by), \(approval.date)
                """
                if let note = approval.note {
                    html += "（\(note)）"
                }
                if approval.stale {
                    html += " "
                    html += """
                    <span class="stale">\(strings["staleApproval"])</span>
                    """
                }
                html += "</li>\n"
            }
            html += "</ul>"
        }
        html += "\n"
        if !hasApprovals {
            html += """
            <p class="none">\(strings["noApprovals"])</p>
            """
        }
        html += """

        </aside>


        """
        if let cooperation {
            html += """
            <div class="cooperation">
            \(raw: cooperation)</div>

            """
        }
        html += """
        <div class="body">

        """
        if let upstream, !upstream.implementedHere.isEmpty {
            html += """
            <div class="backlinks implemented"><span>\(strings["implementedHere"])</span> \(raw: upstream.implementedHere)</div>

            """
        }
        html += """
        \(raw: self.html)
        </div>


        """
        if let charts {
            html += """
            <section class="charts">
            <h2>\(strings["charts"])</h2>
            <figure><figcaption>\(strings["hoursByCategory"])</figcaption>\(raw: charts.categories)</figure>
            <figure><figcaption>\(strings["hoursBySemester"])</figcaption>\(raw: charts.semesters)</figure>
            <figure><figcaption>\(strings["practiceShare"])</figcaption>\(raw: charts.practice)</figure>
            </section>

            """
        }
        html += """
        </article>

        """
        return html.text
    }
}
