"""The options of `wellread/reach` (print, report, structured data, listen, offline, leaflets),
checked as every plugin's options are (core.settings' rules), kept apart from core.settings,
which is long enough."""

from __future__ import annotations

from dataclasses import dataclass, field

from .optionrules import Typed, about


@dataclass(frozen=True)
class ReachOptions:
    """`wellread/reach`: articles that reach readers off the screen (print, report, search)."""

    print_page: bool = field(default=True, metadata=about(Typed(bool), (
        "A printed article ends with its address, a QR code to it and the clinic's contact "
        "(wellread/check `contact`)."
    )))
    report: str = field(default="", metadata=about(Typed(str), (
        'Where "Report a problem with this page" goes: a form\'s address (https://...), or "" '
        "(the default) for an email to the contact address, with the page filled in."
    )))
    structured_data: bool = field(default=True, metadata=about(Typed(bool), (
        "Describe each article to search engines as a MedicalWebPage (JSON-LD)."
    )))
    listen: bool = field(default=True, metadata=about(Typed(bool), (
        'A "Listen" button on articles: the browser\'s own speech synthesis reads the article '
        "aloud in the page's language (hidden where the browser has no voice for it)."
    )))
    offline: bool = field(default=True, metadata=about(Typed(bool), (
        "Offline reading: the site's own service worker keeps the pages a reader opened and the "
        "theme's assets (off under `mkdocs serve`)."
    )))
    leaflets: bool = field(default=False, metadata=about(Typed(bool), (
        "A PDF leaflet to print for each article in each language (WeasyPrint, fonts from the "
        "system), linked from the article."
    )))
    leaflets_cache_dir: str = field(default=".cache/wellread/leaflets", metadata=about(
        Typed(str), "Drawn leaflets, kept by a hash of everything that affects them."
    ))
