"""Candidates of the own organisation: records, consent and their anonymised public profile."""
