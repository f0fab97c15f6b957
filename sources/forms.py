"""Forms for submitting articles: files, pasted text or a URL, each with its publisher and date."""

from django import forms

from sources.languages import language_choices
from sources.models import Article
from sources.services import ArticleTooLarge, check_size


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked against the upload limit."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ".txt,.html,.htm,.pdf,text/plain,text/html,application/pdf"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        if not files and self.required:
            raise forms.ValidationError("Choose at least one file.")
        cleaned = [super(MultipleFileField, self).clean(item, initial) for item in files]
        for item in cleaned:
            try:
                check_size(item.size)  # the rule is the service's; refused here, before the files are read
            except ArticleTooLarge as exc:
                raise forms.ValidationError(f"{item.name}: {exc}") from exc
        return cleaned


class ArticleDetailsForm(forms.Form):
    """What the analyst knows of the report beyond its text."""

    publisher = forms.CharField(
        max_length=200, required=False, help_text="Left empty: taken from the page when it names one."
    )
    published_at = forms.DateField(
        required=False,
        label="Publication date",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Relative dates in the text (“on Sunday”) are read from this day.",
    )
    title = forms.CharField(max_length=500, required=False)


class FileUploadForm(ArticleDetailsForm):
    files = MultipleFileField(label="Files (.txt, .html, .pdf)")


class TextUploadForm(ArticleDetailsForm):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 10}), label="Article text")
    url = forms.URLField(
        required=False, max_length=2000, label="Where it was published (optional)", assume_scheme="https"
    )


class UrlUploadForm(ArticleDetailsForm):
    url = forms.URLField(max_length=2000, label="Article URL", assume_scheme="https")


class UrlInspectForm(forms.Form):
    url = forms.URLField(max_length=2000, assume_scheme="https")


UPLOAD_FORMS = {"files": FileUploadForm, "text": TextUploadForm, "url": UrlUploadForm}


class ArticleFilterForm(forms.Form):
    status = forms.ChoiceField(choices=[("", "Any status"), *Article.Status.choices], required=False)
    language = forms.ChoiceField(choices=lambda: [("", "Any language"), *language_choices()], required=False)
    q = forms.CharField(required=False, max_length=200, label="Title or publisher")


class ArticleLanguageForm(forms.Form):
    """A reviewer's correction of the language an article is in; the article is parsed again in it."""

    # The empty choice first: an article not yet read has no language, and a select would show the first of the
    # list ("Abkhazian") as if it were the article's.
    language = forms.ChoiceField(
        choices=lambda: [("", "Choose a language…"), *language_choices()],
        error_messages={
            "invalid_choice": "“%(value)s” is not a language code: choose a language from the list.",
            "required": "Choose the language the article is in.",
        },
    )
