"""Staff exports too big for a request: made by the worker, shown on "Uw export wordt gemaakt".

An area registers each list it can export as a ``kinds.Kind`` (how to count and how to make it);
``routes.deliver`` makes a small one at once and a big one (over EXPORT_INLINE_MAX_ROWS) through
the queue, and the page refreshes until the file is there for the person who asked.
"""
