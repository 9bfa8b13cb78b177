import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text files from spreadsheets and other tools in the encodings they are written in: UTF-8
/// (with or without a byte-order mark), UTF-16 with a byte-order mark (spreadsheets' "Unicode
/// text"), and GB18030 — which includes GBK and GB2312, what Chinese spreadsheet programs write by
/// default. Decoding other than UTF-8 goes through the C library's `iconv`.
public enum TextDecoding {
    public enum Encoding: String, Sendable, CaseIterable {
        case utf8 = "utf-8"
        case utf16 = "utf-16"
        case gb18030 = "gb18030"
        /// GBK is a subset of GB18030 and decoded as such.
        case gbk = "gbk"
    }

    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The 1-based line of the first byte that could not be decoded.
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The text of `bytes` and the encoding it was read in. Without `encoding`: a byte-order mark
    /// decides, else UTF-8 when the bytes are valid UTF-8, else GB18030.
    public static func decode(_ bytes: [UInt8], as encoding: Encoding? = nil) throws(Failure) -> (text: String, encoding: Encoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]), encoding == nil || encoding == .utf8 {
            return (try utf8(Array(bytes.dropFirst(3)), offset: 3, all: bytes), .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]), encoding == nil || encoding == .utf16 {
            let little = bytes[0] == 0xFF
            let units = Array(bytes.dropFirst(2))
            let lineOf = { (offset: Int) in
                stride(from: 0, to: min(offset, units.count - 1), by: 2).reduce(1) { line, index in
                    line + ((little ? (units[index], units[index + 1]) : (units[index + 1], units[index])) == (0x0A, 0) ? 1 : 0)
                }
            }
            return (try convert(units, from: little ? "UTF-16LE" : "UTF-16BE", lineOf: lineOf), .utf16)
        }
        switch encoding {
        case .utf8:
            return (try utf8(bytes, offset: 0, all: bytes), .utf8)
        case .utf16:
            throw Failure(line: 1, message: "UTF-16 text must start with a byte-order mark")
        case .gb18030, .gbk:
            return (try convert(bytes, from: "GB18030", lineOf: { line(at: $0, in: bytes) }), encoding!)
        case nil:
            if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
            do {
                return (try convert(bytes, from: "GB18030", lineOf: { line(at: $0, in: bytes) }), .gb18030)
            } catch {
                // Neither: report where UTF-8 fails, the more likely intent.
                return (try utf8(bytes, offset: 0, all: bytes), .utf8)
            }
        }
    }

    static func utf8(_ bytes: [UInt8], offset: Int, all: [UInt8]) throws(Failure) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var index = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): index += UTF8.width(scalar)
            case .emptyInput: break loop
            case .error: break loop
            }
        }
        throw Failure(line: line(at: offset + index, in: all), message: "the file is not valid UTF-8 here; if it is GBK or GB18030, say --encoding gb18030")
    }

    /// The 1-based line holding byte `offset`.
    static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        bytes.prefix(offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// `bytes` converted from `encoding` to UTF-8 by iconv.
    static func convert(_ bytes: [UInt8], from encoding: String, lineOf: (Int) -> Int) throws(Failure) -> String {
        let descriptor = iconv_open("UTF-8", encoding)
        guard descriptor != iconv_t(bitPattern: -1) else {
            throw Failure(line: 1, message: "this system cannot decode \(encoding)")
        }
        defer { iconv_close(descriptor) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        var failedAt: Int?
        let written: Int = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inputBuffer.baseAddress
                var inLeft = inputBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outputBuffer.baseAddress
                var outLeft = outputBuffer.count
                if iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) == -1 || inLeft > 0 {
                    failedAt = inputBuffer.count - inLeft
                }
                return outputBuffer.count - outLeft
            }
        }
        if let failedAt {
            throw Failure(line: lineOf(failedAt), message: "the file is not valid \(encoding) here")
        }
        return String(decoding: output.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
