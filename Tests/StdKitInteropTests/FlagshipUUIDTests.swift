import Foundation
import Testing
import StdKitModel
@testable import StdKitInterop

/// CASE identifiers are name-based UUIDs (SHA-1): an exported package must keep its identifiers
/// whatever computes them, or every system that imported it sees new items.
/// `Fixtures/flagship-case-uuids.txt` was written by the hand-written SHA-1 before swift-crypto,
/// from the flagship as it was then, which `Tests/Fixtures/flagship-frozen` keeps.
@Suite("Flagship CASE identifiers")
struct FlagshipUUIDTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().standardizedFileURL

    static func lines(_ project: Project) -> [String] {
        let export = CASEExport(project: project, lastChange: [:], defaultChange: "2026-01-01T00:00:00Z")
        return export.packages().flatMap { id, package in
            ["document \(id) \(package.CFDocument.uuid)"]
                + (package.CFItems ?? []).map { "item \(id)#\($0.humanCodingScheme ?? "") \($0.uuid)" }
                + (package.CFAssociations ?? []).map { "association \(id) \($0.originNodeURI.identifier) \($0.associationType) \($0.destinationNodeURI.identifier) \($0.uuid)" }
        }
    }

    @Test func identifiersKeepTheirRecordedValues() async throws {
        let project = try await ProjectLoader.load(root: Self.repository.appendingPathComponent("Tests/Fixtures/flagship-frozen"))
        let fixture = Self.repository.appendingPathComponent("Tests/StdKitInteropTests/Fixtures/flagship-case-uuids.txt")
        let recorded = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
        let computed = Self.lines(project)
        #expect(computed.count == 914)
        #expect(computed == recorded)
    }
}
