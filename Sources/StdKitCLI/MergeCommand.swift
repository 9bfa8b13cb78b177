import ArgumentParser
import Foundation
import StdKitDiff
import StdKitModel
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
        let versions = try files.map { path -> [UInt8] in
            guard let data = FileManager.default.contents(atPath: environment.url(for: path).path) else {
                throw CommandFailure(description: "cannot read \(path)")
            }
            return Array(data)
        }
        let markers = LineMerge.Markers(ours: files[1], base: files[0], theirs: files[2])
        guard let (bytes, result) = merge(versions, markers: markers, path: files[1]) else {
            // Nothing merged: ours stands, as git leaves it.
            environment.errors.write("stdkit merge: \(files[1]): a version holds NUL bytes (UTF-16 or not text), which cannot be merged line by line; ours is written unchanged\n")
            try write(versions[1], to: output, environment: environment)
            return 1
        }
        try write(bytes, to: output, environment: environment)
        report(result, path: files[1], environment: environment)
        return result.conflicts.isEmpty ? 0 : 1
    }

    /// The merged bytes of three versions of file `path` and what the merge did, or nil when
    /// they cannot be merged (binary).
    func merge(_ versions: [[UInt8]], markers: LineMerge.Markers, path: String) -> ([UInt8], MergeResult)? {
        switch MergeInput(base: versions[0], ours: versions[1], theirs: versions[2]) {
        case .text(let base, let ours, let theirs):
            let result = merge(base: base, ours: ours, theirs: theirs, markers: markers, path: path)
            return (Array(result.text.utf8), result)
        case .bytes(let base, let ours, let theirs):
            let merged = MergeInput.mergeLines(base: base, ours: ours, theirs: theirs, markers: markers)
            return (merged.bytes, merged.result)
        case .binary:
            return nil
        }
    }

    /// Writes the merged bytes to `output`, or to standard output.
    private func write(_ bytes: [UInt8], to output: String?, environment: CommandEnvironment) throws {
        guard let output else {
            environment.output.write(bytes)
            return
        }
        do {
            try Data(bytes).write(to: environment.url(for: output), options: .atomic)
        } catch {
            throw CommandFailure(description: "cannot write \(output): \(error.localizedDescription)")
        }
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
        let read = { (path: String) -> [UInt8]? in FileManager.default.contents(atPath: environment.url(for: path).path).map { Array($0) } }
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
        guard let (bytes, result) = merge([base, ours, theirs], markers: markers, path: path) else {
            // %A keeps ours, and git records the conflict, as it does for binary files.
            environment.errors.write("stdkit merge driver: \(path): a version holds NUL bytes (UTF-16 or not text), which cannot be merged; ours is kept\n")
            return 1
        }
        do {
            try Data(bytes).write(to: environment.url(for: files[1]), options: .atomic)
        } catch {
            environment.errors.write("stdkit merge driver: cannot write \(files[1]): \(error.localizedDescription)\n")
            return 1
        }
        report(result, path: path, environment: environment)
        return result.conflicts.isEmpty ? 0 : 1
    }
}
