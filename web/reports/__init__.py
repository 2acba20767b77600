"""Coordinator reports: figures for the council, charts, exports and the lists behind them."""
