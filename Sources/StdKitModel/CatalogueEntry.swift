/// One project of a catalogue (`stdkit catalogue`, DESIGN §14.3): what the pilot's view shows of
/// a school's project, and nothing more. A catalogue of 1,000 projects holds 1,000 of these and
/// never more than one project at a time, so its memory is bounded by the largest project
/// rather than by their sum; each entry is a few hundred bytes.
///
/// It is also the element of `catalogue.json` (its coding keys are that file's keys, snake
/// case): a project that could not be read is an entry with `failure` set and nothing else
/// known but its folder.
public struct CatalogueEntry: Sendable, Hashable, Codable {
    /// The programme the project publishes (the one that `implements` an upstream programme,
    /// else the first by path).
    public struct Programme: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        /// `major.code` (专业代码), e.g. `460305`.
        public var majorCode: String?
        /// The reference written in its `implements` field, e.g. `ns:PROG-NS-460305`.
        public var implements: String?

        public init(id: String, title: String, majorCode: String? = nil, implements: String? = nil) {
            self.id = id
            self.title = title
            self.majorCode = majorCode
            self.implements = implements
        }

        enum CodingKeys: String, CodingKey {
            case id, title, implements
            case majorCode = "major_code"
        }
    }

    /// A party of the project, as `stdkit.yml` declares it.
    public struct Party: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        /// `school`, `enterprise`, …
        public var kind: String
        /// 行政区划代码, e.g. `440100`.
        public var region: String?

        public init(id: String, name: String, kind: String, region: String? = nil) {
            self.id = id
            self.name = name
            self.kind = kind
            self.region = region
        }
    }

    /// An upstream standard the project declares (DESIGN §14.1).
    public struct Upstream: Sendable, Hashable, Codable {
        /// The prefix of references into it (`ns`).
        public var id: String
        public var path: String
        /// The upstream tag the project follows (`v2025.1`).
        public var release: String?
        /// The upstream's own name (its stdkit.yml `name`), when its folder is there.
        public var name: String?
        /// Whether its folder is there (false: a submodule not initialised).
        public var present: Bool

        public init(id: String, path: String, release: String? = nil, name: String? = nil, present: Bool) {
            self.id = id
            self.path = path
            self.release = release
            self.name = name
            self.present = present
        }
    }

    /// The check's findings: by severity, and by rule family (`upstream` is the conformance to
    /// the national standard; a finding of a rule the catalogue does not know counts as `other`).
    public struct Findings: Sendable, Hashable, Codable {
        public var errors = 0
        public var warnings = 0
        public var notes = 0
        /// Findings of every severity by family; families without findings are absent.
        public var byFamily: [String: Int] = [:]

        public var total: Int { errors + warnings + notes }

        public init(errors: Int = 0, warnings: Int = 0, notes: Int = 0, byFamily: [String: Int] = [:]) {
            self.errors = errors
            self.warnings = warnings
            self.notes = notes
            self.byFamily = byFamily
        }

        enum CodingKeys: String, CodingKey {
            case errors, warnings, notes
            case byFamily = "by_family"
        }
    }

    /// Requirements and specifications covered by some course outcome, of all of them (the
    /// traceability matrix's count, as the project's own site shows it).
    public struct Coverage: Sendable, Hashable, Codable {
        public var covered: Int
        public var total: Int

        /// The share covered, 1 when there is nothing to cover (as `TraceMatrix.coverage`).
        public var share: Double { total == 0 ? 1 : Double(covered) / Double(total) }

        public init(covered: Int, total: Int) {
            self.covered = covered
            self.total = total
        }
    }

    /// The programme's course table as counted (`CourseTable`: an elective group by its
    /// `choose_credits`): totals and the shares the arithmetic rules check.
    public struct Hours: Sendable, Hashable, Codable {
        public var total: Int
        public var practice: Int
        public var credits: Double
        /// Shares of the total, nil when the total is 0.
        public var practiceShare: Double?
        public var publicBasicShare: Double?
        public var electiveShare: Double?

        public init(total: Int, practice: Int, credits: Double, practiceShare: Double?, publicBasicShare: Double?, electiveShare: Double?) {
            self.total = total
            self.practice = practice
            self.credits = credits
            self.practiceShare = practiceShare
            self.publicBasicShare = publicBasicShare
            self.electiveShare = electiveShare
        }

        enum CodingKeys: String, CodingKey {
            case total, practice, credits
            case practiceShare = "practice_share"
            case publicBasicShare = "public_basic_share"
            case electiveShare = "elective_share"
        }
    }

    /// Why a project is in the catalogue without its figures.
    public enum Failure: String, Sendable, Hashable, Codable {
        /// The folder does not exist.
        case missingFolder = "missing-folder"
        /// The path is a file, not a folder.
        case notAFolder = "not-a-folder"
        /// The folder has no stdkit.yml.
        case notAProject = "not-a-project"
        /// Reading it failed (the installation is broken: its schemas are missing).
        case unreadable
    }

    /// The folder as it was given (on the command line or in the list file).
    public var folder: String
    /// The project's `name`, else its folder's name.
    public var name: String
    /// The project's `lang`.
    public var lang: String
    /// The first school party's name, else the project's name.
    public var school: String
    /// The school's region: the first `school` party's `region`, else any party's.
    public var region: String?
    /// `pilot.batch` and `pilot.level` of stdkit.yml.
    public var batch: Int?
    public var level: String?
    public var parties: [Party]
    public var programme: Programme?
    public var upstreams: [Upstream]
    public var findings: Findings
    public var coverage: Coverage
    /// Nil when the project has no programme with a course table.
    public var hours: Hours?
    public var documents: Int
    /// Set when the project could not be read; then only `folder` and `name` mean anything.
    public var failure: Failure?
    /// The failure in words (English, with the path), for logs.
    public var failureDetail: String?

    /// The province-level code: the first two digits of the region (`44` for `440100`).
    public var province: String? {
        guard let region, region.count >= 2, region.prefix(2).allSatisfy(\.isASCII), region.prefix(2).allSatisfy(\.isNumber) else { return nil }
        return String(region.prefix(2))
    }

    public init(folder: String, name: String, lang: String = "zh-CN", school: String? = nil, region: String? = nil, batch: Int? = nil,
                level: String? = nil, parties: [Party] = [], programme: Programme? = nil, upstreams: [Upstream] = [],
                findings: Findings = Findings(), coverage: Coverage = Coverage(covered: 0, total: 0), hours: Hours? = nil,
                documents: Int = 0, failure: Failure? = nil, failureDetail: String? = nil) {
        self.folder = folder
        self.name = name
        self.lang = lang
        self.school = school ?? name
        self.region = region
        self.batch = batch
        self.level = level
        self.parties = parties
        self.programme = programme
        self.upstreams = upstreams
        self.findings = findings
        self.coverage = coverage
        self.hours = hours
        self.documents = documents
        self.failure = failure
        self.failureDetail = failureDetail
    }

    /// A project that could not be read.
    public static func failed(folder: String, name: String, _ failure: Failure, detail: String) -> CatalogueEntry {
        CatalogueEntry(folder: folder, name: name, failure: failure, failureDetail: detail)
    }

    enum CodingKeys: String, CodingKey {
        case folder, name, lang, school, region, batch, level, parties, programme, upstreams, findings, coverage, hours, documents, failure
        case failureDetail = "failure_detail"
    }
}
