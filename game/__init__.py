"""Crossroads: US policy in Central Asia as a turn-based strategy game and classroom simulation."""
