"""The encrypted store: key slots, the SQLCipher connection, schema and repositories.

Only this package talks to SQLCipher, and only `keyslots` derives keys.
"""
