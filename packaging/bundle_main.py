"""Entry point of the PyInstaller bundle: the same command line as the `mapapp` script."""

import sys

from mapapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
