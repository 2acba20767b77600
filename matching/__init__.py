"""Pure matching library: plain data in, plain data out (no Flask, no database session)."""
