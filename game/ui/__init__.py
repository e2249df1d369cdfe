"""The pygame window: the only package that imports pygame.

It reads the simulation's state and sends it orders; it never changes game state itself.
"""
