import Foundation

/// Why a file could not be read or written, in both languages. Foundation's own description is English
/// only and often says no more than "The operation could not be completed".
public enum FileProblem {
    public static func reason(_ error: any Error, path: String) -> Bilingual {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return Bilingual(en: "it is a folder, not a file", zh: "这是一个目录，不是文件")
        }
        let ns = error as NSError
        let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError
        let posix: Int32? = if ns.domain == NSPOSIXErrorDomain { Int32(truncatingIfNeeded: ns.code) }
            else if let underlying, underlying.domain == NSPOSIXErrorDomain { Int32(truncatingIfNeeded: underlying.code) }
            else { nil }
        let cocoa = ns.domain == NSCocoaErrorDomain ? CocoaError.Code(rawValue: ns.code) : nil
        switch (cocoa, posix) {
        case (.fileReadNoSuchFile?, _), (.fileNoSuchFile?, _), (_, ENOENT?), (_, ENOTDIR?):
            return Bilingual(en: "no such file", zh: "文件不存在")
        case (.fileReadNoPermission?, _), (.fileWriteNoPermission?, _), (_, EACCES?), (_, EPERM?):
            return Bilingual(en: "permission denied", zh: "没有权限")
        case (.fileWriteOutOfSpace?, _), (_, ENOSPC?):
            return Bilingual(en: "the disk is full", zh: "磁盘已满")
        case (.fileWriteVolumeReadOnly?, _), (_, EROFS?):
            return Bilingual(en: "the file system is read-only", zh: "文件系统只读")
        case (.fileReadCorruptFile?, _), (.fileReadInapplicableStringEncoding?, _):
            return Bilingual(en: "the file cannot be decoded", zh: "文件内容无法解码")
        default:
            let code = posix.map { "errno \($0)" } ?? "\(ns.domain) \(ns.code)"
            return Bilingual(en: "system error (\(code))", zh: "系统错误（\(code)）")
        }
    }
}
