"""The public catalogue: employers browse anonymised profiles and ask to meet someone."""
