"""The language of a reader's page is its address's: ``/fr/…`` is French, an address without a
language prefix is the site's default (``LANGUAGE_CODE``).

Django's ``LocaleMiddleware`` would also read the reader's cookie and ``Accept-Language`` for an
address without a prefix and mark every such response ``Vary: Accept-Language``: a front cache
(Varnish, a CDN) would then keep one copy of the front page per browser language, though each
address shows one language only. This middleware reads the address alone, so nothing varies.
"""

from django.conf import settings
from django.utils import translation


class URLLanguageMiddleware:
    """Activates the language of the request's address for the request, and names it in the
    response's ``Content-Language``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        with translation.override(language):  # for this request only: the thread's next starts afresh
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
