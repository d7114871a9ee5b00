"""The Content-Security-Policy as Chromium enforces it: public pages break none of its rules."""

from django.conf import settings

import pytest

from .pages import demo_page_types, in_language

pytestmark = pytest.mark.browser

# Chromium reports each blocked script, style, font, image or fetch as a DOM event (and on the
# console); recorded from before the page's first script, so nothing is missed.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


@pytest.fixture
def demo_pages(demo_site):
    return demo_page_types()


def test_public_pages_in_every_language_cause_no_csp_violation(demo_pages, page):
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(RECORD_VIOLATIONS)
    problems = []
    for code, _name in settings.LANGUAGES:
        for page_type, url in demo_pages.items():
            address = in_language(url, code)
            response = page.goto(address)
            assert "'self'" in response.headers["content-security-policy"], address
            if page_type == "search results":
                # Autocomplete fetches suggestions from the API as the reader types.
                with page.expect_response(lambda r: "/api/v1/search/autocomplete/" in r.url):
                    page.locator("input[data-autocomplete-url]").fill("foo")
            problems += [f"{address}: {v}" for v in page.evaluate("window.__cspViolations")]
    problems += [text for text in console if "Content Security Policy" in text]
    assert not problems, "\n".join(problems)
