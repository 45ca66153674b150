"""MkDocs adapters: thin plugins over the wellread core."""
