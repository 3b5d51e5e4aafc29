"""The search form: read from the query string (GET, no CSRF token, so the page stays
cacheable), forgiving of anything a reader or a crawler puts in the address."""

import datetime

from django import forms
from django.utils import timezone

from ..models import Article
from . import SearchCriteria, clean_query

PERIODS = {
    "week": ("Past week", datetime.timedelta(days=7)),
    "month": ("Past month", datetime.timedelta(days=31)),
    "year": ("Past year", datetime.timedelta(days=365)),
}


# Dates outside this range cannot be a publication date; they are ignored.
EARLIEST, LATEST = datetime.date(1900, 1, 1), datetime.date(2999, 12, 31)


def _plausible(day: datetime.date | None) -> datetime.date | None:
    return day if day and EARLIEST <= day <= LATEST else None


class SearchForm(forms.Form):
    q = forms.CharField(required=False, strip=False)
    section = forms.SlugField(required=False)
    kind = forms.ChoiceField(required=False, choices=[("", "Any kind"), *Article.Kind.choices])
    period = forms.ChoiceField(
        required=False,
        choices=[("", "Any time"), *((key, label) for key, (label, _) in PERIODS.items())],
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else {}, **kwargs)
        # "from" is a Python keyword, hence added here rather than declared above.
        self.fields["from"] = forms.DateField(required=False)
        self.fields["to"] = forms.DateField(required=False)

    def shown_values(self) -> dict[str, str]:
        """The filters as they go back into the form: valid values only."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "section": data.get("section") or "",
            "kind": data.get("kind") or "",
            "period": data.get("period") or "",
            "from": day.isoformat() if (day := _plausible(data.get("from"))) else "",
            "to": day.isoformat() if (day := _plausible(data.get("to"))) else "",
        }

    def criteria(self) -> SearchCriteria:
        """What to search for; a value that does not parse is ignored, never an error page."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        since, until = _plausible(data.get("from")), _plausible(data.get("to"))
        if period := data.get("period"):
            since, until = timezone.localdate() - PERIODS[period][1], None
        if since and until and since > until:
            since, until = until, since
        return SearchCriteria(
            query=clean_query(self.data.get("q", "")),
            section=data.get("section") or "",
            kind=data.get("kind") or "",
            since=since,
            until=until,
        )
