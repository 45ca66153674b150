"""Renderers wellread runs inside; each one only gathers inputs and calls the stages."""
