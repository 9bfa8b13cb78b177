import StdKitModel
import StdKitSyntax

/// What rules of scope `.project` can read of a document, in two parts: its facts without their
/// places (a digest) and the places of the things a finding or note can point at (front matter
/// aside). When a change leaves a document's facts as they were, no other document's findings
/// change, and the findings that point into the document move with the places.
struct Outward {
    /// SHA-256 of the facts: the front matter as written (but the version's value), every item
    /// (id, statement, attributes, references, parent), the document's references, headings,
    /// links, kind and disable comments (with their lines).
    let digest: String
    /// The places, in a fixed order: headings, items, their references, the document's
    /// references, links. Two versions with the same digest have them in the same number and
    /// order.
    let places: [SourceLocation]
    /// The last line of the front matter (0 without one): findings above it stay where they are
    /// while the front matter is the same.
    let frontMatterEnd: Int
    /// The version, which is left out of the digest: only a pinned reference (`ID@2`) shows it
    /// to another document, so raising a version others do not pin changes nothing for them.
    let version: String
    /// The ids of the documents this one pins (`ID@2#R1`).
    let pinned: [String]

    init(_ document: Document) {
        var facts = Facts()
        let (frontMatter, end) = Self.frontMatter(of: document.text)
        facts.add("path", document.path)
        facts.add("kind", document.kind)
        facts.add("front matter", Self.withoutVersion(frontMatter))
        frontMatterEnd = end
        version = document.version ?? ""
        pinned = Array(Set(document.everyReference.compactMap { reference in
            reference.syntax.pin == nil ? nil : reference.syntax.document ?? document.id
        })).sorted()
        var places: [SourceLocation] = []
        for section in document.sections {
            facts.add("section", String(section.level), section.title, section.anchor, section.itemID ?? "", section.hasContent ? "1" : "0")
            places.append(section.location)
        }
        for item in document.items {
            let host = switch item.host {
            case .listItem: "list item"
            case .heading(let level): "heading \(level)"
            }
            facts.add("item", item.id, item.fullID, host, item.text, item.parentID ?? "")
            places.append(item.location)
            for attribute in item.attributes { facts.add("attribute", attribute.key, attribute.value) }
            for reference in item.references {
                facts.add(reference)
                places.append(reference.syntax.location)
            }
        }
        for reference in document.references {
            facts.add(reference)
            places.append(reference.syntax.location)
        }
        for link in document.links {
            facts.add("link", link.destination, link.isImage ? "image" : "link")
            places.append(link.location)
        }
        // A disable comment silences any rule's findings on its line: with their lines, so that
        // a comment added, removed or moved in relation to the findings is a change others see.
        for (line, rules) in document.suppressions.sorted(by: { $0.key < $1.key }) {
            facts.add("suppression", String(line), rules.sorted().joined(separator: ","))
        }
        digest = Digests.sha256(facts.bytes)
        self.places = places
    }

    /// The facts as bytes: each field after its length in bytes, so that no text can pass for
    /// another's fields; fields end with U+001F, records with U+001E.
    struct Facts {
        var bytes: [UInt8] = []

        mutating func add(_ fields: String...) {
            for field in fields {
                bytes += Array(String(field.utf8.count).utf8) + [0x1F] + Array(field.utf8) + [0x1F]
            }
            bytes.append(0x1E)
        }

        mutating func add(_ reference: Reference) {
            let syntax = reference.syntax
            let origin = switch reference.origin {
            case .item(let id): "item " + id
            case .field(let path): "field " + path
            }
            add("reference", syntax.text, syntax.document ?? "", syntax.pin.map(String.init) ?? "", syntax.item ?? "",
                origin, reference.allowedTargets.joined(separator: ","))
        }
    }

    /// The text from the start through the line that closes the front matter, and that line's
    /// number, as `FrontMatter` (the parser's split) reads it; nothing and 0 when the text has no
    /// front matter; the whole text and 0 when it never closes it.
    static func frontMatter(of text: String) -> (Substring, Int) {
        let split = FrontMatter(text)
        switch split.state {
        case .absent: return ("", 0)
        case .unclosed: return (text[...], 0)
        case .closed: return (split.block ?? "", split.closingLine ?? 0)
        }
    }

    /// The front matter with the value of its top-level `version` key left out (the line kept,
    /// so that every other line stays where it is).
    static func withoutVersion(_ frontMatter: Substring) -> String {
        var lines = frontMatter.split(separator: "\n", omittingEmptySubsequences: false)
        for index in lines.indices where lines[index].hasPrefix("version:") {
            lines[index] = "version:"
        }
        return lines.joined(separator: "\n")
    }

    /// Where a place of the old version of a document is in the new one (whose outward digest
    /// is the same), or nil when the place is not one of the places this type keeps.
    static func moved(_ location: SourceLocation, oldPlaces: [SourceLocation], frontMatterEnd: Int, newPlaces: [SourceLocation]) -> SourceLocation? {
        if location.line <= frontMatterEnd { return location }
        guard oldPlaces.count == newPlaces.count else { return nil }
        var found: SourceLocation?
        for (index, place) in oldPlaces.enumerated() where place == location {
            // Two things at one place must stay at one place.
            if let earlier = found, earlier != newPlaces[index] { return nil }
            found = newPlaces[index]
        }
        return found
    }
}
