/// A number at the start of a paragraph in the Chinese official scheme (GB/T 9704): `一、` level 1,
/// `（一）` or `(一)` level 2, `1.` `1．` `1、` level 3, `（1）` or `(1)` level 4, `①` level 5 —
/// how a school numbers headings and lists when everything is 正文.
struct NumberedLine: Sendable, Hashable {
    var level: Int
    /// The number's value (`（三）` is 3).
    var value: Int
    /// The number as written, e.g. `（一）`.
    var label: String
    /// The text after the number, trimmed.
    var rest: String

    private static let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "〇": 0, "零": 0]

    /// The numbered line `text` starts with, or nil.
    static func parse(_ text: String) -> NumberedLine? {
        let trimmed = Substring(trimmed(text))
        guard let first = trimmed.first else { return nil }
        if first == "（" || first == "(" {
            let inner = trimmed.dropFirst().prefix(4)
            guard let close = inner.firstIndex(where: { $0 == "）" || $0 == ")" }) else { return nil }
            let number = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
            var after = trimmed[trimmed.index(after: close)...]
            if let next = after.first, "、.．".contains(next) { after = after.dropFirst() }
            if let value = chineseValue(number) {
                return NumberedLine(level: 2, value: value, label: String(trimmed[..<after.startIndex]), rest: Self.trimmed(String(after)))
            }
            if let value = decimalValue(number) {
                return NumberedLine(level: 4, value: value, label: String(trimmed[..<after.startIndex]), rest: Self.trimmed(String(after)))
            }
            return nil
        }
        if let scalar = first.unicodeScalars.first, first.unicodeScalars.count == 1, (0x2460...0x2473).contains(scalar.value) {
            return NumberedLine(level: 5, value: Int(scalar.value - 0x2460) + 1, label: String(first), rest: Self.trimmed(String(trimmed.dropFirst())))
        }
        let chinese = trimmed.prefix { digits[$0] != nil }
        if !chinese.isEmpty, chinese.count <= 3, let value = chineseValue(chinese) {
            let after = trimmed.dropFirst(chinese.count)
            if let next = after.first, "、.．".contains(next) {
                return NumberedLine(level: 1, value: value, label: String(trimmed.prefix(chinese.count + 1)), rest: Self.trimmed(String(after.dropFirst())))
            }
            return nil
        }
        let number = trimmed.prefix { $0.isASCII && $0.isNumber || ("０"..."９").contains($0) }
        if !number.isEmpty, number.count <= 2, let value = decimalValue(number) {
            let after = trimmed.dropFirst(number.count)
            // `1.5 倍` and `3.2.1` are not numbered lines.
            if let next = after.first, ".．、".contains(next), !(after.dropFirst().first.map { $0.isNumber } ?? false) {
                return NumberedLine(level: 3, value: value, label: String(trimmed.prefix(number.count + 1)), rest: Self.trimmed(String(after.dropFirst())))
            }
        }
        return nil
    }

    /// `一` … `九十九`; nil for anything else.
    static func chineseValue(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 3, text.allSatisfy({ digits[$0] != nil }) else { return nil }
        let characters = Array(text)
        if let ten = characters.firstIndex(of: "十") {
            guard characters.filter({ $0 == "十" }).count == 1, ten <= 1 else { return nil }
            let tens = ten == 0 ? 1 : digits[characters[0]]!
            let units = ten + 1 < characters.count ? digits[characters[ten + 1]]! : 0
            guard ten + 2 >= characters.count, tens > 0, tens < 10, units < 10 else { return nil }
            return tens * 10 + units
        }
        guard characters.count == 1, let value = digits[characters[0]], value > 0 else { return nil }
        return value
    }

    /// `1` … `99`, in ASCII or full-width digits.
    static func decimalValue(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 2 else { return nil }
        var value = 0
        for character in text {
            if character.isASCII, let digit = character.wholeNumberValue {
                value = value * 10 + digit
            } else if let scalar = character.unicodeScalars.first, (0xFF10...0xFF19).contains(scalar.value) {
                value = value * 10 + Int(scalar.value - 0xFF10)
            } else {
                return nil
            }
        }
        return value > 0 ? value : nil
    }

    /// `value` in Chinese numerals (1 → 一, 12 → 十二, 20 → 二十), for Word's `chineseCounting`.
    static func chinese(_ value: Int) -> String {
        let names = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard value > 0, value < 100 else { return String(value) }
        if value < 10 { return names[value] }
        return (value / 10 == 1 ? "" : names[value / 10]) + "十" + names[value % 10]
    }

    /// `value` as a circled number (①…⑳), else in parentheses.
    static func circled(_ value: Int) -> String {
        guard (1...20).contains(value), let scalar = Unicode.Scalar(0x2460 + UInt32(value - 1)) else { return "(\(value))" }
        return String(Character(scalar))
    }

    /// `text` without spaces (ASCII or ideographic) at either end.
    static func trimmed(_ text: String) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{A0}" || $0 == "\n" }
        guard let start = text.firstIndex(where: { !blank($0) }), let end = text.lastIndex(where: { !blank($0) }) else { return "" }
        return String(text[start...end])
    }
}
