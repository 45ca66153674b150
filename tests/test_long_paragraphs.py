"""Rules that look at the words before a match read a window around it, not the whole paragraph
(a paragraph of 2,000 names took 39 s, one of capitals 59 s; `make bench` reports the slowest
kind). These tests put each match far past that window, in paragraphs of up to 100,000
characters, and check that the rules still see what they saw: the cue before a name, the "born"
before a date, "version" before a number, the link around an address, a term's explanation."""

from __future__ import annotations

from datetime import date

from wellread.check import CheckContext, check_article
from wellread.core.article import parse_article
from wellread.core.findings import Finding
from wellread.core.settings import CheckSettings

FRONT = "---\ntitle: T\ndescription: D\n---\n"
FILLER = "Rest and drink water when you can. " * 600  # 21,000 characters, one paragraph


def check(body: str, language: str = "en", **rules: bool) -> list[Finding]:
    article = parse_article(FRONT + body + "\n", "content/topic/a.md", "topic/a.md")
    switches = tuple((rule.replace("_", "-"), on) for rule, on in rules.items())
    context = CheckContext(CheckSettings(language=language, rules=switches),
                           today=date(2026, 12, 6))
    return check_article(article, context)


def found(body: str, prefix: str, language: str = "en", **rules: bool) -> list[tuple[int, str]]:
    """(column, message start) of the findings whose rule starts with `prefix`."""
    return [(f.column, f.message[:40]) for f in check(body, language, **rules)
            if f.rule.startswith(prefix)]


def test_a_patient_name_deep_in_a_long_paragraph_is_found_and_a_doctor_is_not() -> None:
    tail = "Our client Adaeze Okafor came in. Dr. Mandy Cohen came in too."
    hits = [f for f in check(FILLER + tail) if f.rule == "phi-name"]
    assert [f.column for f in hits] == [len(FILLER) + len("Our client ") + 1], hits
    said = "Adaeze Okafor was diagnosed last week. "  # the name before its verb
    assert [f.rule for f in check(FILLER + said)].count("phi-name") == 1


def test_a_name_made_of_many_capitalised_words_is_read_back_past_the_window() -> None:
    """Capitalised words all the way back past the window: read to their start, as before."""
    words = " ".join(["Ana"] * 150)  # 600 characters of one long "name"
    for before in ("", FILLER):
        named = [f for f in check(f"{before}{words} Lopez was diagnosed. ") if f.rule == "phi-name"]
        assert [f.column for f in named] == [len(before) + 1]


def test_a_date_of_birth_deep_in_a_long_paragraph_is_found_and_a_period_is_not() -> None:
    born = "She was born on June 2, 1975."
    dated = found(FILLER + born, "phi-date")
    assert [column for column, _ in dated] == [len(FILLER) + born.index("June") + 1]
    period = "Veterans discharged between November 1, 1912 and January 1, 1960 may apply."
    assert found(FILLER + period, "phi-date") == []


def test_a_version_number_deep_in_a_long_paragraph_is_no_ip_address() -> None:
    assert found(FILLER + "Update the app to version 3.1.4.1 today.", "phi-ip") == []
    assert found(FILLER + "Her IP was 203.0.113.5 that day.", "phi-ip") != []
    assert found(FILLER + "Log in from http://203.0.113.5/portal today.", "phi-ip") != []


def test_a_number_inside_a_link_after_many_links_is_part_of_the_link() -> None:
    links = "Read [this page](../a.md) and https://clinic.test/b first. " * 300
    inside = links + "See https://clinic.test/form?ref=5551234567 for the form."
    assert found(inside, "phi-phone") == []
    outside = links.replace("https://clinic.test/b", "page b") + "Call me at 555-123-4567."
    assert [c for c, _ in found(outside, "phi-phone")] == [outside.index("555-") + 1]


def test_a_term_explained_deep_in_a_long_paragraph_is_explained() -> None:
    assert found(FILLER + "High blood pressure (hypertension) is common.", "jargon",
                 jargon=True) == []
    assert found(FILLER + "Hypertension is common.", "jargon", jargon=True) != []


def test_run_together_sentences_deep_in_a_long_paragraph_quote_their_words() -> None:
    [finding] = [f for f in check(FILLER + "It lasts two years.Rarely, it comes back.")
                 if f.rule == "missing-space"]
    assert finding.message.startswith("'years.Rarely' runs two sentences together")
    assert finding.column == len(FILLER) + len("It lasts two ") + 1


def test_a_dotted_abbreviation_deep_in_a_long_paragraph_is_read_as_dotted() -> None:
    """'b.i.d.' is listed with its periods: found in dotted text only, wherever it is."""
    dots = "See Dr. Ada Obi at St. Luke's, a.m. or p.m., in the U.S. " * 300
    assert [column for column, _ in found(dots + "Take it b.i.d. with food.", "jargon",
                                          jargon=True)] == [len(dots) + len("Take it ") + 1]
