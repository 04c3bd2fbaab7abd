"""Who may publish: local servers, open servers, proxies and the password comparison."""

from __future__ import annotations

from oberflaeche.veroeffentlichung import nur_lokal, passwort_stimmt, sperrgrund


def test_lokale_adressen():
    assert [nur_lokal(a) for a in ("127.0.0.1", "localhost", "::1", "[::1]", "127.0.1.1")] == [True] * 5
    assert [nur_lokal(a) for a in ("", "0.0.0.0", "10.1.2.3", "::", "intranet.lra-bb.de")] == [False] * 5


def test_sperre_nur_ohne_passwort_und_bei_zugriff_von_aussen():
    assert sperrgrund(None, "127.0.0.1") is None
    assert sperrgrund("geheim", "0.0.0.0") is None
    assert sperrgrund("geheim", "127.0.0.1", "über einen Proxy (x-forwarded-for)") is None
    offen = sperrgrund(None, "")
    assert offen.startswith(
        "Veröffentlichen ist gesperrt: Der Server ist im Netz erreichbar (alle Netzwerkschnittstellen)"
    )
    proxy = sperrgrund(None, "127.0.0.1", "über einen Proxy (x-forwarded-for)")
    assert proxy.startswith("Veröffentlichen ist gesperrt: Der Server ist im Netz erreichbar (über einen Proxy")
    assert "IPDATEN_PASSWORT" in proxy


def test_passwortvergleich():
    assert passwort_stimmt("Sitzung-2017", "Sitzung-2017")
    assert not passwort_stimmt("sitzung-2017", "Sitzung-2017")
    assert not passwort_stimmt("", "Sitzung-2017")
    assert passwort_stimmt("Größe", "Größe")
