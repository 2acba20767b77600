"""Staff accounts: coordinators manage their own organisation's, administrators everyone's."""
