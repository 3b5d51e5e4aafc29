"""Forms readers fill in: the extra sign-up details and their public profile."""

from django import forms

from . import names
from .models import Member, Plan

DISPLAY_NAME_HELP = "Shown beside your comments. Your e-mail address is never shown."


def reader_display_name(value: str, member=None, *, required=True) -> str:
    """A display name a reader typed, cleaned (``members.names``), or a clear refusal."""
    name = names.clean_display_name(value)
    if not name and required:
        raise forms.ValidationError(names.REQUIRED, code="required")
    if names.imitates_staff(name):
        raise forms.ValidationError(names.IMITATES_STAFF, code="imitates_staff")
    if names.display_name_taken(name, member=member):
        raise forms.ValidationError(names.TAKEN, code="taken")
    return name


class SignupDetailsForm(forms.Form):
    """Added to allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        label="Display name",
        max_length=Member._meta.get_field("display_name").max_length,
        help_text=DISPLAY_NAME_HELP,
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    def clean_display_name(self):
        return reader_display_name(self.cleaned_data["display_name"])

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])


class DisplayNameForm(forms.ModelForm):
    class Meta:
        model = Member
        fields = ["display_name"]
        labels = {"display_name": "Display name"}
        help_texts = {"display_name": DISPLAY_NAME_HELP}
        widgets = {"display_name": forms.TextInput(attrs={"autocomplete": "nickname"})}

    def clean_display_name(self):
        # Left empty, the reader is shown as "A reader".
        return reader_display_name(
            self.cleaned_data["display_name"], member=self.instance, required=False
        )


class PlanChoiceForm(forms.Form):
    """The plan a reader chose on /subscribe/: one on offer that can be bought online."""

    plan = forms.ModelChoiceField(
        queryset=Plan.objects.filter(active=True).exclude(stripe_price_id=""),
        error_messages={"invalid_choice": "That plan cannot be bought online."},
    )
