"""Privacy tools for coordinators: the audit log and erasure of a candidate."""
