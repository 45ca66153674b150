"""wellread's own messages in Arabic (issue 17, item 8): an Arabic article's findings, and an
Arabic translation's, come out in Arabic, with the plural form Arabic uses for each number."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wellread.check import CheckContext, check_article
from wellread.check.run import translation_findings
from wellread.core.article import parse_article
from wellread.core.settings import CheckSettings
from wellread.i18n.messages import messages

FRONT = (
    "---\ntitle: ضغط الدم المرتفع\ndescription: D\n{lang}reviewd_by: R\n"
    "last_reviewed: 2026-01-01\nnext_review: 2027-01-01\n"
    "sources:\n  - title: S\n    url: https://www.cdc.gov/\n---\n"
)
# 57 words in one sentence.
LONG = (
    "كثير من الناس عندهم ضغط دم مرتفع ولا يعرفون ذلك لأنه في أغلب الأحيان لا يسبب أي أعراض "
    "واضحة ولهذا من المهم جدا أن تقيس ضغط الدم بانتظام في العيادة القريبة منك أو في الصيدلية "
    "التي في حيك مرة واحدة على الأقل في كل سنة حتى تعرف أرقامك وتتحدث مع الممرضة أو الطبيب "
    "عنها بهدوء ودون خوف."
)


def _check(lang: str = "", language: str = "en") -> dict[str, tuple[str, str]]:
    text = FRONT.format(lang=f"lang: {lang}\n" if lang else "") + LONG + "\n"
    article = parse_article(text, "content/heart/a.md", "heart/a.md")
    found = check_article(article, CheckContext(CheckSettings(language=language),
                                                today=date(2026, 11, 24)))
    return {f.rule: (f.message, f.suggestion) for f in found}


@pytest.mark.parametrize(("lang", "language"), [("ar", "en"), ("", "ar")])
def test_an_arabic_articles_findings_are_in_arabic(lang: str, language: str) -> None:
    """Whether the article says 'lang: ar' or the site's language is Arabic."""
    found = _check(lang, language)
    assert found["sentence-length"] == (
        "في هذه الجملة 57 كلمة؛ اجعل عدد كلمات الجملة 35 أو أقل.",
        "قسّمها إلى جملتين، أو اجعلها قائمة إذا كانت تذكر عدة أشياء.",
    )
    # Field names stay as they are written in the file, in Latin letters.
    assert found["front-matter"] == (
        "في رأس المقالة (front matter) حقل غير معروف: «reviewd_by».", "هل تقصد «reviewed_by»؟",
    )
    assert found["review-missing"][0].startswith("ينقص المقالة الحقل «reviewed_by»")


def test_an_english_article_on_the_same_site_stays_in_english() -> None:
    text = FRONT.format(lang="lang: en\n").replace("ضغط الدم المرتفع", "High blood pressure")
    article = parse_article(text + "Check your blood pressure.\n", "content/a.md", "a.md")
    found = check_article(article, CheckContext(CheckSettings(language="ar"),
                                                today=date(2026, 11, 24)))
    assert {f.rule: f.message for f in found}["front-matter"] == (
        "Unknown front matter field 'reviewd_by'."
    )


def test_an_arabic_translations_findings_are_in_arabic_at_its_po_line(tmp_path: Path) -> None:
    po = tmp_path / "ar" / "LC_MESSAGES" / "content.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: ar\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && '
        'n%100<=10 ? 3 : n%100>=11 ? 4 : 5);\\n"\n\n'
        f'#. paragraph\n#: content/heart/a.md:12\nmsgid "{LONG}"\nmsgstr "{LONG}"\n',
        "utf-8",
    )
    found = translation_findings(tmp_path, ["ar"], CheckContext(CheckSettings(language="en")))
    long = [f for f in found if f.rule == "sentence-length"]
    assert [(f.file, f.line, f.message) for f in long] == [(
        "locales/ar/LC_MESSAGES/content.po", 10,
        "في هذه الجملة 57 كلمة؛ اجعل عدد كلمات الجملة 35 أو أقل.",
    )]


SENTENCE = (
    "This sentence has {words} word; keep sentences to {limit} or fewer.",
    "This sentence has {words} words; keep sentences to {limit} or fewer.",
)


@pytest.mark.parametrize(("words", "said"), [
    (0, "هذه الجملة ليس فيها كلمات"),
    (1, "في هذه الجملة كلمة واحدة"),
    (2, "في هذه الجملة كلمتان"),
    (3, "في هذه الجملة 3 كلمات"),
    (10, "في هذه الجملة 10 كلمات"),
    (11, "في هذه الجملة 11 كلمة"),
    (99, "في هذه الجملة 99 كلمة"),
    (100, "في هذه الجملة 100 كلمة"),
    (103, "في هذه الجملة 103 كلمات"),
])
def test_arabic_says_each_number_with_its_own_plural_form(words: int, said: str) -> None:
    message = messages("ar").plural(*SENTENCE, words, words=words, limit=35)
    assert message == said + "؛ اجعل عدد كلمات الجملة 35 أو أقل."


def test_arabic_days_are_said_in_words_for_one_and_two() -> None:
    _ = messages("ar")
    soon = ("In {count} day this becomes an error.", "In {count} days this becomes an error.")
    assert _.plural(*soon, 1, count=1) == "سيصبح هذا خطأ غدًا."
    assert _.plural(*soon, 2, count=2) == "بعد يومين سيصبح هذا خطأ."
    assert _.plural(*soon, 14, count=14) == "بعد 14 يومًا سيصبح هذا خطأ."
