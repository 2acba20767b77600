"""Social-return obligations of contractors and their progress, valued with bouwblokken tables."""
