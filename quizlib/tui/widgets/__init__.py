"""Widgets of the practice app, one a file."""
