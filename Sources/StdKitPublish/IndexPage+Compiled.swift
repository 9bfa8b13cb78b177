/// `index.mustache`, compiled (`CompiledPage`).
///
/// Where the template writes a section over a string (`{{#projectName}}…{{/projectName}}`),
/// Mustache shows it for every string, the empty one too; so does this.
extension IndexPage: CompiledPage {
    func renderBuiltIn() -> String {
        var html: HTMLText = """
        <h1>\(siteTitle)</h1>
        <p class="subtitle">\(projectName)</p>

        <section class="parties">
        <h2>\(strings["parties"])</h2>
        <table>
        <thead><tr><th>\(strings["id"])</th><th>\(strings["party"])</th><th>\(strings["kind"])</th></tr></thead>
        <tbody>

        """
        for party in parties {
            html += """
            <tr><td><code>\(party.id)</code></td><td>\(party.name)
            """
            if !party.members.isEmpty {
                html += """
                <div class="members">\(strings["members"])\(strings["colon"])\(party.members)</div>
                """
            }
            if !party.region.isEmpty {
                html += """
                <div class="region">\(strings["region"])\(strings["colon"])\(party.region)</div>
                """
            }
            html += """
            </td><td>\(party.kind)</td></tr>

            """
        }
        html += """
        </tbody>
        </table>
        </section>

        <section class="coverage">
        <h2>\(strings["coverage"])</h2>
        <p class="coverage-summary"><strong>\(coverage.covered) / \(coverage.rows)</strong> \(strings["coverageSummary"])（\(coverage.coveragePercent)）</p>

        """
        if coverage.hasGaps {
            html += """
            <p class="gaps-title">\(strings["gaps"])</p>
            <ul class="gaps">

            """
            for gap in coverage.gaps {
                html += """
                <li><a href="\(gap.url)">\(gap.fullId)</a> \(gap.text)</li>

                """
            }
            html += "</ul>\n"
        } else {
            html += """
            \n<p>\(strings["noGaps"])</p>
            """
        }
        html += """

        <p><a href="matrix.html">\(strings["matrix"]) →</a></p>
        </section>

        <section class="documents">
        <h2>\(strings["documents"])</h2>

        """
        for group in kinds {
            html += """
            <h3>\(group.name) <span class="count">\(group.count)</span></h3>
            <table class="document-list">
            <thead><tr><th>\(strings["id"])</th><th>\(strings["title"])</th><th>\(strings["version"])</th><th>\(strings["status"])</th><th>\(strings["owner"])</th><th>\(strings["approvals"])</th></tr></thead>
            <tbody>

            """
            for entry in group.documents {
                html += """
                <tr><td><code>\(entry.id)</code></td><td><a href="\(entry.url)">\(entry.title)</a></td><td>\(entry.version)</td><td><span class="status status-\(entry.statusKey)">\(entry.status)</span></td><td>\(entry.owner)</td><td class="approvals">
                """
                for approval in entry.approvals {
                    let stale = approval.stale
                    html += """
                    <span class="approval\(raw: stale ? " stale" : "")" title="\(strings["approvedBy"]) \(approval.by)
                    """
                    if stale {
                        html += " — \(strings["staleApproval"])"
                    }
                    html += """
                    ">\(approval.party) v\(approval.version) \(approval.date)
                    """
                    if stale {
                        html += " "
                        html += """
                        <span class="stale">\(strings["staleApproval"])</span>
                        """
                    }
                    html += "</span>"
                }
                html += "</td></tr>\n"
            }
            html += """
            </tbody>
            </table>

            """
        }
        html += "</section>\n"
        guard !upstreams.isEmpty else { return html.text }
        html += """
        <section class="upstreams" id="upstreams">
        <h2>\(strings["upstreams"])</h2>
        <p class="intro">\(strings["upstreamsIntro"])</p>

        """
        for upstream in upstreams {
            html += """
            <section class="upstream" id="upstream-\(upstream.id)">
            <h3><span class="badge upstream">\(upstream.badge)</span></h3>

            """
            if !upstream.missing.isEmpty {
                html += """
                <p class="upstream-missing">\(upstream.missing)</p>
                """
            }
            html += "\n"
            for group in upstream.kinds {
                html += """
                <h4>\(group.name) <span class="count">\(group.count)</span></h4>
                <table class="document-list">
                <thead><tr><th>\(strings["id"])</th><th>\(strings["title"])</th><th>\(strings["version"])</th><th>\(strings["status"])</th><th>\(strings["owner"])</th></tr></thead>
                <tbody>

                """
                for entry in group.documents {
                    html += """
                    <tr><td><code>\(entry.id)</code></td><td><a href="\(entry.url)">\(entry.title)</a></td><td>\(entry.version)</td><td><span class="status status-\(entry.statusKey)">\(entry.status)</span></td><td>\(entry.owner)</td></tr>

                    """
                }
                html += """
                </tbody>
                </table>

                """
            }
            html += "</section>\n"
        }
        html += "</section>\n"
        return html.text
    }
}
