"""The web layer: one blueprint package per area, server-rendered pages that work without JS."""
