"""Each staff role's start page: what this role can do here."""
