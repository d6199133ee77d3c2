"""hasila (حصيلة): structured casualty figures from Arabic conflict reports."""

import os

__version__ = "0.1.0"

# With few cores and another busy process, OpenMP's default busy-waiting makes torch
# inference several times slower (measured in bench/predict_speed.py); passive waiting
# costs ~5% on an idle machine. Set before torch is imported; a caller's value wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
