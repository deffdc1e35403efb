from django.urls import path

from . import staff, views

app_name = "dashboards"

urlpatterns = [
    path("<int:page_id>/charts/<int:index>.csv", views.chart_csv, name="chart_csv"),
    path(
        "<int:page_id>/staff/charts/<int:index>.csv",
        staff.staff_chart_csv,
        name="staff_chart_csv",
    ),
    path("<int:page_id>/open-data.csv", views.open_data_csv, name="open_data_csv"),
]
