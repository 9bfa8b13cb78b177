import StdKitSyntax

/// A document's recorded approvals and, for each, whether it is current (its digest is the
/// document's content digest now) or stale. Made once per document and read by everything that
/// asks (the approval rules, the site, `stdkit review`), so that staleness has one definition and
/// the digest is computed once.
public struct ApprovalState: Sendable {
    /// One element of the document's `approvals` list.
    public struct Entry: Sendable {
        /// The element as written, for its place and fields.
        public var node: YAMLNode
        /// The element read as an approval; nil when it names no party.
        public var approval: Approval?
        /// Whether the element's digest is the document's content digest now.
        public var isCurrent: Bool
    }

    /// Every element of `approvals`, in order.
    public let entries: [Entry]
    /// The document's content digest now; nil when it records no approval (then it is not
    /// computed: most documents have none).
    public let digest: String?

    public init(_ document: Document) {
        let nodes = document.frontMatter?["approvals"]?.sequence ?? []
        let digest = nodes.isEmpty ? nil : ContentDigest.of(document.text)
        self.digest = digest
        entries = nodes.map { node in
            Entry(node: node, approval: Approval(node), isCurrent: node["digest"]?.scalar == digest)
        }
    }

    /// The approvals that name a party, in order.
    public var approvals: [Approval] { entries.compactMap(\.approval) }

    /// The parties with a current approval.
    public var currentParties: Set<String> {
        Set(entries.compactMap { $0.isCurrent ? $0.approval?.party : nil })
    }

    /// The first approval `party` recorded, and whether it is current.
    public func approval(of party: String) -> (approval: Approval, isCurrent: Bool)? {
        entries.first { $0.approval?.party == party }.flatMap { entry in entry.approval.map { ($0, entry.isCurrent) } }
    }
}
