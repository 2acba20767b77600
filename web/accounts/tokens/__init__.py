"""API tokens for partner systems: coordinators create (shown once) and revoke them."""
