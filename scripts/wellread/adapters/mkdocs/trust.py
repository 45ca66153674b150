"""MkDocs plugin `wellread/trust`: what makes a health site trustworthy and private.

Cleaned images (no EXIF, XMP or IPTC; upright; no wider than needed), an Atom feed per
language, a site-wide corrections page, an urgent alert on every page, a Content-Security-Policy
and external links that leak nothing. The logic lives in `wellread.core.images` and
`wellread.publish` (`feeds`, `webprivacy`, `trust`); this adapter feeds them MkDocs' pages and
files.
"""

from __future__ import annotations

import logging
import posixpath
from functools import lru_cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ...core import images, urls
from ...core.settings import TrustOptions
from ...i18n.languages import format_day, text_direction
from ...publish import feeds, trust, webprivacy
from .options import config_class
from .state import language_build, manifest

log = logging.getLogger("mkdocs.plugins.wellread.trust")


_TrustConfig = config_class(TrustOptions, "_TrustConfig")


@lru_cache(maxsize=256)
def _published(data: bytes, max_width: int) -> bytes:
    return images.published_image(data, max_width)  # once for all the languages' builds


class TrustPlugin(BasePlugin[_TrustConfig]):
    """Runs after wellread/i18n, so it sees each language's translated pages."""

    serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        build = language_build(config)
        self.language, self.default_language = build.code, build.default_language
        self.gettext, self.pgettext = build.gettext, build.pgettext
        self.content = build.content
        try:
            self.alert_settings = trust.alert_settings(self.config.alert)
        except ValueError as error:
            raise PluginError(f"wellread/trust: alert: {error}") from None
        site = urls.parse(config.site_url or "")
        self.site_host = site.host if site is not None else ""
        if self.config.feed:
            manifest(config)  # recorded from the first page on: the feed is made from it
            config.extra["wellread_feed"] = {"href": feeds.FEED_FILE}
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        shown_root = Path(config.docs_dir).name
        for file in files:
            if not file.src_uri.lower().endswith(images.IMAGE_SUFFIXES):
                continue
            data = file.content_bytes
            if self.language == self.default_language:
                for found in trust.image_findings(data, f"{shown_root}/{file.src_uri}"):
                    # As wellread/check does: errors fail a strict build, warnings only report.
                    level = logging.ERROR if found.severity == "error" else logging.INFO
                    log.log(level, "wellread: %s", found.as_text())
            try:
                file.content_bytes = _published(data, self.config.image_max_width)
            except images.ImageProblem as error:
                raise PluginError(f"wellread/trust: {shown_root}/{file.src_uri}: {error}") from None
        self._corrections_page(files, config)
        self._alert(files, config)
        return files

    def _corrections_page(self, files: Files, config: MkDocsConfig) -> None:
        name = self.config.corrections_page
        if not name or files.get_file_from_path(name):
            return
        files.append(File.generated(config, name, content=self._corrections(files)))

    def corrections_again(self, files: Files) -> File | None:
        """The preview, after an edit to a front matter: the corrections page written again;
        its file, to be rendered again (None when the site has none)."""
        page = files.get_file_from_path(self.config.corrections_page or "")
        if page is None or not page.generated_by:
            return None
        page.content_string = self._corrections(
            Files([file for file in files if file is not page])
        )
        return page

    def _corrections(self, files: Files) -> str:
        name = self.config.corrections_page
        content = self.content
        _, pgettext = self.gettext, self.pgettext
        # Plain _() calls, so that Babel's extractor finds them. The page's title has a msgctxt:
        # "Corrections" is also the heading of an article's own corrections.
        labels = trust.CorrectionLabels(
            title=pgettext("page title", "Corrections"),
            intro=_(
                "When we fix a mistake that changes what an article says, we show it here and "
                "on the article, newest first."
            ),
            none=_("There are no corrections yet."),
        )
        listed = []
        for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
            # Encoded, or a file name with a space or '#' would end the Markdown link early.
            link = urls.percent_encoded(
                posixpath.relpath(file.src_uri, posixpath.dirname(name) or ".")
            )
            listed += trust.page_corrections(
                file.content_string, file.src_uri, link, content,
                self.default_language if self.language != self.default_language else "",
            )
        return trust.corrections_markdown(
            listed, labels, lambda day: format_day(day, self.language)
        )

    def _alert(self, files: Files, config: MkDocsConfig) -> None:
        settings = self.alert_settings
        if settings is None:
            config.extra.pop("wellread_alert", None)
            return
        link = settings.link
        parsed = urls.parse(link)
        if link and parsed is not None and not parsed.scheme:
            target = files.get_file_from_path(link)
            if target is None:
                raise PluginError(
                    f"wellread/trust: alert: link {link!r} is not a page in "
                    f"{Path(config.docs_dir).name}/. Give a page like vaccines/flu-vaccine.md "
                    "or a web address."
                )
            link = target.url
        elif parsed is not None and parsed.href:
            link = parsed.href  # what a browser opens: tabs and newlines gone, encoded
        text, text_lang = trust.alert_in_language(
            settings, self.language, self.default_language, self.gettext
        )
        config.extra["wellread_alert"] = {
            "text": text,
            "lang": text_lang,
            "dir": text_direction(text_lang) if text_lang else "",
            "date": format_day(settings.day, self.language),
            "iso": settings.day.isoformat(),
            "link": link,
            "external": bool(parsed and parsed.scheme),
        }

    @event_priority(-100)  # last, so the policy covers every script other plugins added
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return self._private(output)

    @event_priority(-100)
    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        # Static templates such as 404.html are whole pages too; sitemap.xml is not.
        return self._private(output) if template_name.endswith(".html") else output

    def _private(self, html: str) -> str:
        html = webprivacy.with_external_link_rel(html, self.site_host)
        if self.config.content_security_policy and not self.serving:
            html = webprivacy.with_content_security_policy(html)
        return html

    # Before wellread/i18n builds the other languages: MkDocs shares this plugin object between
    # those builds (it has on_startup), so each language's feed is written while it is current.
    @event_priority(50)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.feed:
            return
        _ = self.gettext
        labels = feeds.FeedLabels(corrections=_("Corrections"), reviewed=_("Page last reviewed:"))
        feeds.write_language_feed(
            Path(config.site_dir), manifest(config), site_name=config.site_name,
            site_url=config.site_url or "", language=self.language, labels=labels,
        )
