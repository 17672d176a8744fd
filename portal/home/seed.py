"""Demo wording of the home page (Dutch content, see ``manage.py load_demo``)."""

from wagtail.models import Page

from portal.core.demo import Report

INTRO = (
    "Het kennis- en leerplatform over online aangejaagde openbare-ordeverstoringen: "
    "voor gemeenten, politie, jongerenwerk en Openbaar Ministerie."
)
BODY = (
    "<p>Lees de handreikingen in het webdossier, schrijf u in voor een leerkring, "
    "roadshow of community of practice, en leer van de casuïstiek van collega's. "
    "Professionals vragen een account aan voor de inhoud voor leden.</p>"
)


def demo_build(*, home: Page, report: Report, **kwargs) -> None:
    """Receiver of ``demo_content_requested``; words the home page only while
    it still has none, so an adviser's wording survives a second run."""
    if home.intro:
        report(False)
        return
    home.intro = INTRO
    home.body = BODY
    home.save_revision().publish()
    report(True)
