import Foundation
import StdKitModel
import StdKitSyntax

/// Job profiles or certificate standards from CASE packages: each CFDocument becomes a document,
/// its CFItems items, nested as their `isChildOf` associations nest them (in `sequenceNumber`
/// order, else `listEnumeration`, else the package's order). docs/interop.md gives the mapping.
public struct CASEImport: Sendable {
    public typealias Failure = ImportFailure

    public let template: DocumentTemplate
    /// Today, for the source citation.
    public let date: String

    public init(template: DocumentTemplate, date: String = DocumentTemplate.today()) {
        self.template = template
        self.date = date
    }

    /// The deepest nesting of items an import writes (a list nested deeper is hard to read, and
    /// the check's nesting limit is 100 levels of Markdown).
    static let maxDepth = 12

    /// The kinds an import can make.
    public static let kinds = ["job-profile", "certificate"]

    /// The packages in `data`: one package, a JSON array of them, or `{"CFPackages": […]}`.
    public static func packages(in data: Data) throws(Failure) -> [CASE.Package] {
        let decoder = JSONDecoder()
        do {
            if let one = try? decoder.decode(CASE.Package.self, from: data) { return [one] }
            if let many = try? decoder.decode([CASE.Package].self, from: data) { return many }
            struct Wrapped: Decodable { var CFPackages: [CASE.Package] }
            if let wrapped = try? decoder.decode(Wrapped.self, from: data) { return wrapped.CFPackages }
            _ = try decoder.decode(CASE.Package.self, from: data)  // for its error
            return []
        } catch let DecodingError.keyNotFound(key, context) {
            throw Failure(description: "not a CASE package: \(path(context.codingPath + [key])) is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw Failure(description: "not a CASE package: \(path(context.codingPath)) \(context.debugDescription.lowercased())")
        } catch let DecodingError.dataCorrupted(context) {
            throw Failure(description: "not JSON: \(context.underlyingError.map { "\($0)" } ?? context.debugDescription)")
        } catch {
            throw Failure(description: "not a CASE package: \(error)")
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().drop(while: { $0 == "." }).description
    }

    /// The document of `package`, with `id` if given, else the stdkit id it was exported with,
    /// else one made from its title (or its identifier).
    public func document(from package: CASE.Package, id: String? = nil) -> NewDocument {
        let source = package.CFDocument
        let kind = template.schema.kind
        let documentID = id ?? source.extensions?.stdkit?.id.flatMap { Identifier.isValid($0) ? $0 : nil } ?? template.makeID(from: source.title, fallback: String(source.uuid.prefix(8)))
        var notes: [String] = []
        let items = package.CFItems ?? []
        let byUUID = Dictionary(items.map { ($0.uuid.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let documentUUID = source.uuid.lowercased()

        // The tree: each item under its first parent; the rest under the document.
        var children: [String: [(order: (Int, String, Int), uuid: String)]] = [:]
        var parentOf: [String: String] = [:]
        let position = Dictionary(items.enumerated().map { ($1.uuid.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        for association in package.CFAssociations ?? [] where association.associationType == "isChildOf" {
            let child = association.originNodeURI.identifier.lowercased()
            let parent = association.destinationNodeURI.identifier.lowercased()
            guard let item = byUUID[child], parent == documentUUID || byUUID[parent] != nil else { continue }
            if let first = parentOf[child] {
                if first != parent { notes.append("\(item.humanCodingScheme ?? child) has more than one parent; it is kept under the first") }
                continue
            }
            parentOf[child] = parent
            let order = (association.sequenceNumber?.value ?? Int.max, item.listEnumeration ?? "", position[child] ?? 0)
            children[parent, default: []].append((order, child))
        }
        for item in items where parentOf[item.uuid.lowercased()] == nil {
            let uuid = item.uuid.lowercased()
            parentOf[uuid] = documentUUID
            children[documentUUID, default: []].append(((Int.max, item.listEnumeration ?? "", position[uuid] ?? 0), uuid))
        }
        // An item whose parents lead round in a loop never reaches the document: the item where
        // the walk meets itself again is put under the document.
        var reaches: Set<String> = [documentUUID]  // items known to lead to the document
        for item in items {
            var walked: Set<String> = []
            var current = item.uuid.lowercased()
            defer { reaches.formUnion(walked) }
            while let parent = parentOf[current], !reaches.contains(current) {
                guard walked.insert(current).inserted else {
                    children[parent]?.removeAll { $0.uuid == current }
                    parentOf[current] = documentUUID
                    children[documentUUID, default: []].append(((Int.max, byUUID[current]?.listEnumeration ?? "", position[current] ?? 0), current))
                    notes.append("\(byUUID[current]?.humanCodingScheme ?? current) is in a loop of isChildOf associations; it is put under the document")
                    break
                }
                current = parent
            }
        }
        for key in children.keys {
            children[key]!.sort { a, b in
                if a.order.0 != b.order.0 { return a.order.0 < b.order.0 }
                if a.order.1 != b.order.1 { return a.order.1.compare(b.order.1, options: .numeric) == .orderedAscending }
                return a.order.2 < b.order.2
            }
        }

        // Ids: the item's own code where it is an id of the kind, else by place.
        var usedIDs: Set<String> = []
        for item in items {
            if let code = item.humanCodingScheme, Identifier.isValidItem(code), template.schema.itemKind(of: code) != nil { usedIDs.insert(code) }
        }
        let prefixes = Self.prefixes(for: kind, schema: template.schema)
        var visited: Set<String> = []
        var claimed: Set<String> = []  // codes taken as ids: a code given twice is an id once
        var sectionOf: [String: String] = [:]
        var idOf: [String: String] = [:]  // item UUID → the item id it was given
        var flattened = 0
        /// The items under `parent`; below `maxDepth` levels, every descendant in order at that
        /// level, so that nesting (and the recursion here) stays bounded.
        func nodes(under parent: String, number: String, depth: Int) -> [ItemNode] {
            var result: [ItemNode] = []
            var index = 0
            var under = (children[parent] ?? []).map(\.uuid)
            if depth >= Self.maxDepth {
                var all: [String] = []
                var stack = Array(under.reversed())
                while let next = stack.popLast(), all.count <= items.count {
                    all.append(next)
                    stack += (children[next] ?? []).map(\.uuid).reversed()
                }
                flattened += all.count - under.count
                under = all
            }
            for uuid in under {
                guard let item = byUUID[uuid], visited.insert(uuid).inserted else { continue }
                index += 1
                let place = number.isEmpty ? "\(index)" : "\(number).\(index)"
                var attributes: [(key: String, value: String)] = []
                var itemID: String
                if let code = item.humanCodingScheme, Identifier.isValidItem(code), template.schema.itemKind(of: code) != nil,
                   claimed.insert(code).inserted {
                    itemID = code
                } else {
                    // By place; where a code of the package has that id, the next number free.
                    let prefix = prefixes[min(depth, prefixes.count - 1)]
                    var parts = place.split(separator: ".").compactMap { Int($0) }
                    itemID = prefix + place
                    while usedIDs.contains(itemID) {
                        parts[parts.count - 1] += 1
                        itemID = prefix + parts.map(String.init).joined(separator: ".")
                    }
                    usedIDs.insert(itemID)
                    if let code = item.humanCodingScheme, !code.isEmpty { attributes.append(("code", code)) }
                }
                for (key, value) in (item.extensions?.stdkit?.attributes ?? [:]).sorted(by: { $0.key < $1.key }) where key != "code" {
                    attributes.append((key, value))
                }
                sectionOf[itemID] = item.extensions?.stdkit?.section
                idOf[uuid] = itemID
                let paragraphs = Self.paragraphs(of: item.fullStatement)
                result.append(ItemNode(id: itemID, statement: paragraphs.first ?? "", attributes: attributes,
                                       blocks: Array(paragraphs.dropFirst()),
                                       children: depth >= Self.maxDepth ? [] : nodes(under: uuid, number: place, depth: depth + 1)))
            }
            return result
        }
        var tree = nodes(under: documentUUID, number: "", depth: 0)
        // An isRelatedTo between two items of this package is a reference inside the document
        // (a requirement to the task it serves, `→ #T2`), written back as one; links to other
        // packages' items are not, since their documents' ids are not known here.
        var localReferences: [String: [String]] = [:]
        for association in package.CFAssociations ?? [] where association.associationType == "isRelatedTo" {
            guard let origin = idOf[association.originNodeURI.identifier], let target = idOf[association.destinationNodeURI.identifier] else { continue }
            localReferences[origin, default: []].append("#" + target)
        }
        func addingReferences(_ nodes: [ItemNode]) -> [ItemNode] {
            nodes.map { node in
                var node = node
                node.references += localReferences[node.id] ?? []
                node.children = addingReferences(node.children)
                return node
            }
        }
        if !localReferences.isEmpty { tree = addingReferences(tree) }
        func isLocal(_ association: CASE.Association) -> Bool {
            association.associationType == "isRelatedTo" && idOf[association.originNodeURI.identifier] != nil
                && idOf[association.destinationNodeURI.identifier] != nil
        }
        let others = Dictionary(grouping: (package.CFAssociations ?? []).filter { $0.associationType != "isChildOf" && !isLocal($0) },
                                by: \.associationType)
        if !others.isEmpty {
            let counts = others.keys.sorted().map { "\($0) \(others[$0]!.count)" }.joined(separator: ", ")
            notes.append("associations other than isChildOf and isRelatedTo between the package's own items are not imported (\(counts)): stdkit links items by their references")
        }
        if flattened > 0 {
            notes.append("the hierarchy is deeper than \(Self.maxDepth) levels: \(flattened) items below that are listed at level \(Self.maxDepth)")
        }

        // Sections: an item's own (from a stdkit export), else the kind's section for requirements.
        let defaultSection = Self.defaultSection(for: kind).flatMap(template.sectionTitle(named:)) ?? template.sectionTitles.last ?? "Items"
        var content: [String: [String]] = [:]
        for node in tree {
            content[sectionOf[node.id] ?? defaultSection, default: []] += ItemNode.markdown([node])
        }
        let version = source.version.flatMap { Self.isVersion($0) ? $0 : nil } ?? "0.1.0"
        // The owner: as asked, else the party the package names as its creator, else the default.
        let creator = template.owner == nil ? template.config.parties.first(where: { $0.name == source.creator })?.id : nil
        let text = template.text(id: documentID, title: source.title, owner: creator, version: version,
                                 lead: [citation(source)], content: content)
        return NewDocument(id: documentID, kind: kind, text: text, items: ItemNode.flattened(tree), notes: notes)
    }

    /// Where the document came from, in the project's language.
    func citation(_ source: CASE.Document) -> String {
        var facts = [source.creator, source.version.map { "version \($0)" }, "identifier \(source.uuid)"].compactMap { $0 }
        if let uri = source.uri, !uri.isEmpty { facts.append(uri) }
        let title = ItemNode.escaped(source.title)
        let list = facts.map(ItemNode.escaped).joined(separator: template.chinese ? "，" : ", ")
        return template.chinese
            ? "来源：CASE 框架《\(title)》（\(list)），\(date) 导入。"
            : "Source: the CASE framework “\(title)” (\(list)), imported on \(date)."
    }

    /// The item prefixes by depth: requirements for a job profile; work areas, tasks and skills
    /// for a certificate; the kind's first family otherwise.
    static func prefixes(for kind: String, schema: KindSchema) -> [String] {
        switch kind {
        case "job-profile": ["R"]
        case "certificate": ["WA", "T", "SK"]
        default: [schema.items.first?.prefix ?? "I"]
        }
    }

    static func defaultSection(for kind: String) -> String? {
        switch kind {
        case "job-profile": "职业能力要求"
        case "certificate": "职业技能等级要求"
        default: nil
        }
    }

    static func isVersion(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// A statement's paragraphs (separated by blank lines).
    static func paragraphs(of text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
