#!/bin/sh
# One backup of the store of Stände, checked, into $IPDATEN_SICHERUNG; backups older than
# $IPDATEN_AUFBEWAHREN_TAGE days are removed. Run from the project folder (the systemd unit sets
# WorkingDirectory); the store is the one in $IPDATEN_ABLAGE, as for the server.
# Exit code 0: backed up and checked; anything else: the backup failed (see the output).
set -eu
ZIEL="${IPDATEN_SICHERUNG:?IPDATEN_SICHERUNG (Ordner für die Sicherungen) ist nicht gesetzt}"
TAGE="${IPDATEN_AUFBEWAHREN_TAGE:-30}"
PYTHON="${IPDATEN_PYTHON:-.venv/bin/python}"
mkdir -p "$ZIEL"
DATEI="$ZIEL/staende-$(date +%Y-%m-%d_%H%M%S).sqlite"
"$PYTHON" -m ipdaten ablage sichern "$DATEI"
"$PYTHON" -m ipdaten ablage pruefen "$DATEI" > /dev/null
# Keep the newest backups; never delete the one just made.
find "$ZIEL" -maxdepth 1 -name 'staende-*.sqlite' -type f -mtime "+$TAGE" ! -path "$DATEI" -delete
