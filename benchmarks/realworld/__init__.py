"""The real-reporting benchmark: a data set of claims from public news pages (outside the
repository) converted into a ledger, checked, and scored against its answer key."""
