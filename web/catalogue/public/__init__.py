"""The public site: home page and (later) the catalogue of anonymised profiles."""
