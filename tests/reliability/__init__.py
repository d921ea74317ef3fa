"""Proof under stress: crashes, damage, hostile environments, bad input, leaks, fuzzing."""
