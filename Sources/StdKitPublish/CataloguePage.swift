import Foundation
import Mustache
import StdKitModel

/// The catalogue's page (`catalogue.mustache`): the projects' table, its filters and the charts
/// by province and by batch. The rows are written in the page, so it reads without script; the
/// page's script (`catalogue.js`) only reorders and hides them.
struct CataloguePage: TemplatePage {
    static let template = "catalogue"

    /// A column of the table: its key (for the browser test and the script), its header, and
    /// whether it sorts as numbers.
    struct Column: MustacheParent, Sendable, Equatable {
        var key: String
        var label: String
        var numeric: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "key": key
            case "label": label
            case "type": numeric ? "number" : "text"
            default: nil
            }
        }
    }

    /// One cell: its HTML (escaped already) and, where the text does not sort as it reads, the
    /// value it sorts by (a number, a code).
    struct Cell: MustacheParent, Sendable, Equatable {
        var html: String
        var sort: String = ""
        var classes: String = ""

        func child(named name: String) -> Any? {
            switch name {
            case "html": html
            // False, not "", when there is none: a section is shown for any string, the empty too.
            case "sort": sort.isEmpty ? false : sort
            case "classes": classes.isEmpty ? false : classes
            default: nil
            }
        }
    }

    /// A project's row.
    struct Row: MustacheParent, Sendable, Equatable {
        var province: String
        var batch: String
        var failed: Bool
        var cells: [Cell]

        func child(named name: String) -> Any? {
            switch name {
            case "province": province
            case "batch": batch
            case "failed": failed
            case "cells": cells
            default: nil
            }
        }
    }

    /// An option of a select box, with the number of projects it selects.
    struct Option: MustacheParent, Sendable, Equatable {
        var value: String
        var label: String
        var count: Int

        func child(named name: String) -> Any? {
            switch name {
            case "value": value
            case "label": label
            case "count": count
            default: nil
            }
        }
    }

    var lang: String
    var title: String
    var summary: String
    var strings: [String: String]
    var version: String
    var columns: [Column]
    var rows: [Row]
    var provinces: [Option]
    var batches: [Option]
    var regionChart: String
    var batchChart: String
    /// "显示 {shown} / {total} 个项目", for the script to fill in.
    var shownTemplate: String
    var total: Int

    /// The value of the batch filter for a project without `pilot.batch`.
    static let noBatch = "none"
    /// The value of the province filter for a project without a region.
    static let noProvince = "none"

    init(entries: [CatalogueEntry], title: String?, strings: SiteStrings, version: String) {
        let chinese = strings.language == "zh-CN"
        self.lang = strings.language
        self.title = title ?? strings["catalogueTitle"]
        let failed = entries.filter { $0.failure != nil }.count
        summary = failed == 0 ? strings.format("catalogueSummaryAll", ["projects": String(entries.count)])
            : strings.format("catalogueSummary", ["projects": String(entries.count), "failed": String(failed)])
        self.strings = strings.all
        self.version = version
        columns = [
            Column(key: "school", label: strings["catalogueSchool"], numeric: false),
            Column(key: "region", label: strings["catalogueRegion"], numeric: false),
            Column(key: "batch", label: strings["catalogueBatch"], numeric: true),
            Column(key: "programme", label: strings["catalogueProgramme"], numeric: false),
            Column(key: "upstream", label: strings["catalogueUpstream"], numeric: false),
            Column(key: "conformance", label: strings["catalogueConformance"], numeric: true),
            Column(key: "findings", label: strings["catalogueFindings"], numeric: true),
            Column(key: "coverage", label: strings["catalogueCoverage"], numeric: true),
            Column(key: "hours", label: strings["catalogueHours"], numeric: true),
            Column(key: "credits", label: strings["catalogueCredits"], numeric: true),
            Column(key: "practice", label: strings["cataloguePractice"], numeric: true),
            Column(key: "public-basic", label: strings["cataloguePublicBasic"], numeric: true),
            Column(key: "elective", label: strings["catalogueElective"], numeric: true),
            Column(key: "documents", label: strings["catalogueDocuments"], numeric: true),
        ]
        rows = entries.map { Self.row($0, strings: strings, chinese: chinese) }
        total = entries.count
        shownTemplate = strings["catalogueShownCount"]

        // Filters and charts count the projects that were read: a failed one has no region.
        let read = entries.filter { $0.failure == nil }
        var byProvince: [String: Int] = [:]
        var byBatch: [String: Int] = [:]
        for entry in read {
            byProvince[entry.province ?? Self.noProvince, default: 0] += 1
            byBatch[entry.batch.map(String.init) ?? Self.noBatch, default: 0] += 1
        }
        let provinceCodes = byProvince.keys.filter { $0 != Self.noProvince }.sorted() + (byProvince[Self.noProvince] != nil ? [Self.noProvince] : [])
        let batchKeys = byBatch.keys.filter { $0 != Self.noBatch }.sorted { (Int($0) ?? 0, $0) < (Int($1) ?? 0, $1) }
            + (byBatch[Self.noBatch] != nil ? [Self.noBatch] : [])
        let unknown = strings["catalogueUnknown"]
        let provinceName = { (code: String) in code == Self.noProvince ? unknown : Province.name(of: code, chinese: chinese) }
        let batchName = { (key: String) in key == Self.noBatch ? unknown : key }
        provinces = provinceCodes.map { Option(value: $0, label: provinceName($0), count: byProvince[$0] ?? 0) }
        batches = batchKeys.map { Option(value: $0, label: batchName($0), count: byBatch[$0] ?? 0) }
        let bar = { (label: String, count: Int) in
            Charts.Bar(label: label, value: Double(count), text: strings.format("catalogueProjectsCount", ["n": String(count)]))
        }
        regionChart = Charts.bars(provinces.map { bar($0.label, $0.count) }, title: strings["catalogueByRegion"])
        batchChart = Charts.bars(batches.map { bar($0.label, $0.count) }, title: strings["catalogueByBatch"])
    }

    static func row(_ entry: CatalogueEntry, strings: SiteStrings, chinese: Bool) -> Row {
        let e = HTML.escape
        let folder = "<div class=\"folder\"><code>\(e(entry.folder))</code></div>"
        if let failure = entry.failure {
            let school = Cell(html: "\(e(entry.name))\(folder)<div class=\"failure\">\(e(strings["catalogueFailed"]))\(e(strings["colon"]))\(e(strings["failure.\(failure.rawValue)"]))</div>",
                              sort: entry.name)
            return Row(province: "", batch: "", failed: true, cells: [school] + Array(repeating: Cell(html: ""), count: 13))
        }
        var cells: [Cell] = []
        let project = entry.school == entry.name ? "" : "<div class=\"project\">\(e(entry.name))</div>"
        cells.append(Cell(html: "\(e(entry.school))\(project)\(folder)", sort: entry.school))
        if let region = entry.region {
            let province = entry.province.map { Province.name(of: $0, chinese: chinese) } ?? ""
            cells.append(Cell(html: "\(e(province)) <code>\(e(region))</code>", sort: region))
        } else {
            cells.append(Cell(html: ""))
        }
        // The pilot's level in words where it is one of the known ones, else as written.
        let level = entry.level.map { level in strings.all["pilotLevel.\(level)"] ?? level }
        cells.append(Cell(html: [entry.batch.map(String.init), level].compactMap { $0 }.map { e($0) }.joined(separator: " "),
                          sort: entry.batch.map(String.init) ?? ""))
        if let programme = entry.programme {
            let code = programme.majorCode.map { " <code>\(e($0))</code>" } ?? ""
            cells.append(Cell(html: "\(e(programme.title))\(code)", sort: programme.title))
        } else {
            cells.append(Cell(html: ""))
        }
        cells.append(upstreamCell(entry, strings: strings))
        // Conformance to the upstream: the `upstream` family's findings, ✓ when there are none;
        // a project that declares no upstream has nothing to conform to.
        let upstreamFindings = entry.findings.byFamily["upstream"] ?? 0
        if entry.upstreams.isEmpty && entry.programme?.implements == nil {
            cells.append(Cell(html: "—", classes: "none"))
        } else {
            cells.append(Cell(html: upstreamFindings == 0 ? "✓" : String(upstreamFindings), sort: String(upstreamFindings),
                              classes: upstreamFindings == 0 ? "number ok" : "number findings"))
        }
        cells.append(findingsCell(entry.findings, strings: strings))
        cells.append(Cell(html: "\(SiteBuilder.percent(entry.coverage.share))（\(entry.coverage.covered)/\(entry.coverage.total)）",
                          sort: number(entry.coverage.share), classes: "number"))
        if let hours = entry.hours {
            cells.append(Cell(html: String(hours.total), sort: String(hours.total), classes: "number"))
            cells.append(Cell(html: Charts.n(hours.credits), sort: Charts.n(hours.credits), classes: "number"))
            for share in [hours.practiceShare, hours.publicBasicShare, hours.electiveShare] {
                cells.append(share.map { Cell(html: SiteBuilder.percent($0), sort: number($0), classes: "number") } ?? Cell(html: ""))
            }
        } else {
            cells += Array(repeating: Cell(html: ""), count: 5)
        }
        cells.append(Cell(html: String(entry.documents), sort: String(entry.documents), classes: "number"))
        return Row(province: entry.province ?? noProvince, batch: entry.batch.map(String.init) ?? noBatch, failed: false, cells: cells)
    }

    /// The upstreams the project follows: the reference its programme implements and each
    /// declared upstream with its release.
    static func upstreamCell(_ entry: CatalogueEntry, strings: SiteStrings) -> Cell {
        let e = HTML.escape
        var parts: [String] = []
        if let implements = entry.programme?.implements { parts.append("<code>\(e(implements))</code>") }
        for upstream in entry.upstreams {
            var text = upstream.name.map { e($0) + " " } ?? ""
            text += upstream.release.map { "<span class=\"release\">\(e($0))</span>" } ?? "<code>\(e(upstream.id))</code>"
            if !upstream.present { text += " <span class=\"missing\">\(e(strings["catalogueUpstreamMissing"]))</span>" }
            parts.append(text)
        }
        guard !parts.isEmpty else { return Cell(html: e(strings["catalogueNoUpstream"]), classes: "none") }
        let sort = (entry.programme?.implements ?? "") + " " + entry.upstreams.map { $0.release ?? $0.id }.joined(separator: " ")
        return Cell(html: parts.joined(separator: "<br>"), sort: sort)
    }

    /// ✓ when the check found nothing; else the errors and warnings, and the findings by
    /// family. Sorts by errors, then warnings, then notes.
    static func findingsCell(_ findings: CatalogueEntry.Findings, strings: SiteStrings) -> Cell {
        guard findings.total > 0 else { return Cell(html: "✓", sort: "0", classes: "number ok") }
        let e = HTML.escape
        var counts: [String] = []
        if findings.errors > 0 { counts.append(strings.format("catalogueErrors", ["n": String(findings.errors)])) }
        if findings.warnings > 0 { counts.append(strings.format("catalogueWarnings", ["n": String(findings.warnings)])) }
        if findings.notes > 0 { counts.append(strings.format("catalogueNotes", ["n": String(findings.notes)])) }
        let families = familyOrder.filter { findings.byFamily[$0] != nil } + findings.byFamily.keys.filter { !familyOrder.contains($0) }.sorted()
        let byFamily = families.map { "\(e(strings["family.\($0)"])) \(findings.byFamily[$0] ?? 0)" }.joined(separator: " · ")
        let sort = String(findings.errors * 1_000_000 + findings.warnings * 1_000 + min(findings.notes, 999))
        return Cell(html: "\(e(counts.joined(separator: strings["separator"])))<div class=\"families\">\(byFamily)</div>", sort: sort,
                    classes: findings.errors > 0 ? "findings errors" : "findings")
    }

    /// The families in the order of the rule reference, the upstream's conformance first.
    static let familyOrder = ["upstream", "syntax", "schema", "identity", "references", "coverage", "structure", "arithmetic", "review", "other"]

    /// A share as a sort key: four decimals, no locale.
    static func number(_ value: Double) -> String {
        String(format: "%.4f", value)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "title": title
        case "summary": summary
        case "strings": strings
        case "version": version
        case "columns": columns
        case "rows": rows
        case "provinces": provinces
        case "batches": batches
        case "regionChart": regionChart
        case "batchChart": batchChart
        case "shownTemplate": shownTemplate
        case "total": total
        default: nil
        }
    }
}
