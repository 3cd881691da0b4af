"""Thin Qt views over the model, geo and render packages."""
