"""The employer-contact register: employers, contact persons, contact moments, follow-ups, agreements."""
