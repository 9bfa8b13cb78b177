import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import StdKitSyntax

/// Streams one XML part of a package as start, text and end events with names and attributes
/// resolved to their namespaces, so that readers match `w:p` whatever prefix a writer chose
/// (Word writes `w:`, others may not), and a part that is not well formed is one `DocxError`.
struct OfficeXML {
    /// The namespaces this package reader knows, transitional (ECMA-376) and strict (ISO 29500).
    enum Namespace {
        static let word: Set<String> = ["http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                        "http://purl.oclc.org/ooxml/wordprocessingml/main"]
        static let relationships: Set<String> = ["http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                                                 "http://purl.oclc.org/ooxml/officeDocument/relationships"]
        static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    }

    /// An element's attributes by namespace and local name.
    struct Attributes {
        var values: [(namespace: String?, name: String, value: String)]

        /// The value of the attribute `name` in one of `namespaces` (a prefixed attribute), or
        /// with no namespace when `namespaces` is empty.
        func value(_ name: String, in namespaces: Set<String> = Namespace.word) -> String? {
            values.first { $0.name == name && (namespaces.isEmpty ? $0.namespace == nil : $0.namespace.map(namespaces.contains) ?? false) }?.value
        }

        /// The value of `name` in any namespace or none: for attributes that writers qualify
        /// inconsistently.
        func any(_ name: String) -> String? {
            values.first { $0.name == name }?.value
        }
    }

    enum Event {
        case start(name: String, namespace: String?, attributes: Attributes)
        case end(name: String, namespace: String?)
        case text(String)
    }

    /// Calls `handle` with each event of `data`, the part named `part` of `file`.
    static func read(_ data: Data, part: String, file: String, _ handle: @escaping (Event) -> Void) throws(DocxError) {
        // No part of a package has a document type declaration. Refusing one outright keeps out
        // entity expansion (a "billion laughs") and external entities whatever the XML parser
        // below would do with them.
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw DocxError(file: file, .docxBadXML(part, line: 1, reason: "a document type declaration, which Word files never have"))
        }
        let delegate = Delegate(handle: handle)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = true
        // No external entities or DTDs: a package's parts never need them, and resolving them
        // is how an XML bomb or a file read gets in.
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let finished = parser.parse()
        if !finished || parser.parserError != nil || delegate.entityDeclared {
            let reason = delegate.entityDeclared ? "entity declarations are not allowed"
                : (parser.parserError as NSError?).map { "XML error \($0.code)" } ?? "unreadable"
            throw DocxError(file: file, .docxBadXML(part, line: parser.lineNumber, reason: reason))
        }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let handle: (Event) -> Void
        var prefixes: [String: [String]] = [:]
        var entityDeclared = false

        init(handle: @escaping (Event) -> Void) {
            self.handle = handle
        }

        func parser(_ parser: XMLParser, didStartMappingPrefix prefix: String, toURI namespaceURI: String) {
            prefixes[prefix, default: []].append(namespaceURI)
        }

        func parser(_ parser: XMLParser, didEndMappingPrefix prefix: String) {
            prefixes[prefix]?.removeLast()
        }

        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            entityDeclared = true
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
            entityDeclared = true
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let attributes = attributeDict.map { key, value -> (namespace: String?, name: String, value: String) in
                guard let colon = key.firstIndex(of: ":") else { return (nil, key, value) }
                let prefix = String(key[..<colon])
                let namespace = prefix == "xml" ? "http://www.w3.org/XML/1998/namespace" : prefixes[prefix]?.last
                return (namespace, String(key[key.index(after: colon)...]), value)
            }
            handle(.start(name: Self.local(elementName), namespace: namespaceURI, attributes: Attributes(values: attributes)))
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            handle(.end(name: Self.local(elementName), namespace: namespaceURI))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            handle(.text(string))
        }

        static func local(_ name: String) -> String {
            name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
        }
    }
}
