import Foundation
import StdKitSyntax
import ZIPFoundation

/// A .docx opened for reading: its parts inflated, each and all within bounds.
///
/// A .docx is a zip of XML parts (ECMA-376 Part 2, Open Packaging Conventions). What arrives
/// as one is often not: a Word 97–2003 `.doc` and a password-protected .docx are both OLE
/// compound files (the encrypted package is a stream inside one), a download can be cut short,
/// and a zip bomb declares small sizes and inflates to gigabytes. Each of these is one
/// `DocxError` before any part is used; inflation counts the bytes it actually produces, so a
/// lying size in the central directory does not get through either.
public struct DocxArchive: Sendable {
    /// The bounds. A real standard with photographs is a few megabytes; these are far above it.
    public struct Limits: Sendable {
        /// Bytes one part may inflate to.
        public var partBytes: Int
        /// Bytes all parts together may inflate to.
        public var totalBytes: Int
        /// Parts in the archive.
        public var parts: Int
        /// Bytes of the file itself.
        public var fileBytes: Int

        public init(partBytes: Int = 64 << 20, totalBytes: Int = 256 << 20, parts: Int = 10_000, fileBytes: Int = 256 << 20) {
            self.partBytes = partBytes
            self.totalBytes = totalBytes
            self.parts = parts
            self.fileBytes = fileBytes
        }
    }

    /// The file as the user named it, for messages.
    public let file: String
    /// Every part by its name in the package (`word/document.xml`, `word/media/image1.png`).
    public let parts: [String: Data]

    /// The main document part every Word file has.
    public static let documentPart = "word/document.xml"

    /// Reads the file at `url`; `file` is how messages name it (default: the path).
    public init(contentsOf url: URL, file: String? = nil, limits: Limits = Limits()) throws(DocxError) {
        let name = file ?? url.path
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        if size > limits.fileBytes {
            throw DocxError(file: name, .docxTooLarge(url.lastPathComponent, megabytes: limits.fileBytes >> 20))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DocxError(file: name, .docxUnreadable(error.localizedDescription))
        }
        try self.init(data: data, file: name, limits: limits)
    }

    /// Reads a package held in memory.
    public init(data: Data, file: String, limits: Limits = Limits()) throws(DocxError) {
        self.file = file
        if data.count > limits.fileBytes {
            throw DocxError(file: file, .docxTooLarge(file, megabytes: limits.fileBytes >> 20))
        }
        if let compound = Self.compoundFileKind(data) {
            throw DocxError(file: file, compound == .encrypted ? .docxEncrypted() : .docxLegacyDoc())
        }
        // A zip starts with a local file header; anything else (an empty file, HTML, a PDF) is
        // not one, whatever its name says.
        guard data.count >= 22, data.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]) else {
            throw DocxError(file: file, .docxNotZip())
        }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw DocxError(file: file, .docxNotZip())
        }
        var parts: [String: Data] = [:]
        var total = 0
        var count = 0
        for entry in archive where entry.type == .file {
            count += 1
            if count > limits.parts {
                throw DocxError(file: file, .docxTooManyParts(count, limit: limits.parts))
            }
            let path = entry.path
            if entry.uncompressedSize > UInt64(limits.partBytes) || total + Int(clamping: entry.uncompressedSize) > limits.totalBytes {
                throw DocxError(file: file, .docxTooLarge(path, megabytes: (entry.uncompressedSize > UInt64(limits.partBytes) ? limits.partBytes : limits.totalBytes) >> 20))
            }
            var bytes = Data()
            var exceeded = false
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    // The central directory's size can lie; the bytes produced cannot.
                    if bytes.count + chunk.count > limits.partBytes || total + bytes.count + chunk.count > limits.totalBytes {
                        exceeded = true
                        throw Archive.ArchiveError.cancelledOperation
                    }
                    bytes.append(chunk)
                }
            } catch {
                if exceeded {
                    throw DocxError(file: file, .docxTooLarge(path, megabytes: (bytes.count >= limits.partBytes / 2 ? limits.partBytes : limits.totalBytes) >> 20))
                }
                throw DocxError(file: file, .docxCorruptPart(path))
            }
            total += bytes.count
            parts[Self.normalized(path)] = bytes
        }
        guard parts[Self.documentPart] != nil else {
            throw DocxError(file: file, .docxNotWord(Self.documentPart))
        }
        self.parts = parts
    }

    /// A part by its name in the package, leading `/` or not.
    public func part(_ name: String) -> Data? {
        parts[Self.normalized(name)]
    }

    /// The package name of a relationship target: `media/image1.png` from `word/_rels/document.xml.rels`
    /// is `word/media/image1.png`; `/word/x.xml` is absolute; `..` steps up.
    public static func resolve(_ target: String, from source: String) -> String {
        if target.hasPrefix("/") { return normalized(target) }
        var folder = source.split(separator: "/").dropLast().map(String.init)
        for step in target.split(separator: "/") {
            switch step {
            case ".": continue
            case "..": if !folder.isEmpty { folder.removeLast() }
            default: folder.append(String(step))
            }
        }
        return folder.joined(separator: "/")
    }

    static func normalized(_ name: String) -> String {
        name.hasPrefix("/") ? String(name.dropFirst()) : name
    }

    enum CompoundFile { case legacy, encrypted }

    /// An OLE compound file (`D0 CF 11 E0 A1 B1 1A E1`): Word 97–2003, or an encrypted OOXML
    /// package, which keeps its streams `EncryptionInfo` and `EncryptedPackage` in one (MS-OFFCRYPTO).
    /// Their names are in the directory in UTF-16LE; finding `EncryptedPackage` is enough to tell.
    static func compoundFileKind(_ data: Data) -> CompoundFile? {
        guard data.prefix(8) == Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) else { return nil }
        let marker = Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        return data.range(of: marker) != nil ? .encrypted : .legacy
    }
}
