// libFuzzer entry point for stdkit: `make fuzz` builds this with -sanitize=fuzzer and runs each
// target for a bounded time. STDKIT_FUZZ_TARGET chooses what the input goes through:
//   parse   front matter, Markdown, items, references and attributes (a document of the model);
//           front matter read from libyaml's events must be what Yams's tree gives
//   diff    the semantic diff of two documents (the input split at its first NUL byte)
//   merge   the three-way merge and its verifier (base, ours, theirs split at NUL bytes)
//   import  a spreadsheet (decoding, CSV, the requirements import) and a CASE package (JSON,
//           the import), each document's items read back
import Foundation
import StdKitDiff
import StdKitInterop
import StdKitModel
import StdKitSyntax

let target = ProcessInfo.processInfo.environment["STDKIT_FUZZ_TARGET"] ?? "parse"
let schemas = try! SchemaLibrary.builtIn()
let config: ProjectConfig = {
    var config = ProjectConfig(name: "fuzz")
    config.parties = [Party(id: "school", name: "学校", kind: .school), Party(id: "acme", name: "企业", kind: .enterprise)]
    return config
}()
let jobTemplate = DocumentTemplate(schema: schemas.schema(for: "job-profile")!, config: config)

/// The input as up to `count` texts separated by NUL bytes.
func texts(_ bytes: [UInt8], _ count: Int) -> [String] {
    var parts = bytes.split(separator: 0, maxSplits: count - 1, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    while parts.count < count { parts.append("") }
    return parts
}

/// One input through the chosen target.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    switch target {
    case "diff":
        let (old, new) = { (parts: [String]) in (parts[0], parts[1]) }(texts(bytes, 2))
        let before = ProjectLoader.document(path: "a.md", bytes: Array(old.utf8), schemas: schemas)
        let after = ProjectLoader.document(path: "a.md", bytes: Array(new.utf8), schemas: schemas)
        let project = Project(root: nil, config: ProjectConfig(name: "fuzz"), schemas: schemas, documents: [after], diagnostics: [])
        _ = Differ(old: project, new: project).compare(before, after)
        _ = WordDiff(old: old, new: new)
    case "merge":
        let parts = texts(bytes, 3)
        let result = DocumentMerge.merge(base: parts[0], ours: parts[1], theirs: parts[2])
        // A clean merge must prove that nothing was lost.
        if result.conflicts.isEmpty, result.fallback == nil, !DocumentMerge.verify(base: parts[0], ours: parts[1], theirs: parts[2], result: result) {
            fatalError("a clean structured merge lost text")
        }
    case "import":
        if let decoded = try? TextDecoding.decode(bytes),
           let documents = try? RequirementsCSV(template: jobTemplate, date: "2026-11-29").documents(from: decoded.text, name: "fuzz.csv", encoding: decoded.encoding, id: nil, title: nil) {
            for document in documents { _ = document.misread(schemas: schemas) }
        }
        if let packages = try? CASEImport.packages(in: Data(bytes)) {
            for package in packages { _ = CASEImport(template: jobTemplate, date: "2026-11-29").document(from: package).misread(schemas: schemas) }
        }
    default:
        let document = ProjectLoader.document(path: "a.md", bytes: bytes, schemas: schemas)
        _ = ContentDigest.of(document.text)
        for item in document.items { _ = LinkReview.digest(item) }
        let split = FrontMatter(document.text)
        if split.state == .closed, let fast = YAMLEventReader.read(split.yaml, firstLine: 2, nodeLimit: 1_000) {
            let viaYams = YAMLReader.readThroughYams(split.yaml, file: "a.md", firstLine: 2, nodeLimit: 1_000)
            if !viaYams.diagnostics.isEmpty || viaYams.root != fast {
                fatalError("front matter read from libyaml's events differs from Yams's reading")
            }
        }
        if split.state == .closed, let byHand = PlainYAMLReader.read(split.yaml, firstLine: 2, nodeLimit: 1_000) {
            let viaYams = YAMLReader.readThroughYams(split.yaml, file: "a.md", firstLine: 2, nodeLimit: 1_000)
            if !viaYams.diagnostics.isEmpty || viaYams.root != byHand {
                fatalError("front matter read by hand differs from Yams's reading")
            }
        }
    }
    return 0
}

// libFuzzer's driver, found at run time (SwiftPM gives an executable its own `main`, so
// libFuzzer's is not linked; its driver is, with -sanitize=fuzzer).
typealias Driver = @convention(c) (UnsafeMutablePointer<Int32>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                                   @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32
guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "LLVMFuzzerRunDriver") else {
    FileHandle.standardError.write(Data("stdkit-fuzz: build with -sanitize=fuzzer (make fuzz)\n".utf8))
    exit(2)
}
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(unsafeBitCast(symbol, to: Driver.self)(&argc, &argv) { data, size in fuzz(data, size) })
