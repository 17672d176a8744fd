"""The objects the access-control matrix asks about, built on demand.

``World`` holds the nine accounts of the matrix and makes each object the
first time a row needs it, so a row about the news feed builds no cases or
event pages. "Own" objects belong to ``member``; the ``expert`` is assigned
to the member's request for help. Each restriction Wagtail offers (login,
groups, password) is put on a page, a document collection and an event page.
"""

from functools import cached_property

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)
from wagtail.users.models import UserProfile

from community.links import unfollow_link
from community.models import Post, TopicWish
from community.policybook.models import (
    PolicyBookBuild,
    PolicyBookIndexPage,
    PolicyBookPage,
)
from events.links import registration_link, topic_unsubscribe_link
from events.models import EventPage
from events.services import registration_create
from events.topics import topic_follow
from experts.coffee.services import booking_create
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
from tests.experts.coffee import offered
from tests.experts.factories import ExpertProfileFactory, help_request
from tests.knowledge.factories import (
    DossierPageFactory,
    MeetingReportPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PublicationIndexPageFactory,
    ThemePageFactory,
    publication,
)
from tests.newsletter.factories import PendingSubscriberFactory
from tests.second_factor import login_with_password_only, login_with_second_factor
from tests.surveys.factories import survey as survey_page

# The roles of the outside security test, in the order of the matrix's columns.
# ``unverified``, ``pending`` and ``rejected`` are the accounts that are not
# approved; ``adviser_without_second_factor`` has no authenticator app and
# logged in with a password only.
ROLES = (
    "anonymous",
    "unverified",
    "pending",
    "rejected",
    "member",
    "other_member",
    "expert",
    "adviser_without_second_factor",
    "adviser",
)
UNAPPROVED_ROLES = ("unverified", "pending", "rejected")

# The password of every password restriction in the world.
PAGE_PASSWORD = "geheim"


def adviser_with_mfa():
    """An adviser with an authenticator app, as the admin demands."""
    adviser = AdviserFactory()
    TOTP.activate(adviser, generate_totp_secret())
    return adviser


def unverified_account():
    """Signed up, the e-mail address not yet verified."""
    account = UserFactory(approval_status="unverified")
    account.emailaddress_set.update(verified=False)
    return account


def log_in(client: Client, world: "World", role: str) -> Client:
    """Log ``client`` in as ``role`` the way that person's login ends: an
    adviser through the second factor, everyone else with a password."""
    account = world.accounts[role]
    if account is None:
        return client
    if role == "adviser":
        return login_with_second_factor(client, account)
    return login_with_password_only(client, account)


# The groups of each kind of groups restriction.
MEMBERS_AND_ADVISERS = (MEMBERS_GROUP, ADVISERS_GROUP)
ADVISERS_ONLY = (ADVISERS_GROUP,)


def _restrict(page: Page, kind: str, groups=MEMBERS_AND_ADVISERS) -> Page:
    """Put a view restriction of ``kind`` (login, groups, password) on
    ``page``."""
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password=PAGE_PASSWORD
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set(Group.objects.filter(name__in=groups))
    return page


def _members_only(page: Page) -> Page:
    return _restrict(page, PageViewRestriction.GROUPS)


def _restricted_collection(kind: str, groups=MEMBERS_AND_ADVISERS) -> Collection:
    collection = Collection.get_first_root_node().add_child(
        name=f"Afgeschermd ({kind}, {len(groups)})"
    )
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=kind, password=PAGE_PASSWORD
    )
    if kind == CollectionViewRestriction.GROUPS:
        restriction.groups.set(Group.objects.filter(name__in=groups))
    return collection


def _document(title: str, filename: str, collection: Collection | None = None):
    document = get_document_model()(
        title=title, collection=collection or Collection.get_first_root_node()
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
            "unverified": unverified_account(),
            "pending": UserFactory(approval_status="pending"),
            "rejected": UserFactory(approval_status="rejected"),
            "member": MemberFactory(),
            "other_member": MemberFactory(),
            "expert": ExpertProfileFactory(expertise=["online monitoring"]).user,
            "adviser_without_second_factor": AdviserFactory(),
            "adviser": adviser_with_mfa(),
        }
        for account in self.accounts.values():
            if account is not None:
                # Wagtail makes an account's profile on its first request that
                # asks for it (advisers): made now, it is not a change.
                UserProfile.get_for_user(account)
        # The name of the accessibility test's role: an account awaiting approval.
        self.accounts["unapproved"] = self.accounts["pending"]
        # Where a redirect lands, by the path of each page built so far.
        self.page_labels: dict[str, str] = {home_page.url: "home"}

    def _labelled(self, label: str, page: Page) -> Page:
        self.page_labels[page.url] = label
        return page

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
    def coffee_slot(self):
        """A free time the expert offers for a digital cup of coffee."""
        return offered(self.accounts["expert"], days=3)

    @cached_property
    def coffee_booking(self):
        """The member's booking of another of the expert's times."""
        slot = offered(self.accounts["expert"], days=2)
        return booking_create(
            slot_id=slot.pk, member=self.member, topic="Oproepen in de wijk"
        )

    @cached_property
    def follow(self):
        return self.thread.follows.get(user=self.member)

    def registration_token(self, action: str) -> str:
        return registration_link(self.registration, action).rstrip("/").split("/")[-1]

    @cached_property
    def topic_follow(self):
        return topic_follow(user=self.member, kind="leerkring")

    def topic_unsubscribe_token(self) -> str:
        return topic_unsubscribe_link(self.topic_follow).rstrip("/").split("/")[-1]

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
    def cop_meeting(self) -> EventPage:
        """A community-of-practice meeting that has yet to start."""
        return self._labelled(
            "cop meeting",
            EventPageFactory(parent=self.event_index, slug="cop", kind="cop"),
        )

    @cached_property
    def topic_wish(self) -> TopicWish:
        """The member's proposal for the meeting."""
        return TopicWish.objects.create(
            event=self.cop_meeting, author=self.member, body="<p>Grip op wijken</p>"
        )

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
        return self._labelled("dossier", DossierPageFactory(parent=self.home))

    @cached_property
    def theme_page(self):
        return self._labelled(
            "theme page", ThemePageFactory(parent=self.dossier, slug="signalen")
        )

    @cached_property
    def theme_page_members(self):
        return _members_only(ThemePageFactory(parent=self.dossier, slug="besloten"))

    @cached_property
    def meeting_report(self):
        return self._labelled(
            "meeting report",
            MeetingReportPageFactory(parent=self.dossier, slug="verslag"),
        )

    def _information_page(self, title: str, slug: str) -> InformationPage:
        page = InformationPage(title=title, slug=slug)
        self.home.add_child(instance=page)
        return self._labelled(slug, page)

    @cached_property
    def information_page(self):
        return self._information_page("Over Leerkring", "over")

    @cached_property
    def accessibility_statement(self):
        from knowledge.models import AccessibilityStatementPage
        from knowledge.seed import accessibility_statement_build

        accessibility_statement_build(home=self.home, report=lambda created: None)
        return AccessibilityStatementPage.objects.get()

    @cached_property
    def draft_page(self):
        page = InformationPage(title="Nog niet klaar", slug="concept", live=False)
        self.home.add_child(instance=page)
        page.save_revision()
        return page

    @cached_property
    def news_index(self):
        return self._labelled("news index", NewsIndexPageFactory(parent=self.home))

    @cached_property
    def news_page(self):
        return self._labelled(
            "news page", NewsPageFactory(parent=self.news_index, slug="bericht")
        )

    @cached_property
    def event_index(self):
        return self._labelled("event index", EventIndexPageFactory(parent=self.home))

    @cached_property
    def event(self):
        return self._labelled(
            "event page", EventPageFactory(parent=self.event_index, slug="leerkring")
        )

    def _event(self, slug: str, label: str) -> EventPage:
        page = EventPageFactory(parent=self.event_index, slug=slug)
        return self._labelled(label, page)

    @cached_property
    def event_members(self):
        return _members_only(self._event("besloten-leerkring", "members' event page"))

    @cached_property
    def event_login(self):
        return _restrict(
            self._event("leerkring-ingelogd", "login event page"),
            PageViewRestriction.LOGIN,
        )

    @cached_property
    def event_advisers(self):
        return _restrict(
            self._event("leerkring-adviseurs", "advisers' event page"),
            PageViewRestriction.GROUPS,
            ADVISERS_ONLY,
        )

    @cached_property
    def event_password(self):
        return _restrict(
            self._event("leerkring-wachtwoord", "password event page"),
            PageViewRestriction.PASSWORD,
        )

    @cached_property
    def case_index(self):
        return self._labelled("case index", CaseIndexPageFactory(parent=self.home))

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

    # --- the publications library ------------------------------------------

    @cached_property
    def publication_index(self):
        return self._labelled(
            "publication library", PublicationIndexPageFactory(parent=self.home)
        )

    def _publication(self, label: str, slug: str, **kwargs):
        page = publication(
            self.publication_index,
            f"Publicatie {slug}",
            slug=slug,
            documents=[_document(f"Bestand {slug}", f"{slug}.pdf")],
            **kwargs,
        )
        return self._labelled(label, page)

    @cached_property
    def publication(self):
        return self._publication("publication", "fenomeenkaart")

    @cached_property
    def publication_members(self):
        """Wagtail's privacy "Members and Advisers": its file follows it."""
        return self._publication(
            "members' publication", "presentatie-roadshow", members_only=True
        )

    @cached_property
    def publication_draft(self):
        """Saved with its file, not yet published."""
        return self._publication("draft publication", "concept", live=False)

    @cached_property
    def password_page(self):
        return _restrict(
            self._information_page("Met wachtwoord", "wachtwoord"),
            PageViewRestriction.PASSWORD,
        )

    @cached_property
    def login_page(self):
        return _restrict(
            self._information_page("Na inloggen", "ingelogd"),
            PageViewRestriction.LOGIN,
        )

    @cached_property
    def advisers_page(self):
        return _restrict(
            self._information_page("Voor adviseurs", "adviseurs"),
            PageViewRestriction.GROUPS,
            ADVISERS_ONLY,
        )

    # --- surveys: for anyone, for members, for the event's participants ----

    @cached_property
    def survey(self):
        page = survey_page(title="Enquête soevereinen en autonomen", slug="enquete")
        self._labelled("survey index", page.get_parent())
        return self._labelled("survey", page)

    @cached_property
    def survey_members(self):
        page = survey_page(title="Enquête voor leden", slug="leden", audience="members")
        return self._labelled("members' survey", page)

    @cached_property
    def survey_participants(self):
        """The evaluation of the event the member registered for."""
        self.registration  # noqa: B018 - the member has a place
        page = survey_page(
            title="Evaluatie leerkring",
            slug="evaluatie",
            audience="participants",
            event=self.event,
        )
        return self._labelled("participants' survey", page)

    def survey_link(self) -> str:
        """The member's personal link to the evaluation, as mailed."""
        from surveys.links import invitation_link

        return invitation_link(self.survey_participants, self.registration)

    # --- documents in restricted collections --------------------------------

    @cached_property
    def document_login(self):
        collection = _restricted_collection(CollectionViewRestriction.LOGIN)
        return _document("Na inloggen", "ingelogd.pdf", collection)

    @cached_property
    def document_members(self):
        collection = _restricted_collection(CollectionViewRestriction.GROUPS)
        return _document("Voor leden", "leden.pdf", collection)

    @cached_property
    def document_advisers(self):
        collection = _restricted_collection(
            CollectionViewRestriction.GROUPS, ADVISERS_ONLY
        )
        return _document("Voor adviseurs", "adviseurs.pdf", collection)

    @cached_property
    def document_password(self):
        collection = _restricted_collection(CollectionViewRestriction.PASSWORD)
        return _document("Met wachtwoord", "wachtwoord.pdf", collection)
