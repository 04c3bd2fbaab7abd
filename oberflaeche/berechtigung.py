"""The editor gate: who may change the data, asked before every editing action.

API (for every page that changes data – publishing, the Rückmelderunde, quick corrections):

    from oberflaeche import berechtigung

    wer = berechtigung.redakteur("Veröffentlichen")
    if wer is None:
        seite_beenden()        # the gate has shown why and what to do; draw no editing widget
    ...                        # the action's own form and button
    ablage.veroeffentliche(..., von=wer, client=berechtigung.client())

`redakteur(aktion, schluessel="redakteur")` returns an `ipdaten.redakteur.Redakteur` (name,
`quelle` "passwort" or "anmeldung", `kennung` = login e-mail) when this session may edit, and
otherwise renders, in German, what is needed and returns None:
- **With sign-in** (an `[auth]` section in `.streamlit/secrets.toml`, Streamlit's `st.login`):
  a signed-out user gets a sign-in button; a signed-in user who is not on the list
  `[ipdaten] redakteure = ["a@lrabb.de", "Gruppe"]` (e-mails, or groups from the claim
  `[ipdaten] gruppen_claim`, default "groups") gets a refusal naming the account; an editor
  passes with a line "Angemeldet als …". There is no password then.
- **Without sign-in** (the fallback): a small form asks for the person's name and the publishing
  password (configured or printed by the server, see `veroeffentlichung`). A right password
  unlocks editing for this session, under that name, until "Bearbeiten beenden" or until the
  password is changed; wrong guesses are slowed down (`ipdaten.drossel`) and written to the
  audit table.
Call it in every run *before* drawing the action's widgets and act only on its result in the
same run: a widget that was not drawn cannot be triggered, also not by a replayed websocket
message. `aktion` is the verb shown in the texts ("Veröffentlichen"); `schluessel` prefixes the
widget keys (`<schluessel>_name`, `<schluessel>_passwort`, `<schluessel>_anmelden`,
`<schluessel>_beenden`) – use a different one only when a page shows the gate twice.
`eingeklappt=True` puts the password form into a closed expander „Zum <aktion> anmelden“ (key
`<schluessel>_offen`), drawn only once opened: for sections that visitors who only read pass by
(not inside another expander: Streamlit does not nest them).

`client()` is the client address for the audit table (None behind a local proxy).
"""

from __future__ import annotations

import hashlib

import streamlit as st

from ipdaten import format as fmt
from ipdaten.ablage import AblageFehler
from ipdaten.redakteur import STANDARD_GRUPPEN_CLAIM, Redakteur, bereinige_name, gruppen, ist_redakteur

from . import quelle, sitzung, veroeffentlichung
from .literal import literal
from .veroeffentlichung import client

__all__ = ["anmeldung_eingerichtet", "client", "redakteur"]

ABSCHNITT = "ipdaten"  # the app's own section in .streamlit/secrets.toml


def _geheimnisse(name: str) -> dict:
    wert = veroeffentlichung.geheimnis(name)
    return dict(wert) if wert else {}


def einstellungen() -> dict:
    """The section `[ipdaten]` of `.streamlit/secrets.toml` (empty without one)."""
    return _geheimnisse(ABSCHNITT)


def anmeldung_eingerichtet() -> bool:
    """True when sign-in (OIDC, `[auth]` in secrets.toml) is configured."""
    return bool(_geheimnisse("auth"))


def anbieter() -> str | None:
    """The provider to sign in with: `[ipdaten] anmeldung_anbieter`, else Streamlit's unnamed
    default provider when `[auth]` itself names a client, else the first named `[auth.<name>]`
    section that does (sub-tables such as `client_kwargs` are no providers)."""
    gewaehlt = einstellungen().get("anmeldung_anbieter")
    if gewaehlt:
        return str(gewaehlt)
    auth = _geheimnisse("auth")
    if "client_id" in auth:
        return None
    benannte = [name for name, wert in auth.items() if hasattr(wert, "keys") and "client_id" in wert]
    return benannte[0] if benannte else None


def _protokolliere(aktion: str, **angaben) -> None:
    """A line in the audit table; a store that cannot be written must not hide the answer."""
    try:
        quelle.ablage().protokolliere(aktion, client=client(), **angaben)
    except AblageFehler as e:
        veroeffentlichung.protokoll.error("Protokoll nicht geschrieben (%s): %s", aktion, e)


def angemeldeter_nutzer() -> Redakteur | None:
    """The signed-in account as a Redakteur (whether or not it may edit); None when signed out."""
    if not st.user.is_logged_in:
        return None
    email = str(st.user.get("email") or "")
    kennung = email or str(st.user.get("sub") or "")
    name = bereinige_name(st.user.get("name") or kennung) or "unbekannt"
    return Redakteur(name, "anmeldung", kennung)


def darf_bearbeiten_angemeldet() -> bool:
    """Whether the signed-in account is on the list of editors (by e-mail or group)."""
    if not st.user.is_logged_in:
        return False
    claim = str(einstellungen().get("gruppen_claim") or STANDARD_GRUPPEN_CLAIM)
    liste = einstellungen().get("redakteure") or []
    if isinstance(liste, str):
        liste = [liste]
    return ist_redakteur(st.user.get("email"), gruppen(st.user.to_dict(), claim), liste)


def anmelden_knopf(schluessel: str, text: str = "Anmelden") -> None:
    """A button that starts the sign-in with the configured provider."""
    ziel = anbieter()
    st.button(
        text,
        key=f"{schluessel}_login",
        icon=":material/login:",
        type="primary",
        on_click=st.login if ziel is None else lambda: st.login(ziel),
    )


def _mit_anmeldung(aktion: str, schluessel: str) -> Redakteur | None:
    nutzer = angemeldeter_nutzer()
    if nutzer is None:
        st.info(f"Zum {aktion} bitte mit dem Dienstkonto anmelden.", icon=":material/lock:")
        anmelden_knopf(schluessel)
        return None
    if not darf_bearbeiten_angemeldet():
        st.warning(
            f"Sie sind als **{literal(nutzer.anzeige)}** angemeldet. Dieses Konto ist nicht als Redakteurin "
            f"oder Redakteur eingetragen; {aktion} ist daher nicht möglich. Wer eingetragen werden soll, wendet "
            "sich an die IT (Einstellung `redakteure` im Abschnitt `[ipdaten]` der Datei "
            "`.streamlit/secrets.toml`).",
            icon=":material/block:",
        )
        return None
    st.caption(f":material/verified_user: Angemeldet als **{literal(nutzer.anzeige)}** (Redaktion).")
    return nutzer


def _fingerabdruck(passwort: str) -> str:
    # The session remembers which password it was unlocked with (never the password itself).
    return hashlib.sha256(passwort.encode("utf-8")).hexdigest()


def _beenden() -> None:
    st.session_state.pop(sitzung.REDAKTEUR, None)


def _mit_passwort(aktion: str, schluessel: str, eingeklappt: bool) -> Redakteur | None:
    passwort = veroeffentlichung.passwort()
    freigabe = st.session_state.get(sitzung.REDAKTEUR)
    if freigabe is not None and freigabe[1] == _fingerabdruck(passwort):
        wer = freigabe[0]
        links, rechts = st.columns([3, 1], vertical_alignment="center")
        links.caption(f":material/edit: Sie bearbeiten als **{literal(wer.name)}**.")
        rechts.button("Bearbeiten beenden", key=f"{schluessel}_beenden", on_click=_beenden, icon=":material/logout:")
        return wer
    st.session_state.pop(sitzung.REDAKTEUR, None)
    if not eingeklappt:
        return _passwort_formular(aktion, schluessel, passwort)
    bereich = st.expander(
        f"Zum {aktion} anmelden", icon=":material/lock:", key=f"{schluessel}_offen", on_change="rerun"
    )
    if not bereich.open:
        return None
    with bereich:
        return _passwort_formular(aktion, schluessel, passwort)


def _passwort_formular(aktion: str, schluessel: str, passwort: str) -> Redakteur | None:
    if not veroeffentlichung.konfiguriertes_passwort():
        st.caption(veroeffentlichung.HINWEIS_ERZEUGT)
    # A form: Tab and Enter work as people type (the values typed are sent with the click).
    with st.form(f"{schluessel}_form", border=False):
        name = st.text_input(
            "Ihr Name",
            key=f"{schluessel}_name",
            max_chars=100,
            placeholder="z. B. Maria Muster",
            help="Wird mit jedem Stand gespeichert, den Sie veröffentlichen, und steht im Protokoll.",
        )
        eingabe = st.text_input(
            "Passwort zum Veröffentlichen", type="password", key=f"{schluessel}_passwort", max_chars=200
        )
        abgeschickt = st.form_submit_button(
            f"Anmelden zum {aktion}", key=f"{schluessel}_anmelden", type="primary", icon=":material/login:"
        )
    if not abgeschickt:
        return None
    name = bereinige_name(name)
    ort = client()
    wartezeit = veroeffentlichung.DROSSEL.wartezeit(st.session_state, ort)
    if not name:
        st.error("Bitte Ihren Namen eingeben: Er wird mit jedem veröffentlichten Stand gespeichert.")
    elif wartezeit > 0:
        veroeffentlichung.protokolliere_gedrosselt(wartezeit)
        if not st.session_state.get(sitzung.GEDROSSELT_PROTOKOLLIERT):
            st.session_state[sitzung.GEDROSSELT_PROTOKOLLIERT] = True  # one line per wait, not per click
            _protokolliere("gedrosselt", von=Redakteur(name))
        st.error(
            f"Zu viele falsche Passwörter. Bitte in {fmt.zahl(max(1, round(wartezeit)))} Sekunden erneut versuchen.",
            icon=":material/lock:",
        )
    elif not veroeffentlichung.passwort_stimmt(eingabe or "", passwort):
        st.session_state.pop(sitzung.GEDROSSELT_PROTOKOLLIERT, None)
        veroeffentlichung.protokolliere_fehlversuch(veroeffentlichung.DROSSEL.fehlversuch(st.session_state, ort))
        _protokolliere("fehlversuch", von=Redakteur(name))
        st.error("Das Passwort stimmt nicht.", icon=":material/lock:")
    else:
        st.session_state.pop(sitzung.GEDROSSELT_PROTOKOLLIERT, None)
        veroeffentlichung.DROSSEL.erfolg(st.session_state, ort)
        wer = Redakteur(name, "passwort")
        st.session_state[sitzung.REDAKTEUR] = (wer, _fingerabdruck(passwort))
        _protokolliere("freigeschaltet", von=wer)
        veroeffentlichung.protokoll.info("Zum Bearbeiten angemeldet: %s (von %s)", name, ort or "lokal")
        st.rerun()  # draw the action's form instead of this one
    return None


def anmeldung_zum_ansehen() -> bool:
    """True when sign-in is configured and `[ipdaten] anmeldung_zum_ansehen = true`: nobody sees
    anything before signing in."""
    return anmeldung_eingerichtet() and bool(einstellungen().get("anmeldung_zum_ansehen"))


def anmeldeseite() -> None:
    """What a signed-out visitor sees when sign-in is required to view."""
    st.title("Integrationsplan-Monitor", anchor=False)
    st.info("Bitte mit dem Dienstkonto anmelden, um das Dashboard zu sehen.", icon=":material/lock:")
    anmelden_knopf("ansehen")


def konto_in_seitenleiste() -> None:
    """With sign-in configured: the account and "Abmelden" (or "Anmelden") in the sidebar."""
    if not anmeldung_eingerichtet():
        return
    nutzer = angemeldeter_nutzer()
    with st.sidebar:
        if nutzer is None:
            anmelden_knopf("seitenleiste", "Anmelden (Redaktion)")
            return
        rolle = "Redaktion" if darf_bearbeiten_angemeldet() else "nur lesen"
        st.caption(f":material/account_circle: {literal(nutzer.anzeige)} · {rolle}")
        st.button("Abmelden", key="seitenleiste_logout", icon=":material/logout:", on_click=st.logout)


def redakteur(aktion: str, schluessel: str = "redakteur", *, eingeklappt: bool = False) -> Redakteur | None:
    """Who acts, or None after showing what is needed (see the module docstring)."""
    if anmeldung_eingerichtet():
        return _mit_anmeldung(aktion, schluessel)
    return _mit_passwort(aktion, schluessel, eingeklappt)
