"""A situation published as one self-contained interactive web page (``mapapp publish``,
File → Publish web page…): the basemap, the events and what cites them, a JavaScript
viewer and its vendored map library, all inside one HTML file that makes no request."""
