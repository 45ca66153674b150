"""After pages are written: feeds, corrections, web privacy, page weight and site links."""
