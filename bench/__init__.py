"""Benchmarks of quizlib, each figure beside a baseline measured in the same run.

Run ``python -m bench`` (``--help`` for the options). Every row runs in its own process, so
each peak memory is that row's alone; ratios to the baseline compare across noisy machines.
"""
