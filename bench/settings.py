"""Settings for the benchmarks: the test settings plus a stock Wagtail form page to compare with.

The ``bench.stockform`` app is installed only here, so the product never carries it.
"""

from website.settings.test import *  # noqa: F403
from website.settings.test import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench.stockform"]
