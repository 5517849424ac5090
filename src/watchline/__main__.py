"""``python -m watchline`` runs the command line."""

from watchline.cli.main import main

main()
