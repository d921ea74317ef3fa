"""`python -m peerjournal` runs the same entry point as the `peerjournal` command."""

from peerjournal.cli.main import run

if __name__ == "__main__":
    run()
