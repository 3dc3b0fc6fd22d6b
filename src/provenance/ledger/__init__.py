"""The ledger on disk: YAML (or JSON) files of sources, entities, claims and reviews."""
