"""A second factor (TOTP with recovery codes) for every staff account, on django-otp.

django-otp brings the devices, the token checks with throttling and the session marker
(``request.user.is_verified()``); it deliberately leaves enforcement and the screens to the
project. Those are here: a middleware that lets a signed-in staff member do nothing but enrol or
verify until they have, the enrolment and verification screens, and a reset that administrators
use for someone else's account only.
"""
