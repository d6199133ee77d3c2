import sys

from hasila.cli import main

sys.exit(main())
