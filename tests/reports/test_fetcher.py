import pytest
from weasyprint.urls import FatalURLFetchingError

from reports.env import ForbiddenURLError, url_fetcher
from reports.render import html_to_pdf


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "http://example.com/x.png",
    "https://example.com/font.ttf",
    "ftp://example.com/x",
    "reports:../../../../etc/passwd",
    "reports:css/../../env.py",
    "reports:%2e%2e/env.py",
    "reports:/../data.py",
    "reports:fonts/does-not-exist.ttf",
    "reports:fonts",
])
def test_fetcher_refuses_everything_outside_static(url):
    with pytest.raises(ForbiddenURLError):
        url_fetcher(url)


def test_fetcher_serves_bundled_files_and_data_uris():
    font = url_fetcher("reports:fonts/LiberationSerif-Regular.ttf")
    assert font.read(4) == b"\x00\x01\x00\x00"
    assert url_fetcher("reports:css/list.css").read().startswith(b"/*")
    assert url_fetcher("data:text/plain;base64,eGluIGNow6Bv").read() == "xin chào".encode()


def test_rendering_aborts_on_a_forbidden_resource():
    html = '<img src="file:///etc/passwd"><p>Xin chào</p>'
    with pytest.raises(FatalURLFetchingError):
        html_to_pdf(html, ("fonts",))
