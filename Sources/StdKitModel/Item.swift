import StdKitSyntax

/// An identified statement of a document: a requirement `R2`, a learning outcome `LO1`, a unit.
///
/// A value, held in one shared box until it is changed (copy on write), as `Document` is: rules
/// look items up (`Document.item(_:)`), filter and collect them, and each copy of nine fields
/// retained six references — 4 % of a check of 10,000 documents went to copying items.
public struct Item: Sendable, Hashable {
    private final class Storage: @unchecked Sendable {
        // Safe: a box is changed only through an `Item` that holds the only reference to it
        // (`mutable`); a shared box is copied first.
        var id: String
        var fullID: String
        var location: SourceLocation
        var host: ItemSyntax.Host
        var text: String
        var attributes: [AttributeSyntax]
        var references: [Reference]
        var parentID: String?
        var lines: ClosedRange<Int>

        init(id: String, fullID: String, location: SourceLocation, host: ItemSyntax.Host, text: String,
             attributes: [AttributeSyntax], references: [Reference], parentID: String?, lines: ClosedRange<Int>) {
            self.id = id
            self.fullID = fullID
            self.location = location
            self.host = host
            self.text = text
            self.attributes = attributes
            self.references = references
            self.parentID = parentID
            self.lines = lines
        }

        func copy() -> Storage {
            Storage(id: id, fullID: fullID, location: location, host: host, text: text, attributes: attributes,
                    references: references, parentID: parentID, lines: lines)
        }
    }

    private var storage: Storage

    /// The box, copied first if another item shares it. Changes go through `_modify`, in place:
    /// `item.references[i].resolution = r` must not copy the array of references.
    private var mutable: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    public var id: String {
        get { storage.id }
        _modify { yield &mutable.id }
    }
    /// `DOC#ITEM`.
    public var fullID: String {
        get { storage.fullID }
        _modify { yield &mutable.fullID }
    }
    public var location: SourceLocation {
        get { storage.location }
        _modify { yield &mutable.location }
    }
    public var host: ItemSyntax.Host {
        get { storage.host }
        _modify { yield &mutable.host }
    }
    /// The statement: text after the id up to the reference arrow, attributes removed.
    public var text: String {
        get { storage.text }
        _modify { yield &mutable.text }
    }
    public var attributes: [AttributeSyntax] {
        get { storage.attributes }
        _modify { yield &mutable.attributes }
    }
    public var references: [Reference] {
        get { storage.references }
        _modify { yield &mutable.references }
    }
    public var parentID: String? {
        get { storage.parentID }
        _modify { yield &mutable.parentID }
    }
    public var lines: ClosedRange<Int> {
        get { storage.lines }
        _modify { yield &mutable.lines }
    }

    public init(syntax: ItemSyntax, documentID: String) {
        storage = Storage(
            id: syntax.id, fullID: "\(documentID)#\(syntax.id)", location: syntax.location, host: syntax.host,
            text: syntax.statement, attributes: syntax.attributes,
            references: syntax.references.map { Reference(syntax: $0, origin: .item(syntax.id)) },
            parentID: syntax.parentID, lines: syntax.lines)
    }

    /// The value of attribute `key`, if written.
    public func attribute(_ key: String) -> String? {
        attributes.first(where: { $0.key == key })?.value
    }

    // Equal and hashed by value, field by field in their order, as the synthesized conformance
    // of the struct of fields it was: the box is not part of the value.
    public static func == (lhs: Item, rhs: Item) -> Bool {
        if lhs.storage === rhs.storage { return true }
        let (a, b) = (lhs.storage, rhs.storage)
        return a.id == b.id && a.fullID == b.fullID && a.location == b.location && a.host == b.host && a.text == b.text
            && a.attributes == b.attributes && a.references == b.references && a.parentID == b.parentID && a.lines == b.lines
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.id)
        hasher.combine(storage.fullID)
        hasher.combine(storage.location)
        hasher.combine(storage.host)
        hasher.combine(storage.text)
        hasher.combine(storage.attributes)
        hasher.combine(storage.references)
        hasher.combine(storage.parentID)
        hasher.combine(storage.lines)
    }
}
