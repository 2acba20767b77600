"""In-app notices and their e-mail (per event or as a daily digest), each person choosing per kind."""
