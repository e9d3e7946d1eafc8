"""Evaluation and benchmarks of the brief engine (ROUGE against references, speed, load)."""
