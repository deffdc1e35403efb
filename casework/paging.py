"""Pages of "My cases" over a million cases: counted and ordered one reason to see a case at a
time.

The cases a user sees are those of their city, or their own, or those transferred to their
partner (``visibility_rules``). Asked as one query, ``city = 1 OR case_manager = 3 ... ORDER BY
next_due LIMIT 20``, neither SQLite nor PostgreSQL can walk an index in order: they collect
every visible case (600,000 of a million for Wuppertal) and sort them. Asked for each rule on its
own, each is one index range in order (``Case.Meta.indexes``): the first rows of each rule are
a handful of ids, and the page is read from those alone; the count is the sum of each rule's
cases not already counted by the rules before it. The view's filters and search apply to each
rule's queryset as they do to the whole list, so the page and the count are the plain query's,
with the same number of queries whatever the number of cases.
"""

from django.db.models import F, OrderBy, Q
from django.utils.functional import cached_property

from wagtail.admin.paginator import WagtailPaginator


def _first_in_order(queryset, ordering: list, limit: int) -> list:
    """Querysets of the ids of ``queryset``'s first ``limit`` rows in ``ordering``, each of
    which an index in ascending order can serve: "nulls last" first takes the rows with a value,
    then those without (an ascending index holds the NULLs first)."""
    first = ordering[0] if ordering else None
    if isinstance(first, OrderBy) and first.nulls_last and not first.descending:
        name = first.expression.name
        rest = ordering[1:]
        return [
            queryset.filter(**{f"{name}__isnull": False})
            .order_by(F(name).asc(), *rest)
            .values("pk")[:limit],
            queryset.filter(**{f"{name}__isnull": True}).order_by(*rest).values("pk")[:limit],
        ]
    return [queryset.order_by(*ordering).values("pk")[:limit]]


class RulewisePaginator(WagtailPaginator):
    """``object_list`` is the whole list (ordered, filtered, annotated); ``rules`` the same
    list once per visibility rule as ``(rule, queryset)``, filtered and searched alike but
    neither ordered nor annotated; ``rows`` the annotated queryset the page's rows are read
    from, by their ids."""

    def __init__(self, object_list, per_page, *, rules: list[tuple[Q, object]], rows, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.rules, self.rows = rules, rows

    @cached_property
    def count(self) -> int:
        total, seen = 0, None
        for rule, queryset in self.rules:
            total += (queryset if seen is None else queryset.exclude(seen)).count()
            seen = rule if seen is None else seen | rule
        return total

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        # A last "pk" makes the order total, so that every rule agrees on its first rows.
        ordering = [*(self.object_list.query.order_by or self.object_list.model._meta.ordering)]
        ordering.append("pk")
        candidates = Q(pk__in=[])
        for _rule, queryset in self.rules:
            for ids in _first_in_order(queryset, ordering, top):
                candidates |= Q(pk__in=ids)
        rows = self.rows.filter(candidates).order_by(*ordering)[bottom:top]
        return self._get_page(rows, number, self)
