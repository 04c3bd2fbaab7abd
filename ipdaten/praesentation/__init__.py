"""Slides as data, their on-screen figures, and the PowerPoint and Excel exports."""
