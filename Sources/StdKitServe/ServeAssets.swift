import Foundation

/// The browser editor's own files (`Resources/serve`: its script and stylesheet), served under
/// `/_stdkit/` by `stdkit serve`. Plain files: no build step makes them.
public enum ServeAssets {
    /// The folder of the assets in the target's bundle, or nil when the bundle lacks it.
    public static var folder: URL? {
        Bundle.module.url(forResource: "serve", withExtension: nil)
    }

    /// The bytes of asset `name` (a file name, no folder), or nil when there is no such asset.
    public static func data(named name: String) -> Data? {
        guard !name.contains("/"), !name.hasPrefix("."), let folder else { return nil }
        return FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
    }
}
