"""Optional employer accounts: favourites, saved searches with new matches, own requests."""
