import StdKitModel
import StdKitSyntax

/// Every rule stdkit has, in the order of the rule reference.
public enum RuleCatalogue {
    public static let all: [any Rule] = [
        // syntax
        UnreadableFile(), InvalidUTF8(), FrontMatterUnclosed(), FrontMatterInvalid(), DuplicateKey(),
        ResourceLimit(), MalformedAttribute(), ConfigInvalid(), SchemaInvalid(),
        // schema
        MissingField(), UnknownField(), WrongType(), InvalidValue(), MalformedID(), MalformedVersion(),
        UnknownKind(), UnknownParty(),
        // identity
        DuplicateDocumentID(), DuplicateItemID(), IDCaseCollision(),
        // references
        MalformedReference(), UnresolvedReference(),
    ]

    /// The rule with id `id`.
    public static func rule(_ id: String) -> (any Rule)? {
        all.first(where: { $0.description.id == id })
    }
}
