"""Names shared by the Rasa adapters, the actions and the domain."""

ENTITY = "red_flag_concept"
CRISIS_ENTITY = "crisis"
RESPONSE_CRISIS = "utter_crisis_support"
# The role of a ``crisis`` entity that only the intent classifier suggests
# (the rules of sciatica.crisis did not match): the assistant asks first.
CRISIS_UNCERTAIN = "uncertain"
EXTRACTOR = "RedFlagExtractor"

ACTION_ESCALATE = "action_red_flag_escalate"
ACTION_CONFIRM = "action_red_flag_confirm"
ACTION_EXPLAIN = "action_red_flag_explain"
ACTION_RESOLVE = "action_red_flag_resolve"
# A returning person: welcome back and the short red-flag question.
ACTION_WELCOME_BACK = "action_welcome_back"
# "Are you having thoughts of harming yourself?", answered through
# ACTION_RESOLVE like a red-flag confirmation question.
ACTION_CRISIS_CHECK = "action_crisis_check"
RED_FLAG_ACTIONS = (
    ACTION_ESCALATE,
    ACTION_CONFIRM,
    ACTION_EXPLAIN,
    ACTION_RESOLVE,
    ACTION_WELCOME_BACK,
    ACTION_CRISIS_CHECK,
)

# The form that asks the warning-sign questions one by one.
SCREENING_FORM = "screening_form"

SLOT_RED_FLAG = "red_flag"
SLOT_PENDING = "red_flag_pending"
# Concepts asked about because only RedFlagClassifier suspected them: it does
# not ask about the same concept twice in a conversation.
SLOT_CHECKED = "red_flag_checked"
SLOT_RECHECK_DUE = "recheck_due"
# The pending "concept" of a returning person's short red-flag question.
RECHECK = "recheck"
# The pending "concept" of the crisis check question.
CRISIS_CHECK = "crisis_check"
# The person answered "no" to the crisis check in this session: the
# classifier alone does not ask again (the rules still answer at once).
SLOT_CRISIS_RULED_OUT = "crisis_ruled_out"

# "Delete my data": when this action has run in a turn, the tracker store
# deletes the person's stored conversation instead of saving the turn.
ACTION_DELETE_MY_DATA = "action_delete_my_data"
