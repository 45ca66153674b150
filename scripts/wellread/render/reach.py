"""What carries an article off the screen: the printed page's address, QR code and contact, and
the "Report a problem" link; plain functions over the page's data, drawn at build time."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

import segno

from ..core import urls


def page_address(languages: Sequence[Mapping[str, Any]]) -> str:
    """The page's own address in its language (`PageData.languages`, the current one), absolute
    when the site's address is known; '' when it is not (a printed page needs a full address)."""
    for language in languages:
        if language.get("current"):
            url = str(language.get("url") or "")
            return url if url.startswith(("https://", "http://")) else ""
    return ""


def qr_svg(address: str, label: str) -> str:
    """A QR code to `address` as inline SVG (black on white, its quiet zone included), named for
    screen readers and printers by `label`. Drawn here: no service is asked for it."""
    code = segno.make(address, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="wr-qr")
    # A viewBox and no fixed size: the stylesheet gives it its printed size.
    escaped = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return re.sub(r"^<svg ", f'<svg role="img" aria-label="{escaped}" ', svg, count=1)


def contact_details(contact: Mapping[Any, Any]) -> list[dict[str, str]]:
    """The clinic's contact (wellread/check `contact`) as `kind`, `text` and a link (`href`, ''
    for a postal address), in the order phone, email, address; a list value gives each."""
    details = []
    for kind in ("phone", "email", "address"):
        value = contact.get(kind)
        for text in value if isinstance(value, list) else [value] * bool(value):
            text = " ".join(str(text).split())
            href = ""
            if kind == "phone":
                href = "tel:" + re.sub(r"[^\d+]", "", text)
            elif kind == "email":
                href = "mailto:" + text
            details.append({"kind": kind, "text": text, "href": href})
    return details


def checked_form(address: str) -> str:
    """A report form's address as given, if a reader can safely open it (https: or http:);
    ValueError says what to give instead."""
    parsed = urls.parse(address)
    if parsed is None or parsed.scheme not in urls.WEB_SCHEMES or not parsed.host:
        raise ValueError(
            f"report: {address!r} is not a web address. Give a form's address starting with "
            'https://, or "" to send reports by email to the contact address.'
        )
    return parsed.href


def report_href(form: str, email: str, subject: str, body: str) -> str:
    """Where "Report a problem with this page" goes: the form, else an email to the clinic with
    the subject and body filled in (each encoded, line breaks as CRLF as RFC 6068 asks); ''
    when there is neither."""
    if form:
        return form
    if not email:
        return ""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    query = f"subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    return f"mailto:{quote(email, safe='@')}?{query}"
