"""Text and HTML as feeds can carry them."""

import re

# Characters XML 1.0 cannot carry: a feed drops them rather than failing.
XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
RELATIVE_URL_RE = re.compile(r'(\s(?:href|src)=")(/[^/"][^"]*)"')


def xml_text(value):
    return XML_INVALID_RE.sub("", value) if value else value


def make_urls_absolute(html, site):
    return RELATIVE_URL_RE.sub(lambda m: f'{m[1]}{site.root_url}{m[2]}"', html)
