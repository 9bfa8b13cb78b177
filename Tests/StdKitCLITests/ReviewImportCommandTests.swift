import Foundation
import Testing
import StdKitModel
import StdKitOffice
@testable import StdKitCLI

/// `stdkit import docx --review` in real git repositories made in a temporary folder: an
/// exported course edited with 修订 and 批注, merged back into the source.
@Suite("stdkit import docx --review")
struct ReviewImportCommandTests {
    static let course = """
        ---
        id: COURSE-ROBOT
        kind: course
        title: 工业机器人编程
        version: 1.0.0
        ---

        # 工业机器人编程

        ## 课程目标

        - **LO1** 能够独立完成 ABB 机器人的示教编程。
        - **LO2** 能够按工艺文件调试搬运工作站。
        - **LO3** 能够编写码垛程序并优化节拍。
        - **LO4** 能够排除常见报警。

        ## 考核

        过程考核占 60%。

        """

    static let path = "courses/robot.md"

    /// A project in git with the course committed: its folder, the commit and the course's blob.
    static func project(lang: String = "zh-CN", git: Bool = true) throws -> (folder: URL, commit: String, blob: String) {
        let folder = try CLIRun.temporaryFolder()
        try "name: 机器人专业\nlang: \(lang)\n".write(to: folder.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("courses"), withIntermediateDirectories: true)
        try course.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
        guard git else { return (folder, "", "") }
        try GitTests.git(["init", "-q"], in: folder)
        try GitTests.git(["add", "."], in: folder)
        try GitTests.git(["commit", "-q", "-m", "课程"], in: folder)
        let commit = try GitTests.git(["rev-parse", "HEAD"], in: folder).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let blob = try GitTests.git(["rev-parse", "HEAD:\(path)"], in: folder).output.trimmingCharacters(in: .whitespacesAndNewlines)
        return (folder, commit, blob)
    }

    static func unit(_ item: String) async throws -> ReviewedFile.UnitKey {
        let project = try await ProjectLoader.load(files: [path: Array(course.utf8)])
        let unit = try #require(ReviewUnits.units(of: project.documents[0]).first { $0.item == item })
        return ReviewedFile.UnitKey(document: 0, unit: unit.index)
    }

    /// The course reviewed by 李工: a word inserted in LO2, words deleted in LO3, a comment on LO1.
    static func reviewed(commit: String, blob: String) async throws -> ReviewedDocxFixture {
        var fixture = ReviewedDocxFixture(documents: [("COURSE-ROBOT", path, course, blob)], commit: commit)
        fixture.edits[try await unit("LO1")] = [.comment(id: 0, [.text("LO1 能够独立完成 ABB 机器人的示教编程。")])]
        fixture.edits[try await unit("LO2")] = [.text("LO2 能够按工艺文件"), .inserted("熟练", author: "李工", date: "2026-11-20T10:00:00Z"), .text("调试搬运工作站。")]
        fixture.edits[try await unit("LO3")] = [.text("LO3 能够编写码垛程序"), .deleted("并优化节拍", author: "李工", date: "2026-11-21T09:30:00Z"), .text("。")]
        fixture.comments = [.init(id: 0, author: "李工", date: "2026-11-20T10:05:00Z", text: "请补充安全操作要求")]
        return fixture
    }

    /// Writes the Word file outside the project (as a download would be) and returns its path.
    static func write(_ fixture: ReviewedDocxFixture) async throws -> String {
        let url = try CLIRun.temporaryFolder().appendingPathComponent("审阅稿.docx")
        try await fixture.data().write(to: url)
        return url.path
    }

    static func run(_ file: String, in folder: URL, dryRun: Bool = false, variables: [String: String] = [:]) async -> CLIRun {
        await CLIRun.run(["import", "docx", "--review", file] + (dryRun ? ["--dry-run"] : []), in: folder, variables: variables)
    }

    static func read(_ folder: URL, _ path: String = path) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file of the work tree and of .git, with its bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    /// Exports the course with `stdkit export --format docx` and edits the file as Word writes a
    /// review: `replacements` in `word/document.xml`, and `comments` in a comments part with its
    /// relationship and content type.
    static func export(_ folder: URL, replacements: [(String, String)], comments: [ReviewedDocxFixture.Comment]) async throws -> String {
        let file = try CLIRun.temporaryFolder().appendingPathComponent("导出.docx")
        let export = await CLIRun.run(["export", "--format", "docx", "--document", "COURSE-ROBOT", "-o", file.path], in: folder)
        #expect(export.status == 0, "\(export.errors)")
        let archive = try DocxArchive(contentsOf: file)
        var parts = archive.parts
        var document = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        for (old, new) in replacements {
            #expect(document.components(separatedBy: old).count == 2, "\(old) once in document.xml")
            document = document.replacingOccurrences(of: old, with: new)
        }
        parts["word/document.xml"] = Data(document.utf8)
        if !comments.isEmpty {
            let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#
            parts["word/comments.xml"] = Data((#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments \#(w)>"# + comments.map {
                #"<w:comment w:id="\#($0.id)" w:author="\#($0.author)" w:date="\#($0.date)" w:initials="\#($0.author.prefix(1))"><w:p><w:r><w:t>\#($0.text)</w:t></w:r></w:p></w:comment>"#
            }.joined() + "</w:comments>").utf8)
            var rels = String(decoding: try #require(parts["word/_rels/document.xml.rels"]), as: UTF8.self)
            rels = rels.replacingOccurrences(of: "</Relationships>", with: #"<Relationship Id="rIdReview1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>"#)
            parts["word/_rels/document.xml.rels"] = Data(rels.utf8)
            var types = String(decoding: try #require(parts["[Content_Types].xml"]), as: UTF8.self)
            types = types.replacingOccurrences(of: "</Types>", with: #"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>"#)
            parts["[Content_Types].xml"] = Data(types.utf8)
        }
        let names = ["[Content_Types].xml"] + parts.keys.filter { $0 != "[Content_Types].xml" }.sorted()
        let reviewed = file.deletingLastPathComponent().appendingPathComponent("审阅稿.docx")
        try DocxPackage.zip(names.map { ($0, parts[$0]!) }).write(to: reviewed)
        return reviewed.path
    }

    /// Word's 修订 and 批注 on the exported course: 李工 inserts 熟练 in LO2, deletes 并优化节拍
    /// in LO3, and comments on LO1.
    static let wordReview: [(String, String)] = [
        (#"<w:t xml:space="preserve"> 能够按工艺文件调试搬运工作站。</w:t></w:r>"#,
         #"<w:t xml:space="preserve"> 能够按工艺文件</w:t></w:r><w:ins w:id="901" w:author="李工" w:date="2026-11-20T10:00:00Z"><w:r><w:t>熟练</w:t></w:r></w:ins><w:r><w:t xml:space="preserve">调试搬运工作站。</w:t></w:r>"#),
        (#"<w:t xml:space="preserve"> 能够编写码垛程序并优化节拍。</w:t></w:r>"#,
         #"<w:t xml:space="preserve"> 能够编写码垛程序</w:t></w:r><w:del w:id="902" w:author="李工" w:date="2026-11-21T09:30:00Z"><w:r><w:delText>并优化节拍</w:delText></w:r></w:del><w:r><w:t>。</w:t></w:r>"#),
        (#"<w:r><w:t xml:space="preserve"> 能够独立完成 ABB 机器人的示教编程。</w:t></w:r>"#,
         #"<w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve"> 能够独立完成 ABB 机器人的示教编程。</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>"#),
    ]

    @Test func anExportedCourseReviewedInWordComesBackIntoItsItemsAndAGitEditIsKept() async throws {
        let (folder, commit, _) = try Self.project()
        let file = try await Self.export(folder, replacements: Self.wordReview,
                                         comments: [.init(id: 0, author: "李工", date: "2026-11-20T10:05:00Z", text: "请补充安全操作要求")])
        // Edited in git after the export.
        try Self.read(folder).replacingOccurrences(of: "能够排除常见报警。", with: "能够排除常见报警并记录处理过程。")
            .write(to: folder.appendingPathComponent(Self.path), atomically: true, encoding: .utf8)
        try GitTests.git(["commit", "-q", "-am", "LO4"], in: folder)

        let run = await Self.run(file, in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(try Self.read(folder) == Self.course
            .replacingOccurrences(of: "能够按工艺文件调试", with: "能够按工艺文件熟练调试")
            .replacingOccurrences(of: "码垛程序并优化节拍。", with: "码垛程序。")
            .replacingOccurrences(of: "能够排除常见报警。", with: "能够排除常见报警并记录处理过程。"))
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".stdkit/reviews").path).first)
        #expect(run.output == """
            COURSE-ROBOT（courses/robot.md），导出自 \(commit.prefix(12))
              LO1
                李工 批注（2026-11-20T10:05:00Z）：请补充安全操作要求
              LO2
                李工 插入（2026-11-20T10:00:00Z）：“熟练”
                修改已逐词写入其 Markdown
              LO3
                李工 删除（2026-11-21T09:30:00Z）：“并优化节拍”
                修改已逐词写入其 Markdown
              已无冲突地合并到 courses/robot.md
            批注已保存在 .stdkit/reviews/\(name)，供 stdkit review 查看

            """)
        let kept = try JSONDecoder().decode(ReviewComments.self, from: Data(contentsOf: folder.appendingPathComponent(".stdkit/reviews/\(name)")))
        #expect(kept.comments.map { "\($0.document)#\($0.item ?? "-") \($0.author) \($0.text)" } == ["COURSE-ROBOT#LO1 李工 请补充安全操作要求"])

        // The same file imported again changes nothing and says why.
        let before = try Self.snapshot(folder)
        let again = await Self.run(file, in: folder)
        #expect(again.status == 0)
        #expect(again.output.contains("\n  审阅后的文字已在 courses/robot.md 中（此前已导入，或已在 git 中作了同样的修改）：保持不变\n"))
        #expect(try Self.snapshot(folder) == before)
    }

    /// A reviewer who types with 修订 off leaves no w:ins or w:del: the file's own "original"
    /// is the edited text. The import compares with what stdkit sent, so the edit still comes
    /// back, and the report says no one is named for it.
    @Test func anEditTypedWithTrackChangesOffComesBackAndIsReportedAsSuch() async throws {
        let (folder, commit, _) = try Self.project()
        let file = try await Self.export(folder, replacements: [
            (#"<w:t xml:space="preserve"> 能够按工艺文件调试搬运工作站。</w:t></w:r>"#,
             #"<w:t xml:space="preserve"> 能够按作业指导书调试搬运工作站。</w:t></w:r>"#),
        ], comments: [])
        let run = await Self.run(file, in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(try Self.read(folder) == Self.course.replacingOccurrences(of: "能够按工艺文件调试", with: "能够按作业指导书调试"))
        #expect(run.output == """
            COURSE-ROBOT（courses/robot.md），导出自 \(commit.prefix(12))
              LO2
                未开修订时所改（修订未打开，或寄回前已接受修订），无修改人：“LO2 能够按工艺文件调试搬运工作站。”改为“LO2 能够按作业指导书调试搬运工作站。”
                修改已逐词写入其 Markdown
              已无冲突地合并到 courses/robot.md

            """)
    }

    /// The reviewed file saved again by LibreOffice (as a WPS or LibreOffice user sends it back):
    /// LibreOffice keeps the 修订 but writes a bookmark that starts in a table cell twice, one
    /// start without an end; the units after the table must still receive their edits.
    @Test func aReviewSavedAgainByLibreOfficeComesBackIntoItsItems() async throws {
        let soffice = ["soffice", "libreoffice"].lazy.compactMap { name in
            (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
        }.first
        guard let soffice else {
            print("skipped: soffice is not installed (Debian libreoffice-writer-nogui; make deps installs it)")
            return
        }
        let (folder, _, _) = try Self.project()
        let table = "# 工业机器人编程\n\n| 模块 | 学时 |\n| --- | --- |\n| 示教编程 | 16 |\n| 离线编程 | 12 |\n"
        let course = Self.course.replacingOccurrences(of: "# 工业机器人编程\n", with: table)
        try course.write(to: folder.appendingPathComponent(Self.path), atomically: true, encoding: .utf8)
        try GitTests.git(["commit", "-q", "-am", "学时表"], in: folder)
        let reviewed = try await Self.export(folder, replacements: Self.wordReview,
                                             comments: [.init(id: 0, author: "李工", date: "2026-11-20T10:05:00Z", text: "请补充安全操作要求")])

        let out = try CLIRun.temporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["-env:UserInstallation=file://\(out.path)/profile", "--headless", "--convert-to", "docx:MS Word 2007 XML",
                             "--outdir", out.appendingPathComponent("saved").path, reviewed]
        // LibreOffice reads a file name in the locale's encoding: without a UTF-8 locale (a CI
        // shell) it cannot find 审阅稿.docx.
        process.environment = ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"]) { $1 }
        let messages = Pipe()
        process.standardOutput = messages
        process.standardError = messages
        try process.run()
        let said = String(decoding: messages.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(said)")
        let saved = out.appendingPathComponent("saved/审阅稿.docx")
        #expect(FileManager.default.fileExists(atPath: saved.path), "LibreOffice said: \(said)")
        let archive = try DocxArchive(contentsOf: saved)
        let document = String(decoding: try #require(archive.part("word/document.xml")), as: UTF8.self)
        // What this test is about: LibreOffice has written more starts of our bookmarks than ends.
        #expect(document.components(separatedBy: "<w:bookmarkStart").count > document.components(separatedBy: "<w:bookmarkEnd").count)

        let run = await Self.run(saved.path, in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(try Self.read(folder) == course
            .replacingOccurrences(of: "能够按工艺文件调试", with: "能够按工艺文件熟练调试")
            .replacingOccurrences(of: "码垛程序并优化节拍。", with: "码垛程序。"))
        #expect(run.output.contains("  LO1\n    李工 批注（2026-11-20T10:05:00Z）：请补充安全操作要求\n"))
        #expect(run.output.contains("  LO2\n    李工 插入（2026-11-20T10:00:00Z）：“熟练”\n    修改已逐词写入其 Markdown\n"))
        #expect(run.output.contains("  LO3\n    李工 删除（2026-11-21T09:30:00Z）：“并优化节拍”\n    修改已逐词写入其 Markdown\n"))
    }

    @Test func anExportBroughtBackUnreviewedChangesNothingAtAll() async throws {
        let (folder, _, _) = try Self.project()
        let file = try await Self.export(folder, replacements: [], comments: [])
        let before = try Self.snapshot(folder)
        let run = await Self.run(file, in: folder)
        #expect(run.status == 0)
        #expect(run.output.hasSuffix("  没有需要带回的内容：courses/robot.md 保持不变\n"))
        #expect(try Self.snapshot(folder) == before)
    }

    @Test func theEditsLandInTheirItemsTheGitEditIsKeptAndTheCommentIsKept() async throws {
        let (folder, commit, blob) = try Self.project()
        // Edited in git after the export.
        try Self.read(folder).replacingOccurrences(of: "能够排除常见报警。", with: "能够排除常见报警并记录处理过程。")
            .write(to: folder.appendingPathComponent(Self.path), atomically: true, encoding: .utf8)
        try GitTests.git(["commit", "-q", "-am", "LO4"], in: folder)
        let file = try await Self.write(try await Self.reviewed(commit: commit, blob: blob))

        let run = await Self.run(file, in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(try Self.read(folder) == Self.course
            .replacingOccurrences(of: "能够按工艺文件调试", with: "能够按工艺文件熟练调试")
            .replacingOccurrences(of: "码垛程序并优化节拍。", with: "码垛程序。")
            .replacingOccurrences(of: "能够排除常见报警。", with: "能够排除常见报警并记录处理过程。"))
        let reviews = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".stdkit/reviews").path)
        #expect(reviews.count == 1)
        let name = try #require(reviews.first)
        #expect(name.hasSuffix("-审阅稿.docx.json"))
        #expect(run.output == """
            COURSE-ROBOT（courses/robot.md），导出自 \(commit.prefix(12))
              LO1
                李工 批注（2026-11-20T10:05:00Z）：请补充安全操作要求
              LO2
                李工 插入（2026-11-20T10:00:00Z）：“熟练”
                修改已逐词写入其 Markdown
              LO3
                李工 删除（2026-11-21T09:30:00Z）：“并优化节拍”
                修改已逐词写入其 Markdown
              已无冲突地合并到 courses/robot.md
            批注已保存在 .stdkit/reviews/\(name)，供 stdkit review 查看

            """)
        let kept = try JSONDecoder().decode(ReviewComments.self, from: Data(contentsOf: folder.appendingPathComponent(".stdkit/reviews/\(name)")))
        #expect(kept.file == "审阅稿.docx")
        #expect(kept.commit == commit)
        #expect(kept.comments == [ReviewComments.Comment(document: "COURSE-ROBOT", path: Self.path, item: "LO1", section: "课程目标",
                                                         author: "李工", date: "2026-11-20T10:05:00Z", text: "请补充安全操作要求")])
        let listed = await CLIRun.run(["review", "comments"], in: folder)
        #expect(listed.status == 0)
        #expect(listed.output == """
            .stdkit/reviews/\(name): 审阅稿.docx, imported \(kept.imported), exported at \(commit.prefix(12))
              COURSE-ROBOT#LO1  李工, 2026-11-20T10:05:00Z: 请补充安全操作要求

            """)
    }

    @Test func theReportIsInEnglishForAnEnglishProject() async throws {
        let (folder, commit, blob) = try Self.project(lang: "en")
        let file = try await Self.write(try await Self.reviewed(commit: commit, blob: blob))
        let run = await Self.run(file, in: folder)
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("""
            COURSE-ROBOT (courses/robot.md), exported at \(commit.prefix(12))
              LO1
                comment by 李工, 2026-11-20T10:05:00Z: 请补充安全操作要求
              LO2
                inserted by 李工, 2026-11-20T10:00:00Z: “熟练”
                the edit is carried into its Markdown word by word
              LO3
                deleted by 李工, 2026-11-21T09:30:00Z: “并优化节拍”
                the edit is carried into its Markdown word by word
              merged cleanly into courses/robot.md
            comments kept for stdkit review in .stdkit/reviews/
            """))
    }

    @Test func bothSidesEditingOneItemIsAConflictMarkedAsMergeMarksIt() async throws {
        let (folder, commit, blob) = try Self.project()
        try Self.read(folder).replacingOccurrences(of: "能够按工艺文件调试搬运工作站。", with: "能够按作业指导书调试搬运工作站。")
            .write(to: folder.appendingPathComponent(Self.path), atomically: true, encoding: .utf8)
        try GitTests.git(["commit", "-q", "-am", "LO2"], in: folder)
        let file = try await Self.write(try await Self.reviewed(commit: commit, blob: blob))
        let run = await Self.run(file, in: folder)
        #expect(run.status == 1)
        let text = try Self.read(folder)
        #expect(text.contains("""
            <<<<<<< courses/robot.md
            - **LO2** 能够按作业指导书调试搬运工作站。
            ||||||| exported \(commit.prefix(12))
            - **LO2** 能够按工艺文件调试搬运工作站。
            =======
            - **LO2** 能够按工艺文件熟练调试搬运工作站。
            >>>>>>> review 审阅稿.docx

            """))
        #expect(text.contains("- **LO3** 能够编写码垛程序。\n"))
        #expect(run.output.contains("  courses/robot.md 中有 1 处冲突，已按 stdkit merge 的方式标出：请解决后运行 stdkit check\n    第 13 行：工业机器人编程 › 课程目标 › LO2\n"))
    }

    @Test func aBaseTheRepositoryNoLongerHasStopsAndChangesNothing() async throws {
        // A new repository: the file was exported from another one's history.
        let (folder, commit, _) = try Self.project()
        let missing = "0123456789abcdef0123456789abcdef01234567"
        let file = try await Self.write(try await Self.reviewed(commit: commit, blob: missing))
        let before = try Self.snapshot(folder)
        let run = await Self.run(file, in: folder)
        #expect(run.status == 2)
        #expect(run.output == "")
        #expect(run.errors == "error: \(file): 导出时 courses/robot.md 的版本（blob 0123456789ab）已不在仓库中（历史被改写或已清理）；未作任何改动。请索取从当前版本导出的文件（stdkit export --format docx）\n")
        #expect(try Self.snapshot(folder) == before)
    }

    @Test func aProjectOutsideGitStopsAndChangesNothing() async throws {
        let (folder, _, _) = try Self.project(lang: "en", git: false)
        let file = try await Self.write(try await Self.reviewed(commit: "", blob: "0123456789abcdef0123456789abcdef01234567"))
        let before = try Self.snapshot(folder)
        let run = await Self.run(file, in: folder)
        #expect(run.status == 2)
        #expect(run.errors == "error: \(file): project 机器人专业 is not in a git repository, so the revision the file was exported from cannot be read; nothing was changed. Put the project in git and ask for the file exported from the current revision (stdkit export --format docx)\n")
        #expect(try Self.snapshot(folder) == before)
    }

    @Test func aDocumentTheProjectDoesNotHaveIsRefused() async throws {
        let (folder, commit, blob) = try Self.project(lang: "en")
        var fixture = try await Self.reviewed(commit: commit, blob: blob)
        fixture.documents[0].id = "COURSE-OTHER"
        let file = try await Self.write(fixture)
        let before = try Self.snapshot(folder)
        let run = await Self.run(file, in: folder)
        #expect(run.status == 2)
        #expect(run.errors == "error: \(file): it was exported from document COURSE-OTHER, which project 机器人专业 does not have; nothing was changed. Run the import in the project the file was exported from\n")
        #expect(try Self.snapshot(folder) == before)
    }

    @Test func aDryRunShowsTheDiffAndWritesNothing() async throws {
        let (folder, commit, blob) = try Self.project(lang: "en")
        let file = try await Self.write(try await Self.reviewed(commit: commit, blob: blob))
        let before = try Self.snapshot(folder)
        let run = await Self.run(file, in: folder, dryRun: true)
        #expect(run.status == 0)
        #expect(try Self.snapshot(folder) == before)
        #expect(run.output.contains("  would merge cleanly into courses/robot.md\ndry run: nothing was written. The merge would change:\n"))
        #expect(run.output.contains("LO2"))
        #expect(run.output.contains("{+熟练+}"))
        #expect(run.output.contains("[-并优化节拍-]"))
        #expect(!run.output.contains("comments kept"))
    }

    @Test func anUnchangedExportChangesNothingAtAll() async throws {
        let (folder, commit, blob) = try Self.project()
        let file = try await Self.write(ReviewedDocxFixture(documents: [("COURSE-ROBOT", Self.path, Self.course, blob)], commit: commit))
        let before = try Self.snapshot(folder)
        let run = await Self.run(file, in: folder)
        #expect(run.status == 0)
        #expect(run.output == "COURSE-ROBOT（courses/robot.md），导出自 \(commit.prefix(12))\n  没有需要带回的内容：courses/robot.md 保持不变\n")
        #expect(try Self.snapshot(folder) == before)
    }

    @Test func aParagraphAddedAfterAnItemAndAChangedTitleAreReported() async throws {
        let (folder, commit, blob) = try Self.project(lang: "en")
        var fixture = ReviewedDocxFixture(documents: [("COURSE-ROBOT", Self.path, Self.course, blob)], commit: commit)
        fixture.added[try await Self.unit("LO4")] = [.inserted("LO5 能够", author: "李工", date: "2026-11-22T08:00:00Z"),
                                                     .inserted("记录", author: "李工", date: "2026-11-22T08:00:00Z", bold: true),
                                                     .inserted("维护日志。", author: "李工", date: "2026-11-22T08:00:00Z")]
        fixture.titleRuns = [.text("工业机器人"), .inserted("应用", author: "王老师", date: "2026-11-22T09:00:00Z"), .text("编程")]
        let run = await Self.run(try await Self.write(fixture), in: folder)
        #expect(run.status == 0)
        #expect(try Self.read(folder) == Self.course.replacingOccurrences(of: "能够排除常见报警。\n", with: "能够排除常见报警。\n- LO5 能够**记录**维护日志。\n"))
        #expect(run.output.contains("  LO4\n    inserted by 李工, 2026-11-22T08:00:00Z: “LO5 能够”\n"))
        #expect(run.output.contains("    1 paragraph(s) the reviewer added after it, written after it\n"))
        #expect(run.output.contains("  not carried over (the title, the metadata table or other text stdkit generates): “工业机器人编程” → “工业机器人应用编程”; make the change in git\n"))
    }

    @Test func anUnreadableFileOrAFileStdkitDidNotExportStopsWithOneMessage() async throws {
        let (folder, _, _) = try Self.project(lang: "en")
        let before = try Self.snapshot(folder)
        let garbage = try CLIRun.temporaryFolder().appendingPathComponent("review.docx")
        try Data("not a zip".utf8).write(to: garbage)
        let unreadable = await Self.run(garbage.path, in: folder)
        #expect(unreadable.status == 2)
        #expect(unreadable.errors.hasPrefix("error: \(garbage.path): not a Word (.docx) file: it is not a zip archive."))
        // A Word file with no stdkit properties: not an export of ours.
        let foreign = try await Self.write(ReviewedDocxFixture(documents: [], commit: ""))
        let notOurs = await Self.run(foreign, in: folder)
        #expect(notOurs.status == 2)
        #expect(notOurs.errors == "error: \(foreign): not a file stdkit exported: it records no documents (custom property stdkit.documents). Import it without --review to make a new document from it\n")
        #expect(try Self.snapshot(folder) == before)
        let dryRunAlone = await CLIRun.run(["import", "docx", "--dry-run", foreign], in: folder)
        #expect(dryRunAlone.status == 2)
        #expect(dryRunAlone.errors.contains("--dry-run goes with --review"))
    }
}
