from sciatica_rasa.policy import next_red_flag_action

LISTEN = "action_listen"


def test_a_stated_flag_escalates_even_while_a_confirmation_is_pending():
    assert (
        next_red_flag_action(LISTEN, ["present"], "fever") == "action_red_flag_escalate"
    )


def test_a_pending_confirmation_is_resolved_by_the_next_message():
    assert next_red_flag_action(LISTEN, [], "fever") == "action_red_flag_resolve"


def test_uncertain_flags_are_confirmed_and_questions_explained():
    assert next_red_flag_action(LISTEN, ["uncertain", "question"], None) == (
        "action_red_flag_confirm"
    )
    assert next_red_flag_action(LISTEN, ["question"], None) == "action_red_flag_explain"


def test_no_flag_leaves_the_turn_to_other_policies():
    assert next_red_flag_action(LISTEN, [], None) is None
    assert next_red_flag_action("utter_greet", ["present"], None) is None


def test_after_a_red_flag_action_the_bot_listens():
    for action in (
        "action_red_flag_escalate",
        "action_red_flag_confirm",
        "action_red_flag_explain",
        "action_red_flag_resolve",
    ):
        assert next_red_flag_action(action, [], None) == LISTEN


def test_after_a_resolved_confirmation_an_active_form_goes_on():
    assert (
        next_red_flag_action("action_red_flag_resolve", [], None, loop_active=True)
        is None
    )
    assert (
        next_red_flag_action("action_red_flag_confirm", [], "x", loop_active=True)
        == LISTEN
    )


def test_a_returning_person_is_asked_the_short_question_before_anything_else():
    assert next_red_flag_action(LISTEN, [], None, recheck_due=True) == (
        "action_welcome_back"
    )
    # ...unless the first message already states a flag: escalate at once.
    assert next_red_flag_action(LISTEN, ["present"], None, recheck_due=True) == (
        "action_red_flag_escalate"
    )
    assert next_red_flag_action("action_welcome_back", [], "recheck") == LISTEN
