import StdKitModel
import StdKitSyntax

/// What an editor shows over a reference or an id: the target's statement or title, its
/// document's title, version and status, and what covers or uses it.
extension ProjectQueries {
    /// How many of the items that cover a target are named before "and N more".
    static let namedSources = 8

    func hover(_ path: String, at location: SourceLocation) -> Hover? {
        guard let subject = subject(path, at: location) else { return nil }
        let range: SourceRange
        switch subject {
        case .reference(let reference, _, let written):
            range = written
            switch reference.resolution {
            case .unresolvedDocument(let document):
                return Hover(range: range, markdown: Message.unresolvedDocument(reference.syntax.text, document: document).text(in: language))
            case .unresolvedItem(let document, let item):
                return Hover(range: range, markdown: Message.unresolvedItem(reference.syntax.text, document: document, item: item).text(in: language))
            case .pending:
                return nil
            default:
                break
            }
        case .item(_, _, let written), .documentID(_, let written):
            range = written
        }
        guard let target = target(of: subject), let markdown = markdown(for: target) else { return nil }
        return Hover(range: range, markdown: markdown)
    }

    /// The hover text of an item or a document, paragraphs apart.
    func markdown(for target: Target) -> String? {
        switch target {
        case .item(let documentID, let itemID):
            guard let document = project.document(documentID), let item = document.item(itemID) else { return nil }
            let sources = project.index.sources(referencingItem: itemID, of: documentID)
            let statement = "**\(item.id)** \(item.text)"
            return [statement, facts(of: document, id: documentID), by(sources, count: Message.coveredBy, none: Message.notCovered)].joined(separator: "\n\n")
        case .document(let documentID):
            guard let document = project.document(documentID) else { return nil }
            let sources = project.index.sources(referencingDocument: documentID)
            return [facts(of: document, id: documentID), by(sources, count: Message.usedBy, none: Message.notUsed)].joined(separator: "\n\n")
        }
    }

    /// `JOB-WELD “焊接机器人操作员” · version 1.3.0 · status review`.
    private func facts(of document: Document, id: String) -> String {
        var parts = [Message.hoverDocument(id, title: document.title ?? "").text(in: language)]
        if let version = document.version { parts.append(Message.hoverVersion(version).text(in: language)) }
        if let status = document.status { parts.append(Message.hoverStatus(status).text(in: language)) }
        return parts.joined(separator: " · ")
    }

    /// The items (`COURSE#O1`) and documents that refer to a target, the first few named.
    private func by(_ sources: [ReferenceIndex.Source], count message: (Int, [String], Int) -> Message, none: Message) -> String {
        var names: [String] = []
        for source in sources {
            let name = source.item.map { "\(source.document)#\($0)" } ?? source.document
            if !names.contains(name) { names.append(name) }
        }
        guard !names.isEmpty else { return none.text(in: language) }
        names.sort { $0.precedesInUTF8($1) }
        let named = Array(names.prefix(Self.namedSources))
        return message(names.count, named, names.count - named.count).text(in: language)
    }
}

extension Message {
    static func hoverDocument(_ id: String, title: String) -> Message {
        Message("workspace.hover.document", ["id": .verbatim(id), "title": .verbatim(title)])
    }

    static func hoverVersion(_ version: String) -> Message {
        Message("workspace.hover.version", ["version": .verbatim(version)])
    }

    static func hoverStatus(_ status: String) -> Message {
        Message("workspace.hover.status", ["status": .verbatim(status)])
    }

    static func coveredBy(_ count: Int, _ names: [String], more: Int) -> Message {
        more == 0
            ? Message("workspace.hover.covered-by", ["count": .number(count), "items": .list(names, .and)])
            : Message("workspace.hover.covered-by-more", ["count": .number(count), "items": .list(names, .and), "more": .number(more)])
    }

    static let notCovered = Message("workspace.hover.not-covered")

    static func usedBy(_ count: Int, _ names: [String], more: Int) -> Message {
        more == 0
            ? Message("workspace.hover.used-by", ["count": .number(count), "items": .list(names, .and)])
            : Message("workspace.hover.used-by-more", ["count": .number(count), "items": .list(names, .and), "more": .number(more)])
    }

    static let notUsed = Message("workspace.hover.not-used")

    static func unresolvedDocument(_ reference: String, document: String) -> Message {
        Message("workspace.hover.unresolved-document", ["reference": .verbatim(reference), "document": .verbatim(document)])
    }

    static func unresolvedItem(_ reference: String, document: String, item: String) -> Message {
        Message("workspace.hover.unresolved-item", ["reference": .verbatim(reference), "document": .verbatim(document), "item": .verbatim(item)])
    }
}
