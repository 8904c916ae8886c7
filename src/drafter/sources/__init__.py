"""Leaves that read the two inputs: the news article and the reader comments."""
