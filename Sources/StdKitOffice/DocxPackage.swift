import Foundation
import ZIPFoundation

/// Writes a package (a .docx is a zip of parts) with the same bytes for the same parts: entries
/// in the order given, one fixed modification time, deflated at one level. Word, WPS and
/// LibreOffice read the parts by name, so the order is ours to fix; `[Content_Types].xml` goes
/// first, as Word writes it and as some readers expect.
public enum DocxPackage {
    /// 1980-01-01 00:00 UTC, the earliest time a zip can record: no clock leaks into the bytes.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    /// The zip of `parts`, each a package name and its bytes.
    public static func zip(_ parts: [(name: String, data: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let data = part.data
            try archive.addEntry(with: part.name, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: fixedDate, permissions: 0o644,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw Archive.ArchiveError.unwritableArchive }
        return bytes
    }
}
