"""The accessibility check every browser test uses: axe-core (bundled by axe-playwright-python,
nothing fetched) over the page or a part of it; serious and critical findings only."""

# Finite CSS animations and transitions (Wagtail's messages fade in), awaited for at most 2 s:
# axe measured a success message's contrast mid-fade once.
SETTLED = """() => Promise.race([
    Promise.all(document.getAnimations()
        .filter(a => a.effect && a.effect.getTiming().iterations !== Infinity)
        .map(a => a.finished.catch(() => null))),
    new Promise(resolve => setTimeout(resolve, 2000)),
])"""


def serious_violations(page, where: str = "", *, context=None) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    page.evaluate(SETTLED)
    results = Axe().run(page, context=context)
    prefix = f"{where}: " if where else ""
    return [
        f"{prefix}{violation['id']}: {violation['help']} "
        f"({[node['target'] for node in violation['nodes']]})"
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
