import StdKitSyntax

/// `.stdkit/links.lock`: for each coverage link (an outcome → the requirement it covers), the
/// digest of the target item when the link was last reviewed. One line per link, sorted, so that
/// git merges concurrent reviews line by line and the stdkit merge driver by link:
///
///     COURSE-WELD#LO2 -> JOB-WELD#R2 5b1c…(64 hex digits)
public struct LinkLock: Sendable, Equatable {
    /// A link: the full ids of its source and target items.
    public struct Key: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var source: String
        public var target: String

        public init(source: String, target: String) {
            self.source = source
            self.target = target
        }

        /// `SOURCE->TARGET` (or with `→`), as a user writes it on the command line.
        public init?(_ text: String) {
            let parts = text.replacingOccurrences(of: "→", with: "->").components(separatedBy: "->")
            guard parts.count == 2 else { return nil }
            let source = parts[0].trimmingCharacters(in: .whitespaces)
            let target = parts[1].trimmingCharacters(in: .whitespaces)
            guard Self.isItemID(source), Self.isItemID(target) else { return nil }
            self.init(source: source, target: target)
        }

        /// `DOC#ITEM`, neither part empty, no spaces.
        static func isItemID(_ text: String) -> Bool {
            let parts = text.split(separator: "#", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !text.contains(where: \.isWhitespace)
        }

        public var description: String { "\(source)->\(target)" }

        public static func < (a: Key, b: Key) -> Bool {
            a.source == b.source ? a.target.precedesInUTF8(b.target) : a.source.precedesInUTF8(b.source)
        }
    }

    /// A line of the file that could not be read.
    public struct Problem: Sendable, Hashable {
        /// 1-based.
        public var line: Int
        public var message: Message
        public var hint: Message
    }

    public var digests: [Key: String]

    public init(digests: [Key: String] = [:]) {
        self.digests = digests
    }

    public static let header = "# stdkit links.lock — each coverage link (source item -> target item) with the digest of the target item when the link was last reviewed. One line per link, sorted; written by 'stdkit review accept'."

    /// The file as written: the header, then one line per link in byte order of the key.
    public var text: String {
        ([Self.header] + digests.keys.sorted().map { "\($0.source) -> \($0.target) \(digests[$0] ?? "")" }).map { $0 + "\n" }.joined()
    }

    /// Reads the file's text. Blank lines and lines starting with `#` are comments; every other
    /// line must be `SOURCE -> TARGET DIGEST`.
    public static func parse(_ text: String) -> (lock: LinkLock, problems: [Problem]) {
        var lock = LinkLock()
        var problems: [Problem] = []
        var firstLine: [Key: Int] = [:]
        for (index, raw) in TextLines.split(text).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            let number = index + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            if ["<<<<<<<", "|||||||", "=======", ">>>>>>>"].contains(where: line.hasPrefix) {
                problems.append(Problem(line: number, message: .conflictInLock, hint: .resolveLockConflict))
                continue
            }
            let fields = line.split(whereSeparator: \.isWhitespace).map(String.init)
            guard fields.count == 4, fields[1] == "->", let key = Key(fields[0] + "->" + fields[2]) else {
                problems.append(Problem(line: number, message: .notALinkLine(line), hint: .linkLineForm))
                continue
            }
            let digest = fields[3]
            guard digest.count == 64, digest.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                problems.append(Problem(line: number, message: .malformedDigest(key.description), hint: .recordAgain(key.description)))
                continue
            }
            if let earlier = lock.digests[key] {
                if earlier != digest {
                    problems.append(Problem(line: number, message: .listedTwice(key.description, firstLine: firstLine[key] ?? 0),
                                            hint: .keepOneLine(key.description)))
                }
                continue
            }
            lock.digests[key] = digest
            firstLine[key] = number
        }
        return (lock, problems)
    }

    /// Whether a file is a links lock: by its name, or by its header.
    public static func isLock(path: String, text: String) -> Bool {
        path.hasSuffix("links.lock") || text.hasPrefix("# stdkit links.lock")
    }
}

extension Message {
    fileprivate static let conflictInLock = Message("links-lock-invalid.conflict")
    fileprivate static let resolveLockConflict = Message("links-lock-invalid.conflict.hint")

    fileprivate static func notALinkLine(_ line: String) -> Message {
        Message("links-lock-invalid.not-link-line", ["line": .verbatim(line)])
    }

    fileprivate static let linkLineForm = Message("links-lock-invalid.not-link-line.hint")

    fileprivate static func malformedDigest(_ link: String) -> Message {
        Message("links-lock-invalid.digest", ["link": .verbatim(link)])
    }

    fileprivate static func recordAgain(_ link: String) -> Message {
        Message("links-lock-invalid.digest.hint", ["link": .verbatim(link)])
    }

    fileprivate static func listedTwice(_ link: String, firstLine: Int) -> Message {
        Message("links-lock-invalid.twice", ["link": .verbatim(link), "line": .number(firstLine)])
    }

    fileprivate static func keepOneLine(_ link: String) -> Message {
        Message("links-lock-invalid.twice.hint", ["link": .verbatim(link)])
    }
}
