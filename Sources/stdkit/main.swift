import Foundation
import StdKitCLI

let environment = ProcessInfo.processInfo.environment
Allocator.configure(environment: environment)
// With STDKIT_TIMINGS=1, which allocator serves `malloc` (Allocator.description).
if environment["STDKIT_TIMINGS"] == "1" {
    FileHandle.standardError.write(Data("stdkit timings: allocator \(Allocator.description())\n".utf8))
}

let status = await StdKit.run(Array(CommandLine.arguments.dropFirst()), in: .process)
exit(status)
