"""Social sharing: cards (PNG), captions per platform, share links and the card cache."""
