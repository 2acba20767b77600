"""Domain operations: plain functions that take a session or plain data and never read the request."""
