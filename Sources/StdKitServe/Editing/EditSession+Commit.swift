import Foundation
import StdKitModel
import StdKitSyntax

extension EditSession {
    /// Commits the project's changed, new and deleted files — those under the project folder
    /// only, whatever else the repository holds or has staged — with `message` and `author`.
    /// The email, when not given, is the repository's `user.email`, else
    /// `serve@stdkit.invalid`; the committer is git's configured identity, else the author.
    /// Git's hooks run (stdkit's pre-commit check among them): a refusal is git's last line.
    public func commit(message: String, author: String, email: String?) async throws(EditError) -> CommitOutcome {
        let message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        let author = author.trimmingCharacters(in: .whitespacesAndNewlines)
        let email = email?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !message.isEmpty else { throw EditError(.missingValue, .commitNeedsMessage) }
        let forbidden = CharacterSet(charactersIn: "<>\n\r\0")
        guard !author.isEmpty, author.rangeOfCharacter(from: forbidden) == nil else { throw EditError(.missingValue, .commitNeedsAuthor) }
        if let email, !email.isEmpty, email.rangeOfCharacter(from: forbidden.union(.whitespaces)) != nil {
            throw EditError(.missingValue, .commitBadEmail(email))
        }
        guard let repository = try? GitRepository(containing: root), !repository.isBare else {
            throw EditError(.notARepository, .notARepository)
        }
        // Paths relative to the project folder: git runs in it, and `.` is the project.
        let project = [".", ":(exclude).stdkit/cache"]
        let configuredEmail = try? git(["config", "user.email"])
        let address = email.flatMap { $0.isEmpty ? nil : $0 } ?? configuredEmail.flatMap { $0.isEmpty ? nil : $0 } ?? "serve@stdkit.invalid"
        let identity = configuredEmail == nil ? ["-c", "user.name=" + author, "-c", "user.email=" + address] : []
        do {
            try git(["add", "-A", "--"] + project)
            let staged = try git(["diff", "--cached", "--name-only", "--relative", "-z", "--"] + project)
                .split(separator: "\0").map(String.init).sorted { $0.precedesInUTF8($1) }
            guard !staged.isEmpty else { throw EditError(.nothingToCommit, .nothingToCommit) }
            try git(identity + ["commit", "-q", "--author", "\(author) <\(address)>", "-m", message, "--"] + project)
            return CommitOutcome(commit: try git(["rev-parse", "HEAD"]), files: staged)
        } catch let error as EditError {
            throw error
        } catch {
            let reason = "\(error)".split(whereSeparator: \.isNewline).last.map(String.init) ?? "\(error)"
            throw EditError(.io, .gitFailed(reason))
        }
    }

    /// Runs git in the project folder; its output without the last line break.
    @discardableResult
    private func git(_ arguments: [String]) throws -> String {
        let output = String(decoding: try GitRepository.git(arguments, in: root), as: UTF8.self)
        return output.hasSuffix("\n") ? String(output.dropLast()) : output
    }
}

extension Message {
    static let commitNeedsMessage = Message("serve.edit.commit-needs-message")
    static let commitNeedsAuthor = Message("serve.edit.commit-needs-author")

    static func commitBadEmail(_ email: String) -> Message {
        Message("serve.edit.commit-bad-email", ["email": .verbatim(email)])
    }

    static let notARepository = Message("serve.edit.not-a-repository")
    static let nothingToCommit = Message("serve.edit.nothing-to-commit")

    static func gitFailed(_ reason: String) -> Message {
        Message("serve.edit.git-failed", ["reason": .verbatim(reason)])
    }
}
