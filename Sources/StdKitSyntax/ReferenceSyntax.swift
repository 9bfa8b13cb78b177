/// A reference as written: `DOC`, `DOC#ITEM`, `#ITEM` or `DOC@2#ITEM` (and `DOC@2`), each
/// also into an upstream project as `PREFIX:DOC…` (`ns:PROG-NS-460305#S7`, DESIGN §14.1).
public struct ReferenceSyntax: Sendable, Hashable {
    /// The text as written, trimmed.
    public var text: String
    /// The document id, nil for `#ITEM` (an item of the same document). For a reference into
    /// an upstream it is the whole key, prefix included (`ns:PROG-NS-460305`): the key under
    /// which the project knows the upstream's document.
    public var document: String?
    /// The upstream's prefix (`ns`) of a reference into an upstream, else nil.
    public var upstream: String?
    /// The pinned major version, for `DOC@2#ITEM`.
    public var pin: Int?
    /// The item id, nil for a reference to a whole document.
    public var item: String?
    /// Where the reference starts.
    public var location: SourceLocation

    public init(text: String, document: String?, pin: Int?, item: String?, location: SourceLocation) {
        self.text = text
        self.document = document
        self.pin = pin
        self.item = item
        self.location = location
    }

    /// Parses one reference, or returns nil when `text` is not of a reference's form.
    public static func parse(_ text: String, at location: SourceLocation) -> ReferenceSyntax? {
        let trimmed = text.trimmingWhitespace()
        // Every part of a reference is ASCII (ids, the pin's digits, the prefix): so a text with
        // any other scalar is none, and the rest is cut on its bytes, each one a character.
        let bytes = trimmed.utf8
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        var documentPart = Substring(trimmed)
        var item: String?
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            let itemPart = trimmed[bytes.index(after: hash)...]
            guard Identifier.isValid(itemPart) else { return nil }
            item = String(itemPart)
            documentPart = trimmed[..<hash]
        }
        var pin: Int?
        if let at = documentPart.utf8.firstIndex(of: UInt8(ascii: "@")) {
            let pinPart = documentPart[documentPart.utf8.index(after: at)...]
            guard !pinPart.isEmpty, pinPart.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let major = Int(pinPart) else {
                return nil
            }
            pin = major
            documentPart = documentPart[..<at]
            guard !documentPart.isEmpty else { return nil }
        }
        // Ids never hold `:`, so one before the document id can only end an upstream's prefix.
        var upstream: Substring?
        if let colon = documentPart.utf8.firstIndex(of: UInt8(ascii: ":")) {
            let prefix = documentPart[..<colon]
            guard isUpstreamPrefix(prefix) else { return nil }
            upstream = prefix
            documentPart = documentPart[documentPart.utf8.index(after: colon)...]
            guard !documentPart.isEmpty else { return nil }
        }
        if documentPart.isEmpty {
            guard item != nil else { return nil }
            return ReferenceSyntax(text: trimmed, document: nil, pin: nil, item: item, location: location)
        }
        guard Identifier.isValid(documentPart) else { return nil }
        var syntax = ReferenceSyntax(text: trimmed, document: upstream.map { "\($0):\(documentPart)" } ?? String(documentPart),
                                     pin: pin, item: item, location: location)
        syntax.upstream = upstream.map(String.init)
        return syntax
    }

    /// Whether `text` is an upstream's prefix: lower-case ASCII letters, digits and `-`, starting
    /// with a letter (the form of a party's id, `ns`, `gd-robot`).
    public static func isUpstreamPrefix(_ text: some StringProtocol) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// The upstream prefix and the id within the upstream of a document key `ns:DOC`; nil for
    /// the key of a local document.
    public static func splitUpstream(_ key: String) -> (upstream: String, document: String)? {
        guard let colon = key.firstIndex(of: ":") else { return nil }
        return (String(key[..<colon]), String(key[key.index(after: colon)...]))
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (including full-width spaces).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespaceFast }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isWhitespaceFast })!
        // Most statements and titles have nothing to trim: kept as they are, not copied.
        if first == startIndex, scalars.index(after: last) == endIndex { return String(self) }
        return String(self[first...last])
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace`, answered without the Unicode tables: this runs on both ends of
    /// every item's statement and heading, and the table lookup was 3 % of a check of 10,000
    /// small documents.
    var isWhitespaceFast: Bool {
        switch value {
        // Unicode's White_Space in ASCII: tab, line feed, vertical tab, form feed, carriage
        // return and space.
        case 0x09...0x0D, 0x20: true
        case ..<0x85: false
        // And beyond: next line, no-break space, Ogham space mark, the spaces of General
        // Punctuation, line and paragraph separators, and the ideographic space. The table was
        // still looked up for every CJK character at a statement's end (0.6 % of a check);
        // `WhitespaceTests` holds this list to it for every scalar.
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
