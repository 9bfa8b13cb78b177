import Foundation
import StdKitModel
import StdKitSyntax

/// One entry of the search index: a document or an item, with its text.
struct SearchEntry: Encodable {
    /// The title shown.
    var t: String
    /// The URL, relative to the site root.
    var u: String
    /// What it is (the kind, or the document an item belongs to).
    var k: String
    /// The text searched.
    var x: String

    /// The most text of one document that is indexed.
    static let textLimit = 20_000

    /// The entries of `document`: the document, then each item. A document of an upstream's
    /// section is marked (上游标准 ns · v2025.1 · 《…》 before its kind and the item's document) and
    /// named by its key (`ns:DOC`, `ns:DOC#S7`), as a local reference names it.
    static func entries(for document: Document, body: MarkdownNode, page: String, strings: SiteStrings,
                        section: UpstreamSection? = nil) -> [SearchEntry] {
        let title = document.title ?? document.sections.first?.title ?? document.path
        let url = HTML.encodeURL(page)
        let text = limited(body.plainText)
        let mark = section.map { $0.badge(strings: strings) + " · " } ?? ""
        let id = document.id.map { id in section?.key(of: id) ?? id }
        var entries = [SearchEntry(t: title, u: url, k: mark + strings.kind(document.kind) + (id.map { " · \($0)" } ?? ""), x: text)]
        for item in document.items {
            let fullID = section.map { $0.key(of: item.fullID) } ?? item.fullID
            entries.append(SearchEntry(t: "\(fullID) \(item.text)", u: url + "#" + HTML.encodeURL(item.id), k: mark + title, x: item.text))
        }
        return entries
    }

    /// `text`'s first `textLimit` characters. No more bytes than that means no more characters,
    /// and counting the characters of every page was 1.4 % of a build of powershell-docs.
    static func limited(_ text: String) -> String {
        guard text.utf8.count > textLimit,
              let end = text.index(text.startIndex, offsetBy: textLimit, limitedBy: text.endIndex)
        else { return text }
        return String(text[..<end])
    }

    /// The index as a script that sets `window.STDKIT_SEARCH`, so that it loads from file://:
    /// `{"entries":[…],"version":"1"}`, each entry's JSON made beforehand (`json(_:)`, per document
    /// and on every core).
    static func script(fragments: [String]) -> String {
        let script = Shared(Data())
        let writer = SearchIndexWriter { piece in script.update { $0.append(piece) } }
        for (index, fragment) in fragments.enumerated() { writer.add(index, fragment) }
        writer.finish()
        return String(decoding: script.value, as: UTF8.self)
    }

    /// Entries as JSON objects separated by commas, keys sorted. Besides JSON's escapes, `</`
    /// is written `<\/`, so that no text can close the script element.
    static func json(_ entries: [SearchEntry]) -> String {
        String(decoding: jsonBytes(entries), as: UTF8.self)
    }

    /// `json(_:)` as UTF-8 bytes, written into one buffer: the build hands them to the index as
    /// they are (each entry's four strings were each made into bytes, a new string and a copy
    /// of the whole document's JSON, 5 % of a build of small documents).
    static func jsonBytes(_ entries: [SearchEntry]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(entries.reduce(0) { $0 + $1.t.utf8.count + $1.u.utf8.count + $1.k.utf8.count + $1.x.utf8.count + 32 })
        for (index, entry) in entries.enumerated() {
            if index > 0 { output.append(0x2C) }
            output.append(contentsOf: #"{"k":"#.utf8)
            appendString(entry.k, to: &output)
            output.append(contentsOf: #","t":"#.utf8)
            appendString(entry.t, to: &output)
            output.append(contentsOf: #","u":"#.utf8)
            appendString(entry.u, to: &output)
            output.append(contentsOf: #","x":"#.utf8)
            appendString(entry.x, to: &output)
            output.append(0x7D)
        }
        return output
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends `text` as a JSON string, on its UTF-8 bytes: every byte JSON or the script
    /// element treats specially is ASCII, and no byte of a multi-byte character is.
    private static func appendString(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        bytes.append(0x22)
        text.withUTF8 { source in
            bytes.reserveCapacity(bytes.count + source.count + 1)
            // Runs of bytes that need no escape are copied whole (byte by byte, this was 2 % of a
            // build of 10,000 documents).
            var run = 0
            var index = 0
            while index < source.count {
                let byte = source[index]
                let escape: (UInt8, UInt8)?
                switch byte {
                case 0x22: escape = (0x5C, 0x22)
                case 0x5C: escape = (0x5C, 0x5C)
                case 0x0A: escape = (0x5C, UInt8(ascii: "n"))
                case 0x0D: escape = (0x5C, UInt8(ascii: "r"))
                case 0x09: escape = (0x5C, UInt8(ascii: "t"))
                case 0x2F where index > 0 && source[index - 1] == 0x3C: escape = (0x5C, 0x2F)
                case ..<0x20: escape = (0, 0)
                default: escape = nil
                }
                if let escape {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[run..<index]))
                    if escape.0 == 0 {
                        bytes.append(contentsOf: #"\u00"#.utf8)
                        bytes.append(hex[Int(byte >> 4)])
                        bytes.append(hex[Int(byte & 0xF)])
                    } else {
                        bytes.append(escape.0)
                        bytes.append(escape.1)
                    }
                    run = index + 1
                }
                index += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[run..<source.count]))
        }
        bytes.append(0x22)
    }
}

/// The search index written in pieces as the documents are made (the index of a large project
/// is tens of megabytes, never held whole): each document's entries are handed on in document
/// order, however the documents finish. `write` is called under a lock, one piece at a time.
///
/// Pieces are gathered up to `chunk` bytes before `write` is called: the build's `write` is a
/// system call, and one per document (10,000 of a kilobyte each) cost more than the copy.
final class SearchIndexWriter: @unchecked Sendable {
    // Safe: every property but `write` is only read and written under the lock.
    private var pending: [Int: [UInt8]] = [:]
    private var next = 0
    private var hasEntries = false
    private var buffer: [UInt8] = []
    private let chunk: Int
    private let write: (Data) -> Void
    private let lock = NSLock()

    /// `chunk`: how many bytes are gathered before `write` is called (0: every document's
    /// entries as soon as they are in order).
    init(chunk: Int = 0, write: @escaping (Data) -> Void) {
        self.chunk = chunk
        self.write = write
        buffer.append(contentsOf: "window.STDKIT_SEARCH = {\"entries\":[".utf8)
        flush(over: 0)
    }

    /// The entries of document `index` (`SearchEntry.json`; empty for none).
    func add(_ index: Int, _ fragment: String) {
        add(index, bytes: Array(fragment.utf8))
    }

    /// The entries of document `index` as bytes (`SearchEntry.jsonBytes`; empty for none).
    func add(_ index: Int, bytes fragment: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        pending[index] = fragment
        while let fragment = pending.removeValue(forKey: next) {
            next += 1
            guard !fragment.isEmpty else { continue }
            if hasEntries { buffer.append(0x2C) }
            buffer.append(contentsOf: fragment)
            hasEntries = true
            flush(over: chunk)
        }
    }

    /// Hands on what is gathered once it is more than `limit` bytes (under the lock).
    private func flush(over limit: Int) {
        guard buffer.count > limit else { return }
        write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Ends the index; every document's entries must have been added.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        buffer.append(contentsOf: "],\"version\":\"1\"};\n".utf8)
        flush(over: 0)
    }
}
