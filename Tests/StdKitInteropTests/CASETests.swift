import Foundation
import Testing
import StdKitCheck
import StdKitModel
import StdKitSyntax
@testable import StdKitInterop

@Suite("CASE export and import")
struct CASETests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().standardizedFileURL
    static let corpora = repository.appendingPathComponent("../shared/corpora").standardizedFileURL
    static let caseCorpus = corpora.appendingPathComponent("case")
    static let flagship = repository.appendingPathComponent("standards")

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func export(_ project: Project) -> [(id: String, package: CASE.Package)] {
        CASEExport(project: project, lastChange: [:], defaultChange: "2026-11-29T08:00:00+08:00").packages()
    }

    /// A Python interpreter that has the `jsonschema` module (Debian's python3-jsonschema, which
    /// `make test` installs), or nil.
    static func pythonWithJSONSchema() -> String? {
        for candidate in ["/usr/bin/python3", "/usr/local/bin/python3", "python3"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [candidate, "-c", "import jsonschema"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { continue }
            process.waitUntilExit()
            if process.terminationStatus == 0 { return candidate }
        }
        return nil
    }

    /// Validates every package file in `folder` against the CASE 1.0 package schema and the CASE
    /// 1.1 CFDocument, CFItem and CFAssociation schemas of ../shared/corpora/case/schema, with the
    /// `uri`, `uuid` and `date-time` formats checked by rules of the script's own (the
    /// validator's optional format checkers may be missing). Returns the script's output and
    /// exit status.
    static func validate(folder: URL) throws -> (output: String, status: Int32) {
        let python = try #require(pythonWithJSONSchema(), "no python3 with jsonschema: install Debian's python3-jsonschema (make test does)")
        let script = """
            import glob, json, re, sys
            from jsonschema import Draft7Validator, FormatChecker
            schemas = sys.argv[1]
            checker = FormatChecker(formats=())
            @checker.checks("uri")
            def uri(value): return isinstance(value, str) and re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+$", value) is not None
            @checker.checks("date-time")
            def date_time(value): return isinstance(value, str) and re.match(r"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)$", value) is not None
            @checker.checks("uuid")
            def uuid(value): return isinstance(value, str) and re.match(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", value) is not None
            def load(name): return Draft7Validator(json.load(open(f"{schemas}/{name}")), format_checker=checker)
            package = load("case-v1p0-cfpackage-schema.json")
            document, item, association = load("case-v1p1-cfdocument.json"), load("case-v1p1-cfitem.json"), load("case-v1p1-cfassociation.json")
            errors = files = objects = 0
            for path in sorted(glob.glob(sys.argv[2] + "/*.json")):
                data = json.load(open(path))
                files += 1
                checks = [(package, data), (document, data["CFDocument"])]
                checks += [(item, i) for i in data.get("CFItems", [])] + [(association, a) for a in data.get("CFAssociations", [])]
                for validator, instance in checks:
                    objects += 1
                    for error in validator.iter_errors(instance):
                        errors += 1
                        print(path, list(error.absolute_path), error.message[:300])
            print(f"{files} files, {objects} objects, {errors} errors")
            sys.exit(1 if errors or not files else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-c", script, caseCorpus.appendingPathComponent("schema").path, folder.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (output, process.terminationStatus)
    }

    @Test func theFlagshipsPackagesValidateAgainstTheCASESchemas() async throws {
        guard FileManager.default.fileExists(atPath: Self.caseCorpus.path) else {
            print("skipped: ../shared/corpora/case is absent")
            return
        }
        let project = try await ProjectLoader.load(root: Self.flagship)
        let packages = Self.export(project)
        #expect(packages.count == project.documents.filter { !$0.isPage && $0.id != nil && !CASEExport.excludedKinds.contains($0.kind) }.count)
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (id, package) in packages {
            try Data(JSONOutput.encode(package).utf8).write(to: folder.appendingPathComponent(id + ".json"))
        }
        let (output, status) = try Self.validate(folder: folder)
        #expect(status == 0, "\(output)")
        #expect(output.contains("\(packages.count) files"), "\(output)")
        // The validator does reject what breaks the schemas.
        var broken = packages[0].package
        broken.CFItems?[0].uri = "not a uri"
        broken.CFDocument.identifier = "COURSE-PLC"
        try Data(JSONOutput.encode(broken).utf8).write(to: folder.appendingPathComponent("broken.json"))
        let rejected = try Self.validate(folder: folder)
        #expect(rejected.status == 1 && rejected.output.contains("'not a uri' is not a 'uri'") && rejected.output.contains("does not match"), "\(rejected.output)")
    }

    /// The kinds of cooperation (examples/cooperation): a training's modules and an
    /// apprenticeship's posts are items of their own type, a module's link to a requirement is
    /// `covers` and to a course unit `reuses`; mentors and facilities are left out.
    @Test func cooperationKindsExportWhereCASEHasATypeForThem() async throws {
        let project = try await ProjectLoader.load(root: Self.repository.appendingPathComponent("examples/cooperation"))
        let packages = Dictionary(uniqueKeysWithValues: Self.export(project).map { ($0.id, $0.package) })
        #expect(packages.keys.sorted() == ["APP-PACK-2026", "COURSE-COMMISSIONING", "COURSE-PLC-MOTION", "COURSE-SERVO-DRIVES",
                                           "JOB-COMMISSIONING-TECH", "PROG-PACK-MECHATRONICS", "TRN-SERVO-UPSKILL"])
        let training = try #require(packages["TRN-SERVO-UPSKILL"])
        #expect(training.CFItems?.map(\.humanCodingScheme) == ["TM1", "TM2", "TM3"])
        #expect(Set(training.CFItems?.compactMap(\.CFItemType) ?? []) == ["Training module"])
        let export = CASEExport(project: project, lastChange: [:], defaultChange: "")
        let tm1 = export.uuid("TRN-SERVO-UPSKILL#TM1")
        let fromTM1 = (training.CFAssociations ?? []).filter { $0.originNodeURI.identifier == tm1 && $0.associationType == "isRelatedTo" }
        #expect(fromTM1.map(\.destinationNodeURI.identifier) == [export.uuid("JOB-COMMISSIONING-TECH#R3"), export.uuid("COURSE-SERVO-DRIVES#U2")])
        #expect(fromTM1.map { $0.extensions?.stdkit?.relation } == ["covers", "reuses"])
        let apprenticeship = try #require(packages["APP-PACK-2026"])
        #expect(apprenticeship.CFItems?.map(\.humanCodingScheme) == ["P1", "P2", "P3"], "mentors are people, not exported")
        #expect(Set(apprenticeship.CFItems?.compactMap(\.CFItemType) ?? []) == ["Rotation post"])
        let p1 = export.uuid("APP-PACK-2026#P1")
        let fromP1 = (apprenticeship.CFAssociations ?? []).filter { $0.originNodeURI.identifier == p1 && $0.associationType == "isRelatedTo" }
        #expect(fromP1.map(\.destinationNodeURI.identifier) == [export.uuid("JOB-COMMISSIONING-TECH#T1")])
        #expect(fromP1.map { $0.extensions?.stdkit?.relation } == ["references"])
        // The packages meet CASE's schemas as the older kinds' do.
        guard FileManager.default.fileExists(atPath: Self.caseCorpus.path) else { return }
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (id, package) in packages { try Data(JSONOutput.encode(package).utf8).write(to: folder.appendingPathComponent(id + ".json")) }
        let (output, status) = try Self.validate(folder: folder)
        #expect(status == 0 && output.contains("7 files"), "\(output)")
    }

    @Test func theSameProjectGivesTheSameIdentifiersAndLinksMeetAcrossPackages() async throws {
        let project = try await ProjectLoader.load(root: Self.flagship)
        let first = Self.export(project)
        let second = Self.export(try await ProjectLoader.load(root: Self.flagship))
        #expect(first.map(\.package) == second.map(\.package))
        var identifiers: [String: String] = [:]
        for (_, package) in first {
            for uuid in [package.CFDocument.uuid] + (package.CFItems ?? []).map(\.uuid) + (package.CFAssociations ?? []).map(\.uuid) {
                #expect(identifiers.updateValue(package.CFDocument.title, forKey: uuid) == nil, "\(uuid) is used twice")
                #expect(uuid.range(of: "^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", options: .regularExpression) != nil, "a version-5 UUID: \(uuid)")
            }
        }
        // Every outcome covering a requirement: an isRelatedTo association whose destination is
        // the requirement's CFItem in the job profile's own package.
        let itemsByCode = Dictionary(first.flatMap { id, package in (package.CFItems ?? []).map { ("\(id)#\($0.humanCodingScheme ?? "")", $0.uuid) } },
                                     uniquingKeysWith: { a, _ in a })
        var coverage = 0
        for document in project.documents {
            guard let id = document.id, let schema = project.schemas.schema(for: document.kind) else { continue }
            // A facility has no CASE type and so no package (docs/interop.md).
            guard let package = first.first(where: { $0.id == id })?.package else {
                #expect(document.kind == "facility", "\(id) has no package")
                continue
            }
            for item in document.items where schema.itemKind(of: item.id)?.coverage == true {
                for reference in item.references {
                    guard case .item(let targetDocument, let targetItem) = reference.resolution else { continue }
                    coverage += 1
                    // A training module that names a course unit reuses it rather than covers it.
                    let relation = document.kind == "training" && project.document(targetDocument)?.kind == "course" ? "reuses" : "covers"
                    let found = (package.CFAssociations ?? []).contains { association in
                        association.associationType == "isRelatedTo" && association.extensions?.stdkit?.relation == relation
                            && association.originNodeURI.identifier == itemsByCode["\(id)#\(item.id)"]
                            && association.destinationNodeURI.identifier == itemsByCode["\(targetDocument)#\(targetItem)"]
                    }
                    #expect(found, "\(id)#\(item.id) covers \(targetDocument)#\(targetItem)")
                }
            }
        }
        #expect(coverage > 50, "the flagship has its coverage links: \(coverage)")
    }

    /// Export → import → export gives the same package, but for what an import sets anew: the
    /// status (an import is a draft), the path and the change date.
    @Test(arguments: ["JOB-WELD-ROBOT", "CERT-ROBOT-OM"])
    func exportImportExportIsStable(id: String) async throws {
        let project = try await ProjectLoader.load(root: Self.flagship)
        let original = try #require(Self.export(project).first(where: { $0.id == id })?.package)
        let document = try #require(project.document(id))
        let template = DocumentTemplate(schema: try #require(project.schemas.schema(for: document.kind)), config: project.config)
        let imported = CASEImport(template: template).document(from: original)
        #expect(imported.id == id)
        #expect(imported.misread(schemas: project.schemas).isEmpty)
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.flagship.appendingPathComponent("stdkit.yml"), to: folder.appendingPathComponent("stdkit.yml"))
        try imported.text.write(to: folder.appendingPathComponent("imported.md"), atomically: true, encoding: .utf8)
        let again = try #require(Self.export(try await ProjectLoader.load(root: folder)).first?.package)
        func normalized(_ package: CASE.Package) -> CASE.Package {
            var copy = package
            copy.CFDocument.adoptionStatus = nil
            copy.CFDocument.extensions?.stdkit?.path = nil
            return copy
        }
        #expect(normalized(again).CFDocument == normalized(original).CFDocument)
        #expect(again.CFItems == original.CFItems)
        #expect(again.CFAssociations == original.CFAssociations)
        #expect(again.CFDefinitions == original.CFDefinitions)
    }

    /// The OpenSALT sample framework: every item, in the hierarchy its isChildOf associations
    /// give — read from the JSON here, not through the importer — and a document the check
    /// accepts.
    @Test func theOpenSALTSampleBecomesAJobProfileWithItsHierarchy() async throws {
        guard FileManager.default.fileExists(atPath: Self.caseCorpus.path) else {
            print("skipped: ../shared/corpora/case is absent")
            return
        }
        let data = try Data(contentsOf: Self.caseCorpus.appendingPathComponent("opensalt-sample-framework.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require(json["CFItems"] as? [[String: Any]])
        var codeOf: [String: String] = [:]
        var statementOf: [String: String] = [:]
        for item in items {
            let code = try #require(item["humanCodingScheme"] as? String)
            codeOf[try #require(item["identifier"] as? String)] = code
            statementOf[code] = item["fullStatement"] as? String
        }
        var parentCode: [String: String] = [:]
        for association in try #require(json["CFAssociations"] as? [[String: Any]]) where association["associationType"] as? String == "isChildOf" {
            let child = ((association["originNodeURI"] as? [String: Any])?["identifier"] as? String).flatMap { codeOf[$0] }
            let parent = ((association["destinationNodeURI"] as? [String: Any])?["identifier"] as? String).flatMap { codeOf[$0] }
            if let child, let parent { parentCode[child] = parent }
        }

        let (root, project) = try await Self.importedProject(file: "opensalt-sample-framework.json")
        defer { try? FileManager.default.removeItem(at: root) }
        let document = try #require(project.documents.first(where: { $0.kind == "job-profile" && $0.id != "JOB-EXAMPLE" }))
        #expect(document.title == "What Standards Could Be")
        #expect(document.items.count == items.count)
        for item in document.items {
            let code = try #require(item.attribute("code"))
            #expect(item.text == statementOf[code], "\(code)")
            #expect(item.parentID.flatMap { document.item($0)?.attribute("code") } == parentCode[code], "\(code)'s parent")
        }
        let errors = Checker().check(project).diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message.english))")
    }

    @Test(arguments: ["AdoptedTestFramework", "ItemTypeTestFramework", "MarkdownFramework", "Ordering", "SequenceNumberFramework", "SmartLevelFramework"])
    func openSALTsTestPackagesImport(name: String) async throws {
        guard FileManager.default.fileExists(atPath: Self.caseCorpus.path) else {
            print("skipped: ../shared/corpora/case is absent")
            return
        }
        let (root, project) = try await Self.importedProject(file: "opensalt-tests/\(name).json")
        defer { try? FileManager.default.removeItem(at: root) }
        let data = try Data(contentsOf: Self.caseCorpus.appendingPathComponent("opensalt-tests/\(name).json"))
        let package = try #require(try CASEImport.packages(in: data).first)
        let document = try #require(project.documents.first(where: { $0.path.hasPrefix("imported/") }))
        #expect(document.items.count == package.CFItems?.count)
        let errors = Checker().check(project).diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.file):\($0.location.line) \($0.message.english)" })")
        // Children in sequenceNumber order where the package gives one.
        for association in package.CFAssociations ?? [] where association.associationType == "isChildOf" && association.sequenceNumber != nil {
            let siblings = (package.CFAssociations ?? []).filter {
                $0.associationType == "isChildOf" && $0.destinationNodeURI.identifier == association.destinationNodeURI.identifier
            }.sorted { ($0.sequenceNumber?.value ?? .max) < ($1.sequenceNumber?.value ?? .max) }
            let statements = siblings.compactMap { sibling in package.CFItems?.first(where: { $0.uuid == sibling.originNodeURI.identifier })?.fullStatement }
            let order = statements.compactMap { statement in document.items.firstIndex(where: { $0.text == ItemNode.collapsedLines(statement) }) }
            #expect(order == order.sorted(), "\(name): siblings in sequence order")
        }
    }

    @Test func aCodeGivenTwiceIsAnIdOnce() throws {
        let json = """
            {"CFDocument": {"identifier": "d0000000-0000-0000-0000-000000000001", "title": "Twice", "creator": "X"},
             "CFItems": [{"identifier": "00000000-0000-0000-0000-00000000000a", "fullStatement": "first", "humanCodingScheme": "R1"},
                         {"identifier": "00000000-0000-0000-0000-00000000000b", "fullStatement": "second", "humanCodingScheme": "R1"},
                         {"identifier": "00000000-0000-0000-0000-00000000000c", "fullStatement": "third", "humanCodingScheme": "R2"}]}
            """
        let (template, schemas) = try SpreadsheetImportTests.template(lang: "en")
        let package = try #require(try CASEImport.packages(in: Data(json.utf8)).first)
        let document = CASEImport(template: template).document(from: package)
        #expect(document.items.map(\.id) == ["R1", "R3", "R2"], "the second R1 gets the next free number: \(document.items.map(\.id))")
        let parsed = ProjectLoader.document(path: "a.md", bytes: Array(document.text.utf8), schemas: schemas)
        #expect(Set(parsed.items.map(\.id)).count == 3, "no id twice")
        #expect(parsed.items.first(where: { $0.text == "second" })?.attribute("code") == "R1")
    }

    /// A package of `count` items, each the child of the one before; the last `loop` items also
    /// make a loop (the first of them the child of the last).
    static func chain(_ count: Int, loop: Int = 0) -> Data {
        func uuid(_ n: Int) -> String { String(format: "00000000-0000-0000-0000-%012d", n) }
        let document = "d0000000-0000-0000-0000-000000000001"
        var items: [[String: Any]] = []
        var associations: [[String: Any]] = []
        for n in 1...count {
            items.append(["identifier": uuid(n), "fullStatement": "item \(n)"])
            let parent = n == 1 ? document : uuid(n - 1)
            associations.append(["associationType": "isChildOf", "originNodeURI": ["title": "", "identifier": uuid(n), "uri": uuid(n)],
                                 "destinationNodeURI": ["title": "", "identifier": parent, "uri": parent]])
        }
        if loop > 0 {
            for n in (count + 1)...(count + loop) {
                items.append(["identifier": uuid(n), "fullStatement": "looped \(n)"])
                let parent = n == count + 1 ? uuid(count + loop) : uuid(n - 1)
                associations.append(["associationType": "isChildOf", "originNodeURI": ["title": "", "identifier": uuid(n), "uri": uuid(n)],
                                     "destinationNodeURI": ["title": "", "identifier": parent, "uri": parent]])
            }
        }
        let package: [String: Any] = ["CFDocument": ["identifier": document, "title": "Chain", "creator": "X"], "CFItems": items, "CFAssociations": associations]
        return try! JSONSerialization.data(withJSONObject: package)
    }

    @Test func loopsAndDeepHierarchiesKeepEveryItem() throws {
        let (template, schemas) = try SpreadsheetImportTests.template(lang: "en")
        let looped = CASEImport(template: template).document(from: try #require(try CASEImport.packages(in: Self.chain(2, loop: 3)).first))
        #expect(looped.items.count == 5, "no item of a loop is lost: \(looped.items.map(\.id))")
        #expect(looped.notes.contains { $0.contains("is in a loop of isChildOf associations; it is put under the document") })
        let deep = CASEImport(template: template).document(from: try #require(try CASEImport.packages(in: Self.chain(3_000)).first))
        #expect(deep.items.count == 3_000)
        #expect(deep.notes.contains("the hierarchy is deeper than 12 levels: 2987 items below that are listed at level 12"), "\(deep.notes)")
        let parsed = ProjectLoader.document(path: "a.md", bytes: Array(deep.text.utf8), schemas: schemas)
        #expect(parsed.items.count == 3_000 && parsed.diagnostics.isEmpty)
        #expect(parsed.items.map(\.text) == (1...3_000).map { "item \($0)" }, "in order")
    }

    /// A project with the flagship's settings and the import of `file` written under `imported/`.
    static func importedProject(file: String) async throws -> (URL, Project) {
        let root = try temporaryFolder()
        try "name: 导入\nlang: en\nparties:\n  - {id: school, name: A School, kind: school}\n  - {id: acme, name: ACME, kind: enterprise}\n"
            .write(to: root.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        let empty = try await ProjectLoader.load(root: root)
        let template = DocumentTemplate(schema: try #require(empty.schemas.schema(for: "job-profile")), config: empty.config)
        let data = try Data(contentsOf: caseCorpus.appendingPathComponent(file))
        for document in try CASEImport.packages(in: data).map({ CASEImport(template: template).document(from: $0) }) {
            #expect(document.misread(schemas: empty.schemas).isEmpty, "\(document.misread(schemas: empty.schemas))")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("imported"), withIntermediateDirectories: true)
            try document.text.write(to: root.appendingPathComponent("imported/\(document.id.lowercased()).md"), atomically: true, encoding: .utf8)
        }
        return (root, try await ProjectLoader.load(root: root))
    }
}
