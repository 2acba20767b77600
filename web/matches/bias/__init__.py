"""Bias monitor: how age bands and target groups fare in the matcher's top 10 (coordinators)."""
