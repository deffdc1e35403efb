from django.urls import path

from . import views

app_name = "forms_public"

urlpatterns = [
    path("definitions/<int:page_id>.json", views.public_definition, name="definition"),
]
