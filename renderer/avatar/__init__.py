"""Talking presenters' drawing core: the 2D puppet, GALA's built-in character, framings, lip-sync measurement.

Pure (Pillow and numpy; tests/avatar/test_pure.py checks it). See docs/avatars.md.
"""
