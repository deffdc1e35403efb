"""The demo documentation points other cities at forms they can download."""


def test_model_documentation_links_the_forms_to_a_downloadable_definition(db, client):
    from django.core.management import call_command

    from knowledge.models import ModelDocumentationPage

    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    page = ModelDocumentationPage.objects.get(locale__language_code="en")
    links = [block.value["url"] for block in page.forms_used]
    assert len(links) == 3 and len(set(links)) == 1
    path = links[0].removeprefix("http://testserver")
    response = client.get(path)
    assert response.status_code == 200
    assert len(response.json()["steps"]) == 5
    assert links[0] in client.get(page.url).content.decode()
