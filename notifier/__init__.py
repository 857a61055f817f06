"""Digest model, renderings and delivery channels."""
