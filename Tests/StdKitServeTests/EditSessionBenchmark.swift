import Foundation
import StdKitSyntax
import Testing
import StdKitWorkspace
@testable import StdKitServe

/// The cost of a save and a preview on the 10,000-document project of `bench/generate.py`
/// (`STDKIT_EDIT_BENCH=/tmp/gen10k`): a copy is edited, each step timed and printed. Off unless
/// the variable names the project: it takes a minute and needs the generated project.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["STDKIT_EDIT_BENCH"] != nil))
struct EditSessionBenchmark {
    @Test func saveAndPreviewOnTenThousandDocuments() async throws {
        let source = URL(fileURLWithPath: ProcessInfo.processInfo.environment["STDKIT_EDIT_BENCH"] ?? "")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-edit-bench-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = ContinuousClock()
        var start = clock.now
        let workspace = try await Workspace(root: folder, language: .zhCN)
        let session = EditSession(workspace: workspace)
        print("ready", clock.now - start)
        var saves: [Duration] = []
        var previews: [Duration] = []
        var document = try await session.document(id: "COURSE-00042")
        for round in 0..<20 {
            let text = document.text.replacingOccurrences(of: "能编制维护保养计划", with: "能编制维护保养计划\(round)")
            start = clock.now
            let preview = await session.preview(id: "COURSE-00042", text: text)
            previews.append(clock.now - start)
            #expect(preview.html.contains("维护保养计划\(round)"))
            start = clock.now
            guard case .saved(let digest, _) = try await session.save(id: "COURSE-00042", text: text, base: document.digest) else {
                Issue.record("not saved")
                return
            }
            saves.append(clock.now - start)
            document.text = text
            document.digest = digest
            // Back to the original text for the next round's replacement.
            let original = text.replacingOccurrences(of: "能编制维护保养计划\(round)", with: "能编制维护保养计划")
            guard case .saved(let again, _) = try await session.save(id: "COURSE-00042", text: original, base: digest) else { return }
            document.text = original
            document.digest = again
        }
        func p95(_ values: [Duration]) -> Duration { values.sorted()[Int(Double(values.count - 1) * 0.95)] }
        print("save p50", saves.sorted()[saves.count / 2], "p95", p95(saves))
        print("preview p50", previews.sorted()[previews.count / 2], "p95", p95(previews))
    }
}
