"""Tests of the example gallery (examples/): each template renders and matches its golden frames."""
