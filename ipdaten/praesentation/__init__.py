"""Slides as data, their on-screen figures, the PowerPoint and Excel exports, and the committee report
(Sitzungsvorlage) as data, its sentences, chart images and Word document."""
