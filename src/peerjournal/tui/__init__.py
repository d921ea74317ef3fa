"""The participant's Textual app. The only package that imports `textual`.

Start it with `peerjournal.tui.app.run_app(journal_dir)`; tests build it with `make_app`.

Worker descriptions (`@work(description=...)`, `run_worker(description=...)`) stay in English and
outside gettext on purpose: Textual shows them to no one using the app. They appear only in the
developer console (`textual console`, through `app.log.worker`) and in a worker's repr; a failed
worker's error screen names the exception, not the description.
"""
