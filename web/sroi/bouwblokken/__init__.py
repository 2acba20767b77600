"""Bouwblokken tables: versioned regional data that coordinators maintain."""
