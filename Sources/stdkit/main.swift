import Foundation
import StdKitCLI

let status = await StdKit.run(Array(CommandLine.arguments.dropFirst()), in: .process)
exit(status)
