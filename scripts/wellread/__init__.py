"""wellread: plain-language, multilingual health-education sites from Markdown."""
