import Glibc

/// Why a file in the data folder could not be read, in words, the same whichever file it is.
enum ReadProblem {
    /// `file` names the file in words ("a client file", "the manifest"); `limit` is the size the
    /// read refused to go past. Nil when nothing is at `path`: a missing file, which each caller
    /// treats in its own way. A link to a missing file is not nothing: it says where the data
    /// should have been (a disk not mounted, a folder moved), so it is a problem, never a gap.
    static func reason(for error: SystemError, at path: String, file: String, limit: Int) -> String? {
        switch error.code {
        case ENOENT:
            return SystemFiles.danglingLinkTarget(path).map { "a link to a file that does not exist (\($0))" }
        case EISDIR: return "a folder where \(file) should be"
        case EINVAL: return "not a regular file"
        case EFBIG: return "too large to be \(file) (over \(limit >> 20) MB)"
        default: return "cannot be read: \(error)"
        }
    }
}
