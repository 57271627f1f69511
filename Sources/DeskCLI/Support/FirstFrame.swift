import DeskTUI

/// The screens' hidden `--first-frame-only` mode (the bench and scripts: one frame drawn into a grid and printed).
enum FirstFrame {
    /// The hidden `--frame-size WxH`, or `fallback` when it does not read.
    static func size(_ text: String, fallback: Size) -> Size {
        let parts = text.split(separator: "x").compactMap { Int($0) }
        return parts.count == 2 ? Size(width: parts[0], height: parts[1]) : fallback
    }
}
