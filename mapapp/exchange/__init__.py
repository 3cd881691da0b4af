"""Data interchange: situations to and from GeoJSON, KML and ACLED-style CSV. No Qt."""
