"""After `wellread build`: what the site's caches keep (cardcache.prune, cache.remove_unused)."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ...core.cache import SITE_CACHE, UNUSED_DAYS, remove_unused
from ...social.cardcache import prune


def prune_caches(config: MkDocsConfig, site: Path, whole: bool) -> None:
    """After `wellread build`: drop the cached cards, findings, catalogs and leaflets no build
    used for a week, and when the `whole` site was built the cards it does not use (see
    cardcache.prune)."""
    log = logging.getLogger("mkdocs.plugins.wellread")
    social = config.plugins.get("wellread/social")
    if social is not None and social.config.enabled:
        removed = prune(social.cache, site, whole)
        if removed:
            log.info("wellread: %d cached cards no page uses any more were removed", removed)
    cache = Path(config.config_file_path).parent / SITE_CACHE
    folders = [cache / "findings", cache / "catalogs"]
    reach = config.plugins.get("wellread/reach")
    if reach is not None and getattr(reach, "leaflet_cache", None) is not None:
        folders.append(reach.leaflet_cache)
    removed = sum(remove_unused(folder) for folder in folders if folder.is_dir())
    if removed:
        log.info("wellread: %d cached findings, catalogs and leaflets no build used for %d days "
                 "were removed", removed, UNUSED_DAYS)

