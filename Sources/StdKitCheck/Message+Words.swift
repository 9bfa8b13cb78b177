import StdKitDiff
import StdKitSyntax

/// Words that several rules' messages share, as message arguments.
extension Message {
    /// The name of an item kind as the shipped schemas give it ("learning outcome"), in the
    /// reader's language; a name of a project's own schema is shown as written.
    static func itemKind(_ name: String) -> Argument {
        itemKindKeys[name].map { .message(Message($0)) } ?? .verbatim(name)
    }

    /// Made once: a dictionary made on every call was 1.3 % of a check of 10,000 documents
    /// (`uncovered-requirement` names the kind of every item it looks at).
    private static let itemKindKeys = [
        "item": "common.item-kind.item",
        "requirement": "common.item-kind.requirement",
        "work area": "common.item-kind.work-area",
        "work task": "common.item-kind.work-task",
        "skill requirement": "common.item-kind.skill-requirement",
        "learning outcome": "common.item-kind.learning-outcome",
        "teaching unit": "common.item-kind.teaching-unit",
        "training specification": "common.item-kind.training-specification",
        "chapter": "common.item-kind.chapter",
        "mentor": "common.item-kind.mentor",
        "rotation post": "common.item-kind.rotation-post",
        "training module": "common.item-kind.training-module",
    ]

    /// A document kind the tool ships, in the reader's language: `course` in English (the id a
    /// reader writes), 课程标准 in Chinese, as the site names it; a project's own kind is its id,
    /// quoted in Chinese text (“lesson-plan”).
    public static func documentKind(_ kind: String) -> Argument {
        .message(documentKindKeys[kind].map { Message($0) } ?? Message("common.kind.other", ["kind": .verbatim(kind)]))
    }

    /// Made once, as `itemKindKeys`.
    private static let documentKindKeys = [
        "job-profile": "common.kind.job-profile",
        "programme": "common.kind.programme",
        "course": "common.kind.course",
        "material": "common.kind.material",
        "certificate": "common.kind.certificate",
        "page": "common.kind.page",
        "apprenticeship": "common.kind.apprenticeship",
        "training": "common.kind.training",
        "facility": "common.kind.facility",
    ]

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
