"""peerjournal: a private, encrypted journal for peer health education programs.

Only the version lives here, so that `peerjournal --help` stays fast: nothing heavy is imported.
"""

__version__ = "0.1.0"
