"""A plain ``wagtail.contrib.forms`` page with its fields in the database: the baseline."""

from django.db import models

from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField

from modelcluster.fields import ParentalKey

from .forms import SameValidationFormBuilder


class StockFormField(AbstractFormField):
    page = ParentalKey("StockFormPage", on_delete=models.CASCADE, related_name="form_fields")


class StockFormPage(AbstractEmailForm):
    template = "stockform/stock_form_page.html"
    landing_page_template = "stockform/stock_form_page_landing.html"
    form_builder = SameValidationFormBuilder
