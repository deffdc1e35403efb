"""Driving a wizard with the test client, the way a browser posts its steps."""

from forms_app.wizard import session_key, wizard_prefix


def step_data(page, step: str, **answers) -> dict:
    data = {f"{wizard_prefix(page)}-current_step": step}
    for key, value in answers.items():
        data[f"{step}-{key}"] = value
    return data


def post_step(client, page, step: str, extra: dict | None = None, **answers):
    return client.post(page.url, {**step_data(page, step, **answers), **(extra or {})})


def review_token(client, page) -> str:
    return client.session[session_key(page)]["extra_data"]["token"]


def submit(client, page, token: str | None = None):
    return client.post(
        page.url,
        {
            f"{wizard_prefix(page)}-current_step": "review",
            "review-token": token or review_token(client, page),
        },
    )
