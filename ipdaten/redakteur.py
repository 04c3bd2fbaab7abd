"""Who edits: the person behind a publication (or any other change of the data) and who may.

A `Redakteur` is whoever acts: either a name typed together with the publishing password
(`quelle="passwort"`, the fallback without sign-in) or a signed-in account (`quelle="anmeldung"`,
with its e-mail as `kennung`). Who may edit when sign-in is configured is a list of e-mail
addresses and group names (`[ipdaten] redakteure = [...]` in `.streamlit/secrets.toml`); the
groups come from a claim of the sign-in (`gruppen_claim`, by default "groups").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from ipdaten.format import einzeilig

MAX_NAME = 100
QUELLEN = ("passwort", "anmeldung")
STANDARD_GRUPPEN_CLAIM = "groups"


@dataclass(frozen=True)
class Redakteur:
    """The person who acts: a display name, how it was established, and for a signed-in
    account its e-mail (or subject) as `kennung`."""

    name: str
    quelle: Literal["passwort", "anmeldung"] = "passwort"
    kennung: str = ""

    def __post_init__(self) -> None:
        if self.quelle not in QUELLEN:
            raise ValueError(f"unbekannte Quelle {self.quelle!r}")

    @property
    def anzeige(self) -> str:
        """How the person is named on screen and in lists: 'Maria Muster' or, for a
        signed-in account whose name differs from its e-mail, 'Maria Muster (m.muster@lrabb.de)'."""
        if self.kennung and self.kennung != self.name:
            return f"{self.name} ({self.kennung})"
        return self.name


def bereinige_name(text: object) -> str:
    """A typed name as stored: control characters removed, spaces folded, at most 100 characters."""
    return einzeilig(text, MAX_NAME)


def _liste(wert: object) -> list[str]:
    """A claim or setting as a list of strings: a list as it is, a single string as one entry."""
    if wert is None:
        return []
    if isinstance(wert, str):
        return [wert]
    if isinstance(wert, Iterable):
        return [str(w) for w in wert]
    return [str(wert)]


def gruppen(claims: Mapping[str, object], claim: str = STANDARD_GRUPPEN_CLAIM) -> list[str]:
    """The groups of a signed-in user from the configured claim (absent: none)."""
    return _liste(claims.get(claim))


def ist_redakteur(email: str | None, gruppen_des_nutzers: Iterable[str], redakteure: Iterable[str]) -> bool:
    """Whether the user's e-mail or one of their groups is on the list of editors. E-mails are
    compared without regard to case (mail systems do so); group names and ids exactly."""
    eintraege = [str(e).strip() for e in redakteure if str(e).strip()]
    adresse = (email or "").strip().casefold()
    if adresse and adresse in {e.casefold() for e in eintraege if "@" in e}:
        return True
    return bool(set(gruppen_des_nutzers) & {e for e in eintraege if "@" not in e})
