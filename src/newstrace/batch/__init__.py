"""Batch runs over many inputs: local worker processes or a Dask cluster, resumable.

    from newstrace.batch import BatchOptions, run_batch
    summary = run_batch(["cc-news/"], BatchOptions(workers=8, db="postgresql://..."))

See runner.py for the exactly-once argument, units.py for how inputs are cut up,
engines.py for where the work runs.
"""

from newstrace.batch.runner import BatchOptions, BatchSummary, run_batch
from newstrace.batch.units import PlanOptions, WorkUnit, plan

__all__ = ["BatchOptions", "BatchSummary", "PlanOptions", "WorkUnit", "plan", "run_batch"]
