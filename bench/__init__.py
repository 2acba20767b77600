"""Benchmarks: scripts that print figures; never run by the test suite."""
