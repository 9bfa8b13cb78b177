import StdKitSyntax

/// Why a Word file cannot be read or written, in words for the person holding the file: which
/// file, what is wrong with it, and what to do (DESIGN §15: one message, nothing written).
///
/// The words are a `Message`, rendered in the project's language where the command reports it.
public struct DocxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    public var message: Message

    public init(file: String, _ message: Message) {
        self.file = file
        self.message = message
    }

    /// The message in `language`, starting with the file.
    public func text(in language: Language) -> String {
        "\(file): \(message.text(in: language))"
    }

    public var description: String { text(in: .en) }
}

extension Message {
    /// Not a zip archive at all (a renamed file, a truncated download, an HTML error page).
    static func docxNotZip() -> Message { Message("docx.not-zip") }
    /// A compound file (OLE): a Word 97–2003 `.doc`.
    static func docxLegacyDoc() -> Message { Message("docx.legacy-doc") }
    /// A compound file holding an encrypted OOXML package: a password-protected .docx.
    static func docxEncrypted() -> Message { Message("docx.encrypted") }
    /// A zip without `word/document.xml` (an .xlsx, a .pptx, an .odt, any zip).
    static func docxNotWord(_ missing: String) -> Message { Message("docx.not-word", ["part": .verbatim(missing)]) }
    /// A part that inflates beyond the limit, or a total beyond it: a zip bomb or a file no
    /// standard needs.
    static func docxTooLarge(_ part: String, megabytes: Int) -> Message {
        Message("docx.too-large", ["part": .verbatim(part), "limit": .number(megabytes)])
    }
    /// More parts than any Word file has.
    static func docxTooManyParts(_ count: Int, limit: Int) -> Message {
        Message("docx.too-many-parts", ["count": .number(count), "limit": .number(limit)])
    }
    /// A part that cannot be inflated (bad checksum, truncated data, an unknown method).
    static func docxCorruptPart(_ part: String) -> Message { Message("docx.corrupt-part", ["part": .verbatim(part)]) }
    /// A part whose XML is not well formed.
    static func docxBadXML(_ part: String, line: Int, reason: String) -> Message {
        Message("docx.bad-xml", ["part": .verbatim(part), "line": .number(line), "reason": .verbatim(reason)])
    }
    /// The file cannot be read from disk.
    static func docxUnreadable(_ reason: String) -> Message { Message("docx.unreadable", ["reason": .verbatim(reason)]) }
}
