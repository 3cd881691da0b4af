"""mapapp: a desktop situation map that keeps track of who claimed what, and where."""

__version__ = "0.1.0"
APP_ID = "org.mapapp.Mapapp"  # desktop entry, AppStream, icons, bundle identifier
