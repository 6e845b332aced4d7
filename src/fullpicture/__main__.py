"""``python -m fullpicture``: the same command line as ``fullpicture``."""

from fullpicture.cli import main

if __name__ == "__main__":
    main()
