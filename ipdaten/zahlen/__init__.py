"""Figures computed from an Anlage: status distributions, budget sums, naturalisation ranking, comparison of Stände. Pure functions, nothing shown."""
