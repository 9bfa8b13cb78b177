import Foundation
import StdKitModel
import StdKitSyntax

/// The site of a catalogue of projects (`stdkit catalogue`, DESIGN §14.3): `index.html` with
/// the projects' table, its filters and the charts by province and batch, `catalogue.json`
/// with every entry (for CI and other tools), and the theme's stylesheet and the table's
/// script. Every link is relative, so it works from `file://` as from a web server; the same
/// entries give the same bytes.
public struct CatalogueSite: Sendable {
    public var entries: [CatalogueEntry]
    /// The page's title; nil for the language's "catalogue of projects".
    public var title: String?
    let strings: SiteStrings
    let version: String

    /// The catalogue of `entries` (in the order given: the list's order) with interface text in
    /// `lang` (zh… for Chinese, else English).
    public init(entries: [CatalogueEntry], lang: String, title: String? = nil, toolVersion: String) {
        self.entries = entries
        self.title = title
        self.strings = SiteStrings(lang: lang)
        self.version = toolVersion
    }

    /// The versioned envelope of `catalogue.json`.
    struct Envelope: Encodable {
        var version = "1"
        var generator: String
        var projects: [CatalogueEntry]
        var summary: Summary

        struct Summary: Encodable {
            var projects: Int
            var failed: Int
        }
    }

    /// `catalogue.json`: every entry, in order, in a versioned envelope.
    public var json: String {
        JSONOutput.encode(Envelope(generator: "stdkit \(version)", projects: entries,
                                   summary: .init(projects: entries.count, failed: entries.filter { $0.failure != nil }.count))) + "\n"
    }

    /// Every file of the site, by site path.
    public func files() throws -> [String: Data] {
        let theme = try Theme(override: nil, templates: ["catalogue"], assets: ["style.css", "catalogue.js"])
        let page = CataloguePage(entries: entries, title: title, strings: strings, version: version)
        var files: [String: Data] = [
            "index.html": Data(theme.render(page).utf8),
            "catalogue.json": Data(json.utf8),
        ]
        for (name, data) in theme.assets { files["assets/" + name] = data }
        return files
    }

    /// Builds the site into `output`, swapped in whole (a failed build leaves the previous one);
    /// returns the number of files. Refuses to replace a folder stdkit did not write.
    @discardableResult
    public func build(to output: URL) throws -> Int {
        let files = try files()
        try SiteBuilder.write(files, to: output, recognizedBy: ["index.html", "catalogue.json"])
        return files.count
    }
}
