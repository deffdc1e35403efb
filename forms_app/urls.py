from django.urls import path

from . import printable, views

app_name = "forms_public"

urlpatterns = [
    path("definitions/<int:page_id>.json", views.public_definition, name="definition"),
    path(
        "definitions/<int:page_id>/<str:language>.json",
        printable.definition_in,
        name="definition_in",
    ),
    path(
        "definitions/<int:page_id>/<str:language>/print/",
        printable.printable,
        name="printable",
    ),
]
