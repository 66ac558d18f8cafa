"""`python -m centralasia.pipeline [step ...]` rebuilds data/ from ../shared/raw."""
import sys

from . import run

if __name__ == "__main__":
    written = run(only=set(sys.argv[1:]) or None)
    print(f"wrote {len(written)} tables and data/datapackage.json")
