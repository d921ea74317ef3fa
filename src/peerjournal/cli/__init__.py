"""The typer command-line face. Commands stay thin: parse, call `peerjournal.journal`, print."""
