"""What the browser tests check on a page: axe-core findings, CSP reports, network traffic."""

import gzip
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

BLOCKING_IMPACTS = {"serious", "critical"}
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
}
_axe = Axe()

# Registered before any page script runs, so every violation the page causes is kept.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
});
"""


def blocking_violations(page) -> list[dict]:
    """axe-core's serious and critical WCAG 2.x A/AA violations on the loaded page."""
    results = _axe.run(page, options=AXE_OPTIONS)
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]


def describe(url: str, violations: list[dict]) -> str:
    """One line per violation: the page, the rule, its impact and the offending selectors."""
    lines = []
    for violation in violations:
        selectors = ", ".join(" ".join(node["target"]) for node in violation["nodes"])
        lines.append(f"{url}: {violation['id']} ({violation['impact']}) at {selectors}")
    return "\n".join(lines)


def csp_violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


# Resource types counted in the weight budget: everything but images and media.
WEIGHED_TYPES = {"document", "stylesheet", "script", "font", "xhr", "fetch"}


@dataclass
class Traffic:
    """Every request a page made, and the compressed size of the ones that count.

    Requests are recorded as they start; bodies are read afterwards (``weigh``), outside
    Playwright's event callbacks, so no response can be missed or read half-way.
    """

    seen: list = field(default_factory=list)
    weighed: dict[str, int] = field(default_factory=dict)

    def attach(self, page) -> None:
        page.on("request", lambda request: self.seen.append(request))

    @property
    def requests(self) -> list[str]:
        return [request.url for request in self.seen]

    def weigh(self) -> None:
        for request in self.seen:
            if request.resource_type not in WEIGHED_TYPES:
                continue
            response = request.response()
            if response is None or 300 <= response.status < 400:
                continue
            # Playwright hands over decoded bodies; gzip -6 is what a server would send.
            self.weighed[request.url] = len(gzip.compress(response.body(), compresslevel=6))

    @property
    def compressed_total(self) -> int:
        return sum(self.weighed.values())

    def foreign(self, base_url: str) -> list[str]:
        """Requests to any other host than the site's own (data: URLs stay in the page)."""
        host = urlsplit(base_url).netloc
        return [
            url
            for url in self.requests
            if not url.startswith("data:") and urlsplit(url).netloc != host
        ]
