"""Names shared by the Rasa adapters, the actions and the domain."""

ENTITY = "red_flag_concept"
CRISIS_ENTITY = "crisis"
RESPONSE_CRISIS = "utter_crisis_support"
EXTRACTOR = "RedFlagExtractor"

ACTION_ESCALATE = "action_red_flag_escalate"
ACTION_CONFIRM = "action_red_flag_confirm"
ACTION_EXPLAIN = "action_red_flag_explain"
ACTION_RESOLVE = "action_red_flag_resolve"
RED_FLAG_ACTIONS = (ACTION_ESCALATE, ACTION_CONFIRM, ACTION_EXPLAIN, ACTION_RESOLVE)

SLOT_RED_FLAG = "red_flag"
SLOT_PENDING = "red_flag_pending"
