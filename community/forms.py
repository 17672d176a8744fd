import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from events.selectors import community_meetings
from portal.core.fields import IdChoiceField

from .errors import CommunityError
from .guard import CHOICES, KEEP, REPLACE, GuardResult, guard_check
from .models import CommunityTag, Post, Theme
from .sanitise import message_clean
from .tags import tags_parse
from .wishes import WISH_MAX_LENGTH, wish_length_error

BODY_HELP = _(
    "Write as in an e-mail: an empty line starts a new paragraph, lines that "
    "begin with “- ” become a list, and web addresses become links."
)
TAGS_HELP = _("Optional, separated by commas, for example: noodverordening, TikTok")


class _MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        help_text=BODY_HELP,
        # The limit is checked in clean_body, with a message that gives the
        # length; a maxlength attribute would cut pasted text off silently.
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    tags = forms.CharField(label=_("Tags"), help_text=TAGS_HELP, required=False)
    token = forms.UUIDField(widget=forms.HiddenInput, required=False)
    #: Set when the guard stops the message: what it found.
    guard_result: GuardResult | None = None
    #: Set when the member answered the guard: (choice, what it found).
    guard_used: tuple[str, GuardResult] | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4())

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        try:
            # Kept for the guard in clean(), which reads the stored form.
            self._stored_body = message_clean(body)
        except CommunityError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return body

    def clean(self):
        cleaned = super().clean()
        body = cleaned.get("body")
        if not body or self.errors:
            return cleaned
        result = guard_check(self._stored_body)
        if not result.findings:
            return cleaned
        # The guard's buttons post their answer; it is no field of its own,
        # so a page shown again never carries an old answer along.
        choice = self.data.get("guard", "") if self.is_bound else ""
        if choice not in CHOICES:
            choice = ""
        if choice == REPLACE:
            cleaned["body"] = result.replaced
        elif choice != KEEP:
            self.guard_result = result
            raise forms.ValidationError(
                _(
                    "This message seems to hold personal data. Choose what to "
                    "do before it is posted."
                ),
                code="personal_data",
            )
        self.guard_used = (choice, result)
        return cleaned

    def clean_tags(self) -> list[str]:
        try:
            return tags_parse(self.cleaned_data.get("tags", ""))
        except CommunityError as exc:
            raise forms.ValidationError(str(exc)) from exc


class ThreadForm(_MessageForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    event = IdChoiceField(
        label=_("Community of practice meeting"),
        queryset=community_meetings(),
        required=False,
        empty_label=_("Not tied to a meeting"),
        help_text=_("The meeting this discussion belongs to, if any."),
    )
    field_order = ["title", "event", "body", "tags", "token"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].label = _("Your question or experience")


class ReplyForm(_MessageForm):
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)
    field_order = ["body", "tags", "parent", "token"]


class PostEditForm(_MessageForm):
    pass


class WishForm(_MessageForm):
    """A topic or question for a meeting: short, checked by the same
    personal-data guard as posts, without tags."""

    field_order = ["body", "token"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["tags"]
        self.fields["body"].label = _("Your topic or question")
        self.fields["body"].help_text = _(
            "What would you most like to raise at this meeting? At most "
            "{limit} characters."
        ).format(limit=WISH_MAX_LENGTH)
        self.fields["body"].widget.attrs["rows"] = 3

    def clean_body(self) -> str:
        error = wish_length_error(self.data.get("body", ""))
        if error:
            raise forms.ValidationError(error)
        return super().clean_body()

    def clean_tags(self) -> list[str]:
        return []


class WishChooseForm(forms.Form):
    """The adviser ticks the proposals that go on the agenda and chooses
    the theme of their discussions."""

    theme = IdChoiceField(
        label=_("Theme of the discussions"), queryset=Theme.objects.all()
    )

    def __init__(self, *args, wishes, **kwargs):
        super().__init__(*args, **kwargs)
        self.wishes = {str(w.pk): w for w in wishes if w.picked_for_id is None}
        self.fields["wishes"] = forms.MultipleChoiceField(
            label=_("Topics for the agenda"),
            choices=[(pk, pk) for pk in self.wishes],
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": _("Choose at least one topic.")},
        )

    def clean_wishes(self) -> list:
        # In the order of the list (most votes first): the agenda's order.
        chosen = set(self.cleaned_data["wishes"])
        return [w for pk, w in self.wishes.items() if pk in chosen]


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (shown to members)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MarkForm(forms.Form):
    marked_as = forms.ChoiceField(choices=Post.Mark.choices)


class TagMergeForm(forms.Form):
    source = IdChoiceField(
        label=_("Merge this tag"), queryset=CommunityTag.objects.order_by("name")
    )
    target = IdChoiceField(
        label=_("into this tag"), queryset=CommunityTag.objects.order_by("name")
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("source") and cleaned.get("source") == cleaned.get("target"):
            raise forms.ValidationError(_("Choose two different tags to merge."))
        return cleaned


class TagSplitForm(forms.Form):
    new_name = forms.CharField(label=_("New tag for the chosen items"), max_length=50)

    def __init__(self, *args, threads, posts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["threads"] = forms.MultipleChoiceField(
            label=_("Discussions"),
            required=False,
            choices=[(t.pk, t.title) for t in threads],
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["posts"] = forms.MultipleChoiceField(
            label=_("Messages"),
            required=False,
            choices=[(p.pk, f"{p.thread.title} #{p.pk}") for p in posts],
            widget=forms.CheckboxSelectMultiple,
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("threads") and not cleaned.get("posts"):
            raise forms.ValidationError(_("Choose at least one discussion or message."))
        return cleaned
