"""The notification centre: the count in the menu, the list, marking read, and the channel per kind."""
