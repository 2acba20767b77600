"""The account managers' inbox of employer requests to meet a candidate from the catalogue."""
