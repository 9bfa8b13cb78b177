import StdKitDiff
import StdKitSyntax

/// Words that several rules' messages share, as message arguments.
extension Message {
    /// The name of an item kind as the shipped schemas give it ("learning outcome"), in the
    /// reader's language; a name of a project's own schema is shown as written.
    static func itemKind(_ name: String) -> Argument {
        let keys = [
            "item": "common.item-kind.item",
            "requirement": "common.item-kind.requirement",
            "work area": "common.item-kind.work-area",
            "work task": "common.item-kind.work-task",
            "skill requirement": "common.item-kind.skill-requirement",
            "learning outcome": "common.item-kind.learning-outcome",
            "teaching unit": "common.item-kind.teaching-unit",
            "training specification": "common.item-kind.training-specification",
            "chapter": "common.item-kind.chapter",
        ]
        return keys[name].map { .message(Message($0)) } ?? .verbatim(name)
    }

    /// A version bump's size: "major", "minor", "patch".
    static func bump(_ bump: Bump) -> Argument {
        switch bump {
        case .none: .message(Message("common.bump.none"))
        case .patch: .message(Message("common.bump.patch"))
        case .minor: .message(Message("common.bump.minor"))
        case .major: .message(Message("common.bump.major"))
        }
    }

    /// The diff's reasons for a bump, the first three, in the reader's language.
    static func reasons(_ reasons: [Message]) -> Argument {
        .messages(Array(reasons.prefix(3)), .semicolon)
    }
}
