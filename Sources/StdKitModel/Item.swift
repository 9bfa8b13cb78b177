import StdKitSyntax

/// An identified statement of a document: a requirement `R2`, a learning outcome `LO1`, a unit.
public struct Item: Sendable, Hashable {
    public var id: String
    /// `DOC#ITEM`.
    public var fullID: String
    public var location: SourceLocation
    public var host: ItemSyntax.Host
    /// The statement: text after the id up to the reference arrow, attributes removed.
    public var text: String
    public var attributes: [AttributeSyntax]
    public var references: [Reference]
    public var parentID: String?
    public var lines: ClosedRange<Int>

    public init(syntax: ItemSyntax, documentID: String) {
        id = syntax.id
        fullID = "\(documentID)#\(syntax.id)"
        location = syntax.location
        host = syntax.host
        text = syntax.statement
        attributes = syntax.attributes
        references = syntax.references.map { Reference(syntax: $0, origin: .item(syntax.id)) }
        parentID = syntax.parentID
        lines = syntax.lines
    }

    /// The value of attribute `key`, if written.
    public func attribute(_ key: String) -> String? {
        attributes.first(where: { $0.key == key })?.value
    }
}
