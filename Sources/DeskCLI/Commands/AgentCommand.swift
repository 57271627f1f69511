import ArgumentParser

/// `desk agent`: the agent's screen (no subcommand) and the inbox. (The team engineer's AgentCommand adds the team
/// and the assignment: list, show, state, request, assign, reassign.)
struct AgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent", abstract: "代办员: the agent's screen and inbox.",
        subcommands: [AgentScreenCommand.self, AgentInboxCommand.self],
        defaultSubcommand: AgentScreenCommand.self)
}
