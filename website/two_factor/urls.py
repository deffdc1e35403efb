from django.urls import path

from . import views

app_name = "two_factor"
urlpatterns = [
    path("setup/", views.setup, name="setup"),
    path("verify/", views.verify, name="verify"),
    path("reset/<int:user_id>/", views.reset, name="reset"),
]
