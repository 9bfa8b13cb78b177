import ArgumentParser
import Foundation
import StdKitDiff
import StdKitSyntax

/// `stdkit merge BASE OURS THEIRS`: a three-way merge of a document; also git's merge driver.
struct MergeCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge two revisions of a document with their common base.",
        discussion: """
            stdkit merge BASE OURS THEIRS [-o OUT] [--json]
            As git's merge driver: stdkit merge --git-driver %O %A %B %L %P %S %X %Y (writes %A).
            Exit status: 0 merged cleanly, 1 conflicts remain (marked as git marks them).
            """)

    @Argument(help: "BASE OURS THEIRS, or git's %O %A %B %L %P %S %X %Y with --git-driver.")
    var files: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Write the result here (default: standard output).")
    var output: String?

    @Flag(help: "Print the conflicts as JSON on standard error.")
    var json = false

    @Flag(help: "Run as git's merge driver: write the result over OURS.")
    var gitDriver = false

    @Flag(help: "Merge line by line only, like git merge-file --diff3.")
    var lines = false

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        if gitDriver { return runAsDriver(environment) }
        guard files.count == 3 else { throw CommandFailure(description: "give BASE OURS THEIRS") }
        let texts = try files.map { path -> String in
            guard let data = FileManager.default.contents(atPath: environment.url(for: path).path) else {
                throw CommandFailure(description: "cannot read \(path)")
            }
            return String(decoding: data, as: UTF8.self)
        }
        let markers = LineMerge.Markers(ours: files[1], base: files[0], theirs: files[2])
        let result = merge(base: texts[0], ours: texts[1], theirs: texts[2], markers: markers, path: files[1])
        if let output {
            do {
                try Data(result.text.utf8).write(to: environment.url(for: output), options: .atomic)
            } catch {
                throw CommandFailure(description: "cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            environment.output.write(result.text)
        }
        report(result, path: files[1], environment: environment)
        return result.conflicts.isEmpty ? 0 : 1
    }

    /// The merge of the three texts of file `path`: `.stdkit/links.lock` by link, a document by
    /// its structure, or by lines with `--lines`.
    func merge(base: String, ours: String, theirs: String, markers: LineMerge.Markers, path: String) -> MergeResult {
        if lines { return MergeResult(lines: LineMerge(base: base, ours: ours, theirs: theirs, markers: markers)) }
        if LinkLock.isLock(path: path, text: ours) {
            return LinkLock.merge(base: base, ours: ours, theirs: theirs, markers: markers)
                ?? MergeResult(lines: LineMerge(base: base, ours: ours, theirs: theirs, markers: markers),
                               fallback: "a version of the links lock has lines that cannot be read; merged line by line")
        }
        return DocumentMerge.merge(base: base, ours: ours, theirs: theirs, markers: markers)
    }

    private func report(_ result: MergeResult, path: String, environment: CommandEnvironment) {
        if json {
            environment.errors.write(JSONOutput.encode(result.summary(path: path)) + "\n")
            return
        }
        if let note = result.fallback { environment.errors.write("stdkit merge: \(path): \(note)\n") }
        for note in result.notes { environment.errors.write("stdkit merge: \(path): \(note)\n") }
        for conflict in result.conflicts {
            environment.errors.write("stdkit merge: conflict in \(path) at line \(conflict.line): \(conflict.place)\n")
        }
    }

    /// git's merge driver: `%O %A %B %L %P %S %X %Y`. The result goes to %A; the status is 0
    /// or 1, never more: any failure inside falls back to the line merge.
    private func runAsDriver(_ environment: CommandEnvironment) -> Int32 {
        guard files.count >= 3 else {
            environment.errors.write("stdkit merge driver: expected %O %A %B %L %P %S %X %Y\n")
            return 1
        }
        let read = { (path: String) -> String? in FileManager.default.contents(atPath: environment.url(for: path).path).map { String(decoding: $0, as: UTF8.self) } }
        guard let base = read(files[0]), let ours = read(files[1]), let theirs = read(files[2]) else {
            environment.errors.write("stdkit merge driver: cannot read the three versions; the merge is left to you\n")
            return 1
        }
        let size = files.count > 3 ? Int(files[3]) ?? 7 : 7
        let path = files.count > 4 ? files[4] : files[1]
        // git before 2.44 passes %S %X %Y through unexpanded: then the labels are plain names.
        func label(_ index: Int, _ fallback: String) -> String {
            guard files.count > index else { return fallback }
            let value = files[index]
            return value.count == 2 && value.hasPrefix("%") ? fallback : value
        }
        let markers = LineMerge.Markers(ours: label(6, "ours"), base: label(5, "base"), theirs: label(7, "theirs"), size: size)
        let result = merge(base: base, ours: ours, theirs: theirs, markers: markers, path: path)
        do {
            try Data(result.text.utf8).write(to: environment.url(for: files[1]), options: .atomic)
        } catch {
            environment.errors.write("stdkit merge driver: cannot write \(files[1]): \(error.localizedDescription)\n")
            return 1
        }
        report(result, path: path, environment: environment)
        return result.conflicts.isEmpty ? 0 : 1
    }
}
