"""Checks a page in Chromium for every sign of a payload that got through."""

from dataclasses import dataclass, field

from .payloads import TEMPLATE_DEBUG_MARKER, TEMPLATE_RESULT

# Runs in the page after it has loaded: focus and hover every element that
# can take focus or carries a handler, click the links (navigation stopped,
# except for javascript: links, which would run), then report what is there.
PROBE = """
async () => {
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a");
    if (link && link.protocol !== "javascript:") event.preventDefault();
  }, true);
  const all = [...document.querySelectorAll("*")];
  const handlers = all.filter(
    (el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith("on"))
  );
  const focusable = document.querySelectorAll(
    "a, input, textarea, select, details, [tabindex], [autofocus]"
  );
  for (const el of [...focusable, ...handlers]) {
    el.focus();
    for (const kind of ["mouseover", "mouseenter", "mousemove"]) {
      el.dispatchEvent(new MouseEvent(kind, {bubbles: true}));
    }
  }
  const links = [...document.querySelectorAll("a[href]")];
  const userLinks = links.filter(
    (a) => a.protocol === "javascript:" || /xss/i.test(a.textContent + a.href)
      || a.closest(".rich-text")
  );
  for (const link of userLinks) {
    link.dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true}));
  }
  await new Promise((resolve) => setTimeout(resolve, 30));
  const bad = (el) => el.outerHTML.slice(0, 200);
  const badScheme = (url) => /^\\s*(javascript|data|vbscript):/i.test(url || "");
  return {
    ran: window.__xss || 0,
    handlers: handlers.map(bad),
    badLinks: links.filter(
      (a) => badScheme(a.protocol) || badScheme(a.getAttribute("href"))
    ).map(bad),
    frames: [...document.querySelectorAll("iframe, frame, object, embed")]
      .filter((el) => el.hasAttribute("srcdoc") || badScheme(el.getAttribute("src"))
        || badScheme(el.getAttribute("data"))).map(bad),
    scripts: [...document.scripts].filter((s) => s.text.includes("__xss")).map(bad),
    userLinks: userLinks.length,
  };
}
"""


@dataclass
class Finding:
    url: str
    status: int
    ran: int
    handlers: list[str] = field(default_factory=list)
    bad_links: list[str] = field(default_factory=list)
    frames: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    template: bool = False

    @property
    def clean(self) -> bool:
        return (
            self.status < 500
            and not self.ran
            and not (self.handlers or self.bad_links or self.frames or self.scripts)
            and not self.template
        )


def probe(page) -> Finding:
    """What the page shows of the payloads, as it is loaded now."""
    result = page.evaluate(PROBE)
    content = page.content()
    return Finding(
        url=page.url,
        status=0,
        ran=result["ran"],
        handlers=result["handlers"],
        bad_links=result["badLinks"],
        frames=result["frames"],
        scripts=result["scripts"],
        template=TEMPLATE_RESULT in content or TEMPLATE_DEBUG_MARKER in content,
    )


def visit(page, url: str, *, expect_text: str | None = None) -> Finding:
    """Open ``url`` and probe it. ``expect_text`` must be on the page, so that
    a page which quietly stopped showing the text cannot pass."""
    response = page.goto(url, wait_until="load")
    finding = probe(page)
    finding.status = response.status if response else 0
    if expect_text is not None and expect_text not in page.inner_text("body"):
        finding.status = 599  # reported below as a page without the text
        finding.scripts.append(f"expected text missing: {expect_text!r}")
    return finding


def assert_clean(findings: list[Finding]) -> None:
    dirty = [f for f in findings if not f.clean]
    assert not dirty, "\n".join(repr(f) for f in dirty)


def submit(page, button) -> Finding:
    """Click ``button`` (a form's submit) and probe the page that comes back:
    a refused form shows what was typed again."""
    with page.expect_navigation(wait_until="load") as navigation:
        button.click()
    finding = probe(page)
    response = navigation.value
    finding.status = response.status if response else 0
    return finding
