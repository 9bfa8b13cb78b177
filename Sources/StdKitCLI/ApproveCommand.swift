import ArgumentParser
import Foundation
import StdKitCheck
import StdKitInterop
import StdKitModel
import StdKitSyntax

/// `stdkit approve FILE… --party ID --by NAME`: records a party's approval of each document's
/// current version, bound to its content by a digest.
struct ApproveCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Record a party's approval of documents, bound to their content.",
        discussion: """
            Writes the party's entry in each document's `approvals` (party, version, digest, by, \
            date, note), replacing its earlier one; nothing else in the file changes, and the file \
            is written atomically. Refuses a party that stdkit.yml does not declare or that is not \
            among the document's `parties`, and a document with errors. See docs/review.md.
            """)

    @Argument(help: "The documents to approve.")
    var files: [String]

    @Option(help: "The approving party's id, as declared in stdkit.yml.")
    var party: String

    @Option(help: "Who approves, for the party.")
    var by: String

    @Option(help: "The date of the approval, YYYY-MM-DD (default: today).")
    var date: String?

    @Option(help: "A note to keep with the approval.")
    var note: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("name the documents to approve") }
        if by.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--by needs the name of the person approving") }
        if let date, !FieldSchema.FieldType.isDate(date) { throw ValidationError("--date '\(date)' is not a date YYYY-MM-DD") }
    }

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let selection = try ProjectSelection(paths: files, environment: environment)
        var refused = false
        for entry in selection.entries {
            let project = try await ProjectSource.workTree.load(entry, environment: environment)
            let findings = Checker().check(project, only: entry.paths, base: nil).diagnostics
            for path in entry.paths {
                let url = entry.root.appendingPathComponent(path)
                let shown = environment.displayPath(url)
                func refuse(_ reason: String) {
                    environment.errors.write("stdkit approve: \(shown): \(reason)\n")
                    refused = true
                }
                guard let document = project.document(atPath: path), let id = document.id else {
                    refuse("not a standards document of the project at \(environment.displayPath(entry.root))")
                    continue
                }
                guard project.party(party) != nil else {
                    let declared = project.config.parties.map(\.id).joined(separator: ", ")
                    refuse("'\(party)' is not a party declared in stdkit.yml (declared: \(declared.isEmpty ? "none" : declared))")
                    continue
                }
                guard document.parties.contains(party) else {
                    refuse("\(party) is not among the parties of \(id) (parties: [\(document.parties.joined(separator: ", "))]); add it to `parties` first")
                    continue
                }
                // Errors an approval resolves (approved without approvals) do not stand in its way.
                let errors = findings.filter { $0.file == path && $0.severity == .error && !$0.rule.hasPrefix("approval-") }
                guard errors.isEmpty else {
                    refuse("\(id) has \(errors.count) error\(errors.count == 1 ? "" : "s") (first: line \(errors[0].location.line), \(errors[0].message.english)); fix them before approving ('stdkit check \(shown)')")
                    continue
                }
                guard let version = document.version else {
                    refuse("\(id) has no `version` to approve")
                    continue
                }
                let approval = Approval(party: party, version: version, digest: ContentDigest.of(document.text), by: by,
                                        date: date ?? DocumentTemplate.today(), note: note)
                guard let text = Approval.record(approval, in: document.text) else {
                    refuse("cannot read the front matter of \(id) to record the approval")
                    continue
                }
                try document.write(text, to: url, shownAs: shown)
                environment.output.write("\(shown): \(id) \(version) approved by \(party) (\(by), \(approval.date)), digest \(approval.digest.prefix(12))…\n")
            }
        }
        return refused ? 1 : 0
    }
}
