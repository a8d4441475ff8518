"""Names shared by the Rasa adapters, the actions and the domain."""

ENTITY = "red_flag_concept"
CRISIS_ENTITY = "crisis"
RESPONSE_CRISIS = "utter_crisis_support"
EXTRACTOR = "RedFlagExtractor"

ACTION_ESCALATE = "action_red_flag_escalate"
ACTION_CONFIRM = "action_red_flag_confirm"
ACTION_EXPLAIN = "action_red_flag_explain"
ACTION_RESOLVE = "action_red_flag_resolve"
# A returning person: welcome back and the short red-flag question.
ACTION_WELCOME_BACK = "action_welcome_back"
RED_FLAG_ACTIONS = (
    ACTION_ESCALATE,
    ACTION_CONFIRM,
    ACTION_EXPLAIN,
    ACTION_RESOLVE,
    ACTION_WELCOME_BACK,
)

SLOT_RED_FLAG = "red_flag"
SLOT_PENDING = "red_flag_pending"
SLOT_RECHECK_DUE = "recheck_due"
# The pending "concept" of a returning person's short red-flag question.
RECHECK = "recheck"

# "Delete my data": when this action has run in a turn, the tracker store
# deletes the person's stored conversation instead of saving the turn.
ACTION_DELETE_MY_DATA = "action_delete_my_data"
