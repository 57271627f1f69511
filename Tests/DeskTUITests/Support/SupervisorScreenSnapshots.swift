// Reviewed frames of the supervisor's screen (SupervisorFixture). Regenerate only after looking at the new frame.
enum SupervisorScreenSnapshots {
    static let linesZh80x24: [String] = []
    static let chartsZh80x24: [String] = []
    static let linesEn80x24: [String] = []
    static let chartsEn80x24: [String] = []
    static let hallZh200x60: [String] = []
    static let hallEn200x60: [String] = []
}
