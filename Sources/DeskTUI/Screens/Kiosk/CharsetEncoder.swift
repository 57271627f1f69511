import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Text to bytes in a legacy character set through iconv, e.g. GB18030 for the receipt printers of Chinese
/// halls. A character the set cannot hold (or any iconv failure) becomes "?": a slip never stops for a name.
public struct CharsetEncoder: Sendable {
    public let charset: String

    public init(charset: String) { self.charset = charset }

    public static let gb18030 = CharsetEncoder(charset: "GB18030")

    public func encode(_ text: String) -> [UInt8] {
        let cd = iconv_open(charset, "UTF-8")
        // iconv_open returns (iconv_t)-1 when the conversion is not installed: every non-ASCII character is then "?".
        guard Int(bitPattern: cd) != -1 else {
            return text.unicodeScalars.map { $0.isASCII ? UInt8($0.value) : UInt8(ascii: "?") }
        }
        defer { iconv_close(cd) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        // One grapheme at a time, so a failure costs one "?" and leaves iconv's state clean for the next.
        for character in text {
            if character.isASCII, let byte = character.asciiValue {
                out.append(byte)
            } else if let bytes = convert(String(character), cd) {
                out += bytes
            } else {
                out.append(UInt8(ascii: "?"))
            }
        }
        return out
    }

    /// One piece through iconv; nil when iconv refuses it (the descriptor is then reset for the next piece).
    private func convert(_ piece: String, _ cd: iconv_t?) -> [UInt8]? {
        var input = Array(piece.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 8)
        let written: Int? = input.withUnsafeMutableBytes { inBytes in
            output.withUnsafeMutableBytes { outBytes in
                var inPointer = inBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPointer = outBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBytes.count, outLeft = outBytes.count
                let converted = iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
                let flushed = iconv(cd, nil, nil, &outPointer, &outLeft) // end any shift state
                guard converted != -1, flushed != -1, inLeft == 0 else {
                    _ = iconv(cd, nil, nil, nil, nil)
                    return nil
                }
                return outBytes.count - outLeft
            }
        }
        return written.map { Array(output.prefix($0)) }
    }
}
