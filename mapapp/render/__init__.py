"""QPainter drawing shared by the window and every export."""
