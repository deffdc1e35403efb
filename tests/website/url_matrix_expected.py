"""The URL access matrix's expected answers (the test: test_url_access_matrix.py).

A row per URL name (and per page of the matrix's tree), one answer per persona in the order of
``PERSONAS``: anonymous, deactivated, superuser, programme administrator, case manager (the
case's), partner caseworker (partner A, who accepted the case's transfer), caseworker of partner
B, editor, moderator. An answer is a status, LOGIN (a redirect to a login), DENIED (Wagtail's
refusal: back to the admin home with a message) or "→<url name>" for another redirect.

A new URL of the project needs a row here: say what each persona must get, then run the test.
The second factor is off in the tests (its own tests switch it on), so its screens send
everybody signed in back to the admin home.
"""

from tests.website.url_matrix import DENIED, LOGIN


def staff(superuser, programme, case_manager, partner, other_partner, editor, moderator):
    """An admin URL: signed out, or deactivated since signing in, it leads to the login."""
    return (
        LOGIN,
        LOGIN,
        superuser,
        programme,
        case_manager,
        partner,
        other_partner,
        editor,
        moderator,
    )


def everyone(answer):
    return (answer,) * 9


ALL_STAFF = staff(200, 200, 200, 200, 200, 200, 200)
ADMINISTRATORS = staff(200, 200, DENIED, DENIED, DENIED, DENIED, DENIED)
SUPERUSER = staff(200, DENIED, DENIED, DENIED, DENIED, DENIED, DENIED)
# The media library's API: roles with image and document rights (see README "Media library").
MEDIA_API = staff(200, 200, 403, 403, 403, 200, 200)
MEDIA_API_FIND = staff(404, 404, 403, 403, 403, 404, 404)  # "find" without a query

# Casework: everyone but the case's own people gets 404 for the case's id (Case.visible_to).
NOT_THEIRS = (404, 404)  # superuser, programme administrator
CASE_MANAGER_ONLY = staff(*NOT_THEIRS, 200, DENIED, 404, 404, 404)
CASE_READ = staff(*NOT_THEIRS, 200, 200, 404, 404, 404)  # the partner's caseworker reads/records
CASE_MANAGERS_SEE = staff(*NOT_THEIRS, 200, 404, 404, 404, 404)  # Art. 15: managers only
CASES = {
    "index": staff(200, DENIED, 200, 200, 200, DENIED, DENIED),
    "index_results": staff(200, DENIED, 200, 200, 200, DENIED, DENIED),
    "add": staff(DENIED, DENIED, 200, DENIED, DENIED, DENIED, DENIED),
    "import": staff(DENIED, DENIED, 200, DENIED, DENIED, DENIED, DENIED),
    "import_template": staff(DENIED, DENIED, 200, DENIED, DENIED, DENIED, DENIED),
    # the generic edit view asks for the change permission before it looks the case up
    "edit": staff(404, DENIED, 200, DENIED, DENIED, DENIED, DENIED),
    "case": CASE_READ,
    "plan": CASE_MANAGER_ONLY,
    "print_plan": CASE_READ,
    "transfer": CASE_MANAGER_ONLY,
    "print_transfer": CASE_READ,
    # a transfer waiting for partner A: theirs to accept or decline, nobody else's
    "answer": staff(*NOT_THEIRS, DENIED, 200, 404, 404, 404),
    "exchange": CASE_READ,
    "conference": CASE_MANAGER_ONLY,
    "employability": CASE_MANAGER_ONLY,
    "training": CASE_READ,
    "placement": CASE_READ,
    "close": CASE_MANAGER_ONLY,
    "reopen": CASE_MANAGER_ONLY,
    "export": CASE_MANAGERS_SEE,
    "export_json": CASE_MANAGERS_SEE,
    "anonymise": CASE_MANAGER_ONLY,
}

MODEL_VIEWS = ("add", "edit", "delete", "usage", "history", "history_results", "copy")
CHOOSER_VIEWS = ("choose", "choose_results", "chosen", "chosen_multiple")


def snippet_rows(model: str, listing) -> dict[str, tuple]:
    """A snippet's admin views (administrators edit; ``listing`` for its list) and its chooser
    (every role may choose one in a form; only administrators create one from there)."""
    rows = {f"wagtailsnippets_{model}:{view}": ADMINISTRATORS for view in MODEL_VIEWS}
    rows |= {f"wagtailsnippets_{model}:{view}": listing for view in ("list", "list_results")}
    rows |= {f"wagtailsnippetchoosers_{model}:{view}": ALL_STAFF for view in CHOOSER_VIEWS}
    rows[f"wagtailsnippetchoosers_{model}:create"] = ADMINISTRATORS
    return rows


def model_rows(namespace: str, views=("index", "index_results", *MODEL_VIEWS), row=ADMINISTRATORS):
    return {f"{namespace}:{view}": row for view in views}


PARTNER = "wagtailsnippets_partners_partnerorganisation"
EXPECTED: dict[str, tuple] = {
    # The second factor's screens (off in the tests: back to the admin home) and its reset,
    # which needs a manager of the account (here an editor's account).
    "two_factor:setup": staff(DENIED, DENIED, DENIED, DENIED, DENIED, DENIED, DENIED),
    "two_factor:verify": staff(DENIED, DENIED, DENIED, DENIED, DENIED, DENIED, DENIED),
    "two_factor:reset": staff(200, 200, 403, 403, 403, 403, 403),
    **{
        f"wagtailadmin_api:{kind}:{view}": MEDIA_API
        for kind in ("documents", "images")
        for view in ("listing", "detail")
    },
    "wagtailadmin_api:documents:find": MEDIA_API_FIND,
    "wagtailadmin_api:images:find": MEDIA_API_FIND,
    # The spreadsheet imports: administrators only; "confirm" answers POST only (POST_ONLY).
    "partners_import": ADMINISTRATORS,
    "partners_import_confirm": staff("→partners_import", "→partners_import", *[DENIED] * 5),
    "partners_import_synonym": ADMINISTRATORS,
    "partners_import_template": ADMINISTRATORS,
    "dashboards_figures_import": ADMINISTRATORS,
    "dashboards_figures_import_confirm": staff(
        "→dashboards_figures_import", "→dashboards_figures_import", *[DENIED] * 5
    ),
    **snippet_rows("knowledge_theme", ADMINISTRATORS),
    **{
        name: row
        for name, row in snippet_rows("partners_partnerorganisation", ALL_STAFF).items()
        if not name.endswith(":copy")  # a partner is not copied
    },
    # a partner with a history in the network is never deleted: back to the list
    f"{PARTNER}:delete": staff(f"→{PARTNER}:list", f"→{PARTNER}:list", *[DENIED] * 5),
    f"{PARTNER}:inspect": ALL_STAFF,
    **model_rows(PARTNER, ("preview_on_add", "preview_on_edit", "unpublish")),
    **model_rows(PARTNER, ("revisions_view", "revisions_revert", "revisions_compare")),
    f"{PARTNER}:revisions_unschedule": ADMINISTRATORS,
    # lock and unlock answer POST only; the refused are refused a POST too
    f"{PARTNER}:lock": staff(405, 405, DENIED, DENIED, DENIED, DENIED, DENIED),
    f"{PARTNER}:unlock": staff(405, 405, DENIED, DENIED, DENIED, DENIED, DENIED),
    **{
        name: row
        for model in ("service", "city", "targetgroup", "language")
        for name, row in snippet_rows(f"partners_{model}", ALL_STAFF).items()
    },
    **model_rows("partner_memberships"),
    "login_lockouts:index": ADMINISTRATORS,
    "login_lockouts:index_results": ADMINISTRATORS,
    "login_lockouts:delete": ADMINISTRATORS,
    # Submissions: the listing shows everyone their own; the manager submitted the one here.
    "forms_app:index": staff(200, 200, 200, 200, 200, DENIED, DENIED),
    "forms_app:submissions": staff(200, 200, 200, 200, 200, DENIED, DENIED),
    "forms_app:submissions_results": staff(200, 200, 200, 200, 200, DENIED, DENIED),
    "forms_app:submission": staff(200, 200, 200, 404, 404, DENIED, DENIED),
    "forms_app:file": staff(200, 200, 200, 404, 404, DENIED, DENIED),
    # a background job (a large export): its owner's alone, everyone else 404
    **{
        f"forms_app:{name}": staff(404, 404, 200, 404, 404, 404, 404)
        for name in ("job", "job_status", "job_download")
    },
    "forms_app:submission_edit": staff(200, 200, DENIED, DENIED, DENIED, DENIED, DENIED),
    "forms_app:submission_delete": staff(200, 200, DENIED, 404, 404, 404, 404),
    "forms_app:definition_import": ADMINISTRATORS,
    "forms_app:definition_export": ADMINISTRATORS,
    **{f"casework:{name}": row for name, row in CASES.items()},
    **model_rows("casework_manager_cities", ("index", "index_results", *MODEL_VIEWS[:-1])),
    **model_rows("historical_figures"),
    # Staff accounts: administrators manage the roles below them, they delete none and edit
    # no group (README "Staff accounts").
    **model_rows("wagtailusers_users"),
    "wagtailusers_users:delete": SUPERUSER,
    "wagtailusers_groups:index": ADMINISTRATORS,
    "wagtailusers_groups:index_results": ADMINISTRATORS,
    **model_rows(
        "wagtailusers_groups",
        ("add", "edit", "delete", "usage", "history", "history_results"),
        SUPERUSER,
    ),
    # The public API and downloads: the same for everyone, signed in or not ("find" needs a
    # query); a staff dashboard's figures are never among them.
    **{
        f"wagtailapi:{kind}:{view}": everyone(200)
        for kind in ("pages", "partners", "dashboards")
        for view in ("listing", "detail")
    },
    **{f"wagtailapi:{kind}:find": everyone(404) for kind in ("pages", "partners", "dashboards")},
    "dashboards:chart_csv": everyone(200),
    "dashboards:open_data_csv": everyone(200),
    "dashboards:chart_csv (staff dashboard)": everyone(404),
    "dashboards:open_data_csv (staff dashboard)": everyone(404),
    "dashboards:staff_chart_csv": ALL_STAFF,
    "forms_public:definition": everyone(200),
    "forms_public:definition_in": everyone(200),
    "forms_public:printable": everyone(200),
    # the site's login: signed in, the page that says they have no access to what they asked
    "site_login": (200, 200, *[403] * 7),
    # the wizard's "Stay signed in": POST only (tests/website/test_session_warning.py)
    "session_keep_alive": everyone(405),
}

# URLs that answer POST only: the matrix posts (no data) to them instead of a GET.
POST_ONLY = {"partners_import_confirm", "dashboards_figures_import_confirm"}

# The pages of the matrix's tree (url_matrix_world.build_pages), served by Wagtail.
STAFF_PAGE = (LOGIN, LOGIN, *[200] * 7)
PAGES: dict[str, tuple] = {
    "HomePage": everyone(200),
    "ContentPage": everyone(200),
    "WizardFormPage (everyone)": everyone(200),
    "WizardFormPage (staff only)": STAFF_PAGE,
    "PartnerDirectoryPage": everyone(200),
    "DashboardPage (everyone)": everyone(200),
    "DashboardPage (staff)": STAFF_PAGE,
    "KnowledgeIndexPage": everyone(200),
    "GoodPracticePage": everyone(200),
    "ModelDocumentationPage": everyone(200),
    "NewsPage": everyone(200),
}
