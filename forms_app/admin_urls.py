from django.urls import path, re_path

from . import admin_views

app_name = "forms_app"
urlpatterns = [
    path("", admin_views.form_index, name="index"),
    path("import/", admin_views.definition_import, name="definition_import"),
    path("files/<int:file_id>/", admin_views.submission_file, name="file"),
    path("<int:page_id>/", admin_views.submission_list, name="submissions"),
    path("<int:page_id>/definition/", admin_views.definition_export, name="definition_export"),
    re_path(
        r"^(?P<page_id>\d+)/export\.(?P<fmt>csv|xlsx)$",
        admin_views.export_submissions,
        name="export",
    ),
    path("<int:page_id>/<int:submission_id>/", admin_views.submission_detail, name="submission"),
    path(
        "<int:page_id>/<int:submission_id>/edit/",
        admin_views.submission_edit,
        name="submission_edit",
    ),
]
