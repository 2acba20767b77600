"""Seed data: taxonomy, bouwblokken tables and the demo data generator."""
