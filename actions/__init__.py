"""The rasa-sdk action server: thin actions over the clinical package.

Each module handles one concern; the actions read slots, call ``sciatica`` and
choose domain responses. Patient-facing text lives in ``domain/``.
"""
