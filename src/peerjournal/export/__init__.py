"""The research export: shared items -> redacted bundle -> file format -> age-sealed bytes.

Headless: the journal's `export` command and the TUI wizard gather choices and call
`build.build_bundle`, `formats.encode` and `seal.seal`; the researchers' side reads with
`read.read_bundle`. Nothing here imports the vault: the journal hands over only shared items.
"""
