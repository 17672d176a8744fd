import factory
from django.contrib.auth.models import Group

from portal.accounts.models import User
from portal.accounts.roles import ADVISERS_GROUP, MEMBERS_GROUP


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"professional{n}@gemeente.example")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    organisation = "Gemeente Voorbeeld"
    job_title = "OOV-adviseur"
    approval_status = User.ApprovalStatus.UNVERIFIED
    password = factory.django.Password("een-goed-wachtwoord-42")

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.emailaddress_set.create(email=self.email, verified=True, primary=True)


class MemberFactory(UserFactory):
    approval_status = User.ApprovalStatus.APPROVED

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=MEMBERS_GROUP))


class AdviserFactory(UserFactory):
    email = factory.Sequence(lambda n: f"adviseur{n}@ccv.example")
    approval_status = User.ApprovalStatus.APPROVED
    job_title = "CCV-adviseur"
    organisation = "CCV"

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=ADVISERS_GROUP))
