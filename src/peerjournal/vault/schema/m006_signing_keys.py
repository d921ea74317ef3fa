"""Schema 6: each journal's signing key per study (the private half of an Ed25519 key pair).

Kept beside the participant code it vouches for, inside the encrypted database; NULL until the
first export to that study after this upgrade makes one (export/signing.py says why).
"""

STEPS = """
ALTER TABLE participant_codes ADD COLUMN signing_key BLOB;
"""
