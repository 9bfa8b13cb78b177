import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitPublish

/// The catalogue's site from entries made by hand: the table's cells, the filters, the charts
/// and catalogue.json (the CLI's tests read real projects into entries).
@Suite("Catalogue site")
struct CatalogueSiteTests {
    static let implementing = CatalogueEntry(
        folder: "schools/0001-yuehai", name: "粤海工业机器人", school: "粤海职业技术学院", region: "440100", batch: 2026, level: "provincial",
        parties: [CatalogueEntry.Party(id: "yhzy", name: "粤海职业技术学院", kind: "school", region: "440100")],
        programme: CatalogueEntry.Programme(id: "PROG-YH", title: "工业机器人技术", majorCode: "460305", implements: "ns:PROG-NS-460305"),
        upstreams: [CatalogueEntry.Upstream(id: "ns", path: "vendor/ns-460305", release: "v2025.1", name: "工业机器人技术专业教学标准", present: true)],
        findings: CatalogueEntry.Findings(errors: 2, warnings: 1, notes: 0, byFamily: ["upstream": 2, "structure": 1]),
        coverage: CatalogueEntry.Coverage(covered: 45, total: 50),
        hours: CatalogueEntry.Hours(total: 2600, practice: 1404, credits: 150.5, practiceShare: 0.54, publicBasicShare: 0.25, electiveShare: 0.1),
        documents: 52)

    static func row(_ entry: CatalogueEntry, lang: String = "zh-CN") -> CataloguePage.Row {
        CataloguePage.row(entry, strings: SiteStrings(lang: lang), chinese: lang.hasPrefix("zh"))
    }

    @Test func anImplementingProjectShowsItsUpstreamAndItsConformance() {
        let cells = Self.row(Self.implementing).cells
        #expect(cells.count == 14)
        #expect(cells[4] == CataloguePage.Cell(html: "<code>ns:PROG-NS-460305</code><br>工业机器人技术专业教学标准 <span class=\"release\">v2025.1</span>",
                                               sort: "ns:PROG-NS-460305 v2025.1"))
        // Two findings of the upstream family: the project is below the national standard twice.
        #expect(cells[5] == CataloguePage.Cell(html: "2", sort: "2", classes: "number findings"))
        #expect(cells[6] == CataloguePage.Cell(html: "2 个错误，1 个警告<div class=\"families\">上游标准 2 · 结构 1</div>", sort: "2001000",
                                               classes: "findings errors"))
        #expect(cells[7] == CataloguePage.Cell(html: "90%（45/50）", sort: "0.9000", classes: "number"))
        #expect(cells[9] == CataloguePage.Cell(html: "150.5", sort: "150.5", classes: "number"))
        #expect(cells[10] == CataloguePage.Cell(html: "54%", sort: "0.5400", classes: "number"))
    }

    @Test func noUpstreamFindingIsATickAndAMissingUpstreamIsSaid() {
        var entry = Self.implementing
        entry.findings = CatalogueEntry.Findings()
        entry.upstreams[0].present = false
        entry.upstreams[0].name = nil
        let cells = Self.row(entry).cells
        #expect(cells[4].html == "<code>ns:PROG-NS-460305</code><br><span class=\"release\">v2025.1</span> <span class=\"missing\">上游目录缺失</span>")
        #expect(cells[5] == CataloguePage.Cell(html: "✓", sort: "0", classes: "number ok"))
        #expect(cells[6] == CataloguePage.Cell(html: "✓", sort: "0", classes: "number ok"))
        // Without an upstream there is nothing to conform to.
        entry.upstreams = []
        entry.programme?.implements = nil
        let plain = Self.row(entry, lang: "en").cells
        #expect(plain[4] == CataloguePage.Cell(html: "none declared", classes: "none"))
        #expect(plain[5] == CataloguePage.Cell(html: "—", classes: "none"))
    }

    @Test func valuesFromProjectsAreEscaped() {
        var entry = Self.implementing
        entry.school = "<script>alert(1)</script>"
        entry.folder = "a\"b"
        let html = Self.row(entry).cells[0].html
        #expect(html == "&lt;script&gt;alert(1)&lt;/script&gt;<div class=\"project\">粤海工业机器人</div><div class=\"folder\"><code>a&quot;b</code></div>")
    }

    @Test func filtersAndChartsCountTheProjectsReadByProvinceAndBatch() throws {
        var second = Self.implementing
        second.region = "440300"
        var third = Self.implementing
        third.region = "510100"
        third.batch = 2025
        var unknown = Self.implementing
        unknown.region = "99"
        unknown.batch = nil
        let failed = CatalogueEntry.failed(folder: "gone", name: "gone", .missingFolder, detail: "no such folder: gone")
        let page = CataloguePage(entries: [Self.implementing, second, third, unknown, failed], title: nil, strings: SiteStrings(lang: "zh-CN"), version: "0")
        #expect(page.summary == "共 5 个项目，其中 1 个无法读取")
        #expect(page.provinces == [CataloguePage.Option(value: "44", label: "广东", count: 2), CataloguePage.Option(value: "51", label: "四川", count: 1),
                                   CataloguePage.Option(value: "99", label: "99", count: 1)])
        #expect(page.batches == [CataloguePage.Option(value: "2025", label: "2025", count: 1), CataloguePage.Option(value: "2026", label: "2026", count: 2),
                                 CataloguePage.Option(value: "none", label: "未注明", count: 1)])
        #expect(page.rows.map(\.province) == ["44", "44", "51", "99", ""])
        // Bars scaled to the largest: 广东's two projects take the whole width, the others half.
        #expect(page.regionChart.contains("<rect class=\"bar\" x=\"130\" y=\"6\" width=\"400\" height=\"18\" fill=\"#5b8def\"><title>广东: 2 个</title></rect>"))
        #expect(page.regionChart.contains("<rect class=\"bar\" x=\"130\" y=\"32\" width=\"200\" height=\"18\" fill=\"#5b8def\"><title>四川: 1 个</title></rect>"))
        #expect(page.regionChart.components(separatedBy: "<rect class=\"bar\"").count - 1 == 3)
        #expect(page.batchChart.components(separatedBy: "<rect class=\"bar\"").count - 1 == 3)
        #expect(page.batchChart.hasPrefix("<svg class=\"chart bars\" role=\"img\" viewBox=\"0 0 640 90\" width=\"640\" height=\"90\" xmlns=\"http://www.w3.org/2000/svg\"><title>各批次项目数</title>"))
    }

    @Test func everyProvinceLevelCodeHasItsName() {
        #expect(Province.all.count == 34)
        #expect(Set(Province.all.map(\.code)).count == 34)
        #expect(Province.all.allSatisfy { $0.code.count == 2 && $0.code.allSatisfy(\.isNumber) })
        #expect(Province.all.map(\.code) == Province.all.map(\.code).sorted())
        #expect(Province.name(of: "44", chinese: true) == "广东")
        #expect(Province.name(of: "65", chinese: false) == "Xinjiang")
        #expect(Province.name(of: "99", chinese: true) == "99")
    }

    @Test func theJSONIsAVersionedEnvelopeOfEveryEntry() throws {
        let failed = CatalogueEntry.failed(folder: "gone", name: "gone", .missingFolder, detail: "no such folder: gone")
        let site = CatalogueSite(entries: [failed], lang: "en", toolVersion: "9.9")
        #expect(site.json == """
            {
              "generator" : "stdkit 9.9",
              "projects" : [
                {
                  "coverage" : {
                    "covered" : 0,
                    "total" : 0
                  },
                  "documents" : 0,
                  "failure" : "missing-folder",
                  "failure_detail" : "no such folder: gone",
                  "findings" : {
                    "by_family" : {

                    },
                    "errors" : 0,
                    "notes" : 0,
                    "warnings" : 0
                  },
                  "folder" : "gone",
                  "lang" : "zh-CN",
                  "name" : "gone",
                  "parties" : [

                  ],
                  "school" : "gone",
                  "upstreams" : [

                  ]
                }
              ],
              "summary" : {
                "failed" : 1,
                "projects" : 1
              },
              "version" : "1"
            }

            """)
        let decoded = try JSONDecoder().decode([String: [CatalogueEntry]].self, from: Data(#"{"p": \#(JSONOutput.encode([Self.implementing]))}"#.utf8))
        #expect(decoded["p"] == [Self.implementing])
    }

    @Test func theSameEntriesGiveTheSameBytes() throws {
        let entries = [Self.implementing, CatalogueEntry.failed(folder: "gone", name: "gone", .notAProject, detail: "x")]
        let first = try CatalogueSite(entries: entries, lang: "zh-CN", toolVersion: "1").files()
        let second = try CatalogueSite(entries: entries, lang: "zh-CN", toolVersion: "1").files()
        #expect(first == second)
        #expect(first.keys.sorted() == ["assets/catalogue.js", "assets/style.css", "catalogue.json", "index.html"])
    }
}
