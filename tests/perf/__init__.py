"""Benchmarks (``make bench`` → ``python -m tests.perf``): scripts that print figures, never
collected by pytest (no ``test_*`` files here). Each figure is a ratio against a reference
measured in the same run, because the machines are shared and noisy."""
