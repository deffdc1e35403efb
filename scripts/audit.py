"""`make audit`: bandit over the project's code (fails on any high-severity finding) and pip-audit
over the pinned requirements (fails on any known vulnerability).

pip-audit asks PyPI's advisory API about each pin. Where the machine cannot reach it (CI here
reaches only package mirrors), every pin comes back "could not be audited"; pip-audit itself
then prints "No known vulnerabilities found", which would be a false all-clear, so this script
says how many pins were actually audited and, when none were, that the database was not reached.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / ".venv-audit" / "bin"
APPS = ["website", "forms_app", "partners", "casework", "dashboards", "knowledge"]
REQUIREMENTS = ["requirements.txt", "requirements-dev.txt"]


def run_bandit() -> bool:
    command = [str(TOOLS / "bandit"), "-q", "-r", *APPS, "-x", "*/migrations/*", "-f", "json"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)  # noqa: S603
    findings = json.loads(result.stdout)["results"]
    counts = dict.fromkeys(("HIGH", "MEDIUM", "LOW"), 0)
    for finding in findings:
        counts[finding["issue_severity"]] += 1
    print(f"bandit: {counts['HIGH']} high, {counts['MEDIUM']} medium, {counts['LOW']} low findings")
    for finding in findings:
        if finding["issue_severity"] == "HIGH":
            print(f"  {finding['filename']}:{finding['line_number']}: {finding['issue_text']}")
    return counts["HIGH"] == 0


def run_pip_audit() -> bool:
    command = [str(TOOLS / "pip-audit"), "--disable-pip", "--no-deps", "-f", "json"]
    command += ["--progress-spinner", "off"]
    for name in REQUIREMENTS:
        command += ["-r", name]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)  # noqa: S603
    try:
        dependencies = json.loads(result.stdout)["dependencies"]
    except (ValueError, KeyError):
        print("pip-audit: could not run; it said:", result.stderr.strip()[-500:])
        return result.returncode == 0
    audited = [d for d in dependencies if "skip_reason" not in d]
    vulnerable = [d for d in audited if d.get("vulns")]
    if not audited:
        print(
            f"pip-audit: could not reach the advisory database; none of the {len(dependencies)} "
            "pinned packages was audited (passes: nothing known, nothing checked)"
        )
        return True
    print(
        f"pip-audit: {len(audited)} of {len(dependencies)} pinned packages audited, "
        f"{len(vulnerable)} with known vulnerabilities"
    )
    for dependency in vulnerable:
        ids = ", ".join(v["id"] for v in dependency["vulns"])
        print(f"  {dependency['name']} {dependency['version']}: {ids}")
    return not vulnerable


if __name__ == "__main__":
    bandit_ok = run_bandit()
    audit_ok = run_pip_audit()
    sys.exit(0 if bandit_ok and audit_ok else 1)
