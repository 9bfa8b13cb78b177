import Mustache
import StdKitModel

/// How much of the requirements the courses cover, for the index and the matrix:
/// `{{rows}}`, `{{covered}}`, `{{coveragePercent}}`, `{{#hasGaps}}` and the `{{#gaps}}`.
struct CoverageSummary: MustacheParent, Sendable {
    /// A requirement no course covers, linked from the page the summary is on.
    struct Gap: MustacheParent, Sendable {
        var fullId: String
        var text: String
        var url: String

        func child(named name: String) -> Any? {
            switch name {
            case "fullId": fullId
            case "text": text
            case "url": url
            default: nil
            }
        }
    }

    /// The number of requirements.
    var rows: Int
    var covered: Int
    var coveragePercent: String
    var gaps: [Gap]
    var hasGaps: Bool { !gaps.isEmpty }

    /// The summary of `site`'s matrix as seen from the page at site path `page`.
    init(_ site: SiteBuilder, from page: String) {
        let matrix = site.matrix
        gaps = matrix.gaps.compactMap { row in
            guard let document = site.project.document(row.document) else { return nil }
            return Gap(fullId: row.fullID, text: row.text, url: site.url(from: page, to: document, anchor: row.item))
        }
        rows = matrix.rows.count
        covered = matrix.coveredCount
        coveragePercent = SiteBuilder.percent(matrix.coverage)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "rows": rows
        case "covered": covered
        case "coveragePercent": coveragePercent
        case "hasGaps": hasGaps
        case "gaps": gaps
        default: nil
        }
    }
}
