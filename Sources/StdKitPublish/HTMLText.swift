/// HTML written by the built-in theme's compiled templates (`CompiledPage`): a string literal
/// whose interpolations are escaped as Mustache's `{{value}}` is in stdkit's templates
/// (`HTML.escape`), and written as they are with `\(raw:)`, as `{{{value}}}` is.
///
/// Only `+=` onto another `HTMLText` takes a literal, so a literal meant as HTML is never taken
/// for a plain `String` whose interpolations would go unescaped.
struct HTMLText: ExpressibleByStringInterpolation, Sendable {
    private(set) var text: String

    init() {
        text = ""
    }

    init(stringLiteral literal: String) {
        text = literal
    }

    init(stringInterpolation: StringInterpolation) {
        text = stringInterpolation.text
    }

    static func += (html: inout HTMLText, fragment: HTMLText) {
        html.text += fragment.text
    }

    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var text = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// `{{value}}`: the text escaped.
        mutating func appendInterpolation(_ value: String) {
            text += HTML.escape(value)
        }

        /// `{{value}}` of a name a page may not have (an interface string): nothing for none,
        /// as Mustache writes nothing for a name it does not find.
        mutating func appendInterpolation(_ value: String?) {
            if let value { text += HTML.escape(value) }
        }

        /// `{{count}}`: a number as Mustache prints it (`String(describing:)`), which needs no
        /// escaping.
        mutating func appendInterpolation(_ value: Int) {
            text += String(value)
        }

        /// `{{{value}}}`: HTML stdkit wrote, as it is.
        mutating func appendInterpolation(raw html: String) {
            text += html
        }
    }
}
