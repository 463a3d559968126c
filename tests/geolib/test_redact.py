"""geolib.redact: one redaction of secrets in URLs and data source strings (#13)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geolib.redact import is_secret_name, redact, redact_url

SECRET = "s3cr3t-VALUE"


@pytest.mark.parametrize(
    "name", ["api-key", "api_key", "apikey", "key", "auth", "access-token", "client_secret", "sig"]
)
def test_every_secret_query_parameter_is_hidden(name):
    url = f"https://portal.example/api/services?page=2&{name}={SECRET}&per_page=50"
    shown = redact(url)
    assert SECRET not in shown
    assert shown == f"https://portal.example/api/services?page=2&{name}=***&per_page=50"


def test_unknown_parameters_are_hidden_harmless_ones_kept():
    url = "http://h/x?q=Sucht&lang=de&format=json&region=nord&X-Amz-Signature=abc#frag"
    assert redact_url(url) == (
        "http://h/x?q=Sucht&lang=de&format=json&region=***&X-Amz-Signature=***#frag"
    )


def test_user_info_is_removed_also_from_malformed_urls():
    assert redact("https://anna:pw123@host:80x/api") == "https://***@host:80x/api"
    assert redact("see http://u:p@h/?token=t ok") == "see http://***@h/?token=*** ok"


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        (
            "dbname='soz' host=db port=5432 user='anna' password='" + SECRET + "' sslmode=require "
            'key=\'id\' authcfg=ab12cd3 table="public"."x" (geom)',
            "dbname='soz' host=db port=5432 user='anna' password='***' sslmode=require "
            'key=\'id\' authcfg=ab12cd3 table="public"."x" (geom)',
        ),
        ('PG:"dbname=soz password=' + SECRET + ' user=u"', 'PG:"dbname=soz password=*** user=u"'),
        ("MSSQL:server=.;UID=u;PWD=" + SECRET + ";", "MSSQL:server=.;UID=u;PWD=***;"),
        (
            "crs=EPSG:25832 format=image/png layers=a password=" + SECRET + " "
            "url=https://wms.example/wms?SERVICE=WMS&token=" + SECRET + " username=anna",
            "crs=EPSG:25832 format=image/png layers=a password=*** "
            "url=https://wms.example/wms?SERVICE=WMS&token=*** username=anna",
        ),
        ("/data/kreis.gpkg|layername=gemeinden", "/data/kreis.gpkg|layername=gemeinden"),
    ],
)
def test_data_source_passwords_are_hidden_user_and_authcfg_kept(source, shown):
    assert redact(source) == shown


def test_url_encoded_urls_in_xyz_sources_are_redacted():
    source = "type=xyz&url=https%3A%2F%2Ft.example%2F%7Bz%7D%3Fapi_key%3D" + SECRET + "&zmax=19"
    shown = redact(source)
    assert SECRET not in shown and "zmax=19" in shown


def test_known_secrets_are_removed_anywhere():
    assert redact(f"Authorization: Bearer {SECRET}", [f"Bearer {SECRET}"]) == "Authorization: ***"
    assert redact(f"the token {SECRET} failed", [f"Bearer {SECRET}"]) == "the token *** failed"


def test_secret_names():
    assert is_secret_name("API-Key") and is_secret_name("password")
    assert not is_secret_name("page") and not is_secret_name("region")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=6, max_size=30))
def test_a_key_value_never_survives(value):
    value = value.replace("&", "").replace("#", "").replace(" ", "")
    if len(value) < 6 or "*" in value:
        return
    assert value not in redact(f"https://h.example/api?api-key={value}")
    assert value not in redact(f"host=db password='{value}'".replace("''", "'x'"))
