"""smartlint tui: the interactive coach (Textual).

app (the App); screens/ (the goal editor, the plan's goal list, dialogs, help); widgets/ (meters,
evidence, findings, coach panel); session (scoring and goal versions, no UI); plan_document (goal
spans in plan files and safe saves). Styles are in app.tcss, shipped as package data.
"""
