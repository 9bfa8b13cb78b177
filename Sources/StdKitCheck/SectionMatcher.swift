import StdKitModel

/// Matches headings to the sections a kind's schema expects, in Chinese or English, ignoring
/// numbering (`一、`, `（三）`, `2.`), case and a trailing colon.
enum SectionMatcher {
    private static let chineseNumerals = Set("一二三四五六七八九十百零")

    static func normalized(_ title: String) -> String {
        var text = Substring(trimmingWhitespaces(title))
        // （一） or (1)
        if let first = text.first, first == "（" || first == "(" , let close = text.firstIndex(where: { $0 == "）" || $0 == ")" }) {
            let inner = text[text.index(after: text.startIndex)..<close]
            if !inner.isEmpty, inner.allSatisfy({ chineseNumerals.contains($0) || $0.isASCII && $0.isNumber }) {
                text = text[text.index(after: close)...]
            }
        }
        // 一、 / 第一章 / 1. / 1.2 / 1、
        let numeralPrefix = text.prefix { chineseNumerals.contains($0) }
        if !numeralPrefix.isEmpty, let next = text.dropFirst(numeralPrefix.count).first, next == "、" || next == "." || next == "．" {
            text = text.dropFirst(numeralPrefix.count + 1)
        } else if text.first == "第", let end = text.firstIndex(where: { "章节部分".contains($0) }),
                  text[text.index(after: text.startIndex)..<end].allSatisfy({ chineseNumerals.contains($0) || $0.isNumber }) {
            text = text[text.index(after: end)...]
        } else {
            let digits = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            if !digits.isEmpty, digits.first?.isNumber == true {
                text = text.dropFirst(digits.count)
                if let next = text.first, next == "、" || next == "．" { text = text.dropFirst() }
            }
        }
        var result = trimmingWhitespaces(text).lowercased()
        while let last = result.last, last == ":" || last == "：" { result.removeLast() }
        return result
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, without asking Foundation where neither end
    /// can be trimmed (most titles: Foundation's trimming, with its conversion to and from
    /// UTF-16, was 1.5 % of a check of 10,000 documents).
    static func trimmingWhitespaces(_ text: some StringProtocol) -> String {
        let scalars = text.unicodeScalars
        if let first = scalars.first, let last = scalars.last, !mayBeWhitespace(first), !mayBeWhitespace(last) { return String(text) }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Whether `CharacterSet.whitespaces` may hold `scalar`: in ASCII it holds the space and the
    /// tab; beyond, every scalar up to U+3000 (the ideographic space) is left to Foundation, and
    /// none after it is white space (`SectionMatcherTests` holds both to Foundation).
    static func mayBeWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20: true
        case ..<0x80: false
        default: scalar.value <= 0x3000
        }
    }

    /// Each name of `specs`, normalized, → the position of the first section it names.
    static func positions(of specs: [KindSchema.SectionSpec]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (index, spec) in specs.enumerated() {
            for name in spec.names where positions[normalized(name)] == nil { positions[normalized(name)] = index }
        }
        return positions
    }
}
