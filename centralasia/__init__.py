"""Shared code of the executable book on Central Asia's path towards harmony."""
__version__ = "0.1.0"

from .data import load  # noqa: E402
from .errors import DataError  # noqa: E402

__all__ = ["load", "DataError", "__version__"]
