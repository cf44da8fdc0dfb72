"""The coach's screens: the goal editor, the plan's goal list, dialogs and help."""
