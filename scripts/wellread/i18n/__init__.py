"""Translation: gettext catalogs, what a translation must keep, languages, the sanitiser."""
