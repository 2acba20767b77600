"""Werkbrug test suite."""
