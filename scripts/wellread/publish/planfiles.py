"""The posting plan's files: an iCalendar file per language for the team's calendar, Buffer's and
Hootsuite's bulk-upload CSVs per language and platform (date and time filled in), and an HTML
overview with card thumbnails (no remote resources: the thumbnails are files beside it).

Buffer's bulk upload reads a header row `Text, Image URL, Tags, Posting Time`, one post a row,
the posting time as `YYYY-MM-DD HH:MM` in the channel's time zone, one CSV per channel (the format
wellread's share CSV followed before the plan existed). Hootsuite's bulk composer reads rows of
date and time, message and an optional link, with no header row; the date format is chosen in
its upload dialog (we write day/month/year with 24-hour time: choose "DD/MM/YYYY"); times must
end in 0 or 5 and lie at least 10 minutes ahead; at most 350 posts a file; one social profile per
file. Sources: Hootsuite's bulk composer as described in kim-iverson-headlee.blogspot.com (2016,
"date and time stamp, the message, and the link", up to 350 messages) and jycalcano.blogspot.com
(2015, the date format chosen on upload); the official pages (help.hootsuite.com, support.buffer
.com) were not in the stored reference corpus: check their current help before a first upload.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from markupsafe import Markup, escape
from PIL import Image

from ..core.settings import SiteConfig
from ..i18n.languages import native_name, text_direction
from ..social.captions import platform_rules
from ..social.share import spreadsheet_cell
from .commsplan import CommsPlan, PlannedPost, make_plan

BUFFER_COLUMNS = ("Text", "Image URL", "Tags", "Posting Time")
THUMB_WIDTH = 240
# RFC 5545: content lines are folded at 75 octets, continued with CRLF and a space.
_ICS_LINE = 75


def plan_files(site: SiteConfig, start: date, weeks: int, out: Path) -> list[str]:
    """`wellread plan`: the plan made and written to `out`; what to tell the team.
    Raises ConfigurationError (a wrong setting) or WellreadError (the site is not built)."""
    plan = make_plan(site, start, weeks, out)
    written = write_plan(plan, out)
    counts = ", ".join(f"{lang}: {len(plan.posts[lang])}" for lang in plan.languages)
    return [*(f"Left out: {note}" for note in plan.skipped),
            f"Wrote {len(written)} files to {out}/ (posts per language: {counts}). Open "
            f"{out / 'index.html'} to read the plan."]


def write_plan(plan: CommsPlan, out: Path) -> list[Path]:
    """Every file of the plan in `out`; the paths written."""
    written = []
    out.mkdir(parents=True, exist_ok=True)
    for lang in plan.languages:
        posts = plan.posts[lang]
        folder = out / lang
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "calendar.ics"
        path.write_text(ics_calendar(posts, plan, lang), "utf-8", newline="")
        written.append(path)
        for platform in [p.platform for p in plan.rhythm.platforms]:
            mine = [p for p in posts if p.post.platform == platform]
            for name, text in ((f"buffer-{platform}.csv", buffer_csv(mine)),
                               (f"hootsuite-{platform}.csv", hootsuite_csv(mine))):
                (folder / name).write_text(text, "utf-8", newline="")
                written.append(folder / name)
    overview = out / "index.html"
    overview.write_text(overview_html(plan, _thumbnails(plan, out)), "utf-8")
    written.append(overview)
    return written


def _local(post: PlannedPost) -> str:
    return post.post.when.strftime("%Y-%m-%d %H:%M")


def buffer_csv(posts: Sequence[PlannedPost]) -> str:
    """Buffer's bulk upload for one channel: caption, card, tags (campaign, observance) and
    the local posting time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(BUFFER_COLUMNS)
    for post in posts:
        tags = ", ".join(t for t in (post.post.campaign, post.post.observance) if t)
        writer.writerow([spreadsheet_cell(cell) for cell in (
            post.caption, post.image_url, tags, _local(post))])
    return buffer.getvalue()


def hootsuite_csv(posts: Sequence[PlannedPost]) -> str:
    """Hootsuite's bulk composer for one profile: no header; DD/MM/YYYY HH:MM, the message, and
    no separate link (the caption holds it, tagged for the campaign)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for post in posts:
        when = post.post.when.strftime("%d/%m/%Y %H:%M")
        writer.writerow([when, spreadsheet_cell(post.caption), ""])
    return buffer.getvalue()


def _ics_text(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """A content line folded at 75 octets, never inside a UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > _ICS_LINE:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += width
    parts.append(current)
    return "\r\n".join(parts)


def _utc(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def ics_calendar(posts: Sequence[PlannedPost], plan: CommsPlan, lang: str) -> str:
    """An iCalendar file (RFC 5545): one event per post, its caption, card and alt text in
    the description, the card attached by address. The same plan gives the same bytes."""
    stamp = datetime.combine(plan.start, datetime.min.time(), UTC)
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//wellread//posting plan//EN",
        "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{_ics_text(f'Posting plan ({lang})')}",
        f"X-WR-TIMEZONE:{plan.rhythm.time_zone}",
    ]
    for post in posts:
        key = f"{post.post.when.isoformat()} {post.post.platform} {post.post.src} {lang}"
        uid = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
        platform = platform_rules()[post.post.platform].name
        why = post.post.observance or post.post.reason
        details = [post.caption, "", f"Why: {why}", f"Campaign: {post.post.campaign}"]
        if post.image_url or post.image_file:
            details += [f"Card: {post.image_url or post.image_file}", f"Alt text: {post.alt}"]
        event = [
            "BEGIN:VEVENT", f"UID:{uid}@wellread", f"DTSTAMP:{_utc(stamp)}",
            f"DTSTART:{_utc(post.post.when)}", "DURATION:PT15M",
            f"SUMMARY:{_ics_text(f'{platform}: {post.title}')}",
            f"DESCRIPTION:{_ics_text(chr(10).join(details))}",
            f"CATEGORIES:{_ics_text(platform)}",
        ]
        if post.link:
            event.append(f"URL:{post.link}")
        if post.image_url:
            event.append(f"ATTACH;FMTTYPE=image/png:{post.image_url}")
        lines += [*event, "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _thumbnails(plan: CommsPlan, out: Path) -> dict[Path, str]:
    """A small copy of each card in the plan, in `out`/thumbs; its path from `out`."""
    made: dict[Path, str] = {}
    folder = out / "thumbs"
    for posts in plan.posts.values():
        for post in posts:
            source = post.image_file
            if source is None or source in made:
                continue
            digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
            target = folder / f"{digest}.png"
            if not target.exists():
                folder.mkdir(parents=True, exist_ok=True)
                with Image.open(source) as card:
                    height = round(card.height * THUMB_WIDTH / card.width)
                    card.convert("RGB").resize((THUMB_WIDTH, height), Image.Resampling.LANCZOS
                                               ).save(target, optimize=True)
            made[source] = f"thumbs/{target.name}"
    return made


_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;
color:#102a43}
table{border-collapse:collapse;width:100%;margin-bottom:2rem}
th,td{border-bottom:1px solid #bcccdc;padding:.5rem;vertical-align:top;text-align:start}
td.caption{white-space:pre-wrap;max-width:32rem}
img{width:120px;height:auto;border:1px solid #bcccdc}
.alert{background:#fde8e8}
"""


def overview_html(plan: CommsPlan, thumbs: dict[Path, str]) -> str:
    """A page the team reads: each language's posts by week, with card thumbnails."""
    end = plan.start.toordinal() + 7 * plan.weeks - 1
    parts = [
        "<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Posting plan from {plan.start.isoformat()}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>Posting plan: {plan.start.isoformat()} to "
        f"{datetime.fromordinal(end).date().isoformat()}</h1>",
        f"<p>{plan.weeks} weeks, times in {escape(plan.rhythm.time_zone)}. Every post's caption "
        "is ready to paste; each language's folder has a calendar (calendar.ics) and files for "
        "Buffer and Hootsuite.</p>",
    ]
    for note in plan.skipped:
        parts.append(f"<p>Left out: {escape(note)}</p>")
    for lang in plan.languages:
        direction = text_direction(lang)
        parts.append(f'<section lang="{escape(lang)}" dir="{direction}">'
                     f"<h2>{escape(native_name(lang))} ({escape(lang)})</h2>")
        week = None
        for post in plan.posts[lang]:
            number = (post.post.when.date() - plan.start).days // 7 + 1
            if number != week:
                if week is not None:
                    parts.append("</tbody></table>")
                week = number
                parts.append(
                    f"<h3>Week {number}</h3><table><thead><tr><th>When</th><th>Platform</th>"
                    "<th>Card</th><th>Post</th><th>Why</th></tr></thead><tbody>")
            parts.append(_row(post, thumbs))
        if week is not None:
            parts.append("</tbody></table>")
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _row(post: PlannedPost, thumbs: dict[Path, str]) -> str:
    thumb = thumbs.get(post.image_file) if post.image_file else None
    card = (Markup('<img src="{}" alt="{}">').format(thumb, post.alt) if thumb
            else Markup("(no card)"))
    why = post.post.observance or post.post.reason
    css = ' class="alert"' if post.post.reason == "alert" else ""
    return (f"<tr{css}><td>{escape(post.post.when.strftime('%a %d %b %H:%M'))}</td>"
            f"<td>{escape(platform_rules()[post.post.platform].name)}</td><td>{card}</td>"
            f'<td class="caption"><strong>{escape(post.title)}</strong>\n'
            f"{escape(post.caption)}</td><td>{escape(why)}</td></tr>")
