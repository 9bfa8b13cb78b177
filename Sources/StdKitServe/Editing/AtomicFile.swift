import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that a reader (or a crash) sees either the old bytes or the new, never a
/// part: the bytes go to a temporary file in the same folder, which is flushed to disk and
/// renamed over the file, and then the folder is flushed so that the rename itself survives a
/// power cut. The temporary name starts with a dot, so the project loader never reads it.
enum AtomicFile {
    /// Why a write failed: the step and the system's reason.
    struct Failure: Error {
        var step: String
        var reason: String
    }

    /// Writes `bytes` to `url`, keeping the permissions of the file it replaces (a new file gets
    /// 0666 less the umask).
    static func write(_ bytes: [UInt8], to url: URL) throws(Failure) {
        let folder = url.deletingLastPathComponent().path
        // The process id in the name: another server starting on the same folder leaves the file
        // of a save in flight alone (InterruptedSaves).
        let temporary = folder + "/.\(url.lastPathComponent).stdkit-\(getpid())-\(UUID().uuidString.prefix(8)).tmp"
        // The replaced file's permissions; a new file gets 0666 less the umask, as any editor's.
        var kept: mode_t?
        var status = stat()
        if stat(url.path, &status) == 0 {
            kept = status.st_mode & 0o7777
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kept ?? 0o666)
        guard descriptor >= 0 else { throw Failure(step: "create a temporary file", reason: Self.reason()) }
        var written = 0
        var failure: Failure?
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = Failure(step: "write", reason: Self.reason())
                    return
                }
                written += count
            }
        }
        // The mode given to open() is reduced by the umask: set the replaced file's exactly.
        if failure == nil, let kept, fchmod(descriptor, kept) != 0 { failure = Failure(step: "chmod", reason: Self.reason()) }
        if failure == nil, fsync(descriptor) != 0 { failure = Failure(step: "fsync", reason: Self.reason()) }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, url.path) == 0 else {
            let failure = Failure(step: "rename", reason: Self.reason())
            unlink(temporary)
            throw failure
        }
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    private static func reason() -> String {
        String(cString: strerror(errno))
    }
}
