"""Hostile input: cross-site scripting payloads and template injection.

Every payload that gets to run bumps a page-level counter, ``window.__xss``;
the browser tests read it after loading a page and after focusing, hovering
and clicking its links. The links' text says ``xss-link`` so that a test can
find the links that came from a payload.
"""

#: What a payload runs. No spaces, so that it also works as an unquoted
#: attribute value.
RUN = "window.__xss=(window.__xss||0)+1"
#: The same from a frame of the same origin (``<iframe srcdoc>``).
RUN_PARENT = "parent.__xss=(parent.__xss||0)+1"
#: What ``{{ 7777*7 }}`` and ``${7777*7}`` give when a template engine
#: evaluates them.
TEMPLATE_RESULT = "54439"
#: What ``{% debug %}`` prints in a Django template: the context.
TEMPLATE_DEBUG_MARKER = "'csrf_token'"

XSS_PAYLOADS: list[str] = [
    # Script elements, plain and in other casings and containers.
    f"<script>{RUN}</script>",
    f"<ScRiPt>{RUN}</sCrIpT>",
    f"<svg><script>{RUN}</script></svg>",
    f"<math><style><img src=x onerror={RUN}></style></math>",
    f"<svg><style><img src=x onerror={RUN}></style></svg>",
    # Event handlers.
    f"<img src=x onerror={RUN}>",
    f'<img src="x" onerror="{RUN}">',
    f"<svg onload={RUN}>",
    f"<details open ontoggle={RUN}>xss</details>",
    f"<input autofocus onfocus={RUN}>",
    f"<body onload={RUN}>",
    f'<a href="https://example.org/" onmouseover="{RUN}">xss-link hover</a>',
    # javascript: and data: URLs, as links, encoded, and markdown-ish.
    f'<a href="javascript:{RUN}">xss-link js</a>',
    f'<a href="JaVaScRiPt&#58;{RUN}">xss-link mixed case</a>',
    f'<a href="&#106;avascript:{RUN}">xss-link entity</a>',
    f'<a href="jav&#x09;ascript:{RUN}">xss-link tab</a>',
    f"[xss-link markdown](javascript:{RUN})",
    f"javascript:{RUN}",
    f'<a href="data:text/html,<script>{RUN}</script>">xss-link data</a>',
    f'<iframe srcdoc="<script>{RUN_PARENT}</script>"></iframe>',
    # Breaking out of an attribute or an element the text is shown in.
    f'" autofocus onfocus="{RUN}" x="',
    f"' autofocus onfocus='{RUN}' x='",
    f"'><script>{RUN}</script>",
    f'"><img src=x onerror={RUN}>',
    f"</textarea><script>{RUN}</script>",
    f"</title><style></style><script>{RUN}</script>",
    f'<noscript><p title="</noscript><img src=x onerror={RUN}>">',
    f'<!--<img src="--><img src=x onerror={RUN}//">',
    f"<style><img src=x onerror={RUN}></style>",
    # Encoded: harmless unless something decodes them twice.
    f"&lt;script&gt;{RUN}&lt;/script&gt;",
    f"&#60;img src=x onerror={RUN}&#62;",
    "%3Cscript%3E" + RUN.replace("=", "%3D") + "%3C%2Fscript%3E",
    # Template injection.
    "{{ 7777*7 }} ${7777*7} {% debug %}",
]


#: What a short payload runs: a global assignment sets ``window.__xss`` too.
RUN_SHORT = "__xss=1"
#: For fields of 50 characters or so (tags, phone numbers).
SHORT_PAYLOADS: list[str] = [
    f"<script>{RUN_SHORT}</script>",
    f"<svg onload={RUN_SHORT}>",
    f"<img src=x onerror={RUN_SHORT}>",
    f'"><svg onload={RUN_SHORT}>',
    f"'><svg onload={RUN_SHORT}>",
    f'" autofocus onfocus="{RUN_SHORT}',
    f"</title><svg onload={RUN_SHORT}>",
    f"</textarea><svg onload={RUN_SHORT}>",
    f"javascript:{RUN_SHORT}",
    "{{ 7777*7 }}",
]


def chunks(limit: int, payloads: list[str] | None = None) -> list[str]:
    """The payloads joined into as few texts as fit in ``limit`` characters
    each (one payload longer than ``limit`` is skipped), for fields too short
    to take them all at once."""
    texts: list[str] = []
    current = ""
    for payload in payloads or XSS_PAYLOADS:
        if len(payload) > limit:
            continue
        joined = f"{current} {payload}" if current else payload
        if len(joined) <= limit:
            current = joined
        else:
            texts.append(current)
            current = payload
    if current:
        texts.append(current)
    return texts


def _swallows(payload: str) -> bool:
    """Whether the payload opens an element a sanitiser drops with its
    content and leaves it open, so that the rest of a text goes too."""
    from portal.core.sanitise import drop_dangerous_content

    return "TAIL" not in drop_dangerous_content(payload + " TAIL")


SWALLOWING = [p for p in XSS_PAYLOADS if _swallows(p)]


def long_texts(n: int = 3) -> list[str]:
    """``n`` texts for free-text fields, each with every payload that leaves
    the rest of the text alone, and one of the others at the end: together
    they get every payload to the renderer."""
    rest = "\n\n".join(p for p in XSS_PAYLOADS if p not in SWALLOWING)
    return [
        f"{rest}\n\n{SWALLOWING[i % len(SWALLOWING)]}" if SWALLOWING else rest
        for i in range(n)
    ]


#: Every payload in one text, for the free-text fields.
ALL_PAYLOADS = long_texts(1)[0]
