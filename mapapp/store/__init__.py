"""A situation shared by a team in PostgreSQL + PostGIS: the schema and its migrations,
pushing a file in and pulling it back, every change kept with who made it (Qt-free)."""
