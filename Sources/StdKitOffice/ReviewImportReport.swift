import StdKitModel
import StdKitSyntax

/// The report of `stdkit import docx --review`, in the project's language: for each document,
/// each touched item (or section) with its changes' authors and dates and its comments, then
/// what merged, what conflicted and what was not carried over.
public struct ReviewImportReport: Sendable {
    public var documents: [ReviewImport]
    /// The export's commit, for the heading of each document.
    public var commit: String?
    /// Where the comments were kept, when they were.
    public var commentsFile: String?
    /// Whether nothing is written (`--dry-run`).
    public var dryRun: Bool

    public init(documents: [ReviewImport], commit: String?, commentsFile: String?, dryRun: Bool) {
        self.documents = documents
        self.commit = commit
        self.commentsFile = commentsFile
        self.dryRun = dryRun
    }

    public func text(in language: Language) -> String {
        func say(_ message: Message) -> String { message.text(in: language) }
        var output = ""
        for document in documents {
            output += say(.reviewDocument(document.id, path: document.path, commit: commit.map { String($0.prefix(12)) } ?? "-")) + "\n"
            for unit in document.units {
                output += "  " + say(Self.label(of: unit.unit)) + "\n"
                for revision in unit.revisions where !revision.text.isEmpty {
                    output += "    " + say(.reviewRevision(revision)) + "\n"
                }
                if unit.untracked { output += "    " + say(.reviewUntracked(unit.original, unit.accepted)) + "\n" }
                for comment in unit.comments {
                    output += "    " + say(.reviewComment(comment)) + "\n"
                }
                if let carried = unit.carried { output += "    " + say(.reviewCarried(carried)) + "\n" }
                if unit.added > 0 { output += "    " + say(.reviewAdded(unit.added)) + "\n" }
            }
            for comment in document.looseComments {
                output += "  " + say(.reviewLooseComment(comment)) + "\n"
            }
            for change in document.outside {
                output += "  " + say(.reviewOutside(change)) + "\n"
            }
            if document.merge.conflicts.isEmpty {
                let outcome: Message = document.changesFile ? (dryRun ? .reviewWouldMerge(document.path) : .reviewMerged(document.path))
                    : document.theirs == document.base ? .reviewUnchanged(document.path) : .reviewAlreadyIn(document.path)
                output += "  " + say(outcome) + "\n"
            } else {
                output += "  " + say(dryRun ? .reviewWouldConflict(document.merge.conflicts.count, path: document.path)
                                        : .reviewConflicts(document.merge.conflicts.count, path: document.path)) + "\n"
                for conflict in document.merge.conflicts {
                    output += "    " + say(.reviewConflict(line: conflict.line, place: conflict.place)) + "\n"
                }
            }
            for note in document.merge.notes { output += "  \(note)\n" }
        }
        if let commentsFile { output += say(.reviewCommentsKept(commentsFile)) + "\n" }
        // The diff the caller prints follows this line.
        if dryRun { output += say(.reviewDryRun) + "\n" }
        return output
    }

    /// An item by its id, another unit by the section it is in.
    static func label(of unit: ReviewUnit) -> Message {
        if let item = unit.item { return .reviewItem(item) }
        if let heading = unit.heading { return .reviewSection(heading) }
        return .reviewBeginning
    }
}

extension Message {
    static func reviewDocument(_ id: String, path: String, commit: String) -> Message {
        Message("docx.review.document", ["id": .verbatim(id), "path": .verbatim(path), "commit": .verbatim(commit)])
    }
    static func reviewItem(_ id: String) -> Message { Message("docx.review.item", ["id": .verbatim(id)]) }
    static func reviewSection(_ title: String) -> Message { Message("docx.review.section", ["title": .verbatim(title)]) }
    static let reviewBeginning = Message("docx.review.beginning")

    static func reviewRevision(_ revision: ReviewedFile.Revision) -> Message {
        Message(revision.kind == .insertion ? "docx.review.inserted" : "docx.review.deleted",
                ["author": .verbatim(revision.author), "date": .verbatim(revision.date ?? "-"),
                 "text": .verbatim(revision.text.replacingNewlines())])
    }

    static func reviewComment(_ comment: ReviewedFile.Comment) -> Message {
        Message("docx.review.comment", ["author": .verbatim(comment.author), "date": .verbatim(comment.date ?? "-"),
                                        "text": .verbatim(comment.text.replacingNewlines())])
    }

    static func reviewLooseComment(_ comment: ReviewedFile.Comment) -> Message {
        Message("docx.review.comment.outside", ["author": .verbatim(comment.author), "date": .verbatim(comment.date ?? "-"),
                                                "text": .verbatim(comment.text.replacingNewlines())])
    }

    /// A unit whose text differs from what stdkit sent, with no tracked change saying who.
    static func reviewUntracked(_ sent: String, _ reviewed: String) -> Message {
        Message("docx.review.untracked", ["sent": .verbatim(sent), "reviewed": .verbatim(reviewed)])
    }

    static func reviewCarried(_ carried: ReviewImport.Carried) -> Message {
        switch carried {
        case .edited: Message("docx.review.carried.edited")
        case .regenerated: Message("docx.review.carried.regenerated")
        case .deleted: Message("docx.review.carried.deleted")
        case .notCarried: Message("docx.review.carried.not-carried")
        }
    }

    static func reviewAdded(_ count: Int) -> Message { Message("docx.review.added", ["count": .number(count)]) }

    static func reviewOutside(_ change: ReviewedFile.OutsideChange) -> Message {
        Message("docx.review.outside", ["old": .verbatim(change.original.replacingNewlines()), "new": .verbatim(change.accepted.replacingNewlines())])
    }

    static func reviewMerged(_ path: String) -> Message { Message("docx.review.merged", ["path": .verbatim(path)]) }
    static func reviewWouldMerge(_ path: String) -> Message { Message("docx.review.would-merge", ["path": .verbatim(path)]) }
    static func reviewUnchanged(_ path: String) -> Message { Message("docx.review.unchanged", ["path": .verbatim(path)]) }
    /// The review's edits are in the file already (imported before, or made in git alike).
    static func reviewAlreadyIn(_ path: String) -> Message { Message("docx.review.already-in", ["path": .verbatim(path)]) }
    static func reviewConflicts(_ count: Int, path: String) -> Message {
        Message("docx.review.conflicts", ["count": .number(count), "path": .verbatim(path)])
    }
    static func reviewWouldConflict(_ count: Int, path: String) -> Message {
        Message("docx.review.would-conflict", ["count": .number(count), "path": .verbatim(path)])
    }
    static func reviewConflict(line: Int, place: String) -> Message {
        Message("docx.review.conflict", ["line": .number(line), "place": .verbatim(place)])
    }
    static let reviewDryRun = Message("docx.review.dry-run")
    static func reviewCommentsKept(_ file: String) -> Message { Message("docx.review.comments-kept", ["file": .verbatim(file)]) }
}

extension String {
    /// One line for a report: line breaks and tabs shown as spaces.
    func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r\n" || $0 == "\t" ? " " : $0 })
    }
}
