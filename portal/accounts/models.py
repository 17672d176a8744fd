from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.core.regions import region_field


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("approval_status", User.ApprovalStatus.APPROVED)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person with an account. The e-mail address is the login name.

    Professionals request an account; it stays unapproved (public content
    only) until the address is verified and an adviser, or the list of
    trusted e-mail domains, approves it.
    """

    shown_to_visitors = False  # no public page names a member

    class ApprovalStatus(models.TextChoices):
        UNVERIFIED = "unverified", _("E-mail address not yet verified")
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    job_title = models.CharField(_("function"), max_length=200, blank=True)
    home_region = region_field(
        _("home region"),
        help_text=_("Your overview shows meetings and cases in this region."),
    )
    approval_status = models.CharField(
        _("approval status"),
        max_length=20,
        choices=ApprovalStatus.choices,
        default=ApprovalStatus.UNVERIFIED,
        db_index=True,
    )
    requested_at = models.DateTimeField(_("requested at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        "self",
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]
        permissions = [
            ("review_account_requests", _("Can approve or reject account requests"))
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def is_approved(self) -> bool:
        return self.approval_status == self.ApprovalStatus.APPROVED
