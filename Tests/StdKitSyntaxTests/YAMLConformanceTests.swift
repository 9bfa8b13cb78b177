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

    /// Whether `url` is a symbolic link (not followed).
    static func isLink(_ url: URL) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType) == .typeSymbolicLink
    }

    /// The cases of the suite at `suite`: each folder with in.yaml, or each numbered variant of
    /// a folder of them (2G84/00, 2G84/01, …). Symbolic links are skipped: the suite's `name/`
    /// and `tags/` folders link to the cases, and a copy that keeps links (`cp -a`) would
    /// otherwise count each case two or more times.
    static func caseNames(in suite: URL) throws -> [String] {
        var names: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: suite.path).sorted() {
            let folder = suite.appendingPathComponent(name)
            guard !isLink(folder) else { continue }
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("in.yaml").path) {
                names.append(name)
            } else if let variants = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
                names += variants.sorted().filter { variant in
                    let path = folder.appendingPathComponent(variant)
                    return !isLink(path) && FileManager.default.fileExists(atPath: path.appendingPathComponent("in.yaml").path)
                }.map { name + "/" + $0 }
            }
        }
        return names
    }

    static func run(suite: URL = suite) throws -> Counts {
        var counts = Counts()
        let names = try caseNames(in: suite)
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

    /// A copy of the suite as git or `cp -a` keeps it, its `name/` and `tags/` entries symbolic
    /// links to the cases (the shared corpus holds them as files naming their targets): the
    /// same cases, counted once each.
    @Test func aCopyWithSymbolicLinksCountsEachCaseOnce() throws {
        guard FileManager.default.fileExists(atPath: Self.suite.path) else {
            print("skipped: \(Self.suite.path) is absent")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-yaml-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("yaml-test-suite")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.suite, to: copy)
        var links = 0
        let enumerator = FileManager.default.enumerator(atPath: copy.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasPrefix("name/") || path.hasPrefix("tags/") else { continue }
            // A faithful copy of the suite (one that keeps symbolic links) has them already; the
            // shared corpus holds them as small files naming their targets, made links here.
            let type = enumerator?.fileAttributes?[.type] as? FileAttributeType
            if type == .typeSymbolicLink {
                links += 1
                continue
            }
            guard type == .typeRegular else { continue }
            let file = copy.appendingPathComponent(path)
            let target = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            guard target.hasPrefix("../") else { continue }
            try FileManager.default.removeItem(at: file)
            try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: target)
            links += 1
        }
        #expect(links > 1_000, "the name/ and tags/ entries are links now")
        #expect(FileManager.default.fileExists(atPath: copy.appendingPathComponent("name/aliases-in-block-sequence/in.yaml").path))
        let counts = try Self.run(suite: copy)
        #expect(counts.cases == 402)
        #expect(counts.description == Self.documented)
        // The event reader's walk of the suite neither follows the links nor reads a case twice.
        #expect(YAMLEventReaderTests.inYAMLPaths(under: copy).count == YAMLEventReaderTests.inYAMLPaths(under: Self.suite).count)
    }

    /// A small suite with every kind of link: a case, a folder of variants, links to both from
    /// `name/`, a link from `tags/x/`, and a link out of the suite.
    @Test func symbolicLinksAreSkipped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-yaml-small-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = folder.appendingPathComponent("suite")
        for path in ["A", "B/00", "B/01", "name", "tags/x", "outside/C"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(path == "outside/C" ? path : "suite/" + path),
                                                    withIntermediateDirectories: true)
        }
        for path in ["suite/A", "suite/B/00", "suite/B/01", "outside/C"] {
            try "键: 值\n".write(to: folder.appendingPathComponent(path + "/in.yaml"), atomically: true, encoding: .utf8)
        }
        for (link, target) in [("name/a", "../A"), ("name/b", "../B"), ("tags/x/A", "../../A"), ("C", "../outside/C"), ("name/c", "../../outside/C")] {
            try FileManager.default.createSymbolicLink(atPath: suite.appendingPathComponent(link).path, withDestinationPath: target)
        }
        #expect(try Self.caseNames(in: suite) == ["A", "B/00", "B/01"])
        #expect(try Self.run(suite: suite).cases == 3)
        #expect(YAMLEventReaderTests.inYAMLPaths(under: suite) == ["A/in.yaml", "B/00/in.yaml", "B/01/in.yaml"])
    }

    static let documented = "402 cases; 256 compared with in.json, 214 equal; 23 multi-document or empty streams; 94 error cases, 82 reported"
}
