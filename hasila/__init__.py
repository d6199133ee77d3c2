"""hasila (حصيلة): structured casualty figures from Arabic conflict reports."""

__version__ = "0.1.0"
