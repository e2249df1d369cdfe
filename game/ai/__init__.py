"""Who chooses orders when no person does: rival doctrines and US strategies for headless play."""
