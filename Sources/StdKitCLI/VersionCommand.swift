import ArgumentParser
import Foundation
import StdKitDiff
import StdKitModel
import StdKitSyntax

/// `stdkit version …`: document versions.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Work with document versions.",
        subcommands: [VersionBumpCommand.self])
}

/// `stdkit version bump [FILE…]`: raise each changed document's version as far as its change
/// requires, rewriting only the version value.
struct VersionBumpCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "bump",
        abstract: "Raise the version of each changed document as far as its change requires.",
        discussion: "Compares with --base (default HEAD); only the version value is rewritten, atomically.")

    @Argument(help: "Documents to bump (default: every changed document of the project).")
    var files: [String] = []

    @Option(help: "The revision to compare with.")
    var base: String = "HEAD"

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let selection = try ProjectSelection(paths: files.isEmpty ? [] : [files[0]], environment: environment)
        guard let entry = selection.entries.first else { return 2 }
        let current = try await ProjectSource.workTree.load(entry, environment: environment)
        let old = try await ProjectSource.revision(base).load(entry, environment: environment)
        let change = Differ(old: old, new: current).compare()
        let wanted = Set(files.map { environment.url(for: $0).standardizedFileURL.path })
        var report = ""
        var failed = false
        for document in change.documents where document.status == .modified || document.status == .renamed {
            guard let path = document.newPath, let target = current.document(atPath: path) else { continue }
            let url = entry.root.appendingPathComponent(path)
            if !wanted.isEmpty && !wanted.contains(url.standardizedFileURL.path) { continue }
            guard document.requiredBump > .none else { continue }
            guard let oldVersion = document.oldVersion, let next = document.requiredBump.apply(to: oldVersion),
                  let node = target.frontMatter?["version"], let currentVersion = node.scalar else {
                report += "\(environment.displayPath(url)): \(document.id) has no version MAJOR.MINOR.PATCH to raise; skipped\n"
                continue
            }
            if let declared = document.declaredBump, declared >= document.requiredBump {
                report += "\(environment.displayPath(url)): \(document.id) is already at \(currentVersion)\n"
                continue
            }
            guard let rewritten = Self.replace(scalarAt: node.location, length: Self.writtenLength(of: node, in: target.text), in: target.text, with: next) else {
                report += "\(environment.displayPath(url)): cannot find the version value to rewrite; skipped\n"
                continue
            }
            do {
                try target.write(rewritten, to: url, shownAs: environment.displayPath(url))
            } catch let failure as CommandFailure {
                // One file that cannot be written does not stop the others.
                environment.errors.write("stdkit version bump: \(failure.description)\n")
                failed = true
                continue
            }
            report += "\(environment.displayPath(url)): \(document.id) \(currentVersion) → \(next) (\(document.requiredBump.name): \(document.reasonSummary()))\n"
        }
        environment.output.write(report.isEmpty && !failed ? "no document needs a new version\n" : report)
        return failed ? 1 : 0
    }

    /// How many characters the scalar takes in the text, quotes included.
    static func writtenLength(of node: YAMLNode, in text: String) -> Int {
        guard case .scalar(let value, let style) = node.value else { return 0 }
        switch style {
        case .singleQuoted, .doubleQuoted: return value.unicodeScalars.count + 2
        default: return value.unicodeScalars.count
        }
    }

    /// `text` with the `length` characters at `location` replaced by `value` (quotes kept).
    static func replace(scalarAt location: SourceLocation, length: Int, in text: String, with value: String) -> String? {
        var scalars = Array(text.unicodeScalars)
        var line = 1
        var index = 0
        while index < scalars.count, line < location.line {
            if scalars[index] == "\n" { line += 1 }
            index += 1
        }
        let start = index + location.column - 1
        guard start + length <= scalars.count else { return nil }
        let old = String(String.UnicodeScalarView(scalars[start..<(start + length)]))
        let quote = old.first.map { $0 == "\"" || $0 == "'" ? String($0) : "" } ?? ""
        scalars.replaceSubrange(start..<(start + length), with: Array((quote + value + quote).unicodeScalars))
        return String(String.UnicodeScalarView(scalars))
    }
}
