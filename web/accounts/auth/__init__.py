"""Signing in and out, and loading the signed-in user from the session."""
