import uuid

import factory
from django.utils.text import slugify

from experts.models import ExpertiseTag, ExpertProfile
from experts.services import request_create
from tests.accounts.factories import MemberFactory


class ExpertProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpertProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(MemberFactory)
    organisation = "Veiligheidsregio Voorbeeld"
    region = "utrecht"
    availability = "available"
    description = "Helpt bij online monitoring."

    @factory.post_generation
    def expertise(self, create, extracted, **kwargs):
        if create and extracted:
            self.expertise.set(list(extracted))


STORY = (
    "Jan de Vries (06-12345678) roept via @rellenkoning op TikTok op tot "
    "rellen op het Marktplein in Lindenwaard."
)


def help_request(requester, **overrides):
    fields = {
        "form_token": uuid.uuid4(),
        "municipality": "Lindenwaard",
        "region": "utrecht",
        "urgency": "acute",
        "callback_phone": "06-98765432",
        "description": STORY,
        "expertise": ["online monitoring"],
    }
    fields.update(overrides)
    for name in fields["expertise"]:
        ExpertiseTag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})
    created, _new = request_create(requester=requester, **fields)
    return created


def old_advice_request(requester, **overrides):
    """A request filed as "advice" before the digital cup of coffee had time
    slots of its own: new requests can no longer choose it, old ones stay."""
    from experts.models import HelpRequest

    filed = help_request(requester, **{**overrides, "urgency": "soon"})
    HelpRequest.objects.filter(pk=filed.pk).update(urgency="advice")
    filed.refresh_from_db()
    return filed
