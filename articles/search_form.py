"""The reader's search: words, and filters by section, author and date range (``/search/``).

Filters narrow the articles before the words are looked for, on fields the search index keeps as
filter fields (``ArticlePage.search_fields``); with filters and no words, the filtered articles are
listed newest first. Dates are the site's calendar days (``TIME_ZONE``), both ends included.
"""

from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from authors.models import AuthorPage

from .models import ArticleCredit, Section
from .query_parameters import without_control_characters

MAX_QUERY_LENGTH = 200
# Days a range may name: a day past the last would overflow Python's dates once a day is added to it.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9998, 12, 31)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search articles"), required=False, max_length=MAX_QUERY_LENGTH, strip=True)
    section = forms.ModelChoiceField(
        Section.objects.all(), to_field_name="slug", required=False, empty_label=_("Any section")
    )
    author = forms.ModelChoiceField(
        AuthorPage.objects.none(), to_field_name="slug", required=False, empty_label=_("Any author")
    )
    since = forms.DateField(
        label=pgettext_lazy("date range", "From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=pgettext_lazy("date range", "To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data, site):
        data = data.copy()
        if "q" in data:  # what a reader types may hold anything: control characters go, long queries are cut
            data["q"] = without_control_characters(data["q"])[:MAX_QUERY_LENGTH]
        super().__init__(data)
        self.fields["author"].queryset = AuthorPage.objects.live().public().in_site(site).order_by("title")

    def clean(self):
        cleaned = super().clean()
        for name in ("since", "until"):
            if cleaned.get(name) and not FIRST_DAY <= cleaned[name] <= LAST_DAY:
                message = gettext("Give a date from %(first_year)s to %(last_year)s.")
                self.add_error(name, message % {"first_year": FIRST_DAY.year, "last_year": LAST_DAY.year})
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", gettext("The end of the date range is before its start."))
        return cleaned

    @property
    def words(self) -> str:
        """What the reader typed, as words to look for. Double quotes go: modelsearch's SQLite
        backend puts each word in FTS5's double quotes without doubling the ones inside it, so a
        reader's '"' was an FTS5 syntax error and a 500 (PostgreSQL's backend escapes them)."""
        return " ".join(self.cleaned_data.get("q", "").replace('"', " ").split())

    def is_asked(self) -> bool:
        """Whether the reader asked for anything, once cleaned: words (spaces alone are none), or a filter."""
        return any(self.cleaned_data.get(name) for name in self.fields)

    def narrow(self, articles):
        """``articles`` as the filters narrow them."""
        cleaned = self.cleaned_data
        if cleaned.get("section"):
            articles = articles.filter(section=cleaned["section"])
        if cleaned.get("author"):
            articles = articles.filter(pk__in=ArticleCredit.objects.filter(author=cleaned["author"]).values("page"))
        if cleaned.get("since"):
            articles = articles.filter(first_published_at__gte=start_of_day(cleaned["since"]))
        if cleaned.get("until"):
            articles = articles.filter(first_published_at__lt=start_of_day(cleaned["until"] + timedelta(days=1)))
        return articles

    def params(self) -> str:
        """The query string of the words and filters asked for, for the links to the other pages."""
        return urlencode({name: self.data[name] for name in self.fields if self.data.get(name)})


def start_of_day(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))
