"""Fetching what the map draws but does not hold: basemap tiles, from the network or files."""
