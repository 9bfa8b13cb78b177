import StdKitModel
import StdKitSyntax

/// Every rule stdkit has, in the order of the rule reference.
public enum RuleCatalogue {
    public static let all: [any Rule] = [
        // syntax
        UnreadableFile(), BinaryFile(), SymbolicLink(), InvalidUTF8(), FrontMatterUnclosed(), FrontMatterInvalid(), DuplicateKey(),
        ResourceLimit(), MarkdownFlattened(), MalformedAttribute(), ConfigInvalid(), SchemaInvalid(),
        // schema
        MissingField(), UnknownField(), WrongType(), InvalidValue(), MalformedID(), MalformedVersion(), CodeForm(),
        UnknownKind(), UnknownParty(),
        // identity
        DuplicateDocumentID(), DuplicateItemID(), IDCaseCollision(),
        // references
        MalformedReference(), UnresolvedReference(), WithdrawnReference(), PrerequisiteCycle(), WrongTargetKind(), VersionPinMismatch(),
        PrerequisiteSemester(),
        // coverage
        UncoveredRequirement(), LevelBelowRequirement(), RequirementWithoutTask(), TaskWithoutRequirement(), UnservedSpecification(),
        OutcomeCoversNothing(), CourseNotInProgramme(), MaterialSupportsNothing(), ElectiveOnlyCoverage(),
        // structure
        MissingSection(), SectionOrder(), EmptySection(), DuplicateHeading(), SkippedHeadingLevel(), BrokenLink(),
        // programme arithmetic
        TotalHoursMismatch(), TotalCreditsMismatch(), CourseEntryMismatch(), UnitHoursMismatch(), MinimumTotalHours(),
        PracticeShare(), PublicBasicShare(), ElectiveShare(), CoreCourseCount(), HoursPerCredit(),
        // what a provincial reviewer checks (DESIGN §13.4): required courses, electives, the timetable
        ElectiveGroup(), RequiredCourses(), WeeklyLoad(), PracticeWeeks(), InternshipPlacement(),
        // cooperation (DESIGN §13.4)
        UnworkableSchedule(), EnterpriseShare(), MentorCount(), AssessmentShares(), RotationPostTarget(),
        TrainingHoursMismatch(), ModuleCoversNoRequirement(), FacilityCapacity(),
        // not below the upstream standard (DESIGN §14)
        UpstreamMissing(), UpstreamRelease(), UpstreamCoreCourse(), UpstreamHours(), UpstreamSpecification(), UpstreamProfileEdited(),
        // review
        VersionNotBumped(), VersionBumpTooSmall(), ApprovalMissing(), ApprovalStale(), ApprovalUnknownParty(), SuspectLink(), UnreviewedLink(), LinkLockInvalid(),
    ]

    /// The rule with id `id`.
    public static func rule(_ id: String) -> (any Rule)? {
        all.first(where: { $0.description.id == id })
    }
}
