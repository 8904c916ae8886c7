"""A story a page carries only in its script data: an app's page (Next.js, React) sends its
body as an HTML string inside the JSON it hydrates from ("contentHtml": "\u003cp…"), and the
HTML around it has no paragraph. Hankook Ilbo's pages extracted to nothing (round DA)."""

from __future__ import annotations

import json
import re

# the fields apps put a story's HTML in, as a JSON string: "contentHtml": "…"
_FIELD = re.compile(
    r'"(?:contentHtml|content_html|articleHtml|article_html|bodyHtml|body_html|articleBody|'
    r'htmlContent|html_content)"\s*:\s*"((?:[^"\\]|\\.){400,})"'
)
_TAG = re.compile(r"<(?:p|br|h[1-6]|div)\b", re.IGNORECASE)
# an ad slot an app marks in its HTML ($$ARTICLEAD$$)
_PLACEHOLDER = re.compile(r"\$\$[A-Z_]+\$\$")


def with_embedded_story(html: str) -> str | None:
    """The page with the longest story HTML its script data holds set into its body, for the
    extractor to read with the page's own metadata; None when it holds none. Only HTML counts
    (a plain-text articleBody is the extractor's own fallback)."""
    best = ""
    for match in _FIELD.finditer(html):
        try:
            value = json.loads(f'"{match.group(1)}"')
        except ValueError:
            continue
        if _TAG.search(value) and len(value) > len(best):
            best = value
    if not best:
        return None
    story = f"<article>{_PLACEHOLDER.sub('', best)}</article>"
    closing = html.lower().rfind("</body>")
    return html[:closing] + story + html[closing:] if closing >= 0 else html + story
