"""An article described to search engines as health information: schema.org `MedicalWebPage`
JSON-LD (who reviewed it and when, its sources, its site and its translations), written as a
data block that no browser runs and that no text in it can close."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

CONTEXT = "https://schema.org"


def medical_web_page(
    *, address: str, title: str, description: str, lang: str, source_lang: str,
    review: Mapping[str, str], sources: Sequence[Mapping[str, str]],
    languages: Sequence[Mapping[str, Any]], site_name: str, site_url: str,
) -> dict[str, Any]:
    """The page's JSON-LD from its `PageData` parts (`review`, `sources`, `languages`) and the
    site's name and address; keys without a value are left out."""
    data: dict[str, Any] = {"@context": CONTEXT, "@type": "MedicalWebPage"}
    if address:
        data["@id"] = data["url"] = address
    data["name"] = title
    if description:
        data["description"] = description
    data["inLanguage"] = lang
    if review.get("last_reviewed_iso"):
        data["lastReviewed"] = review["last_reviewed_iso"]
    if review.get("reviewed_by"):
        data["reviewedBy"] = {"@type": "Person", "name": review["reviewed_by"]}
    cited = [
        {"@type": "CreativeWork", "name": source["text"], "url": source["url"]}
        for source in sources if source.get("url") and source.get("text")
    ]
    if cited:
        data["citation"] = cited
    if site_url:
        data["isPartOf"] = {"@type": "WebSite", "@id": site_url, "name": site_name, "url": site_url}
    others = {
        str(link["lang"]): str(link["url"]) for link in languages
        if link.get("published", True) and not link.get("current")
        and str(link.get("url", "")).startswith(("https://", "http://"))
    }
    if lang == source_lang:
        translations = [{"@id": url, "inLanguage": code} for code, url in others.items()]
        if translations:
            data["workTranslation"] = translations
    elif source_lang in others:
        data["translationOfWork"] = {"@id": others[source_lang], "inLanguage": source_lang}
    return data


def json_ld_script(data: Mapping[str, Any]) -> str:
    """A `<script type="application/ld+json">` block: `<`, `>` and `&` written as JSON escapes,
    so a title such as `</script><script>` stays text (the Content-Security-Policy hashes only
    scripts a browser runs: this is data)."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'
