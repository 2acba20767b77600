"""Background work a person or partner waits for: large API imports and big exports.

``records`` holds the two tables; ``imports`` and ``exports`` what the web side and the worker do
with them. The queue (web/queue) only carries the id; the row is the durable record of the request,
its state and its answer, so a lost or killed job can be run again from it.
"""
