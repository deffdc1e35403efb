"""Counts kept up to date on write, so a dashboard reads a few thousand rows, not every case.

``CaseCount`` holds how many cases entered per month and per combination of what the charts
break down and filter by (city, gender, age group at entry, residence status) and whether they
were placed; ``MonthsToPlacementCount`` the placed ones by the months to their first placement;
``PlacementCount`` the placements, with their kind and labour market. What each case
contributes is kept as its *facts* (``CaseFact``, ``PlacementFact``): on each change the new
contribution is worked out from the records, compared with the facts, and only the difference
is added to the counts
(``dashboards.counts``). The facts have no foreign keys: a deleted record's facts are what tell
the counts what to take away.
"""

from django.db import models


class _PersonKey(models.Model):
    """Who the counted people are, as the charts break them down. Their texts are copied from
    the cases' choices by ``dashboards.counts``, never typed (``editable=False``)."""

    month = models.DateField()  # the first day of the month
    city = models.ForeignKey("partners.City", on_delete=models.CASCADE, related_name="+")
    gender = models.CharField(max_length=20, editable=False)
    age_group = models.CharField(max_length=10, editable=False)
    residence_status = models.CharField(max_length=30, blank=True, editable=False)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.city_id} {self.gender} {self.age_group}: {self.n}"


PERSON_KEY = ["month", "city", "gender", "age_group", "residence_status"]


class CaseCount(_PersonKey):
    """Cases entered in ``month``, placed (at some time) or not."""

    placed = models.BooleanField()
    n = models.IntegerField()  # the upsert may add a negative change

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=[*PERSON_KEY, "placed"], name="dashboards_casecount_key")
        ]


class MonthsToPlacementCount(_PersonKey):
    """Placed cases entered in ``month``, by the months from entry to their first placement
    (the median's histogram; a table of its own, so the other counts of cases stay few)."""

    months = models.IntegerField()
    n = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[*PERSON_KEY, "months"], name="dashboards_monthscount_key"
            )
        ]


class PlacementCount(_PersonKey):
    """Placements starting in ``month``, by kind and labour market and the person's key."""

    kind = models.CharField(max_length=30, editable=False)
    first_labour_market = models.BooleanField()
    n = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[*PERSON_KEY, "kind", "first_labour_market"],
                name="dashboards_placementcount_key",
            )
        ]


class CaseFact(models.Model):
    """What one case adds to ``CaseCount`` now (its key), and the person key of its
    placements."""

    case_id = models.BigIntegerField(primary_key=True)
    month = models.DateField()
    city_id = models.BigIntegerField()
    gender = models.CharField(max_length=20, editable=False)
    age_group = models.CharField(max_length=10, editable=False)
    residence_status = models.CharField(max_length=30, blank=True, editable=False)
    placed = models.BooleanField()
    months = models.IntegerField()

    def __str__(self) -> str:
        return f"case {self.case_id}"


class PlacementFact(models.Model):
    """What one placement adds to ``PlacementCount`` now, besides its case's person key."""

    placement_id = models.BigIntegerField(primary_key=True)
    case_id = models.BigIntegerField(db_index=True)
    month = models.DateField()
    kind = models.CharField(max_length=30, editable=False)
    first_labour_market = models.BooleanField()

    def __str__(self) -> str:
        return f"placement {self.placement_id} of case {self.case_id}"
