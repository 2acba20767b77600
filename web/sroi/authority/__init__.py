"""The contracting authority's contract manager: read-only social-return pages."""
