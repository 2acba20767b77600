"""Placements: who started work where, with which instrument, and its social-return value."""
