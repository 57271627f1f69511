import DeskCLI

Desk.runMain()
