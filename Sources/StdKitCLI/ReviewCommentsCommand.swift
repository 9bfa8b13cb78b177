import ArgumentParser
import Foundation
import StdKitModel
import StdKitSyntax

/// `stdkit review comments`: the comments (批注) reviewers left in Word files that
/// `stdkit import docx --review` brought back, kept under `.stdkit/reviews/` (docs/review.md).
struct ReviewCommentsCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "comments",
        abstract: "List the comments of reviewed Word files brought back by stdkit import docx --review.",
        discussion: """
            Each review import that found comments keeps them in .stdkit/reviews/<date>-<file>.json: \
            the document, the item or section each comment marks, its author, date and text, and the \
            commit the file was exported from. They are listed oldest import first; delete a file \
            once its comments are dealt with.
            """)

    @Option(help: "The project folder (default: the project of the current folder).")
    var project: String?

    @Option(help: "Only the comments on this document (its id).")
    var document: String?

    @Flag(help: "Print the comments as JSON.")
    var json = false

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let start = project.map(environment.url(for:)) ?? environment.currentDirectory
        guard let root = ProjectLoader.findRoot(containing: start) else {
            throw CommandFailure(description: "no stdkit project here (no \(ProjectConfig.fileName) in this folder or above)")
        }
        let (files, problems) = ReviewComments.all(in: root)
        var kept = files.map { (name: $0.name, comments: $0.comments) }
        if let document {
            kept = kept.map { file in
                var comments = file.comments
                comments.comments = comments.comments.filter { $0.document == document }
                return (file.name, comments)
            }.filter { !$0.comments.comments.isEmpty }
        }
        for problem in problems { environment.errors.write("stdkit review comments: \(problem)\n") }
        if json {
            environment.output.write(JSONOutput.encode(kept.map(\.comments)) + "\n")
            return problems.isEmpty ? 0 : 2
        }
        guard !kept.isEmpty else {
            environment.output.write("no review comments kept in \(ReviewComments.folder)\n")
            return problems.isEmpty ? 0 : 2
        }
        var output = ""
        for (name, file) in kept {
            let commit = file.commit.map { ", exported at \($0.prefix(12))" } ?? ""
            output += "\(ReviewComments.folder)/\(name): \(file.file), imported \(file.imported)\(commit)\n"
            for comment in file.comments {
                let place = comment.item.map { "\(comment.document)#\($0)" }
                    ?? comment.section.map { "\(comment.document) › \($0)" } ?? comment.document
                output += "  \(place)  \(comment.author), \(comment.date ?? "-"): \(comment.text.replacingOccurrences(of: "\n", with: " "))\n"
            }
        }
        environment.output.write(output)
        return problems.isEmpty ? 0 : 2
    }
}
