"""One module per screen; each scene follows the lifecycle in `game.ui.scene`."""
