from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from wellread.cli import main

from .conftest import ARTICLE, copy_sample, run_wellread

Project = Callable[..., Path]


def test_clean_articles_exit_zero(make_project: Project, run) -> None:
    project = make_project({"content/vaccines/flu.md": ARTICLE}, with_theme=False)
    result = run(project, "check", "content")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == "1 file checked: 0 errors, 0 warnings, 0 hints.\n"


def test_planted_ssn_exits_one_and_names_the_line(make_project: Project, run) -> None:
    leaked = ARTICLE.replace("older.", "older. Patient SSN 123-45-6789.")
    project = make_project({"content/vaccines/flu.md": leaked}, with_theme=False)
    result = run(project, "check", "content")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "content/vaccines/flu.md:15:44: error phi-ssn: This looks like a US Social Security "
        "number. It must never be published."
    )


def test_json_output_has_the_documented_keys(make_project: Project, run) -> None:
    project = make_project(
        {"content/vaccines/flu.md": ARTICLE.replace("older.", "older. Please utilize the clinic.")},
        with_theme=False,
    )
    result = run(project, "check", "--format", "json")
    findings = json.loads(result.stdout)
    assert [sorted(f) for f in findings] == [
        ["column", "file", "line", "message", "rule", "severity", "suggestion"]
    ]
    assert findings[0]["rule"] == "formal-word"
    assert findings[0]["severity"] == "hint"
    assert result.exit_code == 0


def test_a_second_check_takes_unchanged_pages_findings_from_the_cache(
    make_project: Project, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    # CI runs `wellread check` on every push, with .cache/ kept between runs.
    import wellread.check.run
    from wellread.core.cache import Cache

    leaked = ARTICLE.replace("older.", "older. Patient SSN 123-45-6789.")
    project = make_project({"content/vaccines/flu.md": leaked,
                            "content/vaccines/measles.md": ARTICLE}, with_theme=False)
    first = run(project, "check")
    assert first.exit_code == 1 and "phi-ssn" in first.stdout
    assert list((project / ".cache" / "wellread" / "findings").rglob("*.json"))
    Cache.forget_memory()  # the next run's process
    checked: list[str] = []
    real = wellread.check.run.check_article
    monkeypatch.setattr(wellread.check.run, "check_article",
                        lambda article, context: checked.append(article.page) or real(
                            article, context))
    (project / "content" / "vaccines" / "measles.md").write_text(
        ARTICLE.replace("Ask your nurse", "Ask your nurse or pharmacist"), "utf-8")
    second = run(project, "check")
    assert checked == ["vaccines/measles.md"]
    assert (second.exit_code, second.stdout, second.stderr) == (
        first.exit_code, first.stdout, first.stderr)


def test_a_broken_article_does_not_hide_the_others(make_project: Project, run) -> None:
    project = make_project(
        {
            "content/a/broken.md": "---\ntitle: [unclosed\n---\nBody\n",
            "content/b/leak.md": ARTICLE.replace("older.", "older. 123-45-6789"),
        },
        with_theme=False,
    )
    result = run(project, "check")
    assert result.exit_code == 1
    rules = [line.split(": ")[1] for line in result.stdout.splitlines() if ": " in line
             and not line.startswith("    ")]
    assert rules == ["error front-matter", "error phi-ssn"]
    assert "content/a/broken.md:2:1: error front-matter: The front matter is not valid" in (
        result.stdout
    )
    assert "Traceback" not in result.output


def test_usage_error_exits_two(make_project: Project, run) -> None:
    project = make_project({"content/a.md": ARTICLE}, with_theme=False)
    assert run(project, "check", "--format", "xml").exit_code == 2
    assert run(project, "check", "missing.md").exit_code == 2


def test_bad_threshold_in_mkdocs_yml_is_a_usage_error(make_project: Project, run) -> None:
    project = make_project(
        {
            "content/a.md": ARTICLE,
            "mkdocs.yml": "docs_dir: content\nplugins:\n  - wellread/check:\n"
                          "      reading_grade_max: eight\n",
        },
        with_theme=False,
    )
    result = run(project, "check")
    assert result.exit_code == 2
    assert (
        "wellread/check option 'reading_grade_max': Expected a number but received: 'eight'"
    ) in result.output


def test_unknown_option_and_bad_language_are_usage_errors(make_project: Project, run) -> None:
    for plugin, expected in (
        ("wellread/check:\n      reading_grade: 8", "option 'reading_grade'"),
        ("wellread/i18n:\n      languages: [en, xx]", "unknown language code 'xx'"),
    ):
        project = make_project(
            {"content/a.md": ARTICLE, "mkdocs.yml": f"docs_dir: content\nplugins:\n  - {plugin}\n"},
            with_theme=False,
        )
        result = run(project, "i18n", "stats")
        assert result.exit_code == 2
        assert expected in result.output


def test_translate_commands_write_catalogs_and_report_progress(
    make_project: Project, run
) -> None:
    project = make_project({"content/vaccines/flu.md": ARTICLE})
    assert run(project, "i18n", "extract").exit_code == 0
    assert (project / "locales/content.pot").is_file()
    assert (project / "locales/theme.pot").is_file()
    result = run(project, "i18n", "update")
    assert result.exit_code == 0
    assert "locales/es/LC_MESSAGES/content.po: 0% translated" in result.stdout
    again = run(project, "i18n", "update")
    assert again.stdout.count("(unchanged)") == 4
    stats = run(project, "i18n", "stats")
    assert stats.stdout.splitlines()[1].split() == [
        "es", "content", "0", "0", "0", "8", "0/43", "0%",
    ]
    assert run(project, "i18n", "stats", "--min", "1").exit_code == 1
    assert run(project, "i18n", "stats", "--min", "0").exit_code == 0


def test_i18n_check_names_the_po_line_of_a_changed_dose(make_project: Project, run) -> None:
    project = make_project({"content/vaccines/flu.md": ARTICLE.replace(
        "Everyone 6 months and older.", "Take 500 mg twice a day.")})
    run(project, "i18n", "extract")
    run(project, "i18n", "update")
    po = project / "locales/es/LC_MESSAGES/content.po"
    text = po.read_text("utf-8").replace(
        'msgid "Take 500 mg twice a day."\nmsgstr ""',
        'msgid "Take 500 mg twice a day."\nmsgstr "Tome 50 mg dos veces al día."',
    )
    po.write_text(text, "utf-8")
    line = text.splitlines().index('msgid "Take 500 mg twice a day."') + 1
    result = run(project, "i18n", "check")
    assert result.exit_code == 1
    assert result.stdout.startswith(
        f"locales/es/LC_MESSAGES/content.po:{line}: warning translation-unusable: this "
        "translation is not used because its numbers differ from the source: the source has "
        "'500' where the translation has '50'."
    )


def test_extract_refuses_to_drop_messages_of_a_broken_article(
    make_project: Project, run
) -> None:
    project = make_project({"content/a/broken.md": "---\n- a list\n---\nBody\n"})
    result = run(project, "i18n", "extract")
    assert result.exit_code == 1
    assert "Nothing was extracted" in result.stderr
    assert not (project / "locales/content.pot").exists()


def test_file_that_is_not_utf8_is_a_finding_with_its_line(make_project: Project, run) -> None:
    project = make_project({"content/b/ok.md": ARTICLE}, with_theme=False)
    (project / "content/a").mkdir()
    (project / "content/a/latin1.md").write_bytes(b"---\ntitle: Caf\xe9\n---\nBody\n")
    result = run(project, "check")
    assert result.exit_code == 1
    assert result.stdout.startswith(
        "content/a/latin1.md:2:1: error encoding: The file is not UTF-8 text."
    )


def test_a_draft_outside_the_content_folder_is_checked_as_an_article(
    make_project: Project, run, tmp_path: Path
) -> None:
    project = make_project({"content/a/ok.md": ARTICLE}, with_theme=False)
    draft = project / "drafts" / "topic" / "new.md"
    draft.parent.mkdir(parents=True)
    draft.write_text(ARTICLE.replace("title: Flu vaccine", "title: Flu\nimage: pic.png\n"
                                     "image_alt: A picture."), "utf-8")
    Image.new("RGB", (4, 4), "white").save(draft.parent / "pic.png")
    result = run(project, "check", "drafts/topic/new.md")
    assert result.exit_code == 0, result.output
    draft.write_text("---\ntitle: Flu\n---\nBody.\n", "utf-8")
    result = run(project, "check", "drafts/topic/new.md")
    assert "error review-missing: The article has no 'reviewed_by'" in result.stdout


def test_translations_are_checked_with_their_languages_word_lists(
    make_project: Project, run
) -> None:
    project = make_project({"content/vaccines/flu.md": ARTICLE})
    run(project, "i18n", "extract")
    run(project, "i18n", "update")
    po = project / "locales/es/LC_MESSAGES/content.po"
    text = po.read_text("utf-8").replace(
        'msgid "Everyone 6 months and older."\nmsgstr ""',
        'msgid "Everyone 6 months and older."\nmsgstr "Todos desde 6 meses; se utiliza una aguja."',
    ).replace(
        'msgid "Who should get it"\nmsgstr ""',
        'msgid "Who should get it"\nmsgstr "Quién 123-45-6789"',
    )
    po.write_text(text, "utf-8")
    lines = text.splitlines()
    word_line = lines.index('msgstr "Todos desde 6 meses; se utiliza una aguja."') + 1
    result = run(project, "check")
    assert result.exit_code == 1
    assert (
        f"locales/es/LC_MESSAGES/content.po:{word_line}:33: hint formal-word: 'utiliza'"
        in result.stdout
    )
    assert "Use 'usa'" in result.stdout
    ssn_line = lines.index('msgstr "Quién 123-45-6789"') + 1
    assert f"locales/es/LC_MESSAGES/content.po:{ssn_line}:15: error phi-ssn" in result.stdout


def test_github_format_annotates_the_pull_request(make_project: Project, run) -> None:
    leaked = ARTICLE.replace("older.", "older. Patient SSN 123-45-6789.")
    project = make_project({"content/vaccines/flu.md": leaked}, with_theme=False)
    result = run(project, "check", "--format", "github", "content")
    assert result.exit_code == 1
    assert result.stdout == (
        "::error file=content/vaccines/flu.md,line=15,col=44,title=phi-ssn::This looks like a US "
        "Social Security number. It must never be published. Remove the number. If it is an "
        "example, use a made-up format like XXX-XX-XXXX.\n"
    )


def test_sarif_format_is_valid_sarif_with_locations(make_project: Project, run) -> None:
    leaked = ARTICLE.replace("older.", "older. Patient SSN 123-45-6789.")
    project = make_project({"content/vaccines/flu.md": leaked}, with_theme=False)
    result = run(project, "check", "--format", "sarif", "content")
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    run_ = sarif["runs"][0]
    assert run_["tool"]["driver"]["rules"] == [{"id": "phi-ssn"}]
    assert run_["results"][0]["level"] == "error"
    assert run_["results"][0]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "content/vaccines/flu.md"},
        "region": {"startLine": 15, "startColumn": 44},
    }


def test_new_scaffolds_an_article_that_fails_until_its_todos_are_filled(
    make_project: Project, run
) -> None:
    project = make_project({"content/vaccines/flu.md": ARTICLE}, with_theme=False)
    result = run(project, "new", "Vacuna de la gripe: qué saber", "--topic", "vaccines")
    created = project / "content/vaccines/vacuna-de-la-gripe-que-saber.md"
    assert result.exit_code == 0 and created.is_file()
    check = run(project, "check", "content/vaccines/vacuna-de-la-gripe-que-saber.md")
    assert check.exit_code == 1
    assert "error placeholder: 'TODO' marks text that still has to be written." in check.stdout
    again = run(project, "new", "Vacuna de la gripe: qué saber", "--topic", "vaccines")
    assert again.exit_code == 2 and "already exists" in again.output


def test_report_json_has_one_object_per_article(make_project: Project, run) -> None:
    text = ARTICLE.replace("older.", "older. Adults with hypertension require a dose.")
    project = make_project({"content/vaccines/flu.md": text}, with_theme=False)
    result = run(project, "report", "--format", "json")
    data = json.loads(result.stdout)
    assert [item["file"] for item in data] == ["content/vaccines/flu.md"]
    assert {"language", "smog", "flesch_kincaid_grade", "words", "sentences"} <= set(data[0])
    # `jargon` is off by default: not counted, rather than a count of none; formal words are.
    assert (data[0]["jargon"], data[0]["formal_words"]) == (None, 1)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "  - wellread/check", "  - wellread/check:\n      rules: {jargon: true}", 1), "utf-8")
    data = json.loads(run(project, "report", "--format", "json").stdout)
    assert (data[0]["jargon"], data[0]["formal_words"]) == (1, 1)
    html = run(project, "report", "-o", "report.html")
    assert html.exit_code == 0
    assert "<svg" in (project / "report.html").read_text("utf-8")


def test_text_output_is_grouped_by_file_and_coloured_on_a_terminal(
    make_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    leaked = ARTICLE.replace("older.", "older. 123-45-6789")
    project = make_project(
        {"content/a/one.md": leaked, "content/b/two.md": leaked}, with_theme=False
    )
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check"], color=True)
    assert "\x1b[31m\x1b[1merror\x1b[0m phi-ssn" in result.stdout
    assert "\n\ncontent/b/two.md:" in result.stdout


# -- every broken catalog, and unused translations, fail `check` -------------------------------
def _break(po: Path) -> int:
    """A msgstr whose closing quote is missing; the line it is on."""
    lines = po.read_text("utf-8").splitlines()
    line = next(i for i, text in enumerate(lines) if text.startswith("msgstr ") and i > 20)
    lines[line] = 'msgstr "Hola'
    po.write_text("\n".join(lines) + "\n", "utf-8")
    return line + 1


def test_check_reports_every_broken_catalog_and_fails_on_theme_po_alone(
    tmp_path: Path, run
) -> None:
    project = copy_sample(tmp_path / "p")
    messages = project / "locales" / "{}" / "LC_MESSAGES" / "{}.po"
    broken = {
        f"locales/{language}/LC_MESSAGES/{domain}.po": _break(Path(str(messages).format(
            language, domain)))
        for language, domain in (("es", "theme"), ("ar", "theme"), ("ar", "content"))
    }
    result = run(project, "check")
    assert result.exit_code == 1, result.output
    for shown, line in broken.items():
        assert f"{shown}:{line}:1: error catalog:" in result.stdout, result.stdout[-3000:]
    for command in (["i18n", "check"], ["i18n", "stats"], ["i18n", "compile"]):
        listed = run(project, *command)
        assert listed.exit_code == 1
        assert all(f"{shown}:{line}:" in listed.stderr for shown, line in broken.items()), command


def test_check_fails_on_a_translation_that_is_not_used_at_its_po_line(
    tmp_path: Path, run
) -> None:
    project = copy_sample(tmp_path / "p")
    po = project / "locales" / "es" / "LC_MESSAGES" / "content.po"
    lines = po.read_text("utf-8").splitlines()
    line = next(i for i, text in enumerate(lines)
                if text.startswith('msgstr "') and text != 'msgstr ""' and i > 20)
    lines[line] = lines[line][:-1] + ' <script>alert(1)</script>"'
    po.write_text("\n".join(lines) + "\n", "utf-8")
    msgid = max(i for i in range(line) if lines[i].startswith("msgid ")) + 1  # Babel's line
    result = run(project, "check")
    assert result.exit_code == 1, result.output
    assert (
        f"locales/es/LC_MESSAGES/content.po:{msgid}:1: error translation-unusable: This "
        "translation is not used because"
    ) in result.stdout


def _not_utf8(article: Path) -> int:
    """The article with its first "flu" written in Latin-1 ("fl\xfc"): the line that holds it."""
    text = article.read_bytes()
    article.write_bytes(text.replace(b"flu", "fl\xfc".encode("latin-1"), 1))
    return text[: text.index(b"flu")].count(b"\n") + 1


def test_cards_skips_an_unreadable_page_names_it_and_draws_every_other_card(
    tmp_path: Path,
) -> None:
    project = copy_sample(tmp_path)
    line = _not_utf8(project / "content" / "vaccines" / "flu-vaccine.md")
    result = run_wellread(project, "cards", "--workers", "1")
    assert result.returncode == 1, result.stderr
    assert f"Error: content/vaccines/flu-vaccine.md:{line}: The file is not UTF-8 text." in (
        result.stderr
    )
    assert "1 page could not be read" in result.stderr
    cards = project / "site" / "assets" / "cards" / "vaccines"
    assert (cards / "childhood-vaccines.png").is_file()
    assert not (cards / "flu-vaccine.png").exists()
    assert (project / "site" / "ar" / "assets" / "cards" / "vaccines" / "index.png").is_file()


def test_one_language_built_alone_names_an_unreadable_article_instead_of_a_traceback(
    tmp_path: Path,
) -> None:
    # One CI job per language (`--language es`) checks no source article; it read the file
    # with MkDocs and ended in a UnicodeDecodeError traceback.
    project = copy_sample(tmp_path)
    line = _not_utf8(project / "content" / "vaccines" / "flu-vaccine.md")
    result = run_wellread(project, "build", "--language", "es")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert (
        f"content/vaccines/flu-vaccine.md:{line}:1: error encoding: The file is not UTF-8 text."
    ) in result.stderr
