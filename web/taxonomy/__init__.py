"""Taxonomy management: skills, occupations, their wordings, and the worklist of unmatched wordings."""
