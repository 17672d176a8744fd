"""The objects the access-control matrix asks about, built on demand.

``World`` holds the six accounts of the matrix and makes each object the
first time a row needs it, so a row about the news feed builds no cases or
event pages. "Own" objects belong to ``member``; the ``expert`` is assigned
to the member's request for help.
"""

from functools import cached_property

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, PageViewRestriction

from community.links import unfollow_link
from community.models import Post
from community.policybook.models import (
    PolicyBookBuild,
    PolicyBookIndexPage,
    PolicyBookPage,
)
from events.links import registration_link
from events.services import registration_create
from experts.services import experts_assign
from knowledge.models import InformationPage
from knowledge.newsletter.links import subscriber_link
from portal.accounts.roles import ADVISERS_GROUP, MEMBERS_GROUP
from tests.accounts.factories import AdviserFactory, MemberFactory, UserFactory
from tests.casebook.factories import (
    CaseIndexPageFactory,
    CasePageFactory,
    draft_case,
    submitted_case,
)
from tests.community.factories import PostFactory, ThemeFactory, ThreadFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.experts.factories import ExpertProfileFactory, help_request
from tests.knowledge.factories import (
    DossierPageFactory,
    MeetingReportPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ThemePageFactory,
)
from tests.newsletter.factories import PendingSubscriberFactory

ROLES = ("anonymous", "unapproved", "member", "other_member", "expert", "adviser")


def adviser_with_mfa():
    """An adviser with an authenticator app, as the admin demands."""
    adviser = AdviserFactory()
    TOTP.activate(adviser, generate_totp_secret())
    return adviser


def _members_only(page: Page) -> Page:
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(
        Group.objects.filter(name__in=[MEMBERS_GROUP, ADVISERS_GROUP])
    )
    return page


def _document(title: str, filename: str):
    document = get_document_model()(
        title=title, collection=Collection.get_first_root_node()
    )
    document.file.save(filename, ContentFile(b"%PDF-1.4 " + b"x" * 64), save=False)
    document.save()
    return document


class World:
    """The accounts of the matrix and, lazily, what they own."""

    def __init__(self, home_page: Page):
        self.home = home_page
        self.accounts = {
            "anonymous": None,
            "unapproved": UserFactory(approval_status="pending"),
            "member": MemberFactory(),
            "other_member": MemberFactory(),
            "expert": ExpertProfileFactory(expertise=["online monitoring"]).user,
            "adviser": adviser_with_mfa(),
        }

    @property
    def member(self):
        return self.accounts["member"]

    # --- the member's private objects ---------------------------------------

    @cached_property
    def case_draft(self):
        return draft_case(self.member)

    @cached_property
    def case_submitted(self):
        return submitted_case(self.member)

    @cached_property
    def help_request(self):
        request = help_request(self.member)
        experts_assign(
            help_request=request,
            experts=[self.accounts["expert"].expert_profile],
            adviser=self.accounts["adviser"],
        )
        return request

    @cached_property
    def registration(self):
        return registration_create(
            event=self.event,
            user=self.member,
            name=self.member.get_full_name(),
            organisation=self.member.organisation,
            job_title=self.member.job_title,
            email=self.member.email,
        )

    @cached_property
    def follow(self):
        return self.thread.follows.get(user=self.member)

    def registration_token(self, action: str) -> str:
        return registration_link(self.registration, action).rstrip("/").split("/")[-1]

    def unfollow_token(self) -> str:
        return unfollow_link(self.follow).rstrip("/").split("/")[-1]

    @cached_property
    def subscriber(self):
        return PendingSubscriberFactory(email=self.member.email)

    def subscriber_token(self, action: str) -> str:
        return subscriber_link(self.subscriber, action).rstrip("/").split("/")[-1]

    # --- the community: shared with all members, written by the member ------

    @cached_property
    def theme(self):
        return ThemeFactory(name="Ondermijning", slug="ondermijning")

    @cached_property
    def thread(self):
        return self.post.thread

    @cached_property
    def post(self) -> Post:
        """The opening post of the member's thread, which they follow."""
        thread = ThreadFactory(theme=self.theme, author=self.member)
        thread.follows.create(user=self.member)
        return PostFactory(thread=thread, author=self.member)

    @cached_property
    def community_tag(self):
        self.post.tags.set(["jongeren"])
        return self.post.tags.get()

    @cached_property
    def policy_book_build(self):
        return PolicyBookBuild.objects.create(
            period="2025-H1", requested_by=self.accounts["adviser"]
        )

    # --- pages --------------------------------------------------------------

    @cached_property
    def dossier(self):
        return DossierPageFactory(parent=self.home)

    @cached_property
    def theme_page(self):
        return ThemePageFactory(parent=self.dossier, slug="signalen")

    @cached_property
    def theme_page_members(self):
        return _members_only(ThemePageFactory(parent=self.dossier, slug="besloten"))

    @cached_property
    def meeting_report(self):
        return MeetingReportPageFactory(parent=self.dossier, slug="verslag")

    @cached_property
    def information_page(self):
        page = InformationPage(title="Over Leerkring", slug="over")
        self.home.add_child(instance=page)
        return page

    @cached_property
    def draft_page(self):
        page = InformationPage(title="Nog niet klaar", slug="concept", live=False)
        self.home.add_child(instance=page)
        page.save_revision()
        return page

    @cached_property
    def news_index(self):
        return NewsIndexPageFactory(parent=self.home)

    @cached_property
    def news_page(self):
        return NewsPageFactory(parent=self.news_index, slug="bericht")

    @cached_property
    def event_index(self):
        return EventIndexPageFactory(parent=self.home)

    @cached_property
    def event(self):
        return EventPageFactory(parent=self.event_index, slug="leerkring")

    @cached_property
    def event_members(self):
        return _members_only(
            EventPageFactory(parent=self.event_index, slug="besloten-leerkring")
        )

    @cached_property
    def case_index(self):
        return CaseIndexPageFactory(parent=self.home)

    @cached_property
    def case_page(self):
        return _members_only(CasePageFactory(parent=self.case_index, slug="casus"))

    @cached_property
    def policy_book_index(self):
        page = PolicyBookIndexPage(title="Beleidsboeken", slug="beleidsboeken")
        self.home.add_child(instance=page)
        return page

    def _policy_book(self, period: str, *, live: bool) -> PolicyBookPage:
        page = PolicyBookPage(
            title=f"Beleidsboek {period}",
            slug=f"beleidsboek-{period.lower()}",
            period=period,
            live=live,
            pdf=_document(f"Beleidsboek {period} (PDF)", f"beleidsboek-{period}.pdf"),
        )
        self.policy_book_index.add_child(instance=page)
        page.save_revision()
        return page

    @cached_property
    def policy_book(self):
        return self._policy_book("2024-H2", live=True)

    @cached_property
    def policy_book_draft(self):
        """Built, not yet published by an adviser."""
        return self._policy_book("2025-H1", live=False)

    @cached_property
    def document(self):
        return _document("Barrièremodel", "barrieremodel.pdf")

    @cached_property
    def password_page(self):
        page = InformationPage(title="Met wachtwoord", slug="wachtwoord")
        self.home.add_child(instance=page)
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
        return page
