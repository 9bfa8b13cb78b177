import Foundation

/// With `STDKIT_TIMINGS=1` in the environment, the time of each step on standard error
/// (`stdkit timings: STEP 0.12 seconds`), for profiling; otherwise nothing.
public struct Timings {
    public let enabled = ProcessInfo.processInfo.environment["STDKIT_TIMINGS"] == "1"
    private var clock = ContinuousClock.now

    public init() {}

    /// Reports the time since the previous lap (or since the start) as `step`.
    public mutating func lap(_ step: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        FileHandle.standardError.write(Data("stdkit timings: \(step) \(now - clock)\n".utf8))
        clock = now
    }
}
