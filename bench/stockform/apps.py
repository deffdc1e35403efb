from django.apps import AppConfig


class StockFormConfig(AppConfig):
    """Wagtail's stock form page, as a project would define it, for the forms benchmark."""

    name = "bench.stockform"
    label = "bench_stockform"
