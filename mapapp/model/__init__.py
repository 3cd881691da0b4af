"""Situation data without Qt."""
