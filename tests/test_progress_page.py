"""The translations page's tables are named (captions) and mark text in another language."""

from __future__ import annotations

from wellread.i18n.progress import with_captions


def test_each_table_gets_its_caption_in_order_escaped() -> None:
    html = "<p>x</p><table><tr><td>1</td></tr></table><h2>P</h2><table></table><table></table>"
    out = with_captions(html, ["By language", "By page & language"])
    assert out == (
        "<p>x</p><table>\n<caption>By language</caption><tr><td>1</td></tr></table><h2>P</h2>"
        "<table>\n<caption>By page &amp; language</caption></table><table></table>"
    )


def test_no_captions_leaves_the_page_as_it_is() -> None:
    assert with_captions("<table></table>", []) == "<table></table>"
    assert with_captions("<table></table>", [""]) == "<table></table>"
