import CYaml

/// Reads the YAML that front matter nearly always is straight from libyaml's events into
/// `YAMLNode`s, without Yams's tree, its duplicate-key grouping and the conversion from it (a
/// seventh of a check went there).
///
/// It answers only what it is sure Yams would answer the same: on anything else — a syntax
/// error, a duplicated or non-scalar key, an anchor, alias or tag, more than one document, more
/// nodes than the limit, a U+FEFF anywhere — it returns nil, and `YAMLReader` reads the text
/// through Yams, which finds the same nodes or the diagnostic. `YAMLEventReaderTests` holds the
/// two to the same nodes on the corpora's front matter and on generated text; the parse target
/// of `make fuzz` holds them to it on what it makes up.
package enum YAMLEventReader {
    /// The root of `yaml` (`.some(nil)` for a text without a document), or nil when Yams must
    /// decide.
    package static func read(_ yaml: String, firstLine: Int, nodeLimit: Int) -> YAMLNode?? {
        var text = yaml
        return text.withUTF8 { bytes -> YAMLNode?? in
            // A zero-width no-break space (U+FEFF) that starts a scalar is dropped by Yams and kept
            // here: Yams decides.
            guard !containsByteOrderMark(bytes) else { return nil }
            // libyaml's parser holds pointers into itself: it stays in one place.
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return nil }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
            var builder = Builder(parser: parser, firstLine: firstLine, budget: nodeLimit)
            return builder.document()
        }
    }

    /// Whether U+FEFF's bytes (EF BB BF) are in `bytes`.
    static func containsByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0xEF, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return true }
            index += 1
        }
        return false
    }

    private struct Builder {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        let firstLine: Int
        var budget: Int

        /// Reads the next event into `event` (which the caller deletes); false on an error.
        func next(_ event: inout yaml_event_t) -> Bool {
            yaml_parser_parse(parser, &event) == 1
        }

        /// The type of the next event, which is let go at once; nil on an error.
        func nextType() -> yaml_event_type_t? {
            var event = yaml_event_t()
            guard next(&event) else { return nil }
            defer { yaml_event_delete(&event) }
            return event.type
        }

        mutating func document() -> YAMLNode?? {
            guard nextType() == YAML_STREAM_START_EVENT else { return nil }
            switch nextType() {
            case YAML_STREAM_END_EVENT: return .some(nil)
            case YAML_DOCUMENT_START_EVENT: break
            default: return nil
            }
            guard let root = node(), nextType() == YAML_DOCUMENT_END_EVENT, nextType() == YAML_STREAM_END_EVENT else {
                return nil
            }
            return .some(root)
        }

        func location(_ event: yaml_event_t) -> SourceLocation {
            SourceLocation(line: Int(event.start_mark.line) + firstLine, column: Int(event.start_mark.column) + 1)
        }

        /// The node that starts with the next event, or nil when Yams must decide.
        mutating func node() -> YAMLNode? {
            var event = yaml_event_t()
            guard next(&event) else { return nil }
            defer { yaml_event_delete(&event) }
            return node(startingWith: event)
        }

        mutating func node(startingWith event: yaml_event_t) -> YAMLNode? {
            budget -= 1
            guard budget >= 0 else { return nil }
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.anchor == nil, scalar.tag == nil else { return nil }
                let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let style: YAMLNode.ScalarStyle = switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: .literal
                case YAML_FOLDED_SCALAR_STYLE: .folded
                default: .plain
                }
                return YAMLNode(.scalar(value, style), at: location(event))
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                guard start.anchor == nil, start.tag == nil else { return nil }
                var elements: [YAMLNode] = []
                while true {
                    var element = yaml_event_t()
                    guard next(&element) else { return nil }
                    defer { yaml_event_delete(&element) }
                    if element.type == YAML_SEQUENCE_END_EVENT { break }
                    guard let node = node(startingWith: element) else { return nil }
                    elements.append(node)
                }
                return YAMLNode(.sequence(elements), at: location(event))
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                guard start.anchor == nil, start.tag == nil else { return nil }
                var pairs: [YAMLNode.Pair] = []
                // Keys seen, looked up in `pairs` while there are few: hashing each key of
                // every small mapping cost more than comparing it with the others.
                var keys: Set<String>?
                while true {
                    var keyEvent = yaml_event_t()
                    guard next(&keyEvent) else { return nil }
                    defer { yaml_event_delete(&keyEvent) }
                    if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                    // Only scalar keys, each once: Yams reports a duplicate (and compares other
                    // keys as whole nodes).
                    guard keyEvent.type == YAML_SCALAR_EVENT, let key = node(startingWith: keyEvent),
                          let text = key.scalar, YAMLNode.Pair.isNew(text, among: pairs, seen: &keys),
                          let value = node()
                    else { return nil }
                    pairs.append(YAMLNode.Pair(key: key, value: value))
                }
                return YAMLNode(.mapping(pairs), at: location(event))
            default:
                // An alias, or an event out of place.
                return nil
            }
        }
    }
}
