"""Erklärung zur Barrierefreiheit: what is not accessible and why, the alternatives, the contact."""

from oberflaeche.barrierefreiheit import zeige_erklaerung

zeige_erklaerung()
