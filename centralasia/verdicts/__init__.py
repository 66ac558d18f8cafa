"""Computed verdicts, one module per theme; `centralasia.ledger` discovers them."""
