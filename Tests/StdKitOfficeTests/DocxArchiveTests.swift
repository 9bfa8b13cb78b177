import Foundation
import Testing
import StdKitSyntax
@testable import StdKitOffice

/// What arrives as a .docx and is not one gets one clear error before any part is used.
@Suite("Docx archive")
struct DocxArchiveTests {
    static let minimalParts: [(name: String, data: Data)] = [
        ("[Content_Types].xml", Data(#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.utf8)),
        ("word/document.xml", Data(#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>"#.utf8)),
    ]

    @Test func aPackageWeWriteReadsBackPartByPart() throws {
        let data = try DocxPackage.zip(Self.minimalParts)
        let archive = try DocxArchive(data: data, file: "a.docx")
        #expect(archive.parts.keys.sorted() == ["[Content_Types].xml", "word/document.xml"])
        #expect(archive.part("/word/document.xml") == Self.minimalParts[1].data)
    }

    @Test func theSamePartsGiveTheSameBytes() throws {
        #expect(try DocxPackage.zip(Self.minimalParts) == DocxPackage.zip(Self.minimalParts))
    }

    @Test func aLegacyDocAndAnEncryptedDocxAreToldApart() {
        let header: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        let legacy = Data(header + [UInt8](repeating: 0, count: 600) + Array("WordDocument".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        let encrypted = Data(header + [UInt8](repeating: 0, count: 600) + Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        #expect(throws: DocxError(file: "a.doc", .docxLegacyDoc())) { try DocxArchive(data: legacy, file: "a.doc") }
        #expect(throws: DocxError(file: "b.docx", .docxEncrypted())) { try DocxArchive(data: encrypted, file: "b.docx") }
    }

    @Test func textOrATruncatedZipIsNotAWordFile() throws {
        #expect(throws: DocxError(file: "x.docx", .docxNotZip())) { try DocxArchive(data: Data("<html>404</html>".utf8), file: "x.docx") }
        let whole = try DocxPackage.zip(Self.minimalParts)
        #expect(throws: DocxError(file: "x.docx", .docxNotZip())) { try DocxArchive(data: whole.prefix(whole.count / 2), file: "x.docx") }
    }

    @Test func aZipWithoutTheDocumentPartIsNotWord() throws {
        let data = try DocxPackage.zip([Self.minimalParts[0]])
        #expect(throws: DocxError(file: "s.xlsx", .docxNotWord("word/document.xml"))) { try DocxArchive(data: data, file: "s.xlsx") }
    }

    @Test func aZipBombStopsAtTheLimitWhateverItDeclares() throws {
        // 8 MB of zeros deflates to a few kilobytes; a 1 MB part limit refuses it.
        let bomb = Self.minimalParts + [("word/media/zeros.bin", Data(count: 8 << 20))]
        let data = try DocxPackage.zip(bomb)
        #expect(data.count < 100_000)
        let limits = DocxArchive.Limits(partBytes: 1 << 20, totalBytes: 4 << 20)
        #expect(throws: DocxError(file: "bomb.docx", .docxTooLarge("word/media/zeros.bin", megabytes: 1))) {
            try DocxArchive(data: data, file: "bomb.docx", limits: limits)
        }
    }

    @Test func aDamagedPartIsNamed() throws {
        var data = try DocxPackage.zip(Self.minimalParts)
        // Flip bytes inside the deflated document part (after its local header and name).
        let name = Data("word/document.xml".utf8)
        let at = try #require(data.range(of: name)).upperBound + 4
        for offset in at..<at + 8 { data[offset] ^= 0x5A }
        #expect(throws: DocxError(file: "d.docx", .docxCorruptPart("word/document.xml"))) { try DocxArchive(data: data, file: "d.docx") }
    }

    @Test func relationshipTargetsResolveFromTheirSource() {
        #expect(DocxArchive.resolve("media/image1.png", from: "word/document.xml") == "word/media/image1.png")
        #expect(DocxArchive.resolve("../customXml/item1.xml", from: "word/document.xml") == "customXml/item1.xml")
        #expect(DocxArchive.resolve("/word/styles.xml", from: "word/document.xml") == "word/styles.xml")
    }
}
