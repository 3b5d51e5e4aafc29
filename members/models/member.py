"""The people who log in: by e-mail (unique whatever its case), under a public display name
that other readers see instead of the address (its rules: ``members.names``)."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from ..names import TAKEN, clean_display_name, display_name_taken


class MemberManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **fields):
        if not email:
            raise ValueError("A member needs an e-mail address.")
        member = self.model(email=self.normalize_email(email).lower(), **fields)
        member.set_password(password)
        member.save(using=self._db)
        return member

    def create_user(self, email, password=None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class Member(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("e-mail address", unique=True)
    display_name = models.CharField(
        max_length=60,
        blank=True,
        help_text="Shown publicly beside the member's comments. Never the e-mail address.",
    )
    is_staff = models.BooleanField(
        "newsroom staff",
        default=False,
        help_text="Staff can log in to the newsroom admin; their group decides what they do.",
    )
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    stripe_customer_id = models.CharField(
        "Stripe customer",
        max_length=255,
        blank=True,
        help_text="Set when the member first pays online (cus_…); the same customer is reused.",
    )

    objects = MemberManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        ordering = ["email"]
        verbose_name = "member"
        constraints = [
            models.UniqueConstraint(Lower("email"), name="member_email_ci_unique"),
            models.UniqueConstraint(
                fields=["stripe_customer_id"],
                condition=~models.Q(stripe_customer_id=""),
                name="member_stripe_customer_unique",
            ),
        ]

    def __str__(self):
        # Never the address: the admin draws this for moderators, who may not see it.
        return self.public_name if self.display_name else f"Member #{self.pk}"

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()
        self.display_name = clean_display_name(self.display_name)
        if display_name_taken(self.display_name, member=self):
            raise ValidationError({"display_name": TAKEN})

    def save(self, *args, **kwargs):
        self.display_name = clean_display_name(self.display_name)
        super().save(*args, **kwargs)

    def get_full_name(self):
        return self.display_name or self.email

    def get_short_name(self):
        return self.display_name or self.email.split("@")[0]

    @property
    def public_name(self) -> str:
        """The name shown to other readers: the display name (cleaned, for names stored
        before the rule), or a neutral fallback."""
        return clean_display_name(self.display_name) or "A reader"

    @property
    def shows_staff_badge(self) -> bool:
        """Marked as the newsroom's beside their comments: only staff who may still log in."""
        return self.is_staff and self.is_active
