import StdKitModel
import StdKitSyntax

/// Every rule stdkit has, in the order of the rule reference.
public enum RuleCatalogue {
    public static let all: [any Rule] = [
        // syntax
        UnreadableFile(), BinaryFile(), SymbolicLink(), InvalidUTF8(), FrontMatterUnclosed(), FrontMatterInvalid(), DuplicateKey(),
        ResourceLimit(), MarkdownFlattened(), MalformedAttribute(), ConfigInvalid(), SchemaInvalid(),
        // schema
        MissingField(), UnknownField(), WrongType(), InvalidValue(), MalformedID(), MalformedVersion(),
        UnknownKind(), UnknownParty(),
        // identity
        DuplicateDocumentID(), DuplicateItemID(), IDCaseCollision(),
        // references
        MalformedReference(), UnresolvedReference(), WithdrawnReference(), PrerequisiteCycle(), WrongTargetKind(), VersionPinMismatch(),
        PrerequisiteSemester(),
        // coverage
        UncoveredRequirement(), UnservedSpecification(), OutcomeCoversNothing(), CourseNotInProgramme(), MaterialSupportsNothing(),
        // structure
        MissingSection(), SectionOrder(), EmptySection(), DuplicateHeading(), SkippedHeadingLevel(), BrokenLink(),
        // programme arithmetic
        TotalHoursMismatch(), TotalCreditsMismatch(), CourseEntryMismatch(), UnitHoursMismatch(), MinimumTotalHours(),
        PracticeShare(), PublicBasicShare(), ElectiveShare(), CoreCourseCount(), HoursPerCredit(),
        // the timetable (issue 21)
        WeeklyLoad(), PracticeWeeks(), InternshipPlacement(),
        // review
        VersionNotBumped(), VersionBumpTooSmall(), ApprovalMissing(), ApprovalStale(), ApprovalUnknownParty(), SuspectLink(), UnreviewedLink(), LinkLockInvalid(),
    ]

    /// The rule with id `id`.
    public static func rule(_ id: String) -> (any Rule)? {
        all.first(where: { $0.description.id == id })
    }
}
