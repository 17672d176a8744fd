import pytest

pytestmark = pytest.mark.browser


def test_axe_check_fails_on_a_real_violation(new_page, axe):
    """The accessibility check is not vacuous: a missing label fails it."""
    page = new_page()
    page.set_content(
        '<html lang="nl"><head><title>t</title></head><body><main>'
        '<input type="text"></main></body></html>'
    )
    with pytest.raises(AssertionError, match="label"):
        axe(page)
