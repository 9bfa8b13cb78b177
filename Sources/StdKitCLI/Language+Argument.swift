import ArgumentParser
import Foundation
import StdKitModel
import StdKitSyntax

/// `--lang zh-CN` or `--lang en` (any `zh…` or `en…` tag).
extension Language: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(tag: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension CommandEnvironment {
    /// The language of messages, as DESIGN §18 chooses it: `option`, else `STDKIT_LANG`, else
    /// the `lang` written in the stdkit.yml of `projectRoot`, else the locale.
    func language(option: Language?, projectRoot: URL?) -> Language {
        Language.chosen(option: option, environment: variables, projectLang: projectRoot.flatMap(Self.writtenLang))
    }

    /// The `lang` stdkit.yml sets, nil when it sets none (the default `zh-CN` of a project
    /// without one is the documents' language, not a choice of the reader's).
    private static func writtenLang(_ root: URL) -> String? {
        let file = root.appendingPathComponent(ProjectConfig.fileName)
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let (config, _) = ProjectConfig.parse(String(decoding: data, as: UTF8.self), defaultName: root.lastPathComponent)
        return config.locations["lang"] == nil ? nil : config.lang
    }
}
