from django import forms

from .models import Newsletter


class NewsletterChoice(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, newsletter):
        return newsletter.name


class SignupForm(forms.Form):
    """Sign-up by address alone: the newsletters wanted and where to send them."""

    email = forms.EmailField(
        label="Your e-mail address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    newsletters = NewsletterChoice(
        queryset=Newsletter.objects.filter(active=True),
        error_messages={"required": "Choose at least one newsletter."},
    )


class PreferencesForm(forms.Form):
    """A member's newsletters: ticked ones are received, unticked ones are not."""

    newsletters = NewsletterChoice(queryset=Newsletter.objects.filter(active=True), required=False)
