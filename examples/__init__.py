"""GALA's example gallery: four templates (composition format 2) with generated sample assets.

See ``examples/gallery.py`` for how they are rendered and README.md ("Examples") for what they look like.
"""
