"""The Streamlit shell shared by all pages: the one cached loading point and the page frame."""
