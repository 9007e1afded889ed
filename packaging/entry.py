"""The bundle's entry point: the same as the ``briefgen`` command (multiprocessing-safe)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # A frozen program must let multiprocessing's child processes (template isolation, batch
    # workers) start as children instead of as a second copy of the app.
    multiprocessing.freeze_support()
    from briefgen.cli import main

    sys.exit(main())
