"""Rasa adapters for the clinical package: an NLU component and a policy.

``RedFlagExtractor`` runs the red-flag detector on every message and adds
``red_flag_concept`` entities; ``RedFlagPolicy`` turns them into the red-flag
actions before any other policy, form or rule can act on the message.
"""
