"""``python -m truepix`` runs the command line, as the ``truepix`` script does."""

from truepix.cli.main import main

if __name__ == "__main__":
    main()
