"""Wagtail's user admin with names kept to one line: an adviser's edit of a
member's name reaches that member's mails like the name they typed
themselves (portal.core.single_line)."""

from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from portal.core.single_line import SingleLineCharField


def _name_field(label: str) -> SingleLineCharField:
    return SingleLineCharField(required=True, label=label, max_length=150)


class AdminUserCreationForm(UserCreationForm):
    first_name = _name_field(_("First name"))
    last_name = _name_field(_("Last name"))


class AdminUserEditForm(UserEditForm):
    first_name = _name_field(_("First name"))
    last_name = _name_field(_("Last name"))


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update: bool = False):
        return AdminUserEditForm if for_update else AdminUserCreationForm
