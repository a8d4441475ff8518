"""Clinical logic of the sciatica self-care assistant.

Plain Python with no Rasa import: red-flag detection and screening, answer
parsing and the knowledge files they rest on. The Rasa adapters live in
``sciatica_rasa`` (NLU component and policy) and ``actions`` (action server).
"""

__version__ = "0.1.0"
