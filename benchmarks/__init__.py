"""Benchmarks of provenance components on public data (not part of the installed package)."""
