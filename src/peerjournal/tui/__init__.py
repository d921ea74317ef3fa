"""The participant's Textual app. The only package that imports `textual`.

Start it with `peerjournal.tui.app.run_app(journal_dir)`; tests build it with `make_app`.
"""
