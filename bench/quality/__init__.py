"""How good, not how fast: the scrubber and the matcher measured on held-out data, each beside a baseline."""
