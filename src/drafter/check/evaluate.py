"""Moved: the eval harness lives in `drafter.evaluation.harness` (kept here for old imports)."""

from drafter.evaluation.harness import default_suite, junit_xml, load_suite, run_suite

__all__ = ["default_suite", "junit_xml", "load_suite", "run_suite"]
