/// libyaml's fixed descriptions of what is wrong with a YAML text, and of what it was reading,
/// as catalogue messages (`front-matter-invalid.problem.*`, `.context.*`): an author who reads
/// Chinese is told “找不到应有的键（解析映射时）”, not libyaml's English. A description libyaml may
/// add later, or one not listed here, is shown as libyaml wrote it.
enum YAMLProblem {
    /// The problem and its context as one message argument: `did not find expected key while
    /// parsing a block mapping` in English, as libyaml words it.
    static func describe(problem: String, context: String?) -> Message.Argument {
        let problemArgument: Message.Argument = problems[problem].map { .message(Message($0)) } ?? .verbatim(problem)
        var contextArgument: Message.Argument = .verbatim("")
        if let context {
            contextArgument = contexts[context].map { .message(Message($0)) } ?? .verbatim(" " + context)
        }
        return .message(Message("front-matter-invalid.problem", ["problem": problemArgument, "context": contextArgument]))
    }

    static let problems: [String: String] = [
        "did not find expected key": "front-matter-invalid.problem.expected-key",
        "did not find expected '-' indicator": "front-matter-invalid.problem.expected-dash",
        "did not find expected node content": "front-matter-invalid.problem.expected-content",
        "did not find expected ',' or ']'": "front-matter-invalid.problem.expected-comma-bracket",
        "did not find expected ',' or '}'": "front-matter-invalid.problem.expected-comma-brace",
        "did not find expected comment or line break": "front-matter-invalid.problem.expected-line-break",
        "did not find expected whitespace or line break": "front-matter-invalid.problem.expected-space-or-break",
        "did not find expected <document start>": "front-matter-invalid.problem.expected-document-start",
        "did not find expected alphabetic or numeric character": "front-matter-invalid.problem.expected-letter-or-digit",
        "could not find expected ':'": "front-matter-invalid.problem.expected-colon",
        "mapping values are not allowed in this context": "front-matter-invalid.problem.mapping-value-here",
        "mapping keys are not allowed in this context": "front-matter-invalid.problem.mapping-key-here",
        "block sequence entries are not allowed in this context": "front-matter-invalid.problem.sequence-entry-here",
        "found character that cannot start any token": "front-matter-invalid.problem.bad-start-character",
        "found unexpected end of stream": "front-matter-invalid.problem.unexpected-end",
        "found unexpected document indicator": "front-matter-invalid.problem.unexpected-document-indicator",
        "found unexpected ':'": "front-matter-invalid.problem.unexpected-colon",
        "found a tab character that violates indentation": "front-matter-invalid.problem.tab-indentation",
        "found a tab character where an indentation space is expected": "front-matter-invalid.problem.tab-instead-of-space",
        "found unknown escape character": "front-matter-invalid.problem.unknown-escape",
        "found invalid Unicode character escape code": "front-matter-invalid.problem.bad-unicode-escape",
        "found undefined tag handle": "front-matter-invalid.problem.undefined-tag",
        "found unknown directive name": "front-matter-invalid.problem.unknown-directive",
        "found an incorrect leading UTF-8 octet": "front-matter-invalid.problem.bad-utf8-lead",
        "found an incorrect trailing UTF-8 octet": "front-matter-invalid.problem.bad-utf8-trail",
        "found duplicate %YAML directive": "front-matter-invalid.problem.duplicate-yaml-directive",
        "found incompatible YAML document": "front-matter-invalid.problem.incompatible-document",
    ]

    static let contexts: [String: String] = [
        "while scanning a simple key": "front-matter-invalid.context.scanning-simple-key",
        "while scanning a quoted scalar": "front-matter-invalid.context.scanning-quoted",
        "while scanning a plain scalar": "front-matter-invalid.context.scanning-plain",
        "while scanning a block scalar": "front-matter-invalid.context.scanning-block-scalar",
        "while scanning an anchor": "front-matter-invalid.context.scanning-anchor",
        "while scanning an alias": "front-matter-invalid.context.scanning-alias",
        "while scanning a tag": "front-matter-invalid.context.scanning-tag",
        "while scanning a directive": "front-matter-invalid.context.scanning-directive",
        "while scanning for the next token": "front-matter-invalid.context.scanning-next",
        "while parsing a block mapping": "front-matter-invalid.context.parsing-block-mapping",
        "while parsing a block collection": "front-matter-invalid.context.parsing-block-collection",
        "while parsing a flow sequence": "front-matter-invalid.context.parsing-flow-sequence",
        "while parsing a flow mapping": "front-matter-invalid.context.parsing-flow-mapping",
        "while parsing a block node": "front-matter-invalid.context.parsing-block-node",
        "while parsing a flow node": "front-matter-invalid.context.parsing-flow-node",
        "while parsing a node": "front-matter-invalid.context.parsing-node",
    ]
}
