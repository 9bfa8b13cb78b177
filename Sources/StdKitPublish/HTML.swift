import Foundation
import StdKitModel
import StdKitSyntax

/// Escaping and URL safety for everything the site writes.
enum HTML {
    /// Text for HTML content and attribute values: `& < > " '` escaped (by bytes, see
    /// `ASCIIEscaper`: a quote followed by a combining mark is escaped too).
    static let escape = ASCIIEscaper.html

    /// The URL to write for a link or image destination, or nil when it must not be emitted:
    /// `javascript:`, `vbscript:`, `file:` and `data:` (except images) are dropped, however they
    /// are disguised with case, spaces or control characters.
    static func safeURL(_ url: String, isImage: Bool = false) -> String? {
        if let allowed = allowedOnBytes(url, isImage: isImage) { return allowed ? url : nil }
        return safeURLByScalars(url, isImage: isImage)
    }

    /// `safeURL` on the text's scalars and characters, as written first; `allowedOnBytes` gives
    /// its verdict without them where that is certain (a twentieth of a build of powershell-docs
    /// was spent here, making the squeezed, lower-cased copy of every link).
    static func safeURLByScalars(_ url: String, isImage: Bool = false) -> String? {
        let squeezed = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
        // A scheme is a letter, then letters, digits, + - . up to a colon; what has any other
        // character before its first colon is a relative URL (`foo):` is the file `foo):`).
        if let colon = squeezed.firstIndex(of: ":"), let first = squeezed.first, first.isASCII, first.isLetter,
           squeezed[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) {
            let scheme = String(squeezed[..<colon])
            switch scheme {
            case "http", "https", "mailto", "tel", "ftp":
                break
            case "data":
                let allowed = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
                guard isImage, allowed.contains(where: { squeezed.hasPrefix($0) }) else { return nil }
            default:
                return nil
            }
        }
        return url
    }

    /// Whether `safeURLByScalars` keeps `url`, decided on its UTF-8 bytes; nil where the bytes
    /// cannot say for certain, and the scalars must:
    /// - a non-ASCII byte before the first colon: lower-casing could make ASCII of it (U+212A
    ///   KELVIN SIGN becomes `k`);
    /// - a non-ASCII byte right after the colon: a combining mark joined to it makes it no colon
    ///   to `firstIndex(of: ":")`;
    /// - for `data:`, a non-ASCII byte among the 11 after the colon: a mark joined to the last
    ///   letter of `image/png` makes it no prefix to `hasPrefix`.
    ///
    /// The squeezed text drops bytes up to 0x20 and 0x7F: every byte of a multi-byte scalar is
    /// 0x80 or more, so these are exactly the scalars the scalars' path drops.
    static func allowedOnBytes(_ url: String, isImage: Bool) -> Bool? {
        var url = url
        return url.withUTF8 { bytes -> Bool? in
            // The squeezed, lower-cased text up to the colon, then up to 11 bytes after it.
            var head: [UInt8] = []
            var colon: Int?
            for byte in bytes where byte > 0x20 && byte != 0x7F {
                if let colon, head.count > colon + 11 { break }
                if byte >= 0x80 {
                    guard let colon, head.count > colon + 1 else { return nil }
                    guard head[0...colon] == Array("data:".utf8)[...] else { break }
                    return nil
                }
                head.append((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 0x20 : byte)
                if colon == nil, byte == UInt8(ascii: ":") { colon = head.count - 1 }
            }
            guard let colon else { return true }
            let scheme = head[..<colon]
            func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
            guard let first = scheme.first, isLetter(first),
                  scheme.allSatisfy({ isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
            else { return true }
            switch String(decoding: scheme, as: UTF8.self) {
            case "http", "https", "mailto", "tel", "ftp":
                return true
            case "data":
                let rest = head[(colon + 1)...]
                return isImage && ["image/png", "image/gif", "image/jpeg", "image/webp"].contains { rest.starts(with: $0.utf8) }
            default:
                return false
            }
        }
    }

    /// Percent-encodes what a URL may not hold as is, keeping what is already encoded.
    /// What Foundation's `addingPercentEncoding(withAllowedCharacters:)` gives with the
    /// fragment's characters and `%#` allowed, on bytes (it was a twentieth of a build).
    static func encodeURL(_ url: String) -> String {
        var url = url
        return url.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: { !urlAllowed[Int($0)] }) else { return nil }
            let hex = Array("0123456789ABCDEF".utf8)
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count * 3)
            result.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                if urlAllowed[Int(byte)] {
                    result.append(byte)
                } else {
                    result.append(contentsOf: [0x25, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
            }
            return String(decoding: result, as: UTF8.self)
        } ?? url
    }

    /// By byte: kept as is by `encodeURL` (letters, digits, `-._~!$&'()*+,;=:@/?%#`).
    static let urlAllowed: [Bool] = (0..<256).map { code in
        guard code < 0x80, let scalar = Unicode.Scalar(code) else { return false }
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "-._~!$&'()*+,;=:@/?%#".unicodeScalars.contains(scalar)
    }

    /// Raw HTML a project allowed (`publish.allow_html`), made inert where it could run code: the
    /// tag filter, event-handler attributes removed, script URLs in attributes replaced by `#`.
    /// Allowing raw HTML is for trusted authors; this is a second line of defence, not a sanitiser
    /// for arbitrary input.
    static func allowedHTML(_ html: String) -> String {
        var result = tagFilter(html)
        let handler = try! NSRegularExpression(pattern: "(<[^>]*?)\\s+on[a-z]+\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)", options: [.caseInsensitive])
        var previous = ""
        while previous != result {
            previous = result
            result = handler.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: "$1")
        }
        let url = try! NSRegularExpression(pattern: "(\\s(?:href|src|action|formaction|xlink:href)\\s*=\\s*)(\"[^\"]*\"|'[^']*'|[^\\s>]+)", options: [.caseInsensitive])
        let matches = url.matches(in: result, range: NSRange(result.startIndex..., in: result)).reversed()
        for match in matches {
            guard let valueRange = Range(match.range(at: 2), in: result) else { continue }
            var value = String(result[valueRange])
            if value.hasPrefix("\"") || value.hasPrefix("'") { value = String(value.dropFirst().dropLast()) }
            if safeURL(value.replacingOccurrences(of: "&#", with: "")) == nil || value.lowercased().contains("&#") {
                result.replaceSubrange(valueRange, with: "\"#\"")
            }
        }
        return result
    }

    /// GFM's tag filter: the tags that could run or restyle a page are neutralised even where
    /// raw HTML is allowed.
    static func tagFilter(_ html: String) -> String {
        let tags = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]
        var result = html
        for tag in tags {
            for prefix in ["<", "</"] {
                var searchStart = result.startIndex
                while let range = result.range(of: prefix + tag, options: .caseInsensitive, range: searchStart..<result.endIndex) {
                    let after = range.upperBound
                    let next = after < result.endIndex ? result[after] : " "
                    if next == " " || next == ">" || next == "/" || next == "\t" || next == "\n" {
                        result.replaceSubrange(range.lowerBound..<result.index(after: range.lowerBound), with: "&lt;")
                    }
                    searchStart = result.index(range.lowerBound, offsetBy: 1, limitedBy: result.endIndex) ?? result.endIndex
                }
            }
        }
        return result
    }
}

/// Where each page of the site lives (relative URLs between pages: `ProjectPath.relative`).
enum SitePaths {
    /// The page of the document at `path`: the same path with `.html` for `.md`.
    static func page(for path: String) -> String {
        (path.hasSuffix(".md") ? String(path.dropLast(3)) : path) + ".html"
    }

    /// `ProjectPath.relative(path, from:)`, the same string, on the UTF-8 bytes: every link
    /// between pages is made by it (each back-link, each reference, every row of the index and
    /// the matrix), and the `Character` arrays of the general one were a twentieth of a build.
    ///
    /// Bytes split where `Character`s split when every `/` has ASCII on both sides (no mark can
    /// join it to a neighbour); components are equal as bytes, or, when either is not ASCII, as
    /// strings (canonical equivalence, as `ProjectPath` compares them). A path with a `/` next to
    /// a non-ASCII byte goes the general way.
    static func relative(_ path: String, from: String) -> String {
        guard slashesBetweenASCII(path.utf8), slashesBetweenASCII(from.utf8) else { return ProjectPath.relative(path, from: from) }
        let slash = UInt8(ascii: "/")
        let base = from.utf8.split(separator: slash).dropLast()
        let target = path.utf8.split(separator: slash)
        var common = 0
        while common < base.count, common < target.count - 1, same(base[base.startIndex + common], target[common]) { common += 1 }
        var result: [UInt8] = []
        result.reserveCapacity(path.utf8.count + 3 * (base.count - common))
        for _ in common..<base.count {
            if !result.isEmpty { result.append(slash) }
            result.append(contentsOf: "..".utf8)
        }
        for component in target[common...] {
            if !result.isEmpty { result.append(slash) }
            result.append(contentsOf: component)
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func slashesBetweenASCII(_ bytes: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        var afterSlash = false
        for byte in bytes {
            if afterSlash, byte >= 0x80 { return false }
            if byte == UInt8(ascii: "/"), previous >= 0x80 { return false }
            afterSlash = byte == UInt8(ascii: "/")
            previous = byte
        }
        return true
    }

    private static func same(_ first: Substring.UTF8View, _ second: Substring.UTF8View) -> Bool {
        if first.elementsEqual(second) { return true }
        guard !first.allSatisfy({ $0 < 0x80 }) || !second.allSatisfy({ $0 < 0x80 }) else { return false }
        return String(decoding: first, as: UTF8.self) == String(decoding: second, as: UTF8.self)
    }
}
