"""The typer command-line face. Commands stay thin: they parse, call `peerjournal.journal`, print."""
