"""The demo documentation points other cities at forms they can print and download."""


def test_model_documentation_links_each_form_to_its_own_downloads(db, client):
    from django.core.management import call_command

    from knowledge.models import ModelDocumentationPage

    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    page = ModelDocumentationPage.objects.get(locale__language_code="en")
    links = page.forms_used_links()
    assert [link["title"] for link in links] == [
        "Intake",
        "Support plan (Förderplan)",
        "Transfer form (Übermittlungsbogen)",
    ]
    downloads = [download for link in links for download in link["downloads"]]
    assert len(downloads) == 6  # three forms, German and English each
    prints = [download["print"] for download in downloads]
    definitions = [download["definition"] for download in downloads]
    assert len(set(prints)) == 6 and len(set(definitions)) == 6
    assert all(url.startswith("/") for url in prints + definitions)
    titles = [client.get(link["downloads"][1]["definition"]).json()["title"] for link in links]
    assert titles == ["Intake interview", "Support plan", "Transfer form"]
    assert len(client.get(links[0]["downloads"][0]["definition"]).json()["steps"]) == 5
    html = client.get(page.url).content.decode()
    forms_section = html[html.index('<section id="forms"') :]
    forms_section = forms_section[: forms_section.index("</section>")]
    # (the share image's og:image is absolute by the Open Graph rules; the links are not)
    assert "127.0.0.1" not in forms_section and "http://testserver" not in forms_section
    for url in prints:
        assert f'href="{url}"' in html
        assert client.get(url).status_code == 200
