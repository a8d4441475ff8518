"""Messaging-platform connectors: thin subclasses of Rasa's own.

Each module subclasses Rasa's connector for one platform and adds a configurable
API base URL (``api_url`` in the credentials, the real platform by default), button
rendering that suits the platform (emergency ``tel:`` buttons included) and, where
Rasa lacks it, a request signature check. They are named in the credentials file by
module path, e.g. ``sciatica_rasa.channels.telegram.TelegramInput``; ``config.py``
writes that file with only the platforms whose secrets are set.
"""
