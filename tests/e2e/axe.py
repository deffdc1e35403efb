"""The accessibility check every browser test uses: axe-core (bundled by axe-playwright-python,
nothing fetched) over the page or a part of it; serious and critical findings only."""


def serious_violations(page, where: str = "", *, context=None) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context)
    prefix = f"{where}: " if where else ""
    return [
        f"{prefix}{violation['id']}: {violation['help']} "
        f"({[node['target'] for node in violation['nodes']]})"
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
