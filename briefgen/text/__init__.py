"""Pure news-text rules (datelines, "same text") shared by intake, extract and render."""
