"""Material's menu items drawn in Python where they are plain links.

Material draws the menu on every page with a recursive Jinja macro (partials/nav-item.html). On a
site with folders of 50 articles that was about half of the time Material takes to build a page:
each page draws the 20 topics and the 50 articles beside it. Most of those items are plain links,
the same on every page but for the address, so `nav_item` draws them here, to the same HTML
(tests/test_nav.py compares every page's menu with Material's own). The page being built, the
sections holding it, and any item Material decorates (icon, subtitle, status, tabs, sections,
expanded menus) are left to Material's template: `nav_item` returns None for them.
"""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.structure.nav import Section
from mkdocs.utils.templates import url_filter

# Features that change how Material draws a menu item; with any of them Material draws them all.
_LAYOUT_FEATURES = frozenset({"navigation.tabs", "navigation.sections", "navigation.expand"})


@pass_context
def nav_item(context: Context, item: Any) -> Markup | None:
    """The `<li>` Material's `render` macro draws for `item`, or None where Material should.
    Titles and addresses go in as they are, as Material's template puts them (MkDocs does not
    escape; wellread/i18n escapes page titles before the pages are built)."""
    page = context.get("page")
    if getattr(item, "active", False) or item is page or getattr(item, "pages", None):
        return None
    theme = context["config"].theme
    features = theme.get("features") or ()
    if _LAYOUT_FEATURES.intersection(features) or _decorated(item):
        return None
    if not isinstance(item, Section):
        if getattr(item, "children", None):
            return None
        return Markup(
            f'<li class="md-nav__item"><a href="{url_filter(context, item.url)}" '
            f'class="md-nav__link"><span class="md-ellipsis">{item.title}</span></a></li>'
        )
    if "navigation.prune" not in features:
        return None
    # Pruned: a link to the section's first page, down through its first sections.
    first = item.children[0] if item.children else None
    while first is not None and first.children:
        first = first.children[0]
    if first is None:
        return None
    return Markup(
        '<li class="md-nav__item md-nav__item--pruned md-nav__item--nested">'
        f'<a href="{url_filter(context, first.url)}" class="md-nav__link">'
        f'<span class="md-ellipsis">{item.title}</span>'
        '<span class="md-nav__icon md-icon"></span></a></li>'
    )


def _decorated(item: Any) -> bool:
    """Whether Material adds anything to the item's title: icon, subtitle, status, typeset."""
    meta = getattr(item, "meta", None)
    if meta and (meta.get("icon") or meta.get("subtitle") or meta.get("status")
                 or getattr(item, "encrypted", None)):
        return True
    return bool(getattr(item, "typeset", None))
