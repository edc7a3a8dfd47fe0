"""``python -m truepix.cli`` runs the command line."""

from truepix.cli.main import main

main()
