"""Sample assets for the Spanish presenter: the same music as the English one."""

from examples.presenter.assets import generate

__all__ = ["generate"]
