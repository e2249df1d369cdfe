"""Headless campaigns: play many games with strategies and collect rows for analysis."""
