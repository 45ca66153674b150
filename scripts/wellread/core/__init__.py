"""The core: articles, settings, findings, caches and addresses; it imports no other stage."""
