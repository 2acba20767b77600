"""The public form where an employer sends in a vacancy for the employer service point."""
