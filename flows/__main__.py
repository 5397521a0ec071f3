"""`python -m flows ...`: the `newsetl` command line, as a module."""

from flows.cli import main

main()
