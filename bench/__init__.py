"""Benchmarks: commands that print and record figures (not tests)."""
