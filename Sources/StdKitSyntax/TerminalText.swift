/// Text measured in terminal cells: Chinese characters take two, combining marks none.
public enum TerminalText {
    /// The number of cells a scalar takes: 2 for East Asian wide and full-width characters, 0 for
    /// combining marks, 1 otherwise.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark { return 0 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// The number of cells `text` takes.
    public static func width(of text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// `text` cut to at most `cells` cells (with "…" when cut) and padded with spaces to exactly
    /// `cells`.
    public static func fit(_ text: String, cells: Int) -> String {
        var result = String.UnicodeScalarView()
        var used = 0
        let total = width(of: text)
        for scalar in text.unicodeScalars {
            let next = width(of: scalar)
            if total > cells && used + next > cells - 1 { result.append("…"); used += 1; break }
            if used + next > cells { break }
            result.append(scalar)
            used += next
        }
        return String(result) + String(repeating: " ", count: max(0, cells - used))
    }
}
