"""The debrief pack: charts (PNG), their CSV files and one self-contained report.html, from a game or a batch."""
