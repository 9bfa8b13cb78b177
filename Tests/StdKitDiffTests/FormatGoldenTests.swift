import Foundation
import Testing
import StdKitModel
@testable import StdKitDiff

/// Golden files for every format, for two pairs (re-recorded with STDKIT_RECORD=1, read first).
@Suite("Diff formats")
struct FormatGoldenTests {
    static func golden(_ name: String, _ actual: String) throws {
        let url = FixturePairTests.fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["STDKIT_RECORD"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(actual == (try String(contentsOf: url, encoding: .utf8)), "\(name) differs from its golden file")
    }

    @Test(arguments: ["added-item", "removed-requirement", "reworded-chinese"])
    func everyFormat(pair: String) async throws {
        let report = DiffReport(change: try await FixturePairTests.change(pair), from: "old", to: "new")
        try Self.golden("\(pair)/expected.txt", report.text())
        try Self.golden("\(pair)/expected.md", report.markdown())
        try Self.golden("\(pair)/expected.html", report.html(title: "差异测试"))
        let folder = FixturePairTests.fixtures.appendingPathComponent(pair)
        let old = try String(contentsOf: folder.appendingPathComponent("old/jobs/job.md"), encoding: .utf8)
        let new = try String(contentsOf: folder.appendingPathComponent("new/jobs/job.md"), encoding: .utf8)
        try Self.golden("\(pair)/expected.critic.md", CriticMarkup.render(old: old, new: new))
    }

    @Test func colourOnlyWhenAsked() async throws {
        let report = DiffReport(change: try await FixturePairTests.change("reworded-chinese"), from: "old", to: "new")
        #expect(!report.text().contains("\u{1B}["))
        #expect(report.text(colour: true).contains("\u{1B}[31m示教\u{1B}[0m"))
    }
}
