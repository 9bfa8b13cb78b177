import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// Upstreams (DESIGN §14.1): declaring one, reading it as a project of its own, references into
/// it with their positions and did-you-mean, an absent one as a single finding, a checkout not
/// at its release, and links into it reviewed like coverage links.
@Suite("Upstreams")
struct UpstreamTests {
    static let config = "name: 学校方案\nupstream:\n  - id: ns\n    path: vendor/ns\n    release: v2025.1\n"
    static let upstreamProgramme = "---\nid: PROG-NS\nkind: programme\ntitle: 专业教学标准\n---\n\n## 培养规格\n\n- **S1** 能按工艺文件示教编程\n- **S2** 能维护保养工业机器人\n"
    static let upstreamCourse = "---\nid: COURSE-NS-PROG\nkind: course\ntitle: 工业机器人现场编程\n---\n\n- **LO1** 会示教编程 → PROG-NS#S1\n"
    static let upstream: [String: String] = [
        "vendor/ns/stdkit.yml": "name: 国家标准\n", "vendor/ns/p.md": upstreamProgramme, "vendor/ns/courses/c.md": upstreamCourse,
    ]

    static func programme(_ specifications: String) -> String {
        "---\nid: P1\nkind: programme\ntitle: 方案\nimplements: ns:PROG-NS\n---\n\n## 培养规格\n\n\(specifications)"
    }

    static func project(_ files: [String: String]) async throws -> Project {
        try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) })
    }

    static func findings(_ project: Project, rules: Set<String>) -> [Diagnostic] {
        Checker().check(project).diagnostics.filter { rules.contains($0.rule) }
    }

    static func lines(_ findings: [Diagnostic], _ language: Language = .en) -> [String] {
        findings.map { "\($0.file):\($0.location) \($0.severity) \($0.message.text(in: language))" + ($0.hint.map { " | " + $0.text(in: language) } ?? "") }
    }

    @Test(arguments: [
        ("ns:PROG-NS-460305", "ns", "ns:PROG-NS-460305", nil, nil),
        ("ns:PROG-NS-460305#S7", "ns", "ns:PROG-NS-460305", nil, "S7"),
        ("gd-robot:JOB-A@2#R1", "gd-robot", "gd-robot:JOB-A", 2, "R1"),
        ("PROG-A#S1", nil, "PROG-A", nil, "S1"),
    ] as [(String, String?, String, Int?, String?)])
    func referencesIntoAnUpstreamParse(text: String, upstream: String?, document: String, pin: Int?, item: String?) throws {
        let syntax = try #require(ReferenceSyntax.parse(text, at: .start))
        #expect(syntax.upstream == upstream)
        #expect(syntax.document == document)
        #expect(syntax.pin == pin)
        #expect(syntax.item == item)
    }

    /// A prefix is lower-case (ids of documents are not), and what follows it is an id.
    @Test(arguments: ["NS:PROG", ":PROG", "ns:", "ns:#S1", "ns:a:b", "1ns:PROG", "ns :PROG", "https://example.org"])
    func malformedUpstreamReferences(text: String) {
        #expect(ReferenceSyntax.parse(text, at: .start) == nil)
    }

    @Test func declarationsThatCannotBeUsedAreNamed() {
        let yaml = """
        upstream:
          - {id: NS, path: vendor/a}
          - {id: ns, path: ../national}
          - {id: ns, path: ./vendor/ns/}
          - {id: ns, path: vendor/other}
          - {id: gd, path: vendor/ns}
        """
        let (config, diagnostics) = ProjectConfig.parse(yaml, defaultName: "p")
        #expect(config.upstreams.map(\.id) == ["ns"])
        #expect(config.upstreams.first?.path == "vendor/ns")
        #expect(Self.lines(diagnostics.filter { $0.rule == "config-invalid" }) == [
            "stdkit.yml:2:10 error upstream id 'NS' is not a prefix: use lower-case ASCII letters, digits and '-', starting with a letter (e.g. ns)",
            "stdkit.yml:3:20 error upstream 'ns' has path '../national', which is not a folder inside the project: give a relative path such as vendor/ns-460305",
            "stdkit.yml:5:10 error upstream 'ns' is declared twice",
            "stdkit.yml:6:20 error upstream 'gd' has the path 'vendor/ns' of upstream 'ns'",
        ])
    }

    @Test func theUpstreamIsReadApartAndSeenThroughItsKeys() async throws {
        var files = Self.upstream
        files["stdkit.yml"] = Self.config
        files["p.md"] = Self.programme("- **S1** 能示教编程 → ns:PROG-NS#S1\n")
        let project = try await Self.project(files)
        // `include` is every Markdown file, yet the upstream's are not the project's.
        #expect(project.documents.map(\.path) == ["p.md"])
        let seen = try #require(project.document("ns:PROG-NS"))
        #expect(seen.id == "ns:PROG-NS")
        #expect(seen.path == "vendor/ns/p.md")
        #expect(project.document("PROG-NS") == nil)
        #expect(project.upstream("ns")?.project?.documents.map(\.path) == ["courses/c.md", "p.md"])
        let local = try #require(project.document("P1"))
        #expect(local.references.map(\.resolution) == [.document("ns:PROG-NS")])
        #expect(local.items.first?.references.map(\.resolution) == [.item(document: "ns:PROG-NS", item: "S1")])
        #expect(project.index.sources(referencingItem: "S1", of: "ns:PROG-NS").map(\.item) == ["S1"])
        // The upstream's own findings (its sections, its lock) are not the project's.
        #expect(Checker().check(project).diagnostics.allSatisfy { !$0.file.hasPrefix("vendor/") })
    }

    @Test func referencesIntoTheUpstreamGetDidYouMeanAndPositions() async throws {
        var files = Self.upstream
        files["stdkit.yml"] = Self.config
        files["p.md"] = Self.programme("- **S1** 能示教编程 → ns:PROG-NSS#S1\n- **S2** 能维护 → nz:PROG-NS#S2\n- **S3** 能维护 → ns:PROG-NS#S3\n")
        let findings = Self.findings(try await Self.project(files), rules: ["unresolved-reference"])
        #expect(Self.lines(findings) == [
            "p.md:10:18 error reference 'ns:PROG-NSS#S1' matches no document of upstream 'ns' (vendor/ns); did you mean 'ns:PROG-NS'? | check the id against release v2025.1 of upstream 'ns'",
            "p.md:11:16 error reference 'nz:PROG-NS#S2' names upstream 'nz', which stdkit.yml does not declare; did you mean 'ns'? | use a declared upstream (ns), or declare 'nz' under `upstream` in stdkit.yml",
            "p.md:12:16 error reference 'ns:PROG-NS#S3' matches no item; did you mean 'S1'? | ns:PROG-NS declares S1, S2",
        ])
        #expect(findings.last?.notes.map { "\($0.file):\($0.location)" } == ["vendor/ns/p.md:9:5"])
        #expect(Self.lines(findings, .zhCN).first
            == "p.md:10:18 error 引用“ns:PROG-NSS#S1”在上游“ns”（vendor/ns）中找不到对应文档；是否想写“ns:PROG-NS”？ | 对照上游“ns”的 v2025.1 版核对 id")
    }

    /// An upstream that is not there is one error naming what brings it, and nothing more.
    @Test(arguments: [
        ([:], "stdkit.yml:4:11 error upstream 'ns' is not there: the folder vendor/ns does not exist | copy release v2025.1 of the upstream project into vendor/ns, or correct `path` in stdkit.yml"),
        ([".gitmodules": "[submodule \"vendor/ns\"]\n\tpath = vendor/ns\n\turl = https://git.example.org/moe/ns-460305.git\n"],
         "stdkit.yml:4:11 error upstream 'ns' is not there: the folder vendor/ns does not exist | fetch it with `git submodule update --init vendor/ns`"),
        (["vendor/ns/p.md": upstreamProgramme],
         "stdkit.yml:4:11 error upstream 'ns' at vendor/ns holds no stdkit.yml: it is not a standards project | point `path` at the upstream's project folder (the one with its stdkit.yml)"),
    ] as [([String: String], String)])
    func anAbsentUpstreamIsOneFinding(extra: [String: String], expected: String) async throws {
        var files = extra
        files["stdkit.yml"] = Self.config
        files["p.md"] = Self.programme("- **S1** 能示教编程 → ns:PROG-NS#S1\n- **S2** 能维护 → ns:PROG-NSX#S2\n")
        let diagnostics = Checker().check(try await Self.project(files)).diagnostics
        #expect(Self.lines(diagnostics.filter { $0.severity == .error }) == [expected])
        #expect(!diagnostics.contains { $0.rule == "unresolved-reference" || $0.rule == "wrong-target-kind" })
    }

    @Test func anEmptyFolderIsASubmoduleNotInitialised() async throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("vendor/ns"), withIntermediateDirectories: true)
        try Self.write(["stdkit.yml": Self.config, "p.md": Self.programme("- **S1** 能示教编程 → ns:PROG-NS#S1\n"),
                        ".gitmodules": "[submodule \"ns\"]\n\tpath = ./vendor/ns\n\turl = ../ns.git\n"], to: root)
        let project = try await ProjectLoader.load(root: root)
        #expect(Self.lines(Self.findings(project, rules: ["upstream-missing", "unresolved-reference"]), .zhCN) == [
            "stdkit.yml:4:11 error 上游“ns”缺失：文件夹 vendor/ns 是空的 | 运行 `git submodule update --init vendor/ns` 取回上游",
        ])
    }

    /// When the upstream's next release rewords a specification, the local item implementing it
    /// is suspect until reviewed; the lock holds the link beside the coverage links.
    @Test func aRewordedUpstreamSpecificationMakesItsLocalItemsSuspect() async throws {
        var files = Self.upstream
        files["stdkit.yml"] = Self.config
        files["p.md"] = Self.programme("- **S1** 能示教编程 → ns:PROG-NS#S1\n- **S2** 能维护保养 → ns:PROG-NS#S2\n")
        files["c.md"] = "---\nid: C1\nkind: course\ntitle: 编程\nimplements: ns:COURSE-NS-PROG\n---\n\n- **LO1** 会示教编程 → P1#S1, ns:PROG-NS#S1\n"
        let before = try await Self.project(files)
        let review = LinkReview(project: before)
        #expect(review.entries.map(\.link.key.description) == [
            "C1#LO1->P1#S1", "C1#LO1->ns:PROG-NS#S1", "P1#S1->ns:PROG-NS#S1", "P1#S2->ns:PROG-NS#S2",
        ])
        #expect(review.entries.first(where: { $0.link.key.target == "ns:PROG-NS#S1" })?.link.targetPath == "vendor/ns/p.md")
        files[Project.linkLockPath] = review.accepting(review.entries.map(\.link), pruning: true).text
        #expect(Self.findings(try await Self.project(files), rules: ["suspect-link", "unreviewed-link"]).isEmpty)

        files["vendor/ns/p.md"] = Self.upstreamProgramme.replacingOccurrences(of: "能按工艺文件示教编程", with: "能按工艺文件示教编程并完成视觉引导抓取")
        let suspect = Self.findings(try await Self.project(files), rules: ["suspect-link"])
        #expect(suspect.map { "\($0.file):\($0.location)" } == ["c.md:8:26", "p.md:10:18"])
        #expect(suspect.allSatisfy { $0.message.text(in: .en).contains("ns:PROG-NS#S1") })
    }

    /// A checkout of its own (a submodule) must be at the release followed.
    @Test func aCheckoutNotAtItsReleaseIsAWarning() async throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let upstream = root.appendingPathComponent("vendor/ns")
        try Self.write(Self.upstream.reduce(into: [:]) { $0[String($1.key.dropFirst("vendor/ns/".count))] = $1.value }, to: upstream)
        try Self.git(["init", "-q"], in: upstream)
        try Self.git(["add", "."], in: upstream)
        try Self.git(["commit", "-q", "-m", "v2025.1"], in: upstream)
        try Self.git(["tag", "v2025.1"], in: upstream)
        try Self.write(["p.md": Self.upstreamProgramme + "- **S3** 能调试视觉系统\n"], to: upstream)
        try Self.git(["commit", "-q", "-am", "v2026.1"], in: upstream)
        try Self.git(["tag", "v2026.1"], in: upstream)
        try Self.write(["stdkit.yml": Self.config, "p.md": Self.programme("- **S1** 能示教编程 → ns:PROG-NS#S1\n")], to: root)

        let atNewer = try await ProjectLoader.load(root: root)
        #expect(Self.lines(Self.findings(atNewer, rules: ["upstream-release"])) == [
            "stdkit.yml:5:14 warning upstream 'ns' should be at release v2025.1, but its checkout is at v2026.1 | check out the release (`git -C vendor/ns checkout v2025.1`) or change `release` to the one the project now follows",
        ])
        try Self.git(["checkout", "-q", "v2025.1"], in: upstream)
        #expect(Self.findings(try await ProjectLoader.load(root: root), rules: ["upstream-release"]).isEmpty)
        try Self.write(["stdkit.yml": Self.config.replacingOccurrences(of: "v2025.1", with: "v2027.1")], to: root)
        #expect(Self.findings(try await ProjectLoader.load(root: root), rules: ["upstream-release"]).map { $0.message.text(in: .en) } == [
            "upstream 'ns' should be at release v2027.1, which its checkout does not have (it is at v2025.1)",
        ])
    }

    /// A project read from git reads its vendored upstream from the same revision, and a
    /// submodule's from the submodule's repository at the commit recorded.
    @Test func upstreamsAreReadFromGitRevisionsAndSubmodules() async throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let national = root.appendingPathComponent("national")
        try Self.write(Self.upstream.reduce(into: [:]) { $0[String($1.key.dropFirst("vendor/ns/".count))] = $1.value }, to: national)
        try Self.git(["init", "-q"], in: national)
        try Self.git(["add", "."], in: national)
        try Self.git(["commit", "-q", "-m", "v2025.1"], in: national)
        try Self.git(["tag", "v2025.1"], in: national)

        // Vendored: the files are in the school's own history.
        let vendored = root.appendingPathComponent("vendored")
        try Self.write(Self.upstream.merging(["stdkit.yml": Self.config, "p.md": Self.programme("- **S1** 能示教编程 → ns:PROG-NS#S1\n")]) { $1 },
                       to: vendored)
        try Self.git(["init", "-q"], in: vendored)
        try Self.git(["add", "."], in: vendored)
        try Self.git(["commit", "-q", "-m", "school"], in: vendored)
        let atHead = try await ProjectLoader.load(repository: GitRepository(containing: vendored), source: .revision("HEAD"), projectPath: "")
        #expect(atHead.documents.map(\.path) == ["p.md"])
        #expect(atHead.document("ns:PROG-NS")?.items.map(\.id) == ["S1", "S2"])
        #expect(Self.findings(atHead, rules: ["unresolved-reference", "upstream-missing"]).isEmpty)

        // A submodule.
        let school = root.appendingPathComponent("school")
        try Self.write(["stdkit.yml": Self.config, "p.md": Self.programme("- **S1** 能示教编程 → ns:PROG-NS#S1\n")], to: school)
        try Self.git(["init", "-q"], in: school)
        try Self.git(["-c", "protocol.file.allow=always", "submodule", "add", "-q", national.path, "vendor/ns"], in: school)
        try Self.git(["add", "."], in: school)
        let fromIndex = try await ProjectLoader.load(repository: GitRepository(containing: school), source: .index, projectPath: "")
        #expect(fromIndex.document("ns:PROG-NS")?.path == "vendor/ns/p.md")
        #expect(Self.findings(fromIndex, rules: ["unresolved-reference", "upstream-missing", "upstream-release"]).isEmpty)
        try Self.git(["commit", "-q", "-m", "school"], in: school)
        let fromCommit = try await ProjectLoader.load(repository: GitRepository(containing: school), source: .revision("HEAD"), projectPath: "")
        #expect(fromCommit.upstream("ns")?.isSubmodule == true)
        #expect(Self.findings(fromCommit, rules: ["unresolved-reference", "upstream-missing", "upstream-release"]).isEmpty)
    }

    // MARK: - Support

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-upstream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ files: [String: String], to root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    struct GitFailed: Error {
        var command: String
    }

    static func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=stdkit test", "-c", "user.email=test@stdkit.invalid", "-c", "init.defaultBranch=main",
                             "-c", "tag.gpgSign=false", "-c", "commit.gpgSign=false"] + arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw GitFailed(command: "git \(arguments.joined(separator: " ")) in \(folder.path)")
        }
    }
}
