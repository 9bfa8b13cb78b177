/// `matrix.mustache`, compiled (`CompiledPage`).
///
/// Where the template writes a section over a string (a cell's `{{#title}}`, an outcome's
/// `{{#level}}`), Mustache shows it for every string, the empty one too; so does this.
extension MatrixPage: CompiledPage {
    func renderBuiltIn() -> String {
        var html: HTMLText = """
        <h1>\(strings["matrix"])</h1>
        <p class="coverage-summary"><strong>\(coverage.covered) / \(coverage.rows)</strong> \(strings["coverageSummary"])（\(coverage.coveragePercent)）</p>

        """
        if coverage.hasGaps {
            html += """
            <h2>\(strings["gaps"])</h2>
            <ul class="gaps">

            """
            for gap in coverage.gaps {
                html += """
                <li><a href="\(gap.url)">\(gap.fullId)</a> \(gap.text)</li>

                """
            }
            html += "</ul>"
        }
        html += """


        <div class="matrix-wrap">
        <table class="matrix" id="matrix">
        <thead>
        <tr><th class="row-head">\(strings["requirement"])</th>
        """
        if dense {
            for column in columns {
                html += """
                <th class="course" title="\(column.id)"><a href="\(column.url)"><span class="label">\(column.label)</span> \(column.title)</a></th>
                """
            }
        } else {
            html += """
            <th class="covered-by">\(strings["coveredBy"])</th>
            """
        }
        html += """
        <th class="count">\(strings["outcomes"])</th></tr>
        </thead>

        """
        for group in groups {
            html += """
            <tbody>
            <tr class="group"><th colspan="\(group.span)"><a href="\(group.url)">\(group.document)</a> \(group.title)</th></tr>

            """
            for row in group.rows {
                html += """
                <tr class="requirement\(raw: row.gap ? " gap" : "")" data-requirement="\(row.fullId)"><th class="row-head"><a href="\(row.url)">\(row.item)</a> \(row.text)</th>
                """
                for cell in row.cells ?? [] {
                    html += """
                    <td class="cell\(raw: cell.covered ? " covered" : "")" title="\(cell.title)">\(cell.value)</td>
                    """
                }
                if !dense {
                    html += "<td class=\"covered-by\">"
                    for cover in row.covers ?? [] {
                        html += """
                        <a href="\(cover.url)">\(cover.course) \(cover.outcome)</a>
                        """
                        html += " "
                        html += """
                        <span class="level">\(cover.level)</span>;
                        """
                        html += " "
                    }
                    html += "</td>"
                }
                html += """
                <td class="count">\(row.count)</td></tr>

                """
            }
            html += "</tbody>\n"
        }
        html += """
        </table>
        </div>


        """
        if dense {
            html += """
            <h2>\(strings["legend"])</h2>
            <ol class="legend">

            """
            for column in columns {
                html += """
                <li><strong>\(column.label)</strong> <a href="\(column.url)">\(column.title)</a> <code>\(column.id)</code></li>

                """
            }
            html += "</ol>"
        }
        html += "\n"
        return html.text
    }
}
