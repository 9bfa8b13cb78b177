import StdKitSyntax

extension Message {
    static func noDocument(_ id: String) -> Message {
        Message("serve.edit.no-document", ["id": .verbatim(id)])
    }

    static func vanished(_ path: String) -> Message {
        Message("serve.edit.vanished", ["path": .verbatim(path)])
    }

    static func tooLarge(_ path: String, size: Int, limit: Int) -> Message {
        Message("serve.edit.too-large", ["path": .verbatim(path), "size": .number(size), "limit": .number(limit)])
    }

    static func containsNUL(_ path: String) -> Message {
        Message("serve.edit.contains-nul", ["path": .verbatim(path)])
    }

    static func notUTF8OnDisk(_ path: String) -> Message {
        Message("serve.edit.not-utf8-on-disk", ["path": .verbatim(path)])
    }

    static let unknownBase = Message("serve.edit.unknown-base")

    static func outsideProject(_ path: String) -> Message {
        Message("serve.edit.outside-project", ["path": .verbatim(path)])
    }

    static func cannotWrite(_ path: String, step: String, reason: String) -> Message {
        Message("serve.edit.cannot-write", ["path": .verbatim(path), "step": .verbatim(step), "reason": .verbatim(reason)])
    }
}
