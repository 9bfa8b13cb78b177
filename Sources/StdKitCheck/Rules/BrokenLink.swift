import Foundation
import StdKitModel
import StdKitSyntax

/// A relative link to a file that does not exist, or to an anchor the target does not have.
struct BrokenLink: Rule {
    let description = RuleDescription(
        id: "broken-link", family: .structure,
        passing: [RuleExample(["a.md": "# 甲\n\n## 课程目标\n\n见 [乙](b.md#r1) 与 [目标](#课程目标)。\n",
                               "b.md": "---\nid: J1\nkind: job-profile\ntitle: 乙\n---\n\n- **R1** 要求\n"])],
        failing: [RuleExample(document: "# 甲\n\n参见岗位标准 ↓[焊接岗位](jobs/welding.md)。\n"),
                  RuleExample(document: "# 甲\n\n## 课程目标\n\n见本文 ↓[考核](#考核评价)。\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        let project = context.project
        // The documents by folder, for suggesting a sibling: made when a link misses a file.
        var byFolder: [String: [String]]?
        func siblings(in folder: String) -> [String] {
            let folders = byFolder ?? Dictionary(grouping: project.documents.map(\.path)) { Self.folder(of: $0) }
            byFolder = folders
            return folders[folder] ?? []
        }
        var findings: [Diagnostic] = []
        // Many links share a target (every page of a reference links the same few): each file
        // is looked up once.
        var exists: [String: Bool] = [:]
        func containsFile(_ path: String) -> Bool {
            if let known = exists[path] { return known }
            let found = project.containsFile(path)
            exists[path] = found
            return found
        }
        // The closest document to a missing file, by the missing path: the links to one missing
        // file (a page's old name, linked from each of its neighbours) ask the same question.
        var closest: [String: String?] = [:]
        func closestSibling(to missing: String) -> String? {
            if let known = closest[missing] { return known }
            let found = Suggestion.closest(to: missing, among: siblings(in: Self.folder(of: missing)))
            closest[missing] = found
            return found
        }
        // A link's finding is in its own document: only the focused ones are read.
        for document in project.documents where context.wants(document.path) {
            for link in document.links {
                guard let problem = problem(with: link.destination, in: document, containsFile: containsFile,
                                            document: project.document(atPath:), closestSibling: closestSibling) else { continue }
                findings.append(Diagnostic(
                    rule: description.id, file: document.path, location: link.location,
                    message: problem.message, hint: problem.hint,
                    fixes: problem.fix.map { Self.fix(link, replacing: $0.old, after: $0.prefix, with: $0.new, in: document) } ?? []))
            }
        }
        return findings
    }

    private func problem(
        with destination: String, in document: Document, containsFile: (String) -> Bool,
        document documentAt: (String) -> Document?, closestSibling: (String) -> String?
    ) -> (message: Message, hint: Message, fix: (old: String, prefix: String, new: String)?)? {
        guard !destination.isEmpty, !Self.isExternal(destination) else { return nil }
        let bytes = destination.utf8
        let hash = bytes.firstIndex(of: UInt8(ascii: "#"))
        let pathPart = Self.decoded(Substring(bytes[..<(hash ?? bytes.endIndex)]))
        let fragment = hash.map { Self.decoded(Substring(bytes[bytes.index(after: $0)...])) } ?? ""
        var target = document
        if !pathPart.isEmpty {
            guard let resolved = ProjectPath.resolve(pathPart, from: document.path) else {
                return (.outsideProject(destination), .linkInside, nil)
            }
            guard containsFile(resolved) else {
                let suggestion = closestSibling(resolved).map { ProjectPath.relative($0, from: document.path) }
                // Only the path is put right: an anchor into the other file is not known to be there.
                var fix: (old: String, prefix: String, new: String)?
                if let suggestion, hash == nil { fix = (old: destination, prefix: "", new: suggestion) }
                return (.missingFile(destination, resolved: resolved, suggestion: suggestion), .correctPath, fix)
            }
            guard let linked = documentAt(resolved) else { return nil }  // an image or another file: no anchors to check
            target = linked
        }
        guard !fragment.isEmpty else { return nil }
        let anchors = target.sections.map(\.anchor) + target.items.map(\.id)
        let wanted = fragment.lowercased()
        guard !anchors.contains(where: { $0.lowercased() == wanted }) else { return nil }
        let closest = Suggestion.closest(to: fragment, among: anchors)
        let suggestion = closest.map { "#\($0)" }
        var fix: (old: String, prefix: String, new: String)?
        if let closest, let hash { fix = (old: String(destination[hash...].dropFirst()), prefix: String(destination[...hash]), new: closest) }
        return (.missingAnchor(destination, file: target.path, fragment: fragment, suggestion: suggestion), .linkToAnchor, fix)
    }

    /// The fix that writes `new` for `old`, the part of the link's destination after `prefix`,
    /// found as written on the link's line: `](destination` or `](<destination`. A link written
    /// otherwise (over two lines, by reference to a definition) has no fix.
    private static func fix(_ link: LinkSyntax, replacing old: String, after prefix: String, with new: String, in document: Document) -> [Fix] {
        guard !new.unicodeScalars.contains(where: { $0.properties.isWhitespace || "()<>".unicodeScalars.contains($0) }),
              let line = SourceText(document.text).line(link.location.line) else { return [] }
        let scalars = Array(line.unicodeScalars)
        for opening in ["](", "](<"] {
            let written = Array((opening + prefix + old).unicodeScalars)
            let from = max(link.location.column - 1, 0)
            guard written.count <= scalars.count, from <= scalars.count - written.count else { continue }
            guard let start = (from...(scalars.count - written.count)).first(where: { Array(scalars[$0..<($0 + written.count)]) == written }),
                  let fix = Fix.replacing(old, with: new, after: opening + prefix, at: SourceLocation(line: link.location.line, column: start + 1),
                                          in: document, inYAML: false)
            else { continue }
            return [fix]
        }
        return []
    }

    /// `part` with its percent-escapes decoded (as written when they are not valid UTF-8).
    static func decoded(_ part: Substring) -> String {
        // Most links have none: Foundation's decoding was a twentieth of a check of real pages.
        guard part.utf8.contains(UInt8(ascii: "%")) else { return String(part) }
        return part.removingPercentEncoding ?? String(part)
    }

    /// The folder part of a relative path ("" at the top).
    static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// A web address, a mail link or a site-absolute path: not checked.
    static func isExternal(_ destination: String) -> Bool {
        let bytes = destination.utf8
        if bytes.first == UInt8(ascii: "/") { return true }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = bytes[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."): true
            default: false
            }
        }
    }
}

extension Message {
    fileprivate static func outsideProject(_ destination: String) -> Message {
        Message("broken-link.outside", ["destination": .verbatim(destination)])
    }

    fileprivate static let linkInside = Message("broken-link.outside.hint")

    fileprivate static func missingFile(_ destination: String, resolved: String, suggestion: String?) -> Message {
        Message("broken-link.no-file", [
            "destination": .verbatim(destination), "path": .verbatim(resolved), "suggestion": didYouMean(suggestion),
        ])
    }

    fileprivate static let correctPath = Message("broken-link.no-file.hint")

    fileprivate static func missingAnchor(_ destination: String, file: String, fragment: String, suggestion: String?) -> Message {
        Message("broken-link.no-anchor", [
            "destination": .verbatim(destination), "file": .verbatim(file), "fragment": .verbatim(fragment),
            "suggestion": didYouMean(suggestion),
        ])
    }

    fileprivate static let linkToAnchor = Message("broken-link.no-anchor.hint")
}
