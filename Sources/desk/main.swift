import DeskCLI
Desk.main()
