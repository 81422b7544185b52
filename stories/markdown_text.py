"""Markdown from imported files, turned into the rich text an editor could have written.

An imported story is edited afterwards in the admin, so its sections must hold only what the
section block's Draftail editor produces: the elements of ``PROSE_FEATURES`` (taken from
Wagtail's own feature whitelist) and links with safe schemes. Raw HTML in the Markdown
(scripts, event handlers, frames, forms) is neither stored nor served. Three steps:

1. python-markdown renders the text;
2. nh3 keeps the whitelisted elements and drops the rest, with the content of scripts, frames
   and forms (whose text means nothing without them);
3. Wagtail's contentstate converter takes the result through the Draftail round trip, so what
   is stored is exactly what saving the page in the editor would store.

Every drop is reported as a warning with the line of the Markdown that caused it, from a scan
of the source (``scan``): the import goes on, the author learns what was left out.
"""

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.admin.rich_text.converters.editor_html import WhitelistRule
from wagtail.rich_text import features as feature_registry
from wagtail.whitelist import check_url

import markdown
import nh3

from .blocks import PROSE_FEATURES

URL_SCHEMES = {"http", "https", "mailto"}
# Dropped with everything inside them: their text is code or controls, not prose.
DROPPED_WITH_CONTENT = {
    "script", "style", "iframe", "object", "embed", "form", "template", "noscript", "svg",
    "math", "select", "textarea",
}  # fmt: skip
ATTRIBUTES = {"a": {"href"}}

SUB_HEADING = re.compile(r"(?m)^#{3,} +")
TOP_HEADING = re.compile(r"(?m)^# +")
FENCED_CODE = re.compile(r"(?ms)^(`{3,}|~{3,}).*?^\1[ \t]*$")
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.S)
MARKDOWN_LINK = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]*)")
LINK_DEFINITION = re.compile(r"(?m)^ {0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)")


def allowed_tags(features=PROSE_FEATURES) -> set[str]:
    """Elements the editor keeps for these features, from Wagtail's feature registry."""
    tags = {"p", "br"}
    for feature in features:
        for rule in feature_registry.get_converter_rule("editorhtml", feature) or []:
            if isinstance(rule, WhitelistRule):
                tags.add(rule.element.split("[")[0])
    return tags


@dataclass
class Drop:
    line: int  # 1-based, within the Markdown text given to ``scan``
    reason: str


class _RawHtmlScan(HTMLParser):
    def __init__(self, tags):
        super().__init__(convert_charrefs=True)
        self.tags = tags
        self.drops: list[Drop] = []
        self.inside_dropped = 0  # what is inside a dropped form or frame goes with it

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if not tag.isalnum() or self.inside_dropped:
            return  # <https://example.org> is an autolink, not an element
        if tag in DROPPED_WITH_CONTENT:
            self.inside_dropped += 1
            self.drops.append(
                Drop(line, f"HTML element <{tag}> is not allowed: dropped with its content")
            )
            return
        if tag not in self.tags:
            self.drops.append(Drop(line, f"HTML element <{tag}> is not allowed: dropped"))
            return
        for name, value in attrs:
            if name not in ATTRIBUTES.get(tag, ()):
                self.drops.append(
                    Drop(line, f"attribute '{name}' on <{tag}> is not allowed: dropped")
                )
            elif not _safe_url(value or ""):
                self.drops.append(Drop(line, f"link to '{_scheme(value)}' is not allowed: dropped"))

    def handle_endtag(self, tag):
        if tag in DROPPED_WITH_CONTENT and self.inside_dropped:
            self.inside_dropped -= 1


def _blank(match):
    """Code is shown as text, never as HTML: blank it out, keeping its line breaks."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _safe_url(url: str) -> bool:
    url = html.unescape(url)  # "jav&#97;script:" is what a browser reads as "javascript:"
    if check_url(url) is None:
        return False
    scheme = re.match(r"([a-zA-Z][-+.a-zA-Z0-9]*):", url.strip())
    return scheme is None or scheme.group(1).lower() in URL_SCHEMES


def _scheme(url) -> str:
    return (url or "").strip().split(":", 1)[0][:20] + ":"


def _line_of(text, position) -> int:
    return text.count("\n", 0, position) + 1


def scan(text: str, tags=None) -> list[Drop]:
    """What the conversion will drop from this Markdown, with the line of each drop."""
    text = CODE_SPAN.sub(_blank, FENCED_CODE.sub(_blank, text))
    parser = _RawHtmlScan(tags or allowed_tags())
    parser.feed(text)
    parser.close()
    drops = parser.drops
    for match in MARKDOWN_LINK.finditer(text):
        line = _line_of(text, match.start())
        if match.group(1):
            drops.append(Drop(line, "images are not imported into the text: add an image block"))
        elif not _safe_url(match.group(2)):
            drops.append(Drop(line, f"link to '{_scheme(match.group(2))}' is not allowed: dropped"))
    for match in TOP_HEADING.finditer(text):
        drops.append(
            Drop(
                _line_of(text, match.start()),
                "a '# ' heading becomes plain text: start a section with '## '",
            )
        )
    for match in LINK_DEFINITION.finditer(text):
        if not _safe_url(match.group(1)):
            drops.append(
                Drop(
                    _line_of(text, match.start()),
                    f"link to '{_scheme(match.group(1))}' is not allowed: dropped",
                )
            )
    return sorted(drops, key=lambda drop: drop.line)


def to_rich_text(text: str, features=PROSE_FEATURES) -> str:
    """Markdown to the database rich text Draftail stores for these features.

    Sub-headings (### and deeper) become h3: a section's own heading is the h2.
    """
    html = markdown.markdown(SUB_HEADING.sub("#### ", text.strip()))
    html = nh3.clean(
        re.sub(r"<(/?)h4>", r"<\1h3>", html),
        tags=allowed_tags(features),
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )
    # An element dropped alone on its line leaves an empty paragraph behind.
    html = re.sub(r"<p>\s*</p>", "", html)
    if not html.strip():
        return ""
    converter = ContentstateConverter(features)
    return converter.to_database_format(converter.from_database_format(html))
