import Foundation

/// 1EdTech CASE (Competencies and Academic Standards Exchange) 1.1 packages, as JSON: what the
/// export writes and the import reads. Every field not required is optional; unknown fields are
/// ignored when reading.
///
/// Each object carries its UUID twice, as `identifier` (CASE 1.1's JSON binding, and what
/// OpenSALT and other CASE servers read) and as `sourcedId` (the JSON Schemas of
/// ../shared/corpora/case/schema/case-v1p1-*.json require that name); reading takes either.
public enum CASE {
    public struct Package: Codable, Sendable, Equatable {
        public var CFDocument: Document
        public var CFItems: [Item]?
        public var CFAssociations: [Association]?
        public var CFDefinitions: Definitions?
    }

    /// A link to another CASE object: its title, identifier and URI.
    public struct Link: Codable, Sendable, Equatable {
        public var title: String
        public var identifier: String
        public var uri: String

        public init(title: String, identifier: String, uri: String) {
            self.title = title
            self.identifier = identifier
            self.uri = uri
        }

        /// OpenSALT writes some links as a bare URI string: read that too.
        public init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                title = ""
                identifier = CASE.uuid(in: text) ?? text
                uri = text
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            title = try container.decodeIfPresent(String.self, forKey: .title) ?? ""
            identifier = try container.decode(String.self, forKey: .identifier)
            uri = try container.decodeIfPresent(String.self, forKey: .uri) ?? identifier
        }
    }

    /// stdkit's own data on a CASE object (CASE 1.1 `extensions`), so that an import restores
    /// what CASE has no field for.
    public struct Extensions: Codable, Sendable, Equatable {
        public struct StdKit: Codable, Sendable, Equatable {
            /// A document's id, kind and path.
            public var id: String?
            public var kind: String?
            public var path: String?
            /// An item's section title and attributes.
            public var section: String?
            public var attributes: [String: String]?
            /// What an `isRelatedTo` association stands for: `covers` (an outcome covering a
            /// requirement), `reuses` (a training module taking a course unit), `references`, or the
            /// front-matter field it was written in.
            public var relation: String?
        }

        public var stdkit: StdKit?
    }

    public struct Document: Codable, Sendable, Equatable {
        public var identifier: String?
        public var sourcedId: String?
        public var uri: String?
        public var title: String
        public var creator: String?
        public var publisher: String?
        public var description: String?
        public var language: String?
        public var frameworkType: String?
        public var version: String?
        public var adoptionStatus: String?
        public var lastChangeDateTime: String?
        public var officialSourceURL: String?
        public var caseVersion: String?
        public var CFPackageURI: Link?
        public var extensions: Extensions?

        /// The UUID, by either name.
        public var uuid: String { identifier ?? sourcedId ?? uri.flatMap(CASE.uuid(in:)) ?? "" }
    }

    public struct Item: Codable, Sendable, Equatable {
        public var identifier: String?
        public var sourcedId: String?
        public var uri: String?
        public var fullStatement: String
        public var humanCodingScheme: String?
        public var listEnumeration: String?
        public var abbreviatedStatement: String?
        public var notes: String?
        public var CFItemType: String?
        public var CFItemTypeURI: Link?
        public var language: String?
        public var lastChangeDateTime: String?
        public var CFDocumentURI: Link?
        public var extensions: Extensions?

        public var uuid: String { identifier ?? sourcedId ?? uri.flatMap(CASE.uuid(in:)) ?? "" }
    }

    public struct Association: Codable, Sendable, Equatable {
        public var identifier: String?
        public var sourcedId: String?
        public var uri: String?
        public var associationType: String
        public var originNodeURI: Link
        public var destinationNodeURI: Link
        public var CFDocumentURI: Link?
        public var sequenceNumber: Number?
        public var lastChangeDateTime: String?
        public var extensions: Extensions?

        public var uuid: String { identifier ?? sourcedId ?? uri.flatMap(CASE.uuid(in:)) ?? "" }
    }

    public struct Definitions: Codable, Sendable, Equatable {
        public var CFItemTypes: [ItemType]?

        /// CASE writes no definitions as an empty array.
        public init(from decoder: any Decoder) throws {
            if (try? decoder.singleValueContainer().decode([String].self)) != nil {
                CFItemTypes = nil
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            CFItemTypes = try? container.decodeIfPresent([ItemType].self, forKey: .CFItemTypes)
        }

        public init(CFItemTypes: [ItemType]?) {
            self.CFItemTypes = CFItemTypes
        }
    }

    public struct ItemType: Codable, Sendable, Equatable {
        public var identifier: String
        public var uri: String
        public var title: String
        public var description: String?
        public var hierarchyCode: String
        public var typeCode: String?
        public var lastChangeDateTime: String?
    }

    /// An integer, read also from a string of digits (as OpenSALT writes `sequenceNumber`).
    public struct Number: Codable, Sendable, Equatable {
        public var value: Int

        public init(_ value: Int) { self.value = value }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                value = number
            } else if let text = try? container.decode(String.self), let number = Int(text.trimmingCharacters(in: .whitespaces)) {
                value = number
            } else {
                throw DecodingError.typeMismatch(Int.self, .init(codingPath: decoder.codingPath, debugDescription: "Expected a whole number."))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(value)
        }
    }

    /// The UUID inside a URI (`…/uri/20c5134f-…`, `urn:uuid:…`), if it holds one.
    static func uuid(in uri: String) -> String? {
        let pattern = /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/
        return uri.firstMatch(of: pattern).map { String($0.output).lowercased() }
    }
}
