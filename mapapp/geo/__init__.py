"""Geography without Qt: layers, projection, view geometry, geodesy."""
