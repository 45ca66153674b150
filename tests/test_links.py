"""No dead internal link and no image without alt text reaches readers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from wellread.publish.sitelinks import dead_links

from .conftest import ARTICLE, run_wellread


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    return root


def test_dead_links_and_anchors_in_a_built_site_are_found(tmp_path: Path) -> None:
    site = write(tmp_path, {
        "index.html": '<a href="a/">A</a> <a href="a/#top">top</a> <a href="a/#gone">x</a>'
                      '<a href="https://example.org/nope">out</a> <img src="missing.png" alt="">',
        "a/index.html": '<h1 id="top">A</h1>\n<a href="../b/">B</a> <a href="#top">up</a>',
        "404.html": '<a href="/anywhere/">home</a>',
    })
    assert sorted(dead_links(site)) == [
        ("a/index.html", 2, "../b/"),
        ("index.html", 1, "a/#gone"),
        ("index.html", 1, "missing.png"),
    ]


def test_links_above_the_site_root_are_dead(tmp_path: Path) -> None:
    site = write(tmp_path, {"index.html": '<a href="../outside.html">x</a>'})
    (tmp_path.parent / "outside.html").write_text("", "utf-8")
    assert list(dead_links(site)) == [("index.html", 1, "../outside.html")]


def test_article_with_a_dead_internal_link_fails_the_build(
    make_project: Callable[..., Path],
) -> None:
    article = ARTICLE.replace(
        "Ask your nurse for a flu shot.", "Ask your nurse. See [the fever page](fever.md)."
    )
    project = make_project({"content/index.md": "Home\n", "content/flu/flu-vaccine.md": article})
    result = run_wellread(project, "build")
    assert result.returncode == 1
    assert "flu/flu-vaccine.md" in result.stderr and "fever.md" in result.stderr
    assert "Traceback" not in result.stderr


def test_image_without_alt_text_fails_the_build(make_project: Callable[..., Path]) -> None:
    article = ARTICLE.replace("Ask your nurse for a flu shot.", "![](shot.png)")
    project = make_project({"content/index.md": "Home\n", "content/flu/flu-vaccine.md": article})
    (project / "content/flu/shot.png").write_bytes(
        Path(__file__).parent.parent.joinpath("content/vaccines/flu-shot.png").read_bytes()
    )
    result = run_wellread(project, "build")
    assert result.returncode == 1
    assert "image-alt" in result.stderr
    assert "Traceback" not in result.stderr
