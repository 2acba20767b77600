"""The outbox page: mail waiting, sent and failed, and putting a failed message back in the queue."""
