import ArgumentParser
import Foundation
import StdKitDiff
import StdKitModel
import StdKitSyntax

/// `stdkit review`: suspect and unreviewed coverage links, their acceptance, and what awaits
/// each party.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List links to review, accept reviewed links, show what awaits a party, and list review comments from Word.",
        discussion: "See docs/review.md.",
        subcommands: [ReviewListCommand.self, ReviewAcceptCommand.self, ReviewStatusCommand.self, ReviewCommentsCommand.self],
        defaultSubcommand: ReviewListCommand.self)
}

/// What the review subcommands share: the project, its links and its history.
struct ReviewState {
    var root: URL
    var project: Project
    var review: LinkReview
    var history: ProjectHistory

    init(project folder: String?, environment: CommandEnvironment) async throws {
        let selection = try ProjectSelection(paths: folder.map { [$0] } ?? [], environment: environment)
        guard let entry = selection.entries.first else { throw CommandFailure(description: "no project") }
        root = entry.root
        project = try await ProjectSource.workTree.load(entry, environment: environment)
        review = LinkReview(project: project)
        history = GitHistory(projectRoot: root)
    }

    /// The party's name as stdkit.yml gives it, or a placeholder for documents without an owner.
    func partyName(_ id: String?) -> String {
        guard let id else { return "(documents without an owner)" }
        return project.party(id).map { "\(id) \($0.name)" } ?? id
    }

    /// The change of a suspect link's target since its review, word by word when history has it.
    func change(of entry: LinkReview.Entry) -> String? {
        guard case .suspect(let reviewed) = entry.status else { return nil }
        if let before = LinkReview.reviewedText(of: entry.link, digest: reviewed, history: history, schemas: project.schemas) {
            return WordDiff(old: before, new: entry.link.targetText).marked
        }
        return "(the reviewed text is not in the git history here) now: \(entry.link.targetText)"
    }

    /// One link as a line: a label (its status by default), the link and where it is written,
    /// and for a suspect link the change of its target on the next line.
    func describe(_ entry: LinkReview.Entry, label: String? = nil, environment: CommandEnvironment) -> String {
        let link = entry.link
        let place = environment.displayPath(root.appendingPathComponent(link.sourcePath)) + ":\(link.location.line)"
        let label = label ?? (entry.status == .unreviewed ? "unreviewed" : "suspect")
        var text = "  \(label): \(link.key)  \(place)\n"
        if let change = change(of: entry) { text += "      \(link.key.target): \(change)\n" }
        return text
    }

    func requireParty(_ id: String) throws {
        guard project.party(id) != nil else {
            let declared = project.config.parties.map(\.id).joined(separator: ", ")
            throw CommandFailure(description: "'\(id)' is not a party declared in stdkit.yml (declared: \(declared.isEmpty ? "none" : declared))")
        }
    }

    /// A link as data, for `--json`.
    struct LinkRecord: Encodable {
        var link: String
        var status: String
        var file: String
        var line: Int
        var owner: String?
        var targetOwner: String?
        var change: String?
    }

    func record(_ entry: LinkReview.Entry) -> LinkRecord {
        LinkRecord(link: entry.link.key.description, status: entry.status == .unreviewed ? "unreviewed" : "suspect",
                   file: entry.link.sourcePath, line: entry.link.location.line, owner: entry.link.sourceOwner,
                   targetOwner: entry.link.targetOwner, change: change(of: entry))
    }
}

/// `stdkit review`: suspect and unreviewed links, grouped by the party that owns the outcome.
struct ReviewListCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List suspect and unreviewed coverage links, grouped by the party that owns the source document.")

    @Option(help: "The project folder (default: the project of the current folder).")
    var project: String?

    @Flag(help: "Print the links as JSON.")
    var json = false

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let state = try await ReviewState(project: project, environment: environment)
        let review = state.review
        let pending = review.entries.filter { $0.status != .reviewed }
        if json {
            environment.output.write(JSONOutput.encode(pending.map(state.record)) + "\n")
            return 0
        }
        var output = ""
        for problem in review.problems {
            output += "\(Project.linkLockPath):\(problem.line): \(problem.message.english)\n"
        }
        guard !pending.isEmpty else {
            environment.output.write(output + "every coverage link is reviewed (\(review.entries.count) link\(review.entries.count == 1 ? "" : "s"))\n")
            return 0
        }
        let owners = Dictionary(grouping: pending, by: \.link.sourceOwner)
        for owner in owners.keys.sorted(by: { ($0 ?? "\u{10FFFF}") < ($1 ?? "\u{10FFFF}") }) {
            let entries = owners[owner] ?? []
            let suspect = entries.filter { $0.status != .unreviewed }.count
            output += "\(state.partyName(owner)): \(suspect) suspect, \(entries.count - suspect) unreviewed\n"
            if review.hasLock {
                for entry in entries { output += state.describe(entry, environment: environment) }
            }
        }
        if !review.hasLock {
            output += "no link has been reviewed yet: there is no \(Project.linkLockPath)\n"
        }
        output += "after reviewing, record the links: stdkit review accept LINK… (or --party ID, or --all)\n"
        environment.output.write(output)
        return 0
    }
}

/// `stdkit review accept`: records links as reviewed with their targets' digests now.
struct ReviewAcceptCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Record coverage links as reviewed, with their targets as they are now.",
        discussion: """
            LINK is SOURCE#ITEM->TARGET#ITEM (one link), SOURCE#ITEM (every link of that item) or \
            a document id (every link of its items). --party accepts the links of the documents \
            the party owns; --all accepts every link and drops lines of links that no longer \
            exist. .stdkit/links.lock is written atomically.
            """)

    @Argument(help: "The links to accept.")
    var links: [String] = []

    @Flag(help: "Accept every coverage link of the project.")
    var all = false

    @Option(help: "Accept the links of the documents this party owns.")
    var party: String?

    @Option(help: "The project folder (default: the project of the current folder).")
    var project: String?

    func validate() throws {
        if links.isEmpty && !all && party == nil {
            throw ValidationError("name the links to accept, or give --party ID or --all")
        }
    }

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let state = try await ReviewState(project: project, environment: environment)
        let review = state.review
        if !review.problems.isEmpty && !all {
            let first = review.problems[0]
            throw CommandFailure(description: "\(Project.linkLockPath) has \(review.problems.count) problem\(review.problems.count == 1 ? "" : "s") (first: line \(first.line), \(first.message.english)); repair it, or accept every link with --all")
        }
        var chosen: [CoverageLink] = []
        if all {
            chosen = review.entries.map(\.link)
        } else {
            if let party {
                try state.requireParty(party)
                chosen += review.entries.map(\.link).filter { $0.sourceOwner == party }
            }
            for name in links {
                let matching = review.entries.map(\.link).filter { link in
                    if let key = LinkLock.Key(name) { return link.key == key }
                    if name.contains("#") { return link.key.source == name }
                    return link.key.source.hasPrefix(name + "#")
                }
                guard !matching.isEmpty else {
                    throw CommandFailure(description: "no coverage link matches '\(name)'; 'stdkit review' lists them (SOURCE#ITEM->TARGET#ITEM, SOURCE#ITEM or a document id)")
                }
                chosen += matching
            }
        }
        let status = Dictionary(review.entries.map { ($0.link.key, $0.status) }, uniquingKeysWith: { first, _ in first })
        var output = ""
        var accepted = 0
        var seen: Set<LinkLock.Key> = []
        for link in chosen where seen.insert(link.key).inserted {
            switch status[link.key] {
            case .suspect?: output += "accepted \(link.key) (its target changed since the last review)\n"
            case .unreviewed?: output += "accepted \(link.key) (new)\n"
            default: continue
            }
            accepted += 1
        }
        let lock = review.accepting(chosen, pruning: all)
        let dropped = all ? review.obsolete.count : 0
        if dropped > 0 { output += "dropped \(dropped) line\(dropped == 1 ? "" : "s") of links that no longer exist\n" }
        let unchanged = seen.count - accepted
        if unchanged > 0 { output += "\(unchanged) link\(unchanged == 1 ? " was" : "s were") already reviewed\n" }
        if lock != review.lock || !review.hasLock || !review.problems.isEmpty {
            let url = try lock.write(toProject: state.root, environment: environment)
            output += "wrote \(environment.displayPath(url)) (\(lock.digests.count) link\(lock.digests.count == 1 ? "" : "s"))\n"
        }
        environment.output.write(output)
        return 0
    }
}

/// `stdkit review status --party ID`: what awaits a party — links to review on the documents it
/// owns, its changes others still review, stale approvals, and documents to approve.
struct ReviewStatusCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what awaits a party: documents to approve, stale approvals, links to review.")

    @Option(help: "The party, as declared in stdkit.yml.")
    var party: String

    @Option(help: "The project folder (default: the project of the current folder).")
    var project: String?

    @Flag(help: "Print the status as JSON.")
    var json = false

    struct DocumentRecord: Encodable {
        var id: String
        var file: String
        var version: String?
        var status: String?
        /// For a stale approval: the version approved and what changed since.
        var approvedVersion: String?
        var changes: String?
    }

    struct Status: Encodable {
        var party: String
        var toApprove: [DocumentRecord]
        var staleApprovals: [DocumentRecord]
        var linksToReview: [ReviewState.LinkRecord]
        var awaitingOthers: [ReviewState.LinkRecord]
    }

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let state = try await ReviewState(project: project, environment: environment)
        try state.requireParty(party)
        var toApprove: [DocumentRecord] = []
        var stale: [DocumentRecord] = []
        for document in state.project.documents where !document.isPage && document.parties.contains(party) {
            guard let id = document.id else { continue }
            // The party's own approval and whether it is current: one ApprovalState per document.
            let recorded = ApprovalState(document).approval(of: party)
            let own = recorded?.approval
            if let own, recorded?.isCurrent == false {
                stale.append(DocumentRecord(id: id, file: document.path, version: document.version, status: document.status, approvedVersion: own.version,
                                            changes: own.changesSince(in: document, project: state.project, history: state.history)?.english))
            } else if own == nil, ["review", "approved", "published"].contains(document.status ?? "") {
                toApprove.append(DocumentRecord(id: id, file: document.path, version: document.version, status: document.status))
            }
        }
        let pending = state.review.entries.filter { $0.status != .reviewed && (state.review.hasLock || $0.status != .unreviewed) }
        let mine = pending.filter { $0.link.sourceOwner == party }
        let others = pending.filter { $0.link.targetOwner == party && $0.link.sourceOwner != party && $0.status != .unreviewed }
        if json {
            environment.output.write(JSONOutput.encode(Status(party: party, toApprove: toApprove, staleApprovals: stale,
                                                              linksToReview: mine.map(state.record), awaitingOthers: others.map(state.record))) + "\n")
            return 0
        }
        var output = "what awaits \(state.partyName(party))\n"
        func path(_ file: String) -> String { environment.displayPath(state.root.appendingPathComponent(file)) }
        // The most pressing first: links a change has made suspect, then approvals.
        if !mine.isEmpty {
            output += "\nlinks to review on documents \(party) owns (\(mine.count)):\n"
            for entry in mine { output += state.describe(entry, environment: environment) }
            output += "  after reviewing (and adapting the outcomes): stdkit review accept --party \(party)\n"
        }
        if !others.isEmpty {
            output += "\nchanges of \(party) that others have still to review (\(others.count)):\n"
            for entry in others {
                output += state.describe(entry, label: "suspect, for \(entry.link.sourceOwner ?? "the owner") to review", environment: environment)
            }
        }
        if !stale.isEmpty {
            output += "\nstale approvals — the document changed since \(party) approved it (\(stale.count)):\n"
            for record in stale {
                output += "  \(record.id) approved \(record.approvedVersion ?? "-"), now \(record.version ?? "-")  \(path(record.file))\n"
                output += "      since then: \(record.changes ?? "(the approved revision is not in the git history here)")\n"
            }
        }
        if !toApprove.isEmpty {
            output += "\ndocuments to approve (\(toApprove.count)):\n"
            for record in toApprove {
                output += "  \(record.id) \(record.version ?? "-") (\(record.status ?? "-"))  \(path(record.file))\n"
            }
            output += "  approve each once reviewed: stdkit approve FILE --party \(party) --by NAME\n"
        }
        if toApprove.isEmpty && stale.isEmpty && mine.isEmpty && others.isEmpty {
            output += "nothing: no document to approve, no stale approval, no link to review\n"
        }
        environment.output.write(output)
        return 0
    }
}
