"""Figures computed from an Anlage: status distributions, budget sums, naturalisation ranking, what
rests on assumptions, comparison of Stände, history over all Stände and the Fortschreibung (who is
responsible, what is overdue, plan against spent). Pure functions, nothing shown."""
