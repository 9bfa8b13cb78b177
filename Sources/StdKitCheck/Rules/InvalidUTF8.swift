import StdKitModel
import StdKitSyntax

/// Bytes that are not UTF-8, typically a file saved as GBK by an older editor.
struct InvalidUTF8: LoadTimeRule {
    let description = RuleDescription(
        id: "invalid-utf8", family: .syntax, scope: .document,
        passing: [RuleExample(document: "# 标题\n\n正文。\n")],
        failing: [RuleExample(documentBytes: Array("# 标题\n\n".utf8) + [0xB1, 0xEA, 0xCC, 0xE2, 0x0A])])
}
