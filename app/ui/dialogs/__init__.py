"""Dialogs and banners through which the presenter tells people about problems, the key and
settings. Each is a plain widget that emits signals; the presenter decides when they appear."""
