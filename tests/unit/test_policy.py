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


def test_a_flag_only_the_classifier_suggests_is_asked_about():
    assert next_red_flag_action(LISTEN, ["possible"], None) == (
        "action_red_flag_confirm"
    )
    # The answer to the question it asked is read as any confirmation.
    assert next_red_flag_action(LISTEN, ["possible"], "trauma") == (
        "action_red_flag_resolve"
    )


def test_the_screening_form_asks_its_own_questions_instead_of_the_classifier():
    assert (
        next_red_flag_action(LISTEN, ["possible"], None, screening_active=True) is None
    )
    # The rules' readings still act during the screening.
    assert next_red_flag_action(
        LISTEN, ["uncertain", "possible"], None, screening_active=True
    ) == ("action_red_flag_confirm")


def test_a_crisis_check_comes_before_a_flag_only_the_classifier_suggests():
    assert next_red_flag_action(LISTEN, ["possible"], None, crisis_uncertain=True) == (
        "action_crisis_check"
    )


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


# -- the crisis check: the classifier alone suggests a message is about self-harm


def test_a_crisis_the_rules_know_gets_support_at_once():
    assert next_red_flag_action(LISTEN, [], None, crisis=True) == (
        "utter_crisis_support"
    )


def test_a_crisis_only_the_classifier_suggests_is_asked_about():
    assert next_red_flag_action(LISTEN, [], None, crisis_uncertain=True) == (
        "action_crisis_check"
    )
    assert next_red_flag_action("action_crisis_check", [], "crisis_check") == LISTEN


def test_the_crisis_check_is_answered_through_resolve_even_in_crisis_words():
    assert next_red_flag_action(LISTEN, [], "crisis_check") == (
        "action_red_flag_resolve"
    )
    assert next_red_flag_action(LISTEN, [], "crisis_check", crisis=True) == (
        "action_red_flag_resolve"
    )


def test_a_red_flag_comes_before_the_crisis_check():
    for role, action in (
        ("present", "action_red_flag_escalate"),
        ("uncertain", "action_red_flag_confirm"),
        ("question", "action_red_flag_explain"),
    ):
        assert next_red_flag_action(LISTEN, [role], None, crisis_uncertain=True) == (
            action
        )


def test_after_a_no_the_classifier_alone_does_not_ask_again_this_session():
    assert (
        next_red_flag_action(
            LISTEN, [], None, crisis_uncertain=True, crisis_ruled_out=True
        )
        is None
    )
    # The rules still answer at once.
    assert next_red_flag_action(
        LISTEN, [], None, crisis=True, crisis_ruled_out=True
    ) == ("utter_crisis_support")


def test_the_crisis_check_comes_before_a_returning_persons_question():
    assert next_red_flag_action(
        LISTEN, [], None, crisis_uncertain=True, recheck_due=True
    ) == ("action_crisis_check")


# -- the policy itself, on a tracker: the classifier alone asks about a concept once


def _predict(checked):
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from sciatica_rasa.policy import RedFlagPolicy

    domain = Domain.load("domain")
    entity = {
        "entity": "red_flag_concept",
        "value": "sexual_dysfunction",
        "role": "possible",
        "start": 0,
        "end": 5,
    }
    tracker = DialogueStateTracker.from_events(
        "someone",
        [
            ActionExecuted(LISTEN),
            SlotSet("red_flag_checked", checked),
            UserUttered("wifey says I'm not performing", entities=[entity]),
        ],
        domain.slots,
    )
    from rasa.engine.graph import ExecutionContext

    context = ExecutionContext(graph_schema=None, model_id="test")
    policy = RedFlagPolicy(RedFlagPolicy.get_default_config(), None, None, context)
    prediction = policy.predict_action_probabilities(tracker, domain)
    best = max(
        range(len(prediction.probabilities)), key=prediction.probabilities.__getitem__
    )
    return (
        domain.action_names_or_texts[best] if prediction.probabilities[best] else None
    )


def test_the_classifier_alone_asks_about_a_concept_once():
    assert _predict(None) == "action_red_flag_confirm"
    assert _predict(["sexual_dysfunction"]) is None
    assert _predict(["trauma"]) == "action_red_flag_confirm"
