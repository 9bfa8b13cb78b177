import StdKitModel

/// Matches headings to the sections a kind's schema expects, in Chinese or English, ignoring
/// numbering (`一、`, `（三）`, `2.`), case and a trailing colon.
enum SectionMatcher {
    private static let chineseNumerals = Set("一二三四五六七八九十百零")

    static func normalized(_ title: String) -> String {
        var text = Substring(title.trimmingCharacters(in: .whitespaces))
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
        var result = text.trimmingCharacters(in: .whitespaces).lowercased()
        while let last = result.last, last == ":" || last == "：" { result.removeLast() }
        return result
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
