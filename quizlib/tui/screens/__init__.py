"""Screens of the practice app, one a file."""
