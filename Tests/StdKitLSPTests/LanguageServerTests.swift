import Testing
@testable import StdKitLSP
