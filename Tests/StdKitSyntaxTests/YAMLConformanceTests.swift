import Foundation
import Testing
@testable import StdKitSyntax

/// Every case of the YAML test suite (../shared/corpora/yaml-test-suite, data-2022-01-17, MIT)
/// through the front-matter reader: none crashes; a valid single-document case with an `in.json`
/// reads to the expected values; an error case gives a diagnostic. The counts, and the cases
/// where the reader (libyaml, through Yams) differs, are in docs/conformance.md — the test fails
/// when they change.
@Suite("YAML test suite")
struct YAMLConformanceTests {
    static let suite = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/corpora/yaml-test-suite").standardizedFileURL

    /// A node as the core schema of YAML 1.2 types it (`YAMLNode.coreSchemaValue`).
    static func value(_ node: YAMLNode) -> Any { node.coreSchemaValue }

    static func same(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (let x as [String: Any], let y as [String: Any]):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { same(value, $0) } ?? false }
        case (let x as [Any], let y as [Any]):
            return x.count == y.count && zip(x, y).allSatisfy(same)
        case (is NSNull, is NSNull):
            return true
        case (let x as Bool, let y as Bool):
            return x == y
        case (let x as Int, let y as NSNumber):
            return Double(x) == y.doubleValue
        case (let x as Double, let y as NSNumber):
            return x == y.doubleValue
        case (let x as String, let y as String):
            return x == y
        default:
            return false
        }
    }

    struct Counts: Equatable, CustomStringConvertible {
        var cases = 0, compared = 0, equal = 0, multiDocument = 0, errorCases = 0, errorsReported = 0
        var differing: [String] = []
        var acceptedErrors: [String] = []
        var description: String {
            "\(cases) cases; \(compared) compared with in.json, \(equal) equal; \(multiDocument) multi-document or empty streams; \(errorCases) error cases, \(errorsReported) reported"
        }
    }

    static func run() throws -> Counts {
        var counts = Counts()
        // A case is a folder with in.yaml, or a folder of numbered variants (2G84/00, 2G84/01, …).
        var names: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: suite.path).sorted() {
            if FileManager.default.fileExists(atPath: suite.appendingPathComponent(name + "/in.yaml").path) {
                names.append(name)
            } else if let variants = try? FileManager.default.contentsOfDirectory(atPath: suite.appendingPathComponent(name).path) {
                names += variants.sorted().map { name + "/" + $0 }
            }
        }
        for name in names {
            let folder = suite.appendingPathComponent(name)
            guard let yaml = try? String(contentsOf: folder.appendingPathComponent("in.yaml"), encoding: .utf8) else { continue }
            counts.cases += 1
            let read = YAMLReader.read(yaml, file: "in.yaml")  // must return, whatever the input
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("error").path) {
                counts.errorCases += 1
                if !read.diagnostics.isEmpty { counts.errorsReported += 1 } else { counts.acceptedErrors.append(name) }
                continue
            }
            guard let json = try? Data(contentsOf: folder.appendingPathComponent("in.json")) else { continue }
            // in.json holds one JSON value per document; front matter is one document.
            guard let expected = try? JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed]) else {
                counts.multiDocument += 1
                continue
            }
            counts.compared += 1
            if let root = read.root, read.diagnostics.isEmpty, same(value(root), expected) {
                counts.equal += 1
            } else {
                counts.differing.append(name)
            }
        }
        return counts
    }

    @Test func theSuiteThroughTheFrontMatterReader() throws {
        guard FileManager.default.fileExists(atPath: Self.suite.path) else {
            print("skipped: \(Self.suite.path) is absent")
            return
        }
        let counts = try Self.run()
        print("yaml-test-suite: \(counts)")
        print("yaml-test-suite: differing \(counts.differing.joined(separator: " "))")
        print("yaml-test-suite: error cases accepted \(counts.acceptedErrors.joined(separator: " "))")
        #expect(counts.cases == 402)
        // The figures of docs/conformance.md.
        #expect(counts.description == Self.documented, "update docs/conformance.md")
    }

    static let documented = "402 cases; 256 compared with in.json, 214 equal; 23 multi-document or empty streams; 94 error cases, 82 reported"
}
