"""Social card PNGs (title, description, topic, site name) in any script, drawn with Pillow.

The modules, in the order a card goes through them:

- `model`: what a card says (CardText) and how it looks (CardLayout), and CardError.
- `colors`: "#rrggbb" colors and their WCAG 2 contrast.
- `layout`: `load_layout` reads and checks theme/cards/layout.yml into a CardLayout.
- `fonts`: the layout's font files, opened once, and which characters they draw.
- `scripts`: text split into runs of one font and one direction, in display order.
- `lines`: runs measured, and text blocks broken into lines that fit ("…" when shortened).
- `plan`: where everything goes on one card, before any pixel is drawn (`title_lines`).
- `glyphs`: warnings about fonts a card's text needs (`font_problems`, `missing_glyphs`).
- `backdrop`: an article image behind the text, under a scrim that keeps 4.5:1 contrast.
- `draw`: the plan drawn a word at a time; `render_card` returns the PNG bytes.
- `png`: a plain card's palette and PNG bytes.
- `fingerprint`: `card_fingerprint`, the cache key of a card.
"""
