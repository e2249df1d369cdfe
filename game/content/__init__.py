"""Content: immutable scenario definitions read from YAML; never changed by play."""
