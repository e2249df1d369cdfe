"""The simulation: all mutable game state, all randomness, and the one way time moves."""
