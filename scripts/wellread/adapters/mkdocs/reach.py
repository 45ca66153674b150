"""MkDocs plugin `wellread/reach`: what carries an article off the screen (the printed page's
address, QR code and contact; "Report a problem"; the JSON-LD that describes it to search
engines). The logic lives in `wellread.render.reach` and `wellread.render.structured`; this
adapter gives them MkDocs' pages and puts the result in `page.meta["wellread_reach"]`."""

from __future__ import annotations

import html as html_lib
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

from ...core.article import page_kind
from ...core.settings import ReachOptions
from ...i18n.languages import language_name
from ...publish import leaflets, offline
from ...render import reach, structured
from .options import config_class
from .state import language_build, manifest, site_contact

log = logging.getLogger("mkdocs.plugins.wellread.reach")

_ReachConfig = config_class(ReachOptions, "_ReachConfig")


class ReachPlugin(BasePlugin[_ReachConfig]):
    """Runs after wellread/i18n, so it sees each page as translated."""

    serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.build = language_build(config)
        self.offline = self.config.offline and not self.serving
        if self.offline:
            config.extra["wellread_offline"] = {"worker": offline.WORKER}
        else:
            config.extra.pop("wellread_offline", None)
        self.contact = reach.contact_details(site_contact(config))
        if self.config.leaflets:
            manifest(config)  # recorded from the first page on: the leaflets are made from it
            root = Path(config.config_file_path).parent
            self.leaflet_cache = root / self.config.leaflets_cache_dir
        try:
            self.form = reach.checked_form(self.config.report) if self.config.report else ""
        except ValueError as error:
            raise PluginError(f"wellread/reach: {error}") from None
        return config

    def on_page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        page.meta.pop("wellread_reach", None)
        w = page.meta.get("wellread")
        if page_kind(page.file.src_uri) != "article" or not w or w.get("unpublished"):
            return context
        _ = self.build.gettext
        address = reach.page_address(w.get("languages") or [])
        title = " ".join(str(page.meta.get("title") or page.title or "").split())
        emails = [detail["text"] for detail in self.contact if detail["kind"] == "email"]
        language = language_name(self.build.code, self.build.code)
        body = "\n".join([
            _("Page: %(title)s") % {"title": title},
            _("Language: %(language)s") % {"language": language},
            _("Address: %(address)s") % {"address": address or page.url},
            "",
            _("What is wrong or hard to understand?"),
            "",
        ])
        page.meta["wellread_reach"] = {
            "jsonld": structured.json_ld_script(structured.medical_web_page(
                address=address, title=title,
                description=" ".join(str(page.meta.get("description") or "").split()),
                lang=self.build.code, source_lang=self.build.default_language,
                review=w.get("review") or {}, sources=w.get("sources") or [],
                languages=w.get("languages") or [], site_name=config.site_name,
                site_url=config.site_url or "",
            )) if self.config.structured_data else "",
            "address": address if self.config.print_page else "",
            "qr": reach.qr_svg(address, _("QR code: %(address)s") % {"address": address})
            if address and self.config.print_page else "",
            "contact": self.contact if self.config.print_page else [],
            "listen": self.build.code if self.config.listen else "",
            "leaflet": bool(self.config.leaflets),
            "report": reach.report_href(
                self.form, emails[0] if emails else "",
                _("Problem with the page: %(title)s") % {"title": title}, body,
            ),
        }
        return context

    # After the other plugins' post-build steps (pruned CSS, cards): the leaflets draw the pages
    # as they are published, and the offline version covers the leaflets.
    @event_priority(-50)
    def on_post_build(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        if self.config.leaflets:
            self._leaflets(config, site_dir)
        if self.offline:
            offline.write_worker(site_dir, set(self.build.languages) - {self.build.code})
        else:
            (site_dir / offline.WORKER).unlink(missing_ok=True)


    def _leaflets(self, config: MkDocsConfig, site_dir: Path) -> None:
        jobs = []
        for entry in manifest(config):
            if not entry.meta.get("wellread_reach"):
                continue
            built = entry.url if entry.url.endswith(".html") else f"{entry.url}index.html"
            page = site_dir / built
            name = f"{Path(entry.src).stem}-{self.build.code}.pdf"
            jobs.append(leaflets.LeafletJob(page, page.parent / name))
        stylesheet = leaflets.default_stylesheet()
        try:
            cached = leaflets.write_leaflets(
                jobs, site_dir, stylesheet, self.leaflet_cache, site_url=config.site_url or ""
            )
        except (leaflets.LeafletError, OSError) as error:
            raise PluginError(f"wellread/reach: a leaflet could not be drawn: {error}") from None
        _ = self.build.gettext
        for job in jobs:
            size = max(1, round(job.pdf.stat().st_size / 1024))
            text = _("Download a leaflet to print (PDF, %(size)s KB)") % {"size": size}
            link = (
                f'<p class="wr-leaflet"><a href="{job.pdf.name}" type="application/pdf" download>'
                f"{html_lib.escape(text)}</a></p>"
            )
            job.page.write_text(
                leaflets.with_leaflet_link(job.page.read_text("utf-8"), link), "utf-8"
            )
        log.info("wellread: %d leaflets (%d from the cache)", len(jobs), cached)
