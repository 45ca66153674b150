"""Page rendering aids: reading aids and CSS pruning, from plain data, for any renderer."""
