"""The article's claims as rules, one module per family; `catalogue` lists them for players."""
