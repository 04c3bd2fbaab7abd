"""Who may publish: the optional password and the rule that an open server needs one."""

from __future__ import annotations

import hmac
import os

import streamlit as st

PASSWORT_NAME = "IPDATEN_PASSWORT"
LOKALE_ADRESSEN = ("127.0.0.1", "localhost", "::1")

ANLEITUNG_PASSWORT = (
    "Ein Passwort wird entweder in der Datei `.streamlit/secrets.toml` eingetragen "
    f'(Zeile `{PASSWORT_NAME} = "…"`) oder vor dem Start als Umgebungsvariable gesetzt '
    f"(`export {PASSWORT_NAME}=…`). Danach den Server neu starten."
)


def konfiguriertes_passwort() -> str | None:
    """The publish password from st.secrets or the environment; None when none is set."""
    if st.secrets.load_if_toml_exists():
        wert = st.secrets.get(PASSWORT_NAME)
        if wert:
            return str(wert)
    wert = os.environ.get(PASSWORT_NAME, "")
    return wert or None


def server_adresse() -> str:
    """The address the server listens on ('' = every interface)."""
    return str(st.get_option("server.address") or "")


def proxy_oder_fremder_host() -> str | None:
    """What shows that this session reached the server from elsewhere, despite a local address.

    Behind a reverse proxy Streamlit listens on 127.0.0.1, yet the intranet reaches it: the
    proxy's forwarding headers or a Host that is not loopback give that away.
    """
    try:
        kopf = {k.lower(): v for k, v in st.context.headers.items()}
    except Exception:  # no request context (e.g. bare script)
        return None
    for name in ("x-forwarded-for", "forwarded", "x-real-ip", "x-forwarded-host"):
        if kopf.get(name):
            return f"über einen Proxy ({name})"
    host = kopf.get("host", "")
    rechner = host.rsplit("]", 1)[0].lstrip("[") if host.startswith("[") else host.split(":", 1)[0]
    if rechner and not nur_lokal(rechner):
        return f"unter dem Namen {rechner}"
    return None


def nur_lokal(adresse: str) -> bool:
    """True when the server is reachable from this computer only."""
    adresse = adresse.strip().strip("[]")
    return adresse in LOKALE_ADRESSEN or adresse.startswith("127.")


def passwort_stimmt(eingabe: str, passwort: str) -> bool:
    """Compare in constant time."""
    return hmac.compare_digest(eingabe.encode("utf-8"), passwort.encode("utf-8"))


def sperrgrund(passwort: str | None, adresse: str, von_aussen: str | None = None) -> str | None:
    """Why publishing is refused on this server (None: allowed, possibly with a password)."""
    if passwort is None and (not nur_lokal(adresse) or von_aussen):
        gezeigt = von_aussen or adresse or "alle Netzwerkschnittstellen"
        return (
            f"Veröffentlichen ist gesperrt: Der Server ist im Netz erreichbar ({gezeigt}), aber es ist "
            "kein Passwort für das Veröffentlichen gesetzt. Sonst könnte jede Person im Netz einen neuen "
            "Stand für alle festlegen. " + ANLEITUNG_PASSWORT
        )
    return None
