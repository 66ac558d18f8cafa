"""Shared code of the executable book on Central Asia's path towards harmony."""
__version__ = "0.2.0"

from .data import load  # noqa: E402
from .errors import DataError  # noqa: E402

__all__ = ["load", "DataError", "__version__"]


def __getattr__(name):
    """`ca.tables`, `ca.figures`, `ca.style` without importing matplotlib for every `import centralasia`."""
    if name in ("tables", "figures", "style"):
        import importlib
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
