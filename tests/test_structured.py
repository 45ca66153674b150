"""The articles' schema.org MedicalWebPage JSON-LD (wellread.render.structured), expanded with a
JSON-LD processor (pyld) as a crawler reads it, with schema.org's context served locally."""

from __future__ import annotations

import json
import re
from typing import Any

from pyld import jsonld

from wellread.publish import webprivacy
from wellread.render import structured

SCHEMA = "https://schema.org/"
# What a MedicalWebPage may say (schema.org: MedicalWebPage, WebPage, CreativeWork, Thing), and
# what the nodes inside it may say: a property outside these lists is not schema.org's.
PROPERTIES = {
    "MedicalWebPage": {
        "url", "name", "description", "inLanguage", "lastReviewed", "reviewedBy", "citation",
        "isPartOf", "workTranslation", "translationOfWork",
    },
    "Person": {"name"}, "CreativeWork": {"name", "url"}, "WebSite": {"name", "url"},
}
LINKS = {"url", "@id"}


def _offline_loader(url: str, options: dict[str, Any]) -> dict[str, Any]:
    """schema.org's context without the network: every term in its vocabulary, `url` an IRI."""
    assert url.rstrip("/") == structured.CONTEXT, f"only schema.org's context is loaded: {url}"
    context = {"@vocab": SCHEMA, "url": {"@id": f"{SCHEMA}url", "@type": "@id"}}
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": context}}


def expanded(data: dict[str, Any]) -> list[dict[str, Any]]:
    return jsonld.expand(data, {"documentLoader": _offline_loader})  # type: ignore[no-any-return]


def _nodes(node: Any) -> list[dict[str, Any]]:
    """Every node object in an expanded document, the page first."""
    if isinstance(node, list):
        return [found for item in node for found in _nodes(item)]
    if not isinstance(node, dict) or "@value" in node:
        return []
    found = [node] if "@type" in node else []
    for key, value in node.items():
        if not key.startswith("@"):
            found += _nodes(value)
    return found


def assert_valid(data: dict[str, Any]) -> None:
    """The document expands, nothing is dropped, and each property is schema.org's own for the
    node's type."""
    nodes = _nodes(expanded(data))
    assert nodes and nodes[0]["@type"] == [f"{SCHEMA}MedicalWebPage"]
    for node in nodes:
        kind = node["@type"][0].removeprefix(SCHEMA)
        said = {key.removeprefix(SCHEMA) for key in node if not key.startswith("@")}
        assert said <= PROPERTIES[kind], f"{kind}: {said - PROPERTIES[kind]}"
    written = json.dumps(data)
    assert jsonld.to_rdf(data, {"documentLoader": _offline_loader, "format": "application/n-quads"})
    assert written.count('"@type"') == len(nodes), "every typed node survives expansion"


LANGUAGES = [
    {"lang": "en", "url": "https://c.example/a/", "current": True, "published": True},
    {"lang": "es", "url": "https://c.example/es/a/", "current": False, "published": True},
    {"lang": "ar", "url": "https://c.example/a/", "current": False, "published": False},
]


def _page(**changes: Any) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "address": "https://c.example/a/", "title": "Flu vaccine", "description": "Who, when.",
        "lang": "en", "source_lang": "en",
        "review": {"reviewed_by": "Maria Lopez, RN", "last_reviewed_iso": "2026-09-15"},
        "sources": [{"text": "Key facts", "url": "https://www.cdc.gov/flu/"}],
        "languages": LANGUAGES, "site_name": "Clinic", "site_url": "https://c.example/",
    }
    return structured.medical_web_page(**{**facts, **changes})


def test_an_article_is_a_valid_medical_web_page() -> None:
    data = _page()
    assert_valid(data)
    assert data["lastReviewed"] == "2026-09-15"
    assert data["reviewedBy"] == {"@type": "Person", "name": "Maria Lopez, RN"}
    assert data["citation"][0]["url"] == "https://www.cdc.gov/flu/"
    assert data["isPartOf"]["@id"] == "https://c.example/"
    # Published translations only: Arabic sends readers to English.
    assert data["workTranslation"] == [{"@id": "https://c.example/es/a/", "inLanguage": "es"}]
    assert "translationOfWork" not in data


def test_a_translation_names_the_work_it_translates() -> None:
    languages = [{**link, "current": link["lang"] == "es"} for link in LANGUAGES]
    data = _page(lang="es", languages=languages)
    assert_valid(data)
    assert data["translationOfWork"] == {"@id": "https://c.example/a/", "inLanguage": "en"}
    assert "workTranslation" not in data


def test_what_a_page_lacks_is_left_out() -> None:
    data = _page(address="", description="", review={}, sources=[], site_url="", languages=[])
    assert_valid(data)
    assert set(data) == {"@context", "@type", "name", "inLanguage"}


def test_no_text_can_close_the_data_block_and_the_policy_does_not_hash_it() -> None:
    script = structured.json_ld_script(_page(title="</script><script>alert(1)</script> & <!--"))
    assert script.count("</script>") == 1 and "<!--" not in script
    body = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', script, re.S)
    assert body is not None
    assert json.loads(body.group(1))["name"] == "</script><script>alert(1)</script> & <!--"
    page = f"<html><head><meta charset=utf-8>{script}</head><body></body></html>"
    assert webprivacy.inline_script_hashes(page) == []
    assert "script-src 'self';" in webprivacy.content_security_policy(page)
