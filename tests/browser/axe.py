"""Run axe-core in an open page and describe what it found, one line per failing element."""

from __future__ import annotations

from typing import Any

# WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe has no rule tagged wcag22a yet).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# Best-practice rules the issue asks for by name: landmarks, one H1, headings without gaps.
STRUCTURE_RULES = [
    "bypass", "heading-order", "page-has-heading-one", "landmark-one-main",
    "landmark-no-duplicate-banner", "landmark-no-duplicate-contentinfo", "landmark-unique",
    "region", "skip-link", "empty-heading", "duplicate-id-aria",
]

_RUN = """async ([tags, rules]) => {
  const options = {resultTypes: ["violations"]};
  const wcag = await axe.run(document, {...options, runOnly: {type: "tag", values: tags}});
  const structure = await axe.run(document, {...options, runOnly: {type: "rule", values: rules}});
  return [...wcag.violations, ...structure.violations].map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}"""


def axe_violations(page: Any, axe_source: str) -> list[dict[str, Any]]:
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    seen: dict[str, dict[str, Any]] = {}
    for violation in page.evaluate(_RUN, [WCAG_TAGS, STRUCTURE_RULES]):
        seen.setdefault(violation["id"], violation)
    return list(seen.values())


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"    {node['target']}: {summary[:300]}")
    return "\n".join(lines)
