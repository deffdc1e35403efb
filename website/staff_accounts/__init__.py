"""Staff accounts in the admin, narrowed to what a role may manage (``roles.MANAGED_ROLES``).

Wagtail's users app is kept and extended through its own extension points: the users app config
(``apps.StaffAccountsConfig`` replaces ``wagtail.users`` in ``INSTALLED_APPS``) names our
``UserViewSet`` and registers a permission policy for the user model, which the views, the
listing and the bulk actions all consult. Superusers keep Wagtail's behaviour unchanged.
"""
