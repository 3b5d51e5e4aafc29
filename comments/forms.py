"""The forms of a discussion: a comment (new, reply or edit) and a report."""

import uuid

from django import forms
from django.core.exceptions import ValidationError

from .models import BODY_MAX_LENGTH, Report
from .text import normalise_newlines


class CommentTextField(forms.CharField):
    """Plain text whose line breaks count once, as the reader typed them (browsers send
    CR LF), before the length is checked."""

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_newlines(value) if value else value


class SubmissionKeyField(forms.UUIDField):
    """The key a comment form was drawn with (``posting.post_comment`` stores each key once).

    A form without one, or with a mangled one, is still taken; it is only not protected
    against being stored twice.
    """

    widget = forms.HiddenInput

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            return None


def submission_key(form: forms.Form | None = None) -> str:
    """The key to draw a comment form with: the one it was sent with when it comes back
    refused (sending it again still stores it only once), otherwise a new one."""
    if form is not None and form.is_bound:
        sent = form.fields["submission"].clean(form["submission"].data)
        if sent is not None:
            return str(sent)
    return str(uuid.uuid4())


class CommentForm(forms.Form):
    body = CommentTextField(
        label="Your comment",
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": BODY_MAX_LENGTH}),
        error_messages={
            "required": "Write something before posting: a comment cannot be empty.",
            "max_length": "A comment can be at most 5,000 characters long "
            "(this one has %(show_value)d).",
        },
    )
    submission = SubmissionKeyField(required=False)


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["reason", "detail"]
        labels = {"reason": "What is wrong with it?", "detail": "Anything to add (optional)"}
        widgets = {"reason": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radio buttons: every choice is a real reason, no empty "------" entry.
        self.fields["reason"].choices = Report.Reason.choices
