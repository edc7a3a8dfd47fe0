"""The ``truepix`` command line; one module per subcommand."""
