"""The campaign screen's parts as panel objects (top bar, map, orders, queue, state and region)."""
