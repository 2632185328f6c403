import unicodedata
from dataclasses import replace

from reports import RENDERER_VERSION, content_key, samples
from reports.data import CertificateOptions


def test_content_key_is_stable_and_content_sensitive():
    data = samples.commendation_list(5, 5)
    key = content_key(data)
    assert len(key) == 64 and key == content_key(samples.commendation_list(5, 5))
    assert key != content_key(replace(data, decision_number="101/QĐ-UBND"))


def test_content_key_includes_the_renderer_version(monkeypatch):
    data = samples.commendation_list(2, 2)
    before = content_key(data)
    monkeypatch.setattr("reports.keys.RENDERER_VERSION", RENDERER_VERSION + "-next")
    assert content_key(data) != before


def test_content_key_covers_options_and_ignores_normalisation_form():
    certs = samples.certificates(2)
    a = content_key(certs, CertificateOptions())
    assert a != content_key(certs, CertificateOptions(paper="A3"))
    nfd = tuple(replace(c, recipient_name=unicodedata.normalize("NFD", c.recipient_name))
                for c in certs)
    assert a == content_key(nfd, CertificateOptions())
