"""The "Listen" button driven in Chromium with a stubbed speechSynthesis: what it reads, in which
language, its pause, resume and stop, by keyboard, and that it hides without a voice."""

from __future__ import annotations

from typing import Any

import pytest

from .axe import axe_violations, describe
from .conftest import LANGUAGES

ARTICLE = "vaccines/flu-vaccine/"
VOICES = {"en": "en-US", "es": "es-ES", "ar": "ar-SA"}
# speechSynthesis as a browser with the given voices has it; what it is told is kept in
# window.__speech.
STUB = """voices => {
  const calls = [];
  window.__speech = calls;
  const synth = {
    speaking: false, paused: false,
    getVoices: () => voices.map(lang => ({lang, name: 'Test ' + lang, default: false})),
    speak: u => { calls.push({call: 'speak', text: u.text, lang: u.lang,
                              voice: u.voice ? u.voice.lang : null}); },
    pause: () => calls.push({call: 'pause'}),
    resume: () => calls.push({call: 'resume'}),
    cancel: () => calls.push({call: 'cancel'}),
    addEventListener: () => {},
  };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ''; };
}"""


def _open(page: Any, lang: str, voices: list[str]) -> None:
    page.add_init_script(f"({STUB})({voices!r})")
    page.goto(LANGUAGES[lang] + ARTICLE)
    page.wait_for_load_state("load")


def _calls(page: Any, kind: str) -> list[dict[str, Any]]:
    return [call for call in page.evaluate("window.__speech") if call["call"] == kind]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_listen_reads_the_article_in_the_page_language_and_pauses_and_stops(
    page: Any, axe_source: str, lang: str
) -> None:
    _open(page, lang, [VOICES[lang], "fr-FR"])
    play = page.locator(".wr-listen__play")
    stop = page.locator(".wr-listen__stop")
    assert play.is_visible() and play.get_attribute("aria-pressed") == "false"
    assert stop.is_disabled()
    title = page.locator("h1").first.inner_text().strip()
    first = page.locator("article > p:not([class])").first.inner_text().strip()
    play.focus()
    page.keyboard.press("Enter")
    assert play.get_attribute("aria-pressed") == "true"
    spoken = _calls(page, "speak")
    texts = [call["text"] for call in spoken]
    assert texts[0] == title and first in texts
    assert all(call["lang"] == lang for call in spoken if call["text"] in (title, first))
    assert {call["voice"] for call in spoken if call["lang"] == lang} == {VOICES[lang]}
    everything = " ".join(texts)
    for left_out in (".md-header", ".md-sidebar--primary", ".wr-share h2", ".wr-sources h2"):
        text = page.locator(left_out).first.inner_text().strip()
        assert text and text not in everything, f"{left_out} is read aloud"
    page.keyboard.press("Space")  # pause
    assert play.get_attribute("aria-pressed") == "false" and _calls(page, "pause")
    assert page.locator(".wr-listen__status").inner_text()
    page.keyboard.press("Space")  # resume
    assert play.get_attribute("aria-pressed") == "true" and _calls(page, "resume")
    violations = axe_violations(page, axe_source)
    assert not violations, describe(violations)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # stop
    assert play.get_attribute("aria-pressed") == "false" and stop.is_disabled()
    assert len(_calls(page, "cancel")) >= 2
    assert page.evaluate("document.activeElement.classList.contains('wr-listen__play')")


def test_listen_is_hidden_without_a_voice_for_the_page_language(page: Any) -> None:
    _open(page, "ar", ["en-US", "es-ES"])
    assert page.locator(".wr-listen").count() == 1
    assert not page.locator(".wr-listen").is_visible()
    assert not page.locator(".wr-listen__play").is_visible()
