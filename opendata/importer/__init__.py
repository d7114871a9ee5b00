"""Importing an HSDS 3.0 dataset as draft listings (docs/import-hsds.md).

services, source = readers.read(path_or_url)
plan = make_plan(services, source, "en")   # checks everything, matches, writes nothing
print("\\n".join(plan.lines()))             # the dry run's report
apply(plan, user)                           # one transaction: all or nothing
"""

from .plan import ImportFailed, Plan, make_plan
from .readers import ReadError, read
from .writer import apply

__all__ = ["ImportFailed", "Plan", "ReadError", "apply", "make_plan", "read"]
