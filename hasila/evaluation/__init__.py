"""Evaluation: entity and record scoring, the evaluate command's work, reports and comparisons."""
