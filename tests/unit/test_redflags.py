"""The red-flag detector: one short sentence per behaviour, then the labelled set."""

from pathlib import Path

import pytest
import yaml
from spacy.matcher import Matcher

from sciatica.redflags import MAX_CHARS

ROOT = Path(__file__).resolve().parents[2]


def status(detector, text):
    return detector.detect(text).status


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("I wet myself this morning", "bladder_dysfunction"),
        ("I can't control my bladder anymore", "bladder_dysfunction"),
        ("unable to pee", "bladder_dysfunction"),
        ("cant pee", "bladder_dysfunction"),
        ("he hasnt managed to pee since last night", "bladder_dysfunction"),
        ("sat on the loo for ages and nothing would come out", "bladder_dysfunction"),
        ("wet the bed last night", "bladder_dysfunction"),
        ("I don't feel when I need to go for a wee", "bladder_dysfunction"),
        ("pooped myself", "bowel_dysfunction"),
        ("I can't feel the toilet paper when I wipe", "saddle_anaesthesia"),
        ("can't feel it when I wipe", "saddle_anaesthesia"),
        ("numb bum", "saddle_anaesthesia"),
        ("no feeling down there", "saddle_anaesthesia"),
        ("can't get an erection since the pain started", "sexual_dysfunction"),
        ("the pain goes down both legs", "bilateral_sciatica"),
    ],
)
def test_emergency_phrasings(detector, text, concept):
    result = detector.detect(text)
    assert result.status == "emergency"
    assert concept in result.present


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("my foot slaps the floor", "progressive_weakness"),
        ("can't lift my toes", "progressive_weakness"),
        ("my leg gives way", "progressive_weakness"),
        ("I've got a fever", "fever"),
        ("I had breast cancer five years ago", "cancer_history"),
        ("lost a stone without trying", "weight_loss"),
        ("I fell down the stairs yesterday", "trauma"),
    ],
)
def test_urgent_phrasings(detector, text, concept):
    result = detector.detect(text)
    assert result.status == "urgent"
    assert concept in result.present


@pytest.mark.parametrize(
    "text",
    [
        "no bladder problems",  # negation
        "I don't have numbness down there",  # negation
        "bowels are fine",  # negation after the term
        "my dad had cancer",  # family history
        "I lost weight on purpose",  # intentional
        "I didn't fall",  # negated event
        "I broke my leg 20 years ago",  # long past
        "my foot tingles when I sit",  # benign neighbour
        "my butt hurts when I sit",  # benign neighbour
        "numbness in my left calf",  # one-sided, not saddle
        "I have a cold",
    ],
)
def test_hard_negatives_are_not_flags(detector, text):
    assert status(detector, text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "what is cauda equina?",
        "should I worry about foot drop?",
        "is incontinence a sign of something serious?",
    ],
)
def test_questions_get_an_explanation_not_an_escalation(detector, text):
    assert status(detector, text) == "question"


@pytest.mark.parametrize(
    "text",
    ["I'm not sure if my leg feels weak", "bladder problems", "I've lost weight"],
)
def test_uncertain_mentions_are_confirmed(detector, text):
    assert status(detector, text) == "uncertain"


def test_the_symptom_own_negation_is_not_a_negation(detector):
    # "can't" negates nothing here: it is the symptom (ConText gets this wrong).
    assert status(detector, "I can't control my bladder anymore") == "emergency"
    # ... but a real negation before it still counts.
    assert status(detector, "no problems controlling my bladder") == "none"


def test_a_terminator_ends_the_negation(detector):
    assert status(detector, "no numbness but I can't pee") == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "no... I can't control my bladder.",
        "No \u2014 I can't control my bladder.",
        "No improvement from vitamin D. I can't control my bladder.",
    ],
)
def test_a_negation_does_not_reach_into_the_next_sentence(detector, text):
    # Found by tests/unit/test_properties.py: an ellipsis, a dash or a word the
    # tokenizer keeps with its full stop ("d.") let "no" negate the next sentence.
    assert status(detector, text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "No I can't control my bladder",
        "Nope I wet myself",
        "never had this before I can't control my bladder",
        "no\nI can't control my bladder",
    ],
)
def test_a_negation_does_not_reach_into_a_new_first_person_clause(detector, text):
    # Found by property tests: without punctuation, a leading "no" negated the
    # next clause. The negation's scope ends at "I" (and "I'm", "I've", "I'd").
    assert status(detector, text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "No, I don't have any bladder problems",
        "I have no numbness and I don't wet myself",
    ],
)
def test_a_negation_inside_its_own_clause_still_negates(detector, text):
    assert status(detector, text) == "none"


def test_a_line_break_ends_the_negation(detector):
    # "no" answers the bot's question; the red flag comes on a new line.
    assert status(detector, "no\ncan't control my bladder though") == "emergency"


@pytest.mark.parametrize(
    "text", ["I can't control my bladder.please help", "I wet myself?what do I do"]
)
def test_a_flag_glued_to_the_next_word_is_found(detector, text):
    assert status(detector, text) == "emergency"


def test_a_flag_late_in_a_long_message_is_found(detector):
    text = "My leg hurts when I sit. " * 380 + "I can't control my bladder."
    assert 5000 < len(text) <= MAX_CHARS
    assert status(detector, text) == "emergency"


def test_the_detector_reads_every_message_the_channels_pass_on():
    from sciatica_rasa.safety_net import MAX_MESSAGE_CHARS

    assert MAX_CHARS >= MAX_MESSAGE_CHARS


def test_a_lone_surrogate_does_not_stop_the_detector(detector):
    assert status(detector, "\ud800 I can't control my bladder") == "emergency"


def test_misspellings_and_british_american_variants(detector):
    assert status(detector, "my bladdar keeps leaking") == "emergency"
    assert status(detector, "numbess around my anus") == "emergency"
    assert (
        status(detector, "I've been feeling feverish and have a high temprature")
        == "urgent"
    )
    assert status(detector, "had a tumour removed") == "urgent"
    assert status(detector, "had a tumor removed") == "urgent"


def test_two_flags_report_the_more_urgent(detector):
    result = detector.detect("I've had a fever and now I can't pee")
    assert result.status == "emergency"
    assert result.present[0] == "bladder_dysfunction"
    assert "fever" in result.present


def test_commands_and_empty_text_are_ignored(detector):
    assert status(detector, "/affirm") == "none"
    assert status(detector, "   ") == "none"
    assert status(detector, "") == "none"


def _labelled(name):
    path = ROOT / "data" / "red_flags" / name
    return yaml.safe_load(path.read_text(encoding="utf-8"))["phrasings"]


def _scores(detector, items):
    found = {"emergency": 0, "urgent": 0}
    total = {"emergency": 0, "urgent": 0}
    false_escalations = negatives = 0
    for item in items:
        got = detector.detect(item["text"]).status
        if item["label"] == "none":
            negatives += 1
            false_escalations += got in ("emergency", "urgent")
            continue
        total[item["label"]] += 1
        if item["label"] == "emergency":
            found["emergency"] += got == "emergency"
        else:
            found["urgent"] += got in ("urgent", "emergency")
    return (
        found["emergency"] / total["emergency"],
        found["urgent"] / total["urgent"],
        false_escalations / negatives,
    )


def test_running_only_the_patterns_a_message_can_match_finds_every_match(detector):
    """The detector runs a pattern only if the message has a key of each of
    its required elements; one Matcher of all patterns must find no more."""
    everything = Matcher(detector._patterns[0].matcher.vocab)
    for pattern in detector._patterns:
        everything.add(pattern.where, pattern.matcher.get(pattern.where)[1])
    texts = [item["text"] for item in _labelled("red_flag_phrasings.yml")]
    assert len(texts) >= 250
    for text in texts:
        doc = detector._doc(text)
        expected = {
            (doc.vocab.strings[key], start, end, tuple(alignment))
            for key, start, end, alignment in everything(doc, with_alignments=True)
        }
        got = {
            (where, start, end, tuple(alignment))
            for where, start, end, alignment in detector._matches(doc)
        }
        assert got == expected, text


def test_the_development_set_meets_the_targets(detector):
    items = _labelled("red_flag_phrasings.yml")
    assert len(items) >= 250
    emergency_recall, urgent_recall, false_escalation = _scores(detector, items)
    assert emergency_recall == 1.0
    assert urgent_recall >= 0.98
    assert false_escalation <= 0.03


def test_a_relatives_history_is_asked_about_when_writing_for_them(detector):
    result = detector.detect(
        "my husband had bowel cancer last year and now he's got this back pain"
    )
    assert result.status == "uncertain"
    assert status(detector, "I'm writing for my dad, he had prostate cancer") == (
        "uncertain"
    )


def test_a_relatives_history_alone_stays_family_history(detector):
    assert status(detector, "my mum had cancer and I have sciatica") == "none"


# Round of 2026-12-06, from the first two blind sets' misses (data/red_flags).


@pytest.mark.parametrize(
    "text, expected",
    [
        # A merged phrase keeps the groups of the phrase it ends with.
        ("I have lost sensation down there", "emergency"),
        ("he has no feeling around his backside", "emergency"),
        # "when I'm" is now, not "when I was".
        ("I can't feel when I'm having a bowel movement", "emergency"),
        ("I no fit piss since yesterday", "emergency"),
        ("canny pee properly since my back went", "emergency"),
        ("erection problems started last week", "emergency"),
        ("my manhood is not responding since the back went", "emergency"),
        ("now the left one has joined in", "emergency"),
        ("started on the left but now the right leg has it", "emergency"),
        ("had a little accident on the way to the loo", "emergency"),
        ("I haven't had the urge to pee since yesterday", "emergency"),
        ("cannot hold my stool", "emergency"),
        ("my foot keeps catching on the carpet", "urgent"),
        ("my leg is weakening every day", "urgent"),
        ("fell yesterday", "urgent"),
        ("stacked it on my bike", "urgent"),
    ],
)
def test_wordings_from_the_blind_sets(detector, text, expected):
    assert status(detector, text) == expected


def test_falling_asleep_is_not_a_fall(detector):
    assert status(detector, "I fell asleep yesterday on the sofa") == "none"


def test_a_relatives_sign_of_now_is_asked_about(detector):
    # Most likely a carer writing about the person with the pain.
    assert status(detector, "my mum has lost a lot of weight, we don't know why") == (
        "uncertain"
    )
    assert status(detector, "my husband had a fever last night") == "uncertain"
    # A relative's cancer stays family history.
    assert status(detector, "my uncle had bowel cancer") == "none"


# Round of 2026-12-06, from the misses of the third blind set (scored first).


@pytest.mark.parametrize(
    "text, expected",
    [
        ("aye baith legs", "emergency"),
        ("had an accident in ma breeks and didnae feel a thing", "emergency"),
        ("urine is not passing properly, only drops", "emergency"),
        ("my bladder never feels empty after I go", "emergency"),
        ("I have to strain to get my pee started", "emergency"),
        ("some leakage from my back passage I didn't feel", "emergency"),
        ("can't feel myself doing a number two", "emergency"),
        ("she can't feel the commode seat under her", "emergency"),
        ("when I wipe it's like wiping someone else", "emergency"),
        ("I've no feeling in me mickey since the back went", "emergency"),
        ("the good one has started too", "emergency"),
        ("it moves over to the left", "emergency"),
        ("boiling one minute and freezing the next", "urgent"),
        ("my teeth were chattering all night", "urgent"),
        ("my leg doesn't have the strength it had", "urgent"),
        ("had to punch a new hole in my belt", "urgent"),
        ("came a cropper off a ladder", "urgent"),
        ("came off the quad bike", "urgent"),
    ],
)
def test_wordings_from_the_third_blind_set(detector, text, expected):
    assert status(detector, text) == expected


def test_scots_nae_is_a_no(detector):
    assert status(detector, "nae numbness doon there, naw") == "none"


def test_exercise_explains_tired_legs(detector):
    # Weak legs after exercise are not foot drop; both legs after exercise are
    # asked about (round I: a disc may have gone at the gym).
    assert status(detector, "legs are like jelly after my spin class") == "none"
    assert status(detector, "both calves are stiff from the squats") == "uncertain"


# Round C, from the misses of the fourth blind set (scored first).


@pytest.mark.parametrize(
    "text, expected",
    [
        ("urine is not coming freely, I press on my stomach to pass it", "emergency"),
        ("my urine is stopping and starting, very weak flow", "emergency"),
        ("I cannot make the water", "emergency"),
        ("I only get a trickle", "emergency"),
        ("passed water in the bed without waking", "emergency"),
        ("I can't get my wee to start", "emergency"),
        ("I can't tell when I need to do a number 2", "emergency"),
        ("bits of poo slip out", "emergency"),
        ("I can't clench my bum", "emergency"),
        ("the motion is coming out on its own", "emergency"),
        ("he can't feel himself sitting down on the chair", "emergency"),
        ("my private part is not becoming stiff", "emergency"),
        ("morning wood's gone since the back went", "emergency"),
        ("they're both shooting with the sciatica", "emergency"),
        ("my foot is not lifting up, it is hanging down", "urgent"),
        ("my flip flop keeps flying off", "urgent"),
        ("shivering and shaking under the duvet", "urgent"),
        ("the horse threw me last week", "urgent"),
    ],
)
def test_wordings_from_the_fourth_blind_set(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "bum went numb after a 3 hour drive, fine once I walked about",
        "erection problems for years with my diabetes, no change",
        "both calves ache from the hill walk",
    ],
)
def test_explained_look_alikes(detector, text):
    assert status(detector, text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "I can't go to work because of the pain",
        "it's hard to go up the stairs",
        "my leg went numb",
        "my little toes have gone numb",
        "the pain hasn't gone for weeks",
        "I couldn't go running",
    ],
)
def test_go_alone_is_not_going_to_the_toilet(detector, text):
    # "Go" stands for the toilet only where the words around it say so.
    assert status(detector, text) == "none"


def test_not_been_for_days_is_asked_about(detector):
    assert status(detector, "haven't been for 3 days") == "uncertain"
    assert status(detector, "he's not been able to go since yesterday") == ("uncertain")
    assert status(detector, "I can't feel when I need to go") == "emergency"


def test_a_relatives_cancer_is_asked_about_when_their_back_is_the_trouble(detector):
    text = "my husband has lung cancer and now his back pain is really bad"
    assert status(detector, text) == "uncertain"


# Round D, from the misses of the fifth and sixth blind sets (scored first).


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I have to push to get my wee started", "emergency"),
        ("now I need to make force to urinate", "emergency"),
        ("I have to bear down like I'm doing a poo just to pee", "emergency"),
        ("I cannot make the urine, only few drops is coming", "emergency"),
        ("little accidents with my waterworks today", "emergency"),
        ("can barely get a trickle out", "emergency"),
        ("not managed a proper wee since yesterday", "emergency"),
        ("no wee since 6am", "emergency"),
        ("cant pas urin since last nite", "emergency"),
        ("now I cain't make water", "emergency"),
        ("mi cyaan pee since morning", "emergency"),
        ("I just don't get the urge any more", "uncertain"),
        ("the stool come out alone, I not feel it", "emergency"),
        ("motion is coming without my control", "emergency"),
        ("I can't tell if anything is coming out", "emergency"),
        ("dont no wen i need a poo anymore", "emergency"),
        ("sharted and didn't even feel it", "emergency"),
        ("a bit of an accident at the back end", "emergency"),
        ("i cant control my vowels", "emergency"),
        ("I had a poop in my pants without to perceive", "emergency"),
        ("I cannot control the toilet, it come out", "emergency"),
        ("when I sit on the toilet I can't feel it under me", "emergency"),
        ("my bottom and my private part is sleeping", "emergency"),
        ("I seem to have lost some feeling in my nether regions", "emergency"),
        ("shaving my bikini line and didn't feel a thing", "emergency"),
        ("my butt cheeks feel like they got a shot of novocaine", "emergency"),
        ("she can't feel the flannel when I wash her", "emergency"),
        ("got zero feeling in my bits", "emergency"),
        ("pins and neadles round my vigina", "emergency"),
        ("mi cyaan feel nothing down there", "emergency"),
        ("I can feel nothing down there", "emergency"),
        ("he's lost all sensation in his penis", "emergency"),
        ("a sensation of ants in the region of the anus", "emergency"),
        ("now it's going down the left one too", "emergency"),
        ("the left and the right leg", "emergency"),
        ("my junk's stopped working since the sciatica", "emergency"),
        ("my man part is not standing", "emergency"),
        ("the auld fella down below has given up", "emergency"),
        ("nothing's happening in the trouser department", "emergency"),
        ("my erection is not coming", "emergency"),
        ("I cannot more ejaculate", "emergency"),
        ("i cant feel myself climax", "emergency"),
        ("I couldn't get up on my toes on the bad side", "urgent"),
        ("my leg keeps going from under me", "urgent"),
        ("my foot is falling when I walk", "urgent"),
        ("my foot just won't push up", "urgent"),
        ("left foot no power now, walk like slap slap", "urgent"),
        ("shivering all night then boiling hot", "urgent"),
        ("running hot and clammy", "urgent"),
        ("I've been running hot all night", "urgent"),
        ("my body dey hot since yesterday", "urgent"),
        ("I had a cancerous growth removed", "urgent"),
        ("weight reduced 7 kg without any diet", "urgent"),
        ("lost lots of wieght dont no why", "urgent"),
        ("I lose many kilos, I don't know the reason", "urgent"),
        ("lost a fair bit of weight and I haven't been trying", "urgent"),
        ("weight drop a lot recently", "urgent"),
        ("it started after I came off my mountain bike", "urgent"),
        ("went arse over tit off a ladder", "urgent"),
        ("someone went into the back of my car", "urgent"),
        ("someone went into the back of me at the lights", "urgent"),
        ("I had a car accident at the back end of last year", "urgent"),
        ("the airbag went off", "urgent"),
        ("I had accident with the car", "urgent"),
        ("got throwed off my horse", "urgent"),
        ("landed square on my tailbone", "urgent"),
        ("had to buy smaller trousers twice", "uncertain"),
    ],
)
def test_wordings_from_the_fifth_and_sixth_blind_sets(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "My star sign's Cancer",
        "World Cup fever in our house",
        "Got cabin fever from being stuck in the house",
        "watching car crash TV on the sofa",
        "they said it was pre-cancerous",
        "The dog wet the bed last night",
        "My toddler keeps wetting herself",
        "Old rugby injury in my shoulder",
        "Both my legs ache after a 12 mile hike",
        "I can still hop on each foot",
        "I always run hot",
        "the heat pad is running hot",
        "can i use a heat pad on my lower back",
        "I'm in bits, couldn't sleep at all",
        "I feel nothing wrong down there",
        "I don't know any more",
    ],
)
def test_look_alikes_of_round_d(detector, text):
    assert status(detector, text) == "none"


def test_would_that_be_serious_asks_rather_than_escalates(detector):
    assert status(detector, "If my privates went numb would that be serious?") == (
        "question"
    )


def test_a_merged_phrase_does_not_hide_feeling_awful(detector):
    # A group entry such as "i feel" would merge those words everywhere and
    # hide "I feel awful in myself" from the fever patterns.
    assert status(detector, "I feel awful in myself, shivery and hot") == "urgent"


# Round E, from the misses of the seventh blind set (scored first).


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I cannae get a pee oot", "emergency"),
        ("i cnat empty my bladdar proprly", "emergency"),
        ("the urine is not coming good, I must push very strong", "emergency"),
        ("urine is not flowing well", "emergency"),
        ("the waterworks haven't been cooperating since my back went", "emergency"),
        ("to the loo four times with barely anything coming out", "emergency"),
        ("the back door has stopped giving me any warning", "emergency"),
        ("i think i pooped a bit and didnt feel it", "emergency"),
        (
            "everything down there feels like it's had a dentist's injection",
            "emergency",
        ),
        ("sitting on the toilet is like sitting on someone else's bottom", "emergency"),
        ("I've no feeling at all round me backside", "emergency"),
        ("the right leg has started doing the same thing", "emergency"),
        ("my good leg has decided to join the party", "emergency"),
        ("the same sensation creeping down the right leg", "emergency"),
        ("the left has got the same burning down the back of it now", "emergency"),
        ("the numbness isnt only on the left its on the right side too", "emergency"),
        ("I can't get the old fella to stand to attention", "emergency"),
        ("cant feel nothin wen having sex and cant get erect", "emergency"),
        ("I am no longer able to perform as a husband", "emergency"),
        ("i cant feel anything when i touch myself", "emergency"),
        ("numb as anything during the deed", "emergency"),
        ("ma left leg keeps givin oot on me", "urgent"),
        ("I have to lift my knee right up so my foot doesn't catch", "urgent"),
        ("my right leg is becoming increasingly feeble", "urgent"),
        ("im boiling and shaking", "urgent"),
        ("i had lung cansur and radio therpy last yr", "urgent"),
        ("My weight is going down, I don't know why", "urgent"),
        ("rather thin of late without any change in my diet", "urgent"),
        ("my belt's needed two new holes punched", "uncertain"),
        ("a disagreement with a flight of concrete steps", "urgent"),
        # Screening answers of the twenty-sixth and twenty-seventh blind sets.
        ("since tuesday i cant start a wee properly", "emergency"),
        ("I have noticed less sensation when I touch myself", "emergency"),
        ("I don't really get the urge anymore", "uncertain"),
    ],
)
def test_wordings_from_the_seventh_blind_set(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Nearly wet myself laughing",
        "My bum goes numb on the hard bleachers, fine as soon as I stand up",
        "This week has been a total car crash",
        "I can feel everything when I wipe. The numb bit is on my foot.",
        # Found in the final read of rounds D and E.
        "the pain goes into the back of my thigh",
        "It's not just in my left leg, it goes up into my buttock",
        "I have been sitting on an air cushion",
        "I want to ask about sex but I don't know anything about what is safe",
        "my bum hurts, going to the dentist later",
    ],
)
def test_look_alikes_of_round_e(detector, text):
    assert status(detector, text) == "none"


def test_a_match_does_not_run_across_sentences(detector):
    # "wipe" in one sentence and "numb" in the next are not "numb when I wipe".
    assert status(detector, "I wipe fine. The numb bit is on my foot.") == "none"
    assert status(detector, "It goes numb when I wipe.") == "emergency"


# Round F, from the misses and false alarms of the eighth blind set (scored first).


@pytest.mark.parametrize(
    "text, expected",
    [
        ("i carnt pea since this mornin", "emergency"),
        ("I must push very hard with stomach to pass urine", "emergency"),
        ("the waterworks have stopped cooperating", "emergency"),
        ("since morning I cannot ease myself", "emergency"),
        ("the urine is refusing to come", "emergency"),
        ("I had an accident in me knickers", "emergency"),
        ("i had an accident (number 2)", "emergency"),
        ("I had an accident and didn't feel it", "emergency"),
        ("I can't seem to tell when I need a number two anymore", "emergency"),
        ("the motion is coming out on its own", "emergency"),
        ("my groine and inner thys are numm", "emergency"),
        ("a peculiar lack of sensation in my nether regions", "emergency"),
        ("like I've had an epidural in every spot a bike seat touches", "emergency"),
        ("wiping feels like I'm doing it through a thick glove", "emergency"),
        ("pain goin down bouth legs now", "emergency"),
        ("my left leg has got jealous of the right one", "emergency"),
        ("the wee man's no workin", "emergency"),
        ("my old fella is not working", "emergency"),
        ("the bedroom department has gone completely dead", "emergency"),
        ("intimacy feels like it's happening to someone else", "emergency"),
        ("Date night was a disaster, I felt basically nothing", "uncertain"),
        ("My foot is now not going up", "urgent"),
        ("when I walk it hit the floor flat", "urgent"),
        ("my foot is losing the argument with gravity", "urgent"),
        ("the body is warm, temperature is high", "urgent"),
        ("My weight is reducing on its own", "urgent"),
        ("I lose many kilos but I don't make diet", "urgent"),
        ("losing weight without lifting a finger", "urgent"),
        # A relative's past sign of the emergency kind is asked about.
        ("My gran had bowel incontinence in her last years", "uncertain"),
        ("My dad had erectile problems after his prostate surgery", "uncertain"),
        # Proxies of now still escalate.
        ("my husband hasn't passed urine since last night", "emergency"),
    ],
)
def test_wordings_from_the_eighth_blind_set(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Both my legs ache after a long shift, the nerve pain is just the left one",
        "I nearly went flying this morning",
        "Nearly fell off the sofa shouting at the rugby",
        "My pain levels fell off a cliff after the physio session",
        "I had a fever a few weeks back with a cold",
    ],
)
def test_look_alikes_of_round_f(detector, text):
    assert status(detector, text) == "none"


def test_menopause_night_sweats_are_asked_about(detector):
    assert status(detector, "I get night sweats from the menopause") == "uncertain"


# Round G, from the misses and false alarms of the ninth blind set (scored first).


@pytest.mark.parametrize(
    "text, expected",
    [
        ("i havnt bin able to pass urin since last nite", "emergency"),
        ("I didn't feel the need to pee all day", "emergency"),
        ("since two days I cannot make pipi normally", "emergency"),
        ("it comes out with no warning", "emergency"),
        ("I don't feel it til it's happened", "emergency"),
        ("can't tell when i need a dump anymore", "emergency"),
        ("she opened her bowels in bed without knowing", "emergency"),
        ("I do not feel when I need toilet for the big one", "emergency"),
        ("I can't hold in wind anymore", "emergency"),
        ("it slips out without me knowing", "emergency"),
        ("a couple of accidents in me daks, didn't even feel it", "emergency"),
        ("mi cyaan hold mi bowels", "emergency"),
        ("bottom and inner side of thighs is having no feeling", "emergency"),
        ("my behind is without feeling", "emergency"),
        ("the skin around my anus feels like it belongs to somebody else", "emergency"),
        ("it used to go down one leg but now its both", "emergency"),
        ("this week it's alternating, today it's both at once", "emergency"),
        ("me tackle's gone dead since me back went", "emergency"),
        ("since Saturday I can't reach orgasm", "emergency"),
        ("I can't feel a thing down yonder", "emergency"),
        ("my leg keeps letting me down", "urgent"),
        ("progressive ankle dorsiflexion weakness with a high-stepping gait", "urgent"),
        ("I've a fierce temperature on me", "urgent"),
        ("I've been shivery and hot", "urgent"),
        ("I feel really poorly in myself", "urgent"),
        ("my appetite has gone", "urgent"),
        ("got dumped by a wave at the beach", "urgent"),
    ],
)
def test_wordings_from_the_ninth_blind_set(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A question that also reports the sign.
        (
            "Is it bad if sciatica goes into both legs? Mine has since this morning.",
            "emergency",
        ),
        (
            "Should I be worried that I can't feel the shower water on my bottom?",
            "emergency",
        ),
        ("Is it bad that my foot is getting weaker each day?", "urgent"),
        (
            "Is it normal after a disc bulge to not know when you need a poo? "
            "I only found out I'd gone when I saw the mess.",
            "emergency",
        ),
        # A question alone is asked about; a report of being fine is not a report.
        ("If it went down both legs, would that change anything?", "question"),
        (
            "If I lost control of my bowels, is that an emergency? Mine are fine.",
            "question",
        ),
    ],
)
def test_a_question_that_reports_the_sign(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I get restless legs in both legs at night, have done for years",
        "my legs went to jelly when i saw the bill",
        "reading a novel about a woman with cancer for book club",
        "I've fallen head over heels for yoga",
        "Someone crashed into my car while it was parked outside",
        "my mate crashed at mine last night",
        "After my first baby I had a bit of leaking when I sneezed",
        "Dad's just been diagnosed with prostate cancer",
    ],
)
def test_look_alikes_of_round_g(detector, text):
    assert status(detector, text) == "none"


def test_tripping_over_the_dogs_toys_is_asked_about_not_escalated(detector):
    # Not foot drop; a trip is still asked about.
    assert status(detector, "I keep tripping over the dog's toys") == "uncertain"


def test_menopause_sweats_since_it_started_are_asked_about(detector):
    text = "I've had hot flushes and night sweats since the menopause started"
    assert status(detector, text) == "uncertain"


# Round H, from the misses and false alarms of the tenth blind set (scored first).


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I haven't needed a wee since last night", "emergency"),
        ("a few little accidents on the waterworks side", "emergency"),
        ("for ages before anything starts when I go for a wee", "emergency"),
        ("I am not able to make urine good, it come only some drops", "emergency"),
        ("I can't tell any more when my bladder is full", "emergency"),
        ("I've started going by the clock", "uncertain"),
        ("the bed was wet when I woke", "emergency"),
        ("things slip out without me knowing", "emergency"),
        ("my stool is coming out and I do not feel it", "emergency"),
        ("I'd dirtied my underclothes", "emergency"),
        ("no sense at all of my bowels being full", "emergency"),
        ("I had an accident yesterday that I didn't feel coming", "emergency"),
        ("my groin and bum area have felt sort of muffled", "emergency"),
        ("reduced perianal sensation to light touch", "emergency"),
        ("no feeling in my junk", "emergency"),
        ("my junk's stopped working", "emergency"),
        ("no sensation at all during relations with my wife", "emergency"),
        ("I can't really feel much when my wife and I are together", "emergency"),
        ("shivering under two duvets and sweating through the sheets", "urgent"),
        ("the scales say I'm 7kg down though I'm eating the same", "urgent"),
        ("no appetite", "urgent"),
        ("my weight go down very much", "urgent"),
        ("one car hit me from the side", "urgent"),
    ],
)
def test_wordings_from_the_tenth_blind_set(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Can a slipped disc cause numbness in both feet? That's what I've got.",
            "emergency",
        ),
        ("should i worry that the pain keeps alternating legs?", "emergency"),
        (
            "Is it normal to not feel the urge? I realised I hadn't been all day",
            "emergency",
        ),
        ("Could it be linked to the thyroid cancer I had in 2015?", "urgent"),
        ("If I had cancer, would it show on an X-ray?", "question"),
    ],
)
def test_more_questions_that_report_the_sign(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I've had diabetic neuropathy in both feet for ten years",
        "My legs were like jelly after walking up Snowdon yesterday",
        "my life's a car crash at the moment",
    ],
)
def test_look_alikes_of_round_h(detector, text):
    assert status(detector, text) == "none"


def test_a_fall_a_day_before_the_pain_still_counts(detector):
    assert status(detector, "it started a day after I fell off a ladder") == "urgent"


# Round I, from the two misses of the eleventh blind set (scored first).


def test_both_legs_after_exercise_are_asked_about(detector):
    # The legs may ache from the exercise, or a disc may have gone.
    text = "since deadlifting at the gym i get shooting pains down both legs"
    assert status(detector, text) == "uncertain"
    assert status(detector, "Both my legs ache after the 10k I ran") == "uncertain"


def test_as_well_as_is_not_as_a(detector):
    # The lookup lemma of "as" is "a": "as well as" once read as "as a" (long past).
    text = "as well as the back pain I've had a temperature of 38.9 since yesterday"
    assert status(detector, text) == "urgent"
    assert status(detector, "I wet the bed as a child") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "My pain started last week. Can sciatica cause incontinence?",
        "I've had back pain since Monday. Can it cause numbness in both legs?",
        "Now I have a question: can sciatica cause incontinence?",
    ],
)
def test_a_question_beside_the_story_of_the_pain_stays_a_question(detector, text):
    # The report cues speak of the sign asked about, not of the pain.
    assert status(detector, text) == "question"


def test_going_by_the_clock_is_asked_about(detector):
    assert status(detector, "I go by the clock for my tablets") == "uncertain"
    assert status(detector, "I just wee by the clock now") == "emergency"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Can sciatica make you lose feeling in your privates? Because I have.",
            "emergency",
        ),
        (
            "Does sciatica cause night sweats? I've been soaking the bed every night.",
            "urgent",
        ),
        ("should i worry about a fever? been 38.5 on and off since tuesday", "urgent"),
        ("Can sciatica make you wet yourself? It hasn't happened to me.", "question"),
    ],
)
def test_reports_of_the_sign_after_a_question(detector, text, expected):
    assert status(detector, text) == expected


# Round J, from the twelfth blind set (scored first): short sentences of the
# same kinds, not the set's own.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my bladder's gone on strike", "emergency"),
        ("I cannit hold me wind in", "emergency"),
        ("I can't hang on to a fart any more", "emergency"),
        ("a few mishaps in the back department", "emergency"),
        ("a poo accident today and I didn't feel it", "emergency"),
        ("the feeling down there has switched off", "emergency"),
        ("like I'm sitting on a thick cushion", "emergency"),
        ("no feeling on the toilet seat", "emergency"),
        ("my nether parts done gone numb", "emergency"),
        ("di inside a mi thigh dem numb", "emergency"),
        ("mi cyaan feel nutten when mi siddung", "emergency"),
        ("I couldn't feel the flannel on my groin", "emergency"),
        ("my manhood's numb", "emergency"),
        ("my manhood won't stand up", "emergency"),
        ("my manhood no dey stand again", "emergency"),
        ("it gives out from under me", "urgent"),
        ("my leg keeps going dead and giving way", "urgent"),
        ("losing weight w/o trying", "urgent"),
        ("I got flipped off the trampoline", "urgent"),
    ],
)
def test_wordings_from_the_twelfth_blind_set(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Why can't I feel when I need a wee any more?", "emergency"),
        (
            "Is it normal for my groin to feel numb? Been like this since Friday",
            "emergency",
        ),
        (
            "Is it normal to feel nothing during sex? Happened again last night",
            "emergency",
        ),
        ("Is it weird that I've lost 10 pounds without trying?", "urgent"),
        (
            "Is it normal to feel nothing during sex? It never happened to me",
            "question",
        ),
    ],
)
def test_questions_that_report_the_sign_round_j(detector, text, expected):
    assert status(detector, text) == expected


def test_a_teenager_at_school_today_is_not_long_past(detector):
    text = "I wet myself at school today and didn't feel it"
    assert status(detector, text) == "emergency"
    assert status(detector, "I wet myself when I was at school") == "none"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("that joke nearly made me wet myself", "none"),
        ("I had a temperature last month", "none"),
        ("I've got a fever for this new Netflix series", "none"),
        ("my job is a cancer on my social life", "none"),
        ("my back feels like I've been hit by a truck", "none"),
        ("both legs ache after the charity walk", "uncertain"),
        ("my son's got a temperature", "uncertain"),
    ],
)
def test_look_alikes_of_round_j(detector, text, expected):
    assert status(detector, text) == expected


# Round K, from the thirteenth blind set (scored first).


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I cannae get ma water tae come", "emergency"),
        ("stood at the toilet and not a drop came", "emergency"),
        ("only a trickle comes out", "emergency"),
        ("trying to pass urine for hours", "emergency"),
        ("I cannot make the urine normal", "emergency"),
        ("my urine no dey come out well", "emergency"),
        ("I don't seem to get the feeling that I need to wee", "emergency"),
        ("no bowel control since this morning", "emergency"),
        ("it came out in my pants", "emergency"),
        ("things keep escaping without any warning", "emergency"),
        ("I pooed a bit in my pants", "emergency"),
        ("mi cyaan hold mi business", "emergency"),
        ("I am not feeling my skin at the bottom", "emergency"),
        ("the whole area underneath feels numb", "emergency"),
        ("perineal hypoaesthesia", "emergency"),
        ("my backside area all numb one", "emergency"),
        ("my leg keeps buckling on me", "urgent"),
        ("Why can't I walk on my toes any more?", "urgent"),
        ("breast ca pt, new back pain", "urgent"),
        ("about 5kg without trying", "urgent"),
        ("I came down flat on my back", "urgent"),
        ("got body-slammed at practice", "urgent"),
    ],
)
def test_wordings_from_the_thirteenth_blind_set(detector, text, expected):
    assert status(detector, text) == expected


def test_no_bowel_control_problems_is_still_a_no(detector):
    assert status(detector, "no bowel control problems") == "none"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Can sciatica make you lose weight? I've lost 8kg since June", "urgent"),
        ("Is it normal that when I wipe it feels numb?", "emergency"),
        ("Is it normal for your bottom to feel numb with sciatica?", "question"),
    ],
)
def test_questions_that_report_the_sign_round_k(detector, text, expected):
    assert status(detector, text) == expected


def test_weight_lost_on_a_doctors_advice_is_not_escalated(detector):
    text = "My GP told me to lose weight, I've lost 4 kilos so far"
    assert status(detector, text) not in ("urgent", "emergency")


def test_a_relative_with_back_pain_now_is_who_the_message_is_for(detector):
    text = "My dad had bowel cancer in 2015. This month he's had bad back pain."
    assert status(detector, text) == "uncertain"


@pytest.mark.parametrize(
    "text",
    [
        "you walk like you've wet yourself",
        "my motivation is getting weaker by the day",
        "I'm on my last legs",
        "got rugby-tackled by the dog",
        "I'm a Cancer, star sign wise",
        "excitement was at fever pitch",
        "the GP asked about numbness down there, none of that",
        "yesterday it was fine and today it is fine",
        "I find it difficult to come out of the car",
        "it took ages to come out of the anaesthetic",
    ],
)
def test_look_alikes_of_round_k(detector, text):
    assert status(detector, text) in ("none", "question")


def test_a_day_that_was_fine_before_does_not_deny_the_weakness(detector):
    text = "my leg has been getting weaker all week, monday it was fine"
    assert status(detector, text) == "urgent"


# Round L, from the fourteenth blind set (scored first).


@pytest.mark.parametrize(
    "text, expected",
    [
        ("i cant fell when i need to pee", "emergency"),
        ("had an accident in bed last night", "emergency"),
        ("a bit of waterworks bother today", "emergency"),
        ("farts just escaping", "emergency"),
        ("I can't hold em in", "emergency"),
        ("I haven't been able to feel myself going for a poo", "emergency"),
        ("the stool is coming out without I know it", "emergency"),
        ("an 'accident' at the back end today", "emergency"),
        ("I can't tell the difference between wind and a poo", "emergency"),
        ("passing wind without meaning to", "emergency"),
        ("I can't clench", "emergency"),
        ("I'd no control at all of me bowels", "emergency"),
        ("near my privates it felt like touching through a thick glove", "emergency"),
        ("now the right one has started doing the exact same thing", "emergency"),
        ("I can't stand up without it buckling", "urgent"),
        ("losing weight, 5 kilo in a month, I am not doing diet", "urgent"),
        ("RTC yesterday, now back pain", "urgent"),
        ("Could the fever I've had since Monday be from my back?", "urgent"),
        ("Is it normal? The knee gives way, it's happened six times today", "urgent"),
    ],
)
def test_wordings_from_the_fourteenth_blind_set(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I'm feverish with excitement",
        "I had a high temperature last winter",
    ],
)
def test_look_alikes_of_round_l(detector, text):
    assert status(detector, text) == "none"


# Review of 2026-12-07: "can't come" and "can't finish" are sexual signs only
# when no place, time or thing follows; the bladder signs that were caught only
# through them have their own patterns.


@pytest.mark.parametrize(
    "text",
    [
        "I can't finish the exercises",
        "I couldn't finish my walk today",
        "can't finish walking round the block",
        "I couldn't come to work today",
        "I can't come in tomorrow",
        "struggling to come out of the bath",
        "my daughter can't come over this weekend",
        "numb when I finish work",
        "I try to sleep but it just won't come",
        "the end of this pain can't come soon enough",
        "I hope I don't come round from the anaesthetic",
    ],
)
def test_come_and_finish_in_their_ordinary_senses(detector, text):
    assert status(detector, text) in ("none", "question")


@pytest.mark.parametrize(
    "text",
    [
        "I can't come anymore since the back went",
        "I just can't come",
        "can't finish in bed anymore",
        "couldn't finish last night, no sensation",
        "since my back went i cant finish when im with my gf",
        "he can't come during sex now",
        "no feeling when I come",
        "haven't been able to finish, which is new",
    ],
)
def test_come_and_finish_as_sexual_signs(detector, text):
    result = detector.detect(text)
    assert result.status == "emergency"
    assert "sexual_dysfunction" in {f.concept for f in result.findings}


@pytest.mark.parametrize(
    "text",
    [
        "pee wont come out properly",
        "today urine cannot come out",
        "I know I need to go but it just won't come",
        "i went for a poo and i couldnt feel anything coming out",
    ],
)
def test_bladder_and_bowel_signs_once_read_through_cant_come(detector, text):
    result = detector.detect(text)
    assert result.status == "emergency"
    assert {f.concept for f in result.findings} & {
        "bladder_dysfunction",
        "bowel_dysfunction",
    }


# Round M, from the fifteenth blind set (scored first), and four older misses of
# the first, fifth and sixth sets.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I can't take a piss, been stood here ages", "emergency"),
        ("new urinary hesitancy with the leg pain", "emergency"),
        ("poor stream since Tuesday", "emergency"),
        ("ahora no puedo orinar bien", "emergency"),
        ("the wee comes out of me without me knowing", "emergency"),
        ("I can't control when the poo comes out", "emergency"),
        ("it came out in my clothes", "emergency"),
        ("I can't feel when my bowels need to open", "emergency"),
        ("now cannot control my poop", "emergency"),
        ("toilet pe control nahi raha", "emergency"),
        ("perineal paraesthesia since this morning", "emergency"),
        ("the pain is shooting down the pair of them", "emergency"),
        ("now also left leg is tingling", "emergency"),
        ("my good leg is not really my good leg these days", "emergency"),
        (
            "is it the back that's stopping me climaxing? started the same week as it",
            "emergency",
        ),
        ("my privates feel muted", "emergency"),
        ("ED came on last week", "emergency"),
        ("i can't feel myself climax, it was fine last week", "emergency"),
        ("my right leg has got so weak", "urgent"),
        ("it keeps folding on me", "urgent"),
        ("it keeps giein way on me", "urgent"),
        ("I can't go on my tiptoes on that side", "urgent"),
        ("may lagnat ako since last night", "urgent"),
        ("unintentional wt loss of 8kg", "urgent"),
        ("weight keep dropping, never diet", "urgent"),
        ("rolled the tractor on Friday", "urgent"),
        ("fell off the shed when I was fixing the roof", "urgent"),
    ],
)
def test_wordings_from_the_fifteenth_blind_set(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Can I lose feeling down there with sciatica? It started the same day "
            "as the leg pain",
            "emergency",
        ),
        (
            "should I be worried my other leg tingles now? right side started today",
            "emergency",
        ),
    ],
)
def test_questions_that_report_the_sign_round_m(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I sleep with a cushion between both legs",
        "pins and needles in both hands from the laptop",
        "this back pain is like a cancer on my whole life",
        "my laptop keeps crashing",
        "my phone is muted",
        "No, I don't feel nothing wrong down there",
        "I went to ED yesterday, they said it's sciatica",
        "when I was a kid I fell off the roof",
    ],
)
def test_look_alikes_of_round_m(detector, text):
    assert status(detector, text) in ("none", "question")


def test_a_relatives_cancer_with_her_new_sciatica_is_asked_about(detector):
    text = "My mum is on chemo and she's started with bad sciatica"
    assert status(detector, text) == "uncertain"


# Round N, from the sixteenth blind set (scored first).


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ab potty control nahi ho rahi", "emergency"),
        ("a couple of accidents at the back end", "emergency"),
        ("the back has stopped me feeling when I need to go", "emergency"),
        ("cannae feel masel when I'm wipin", "emergency"),
        ("my bottom feels like a dentist injection", "emergency"),
        ("things are not working in the bedroom since the fall", "emergency"),
        ("the little fella's not saluting", "emergency"),
        ("my d is kind of numb", "emergency"),
        ("my junk feels totally dead", "emergency"),
        ("my right leg has got gradually weaker", "urgent"),
        ("R EHL weakening since Monday", "urgent"),
        ("the leg keeps giving out on me", "urgent"),
        ("T 38.9, LBP", "urgent"),
    ],
)
def test_wordings_from_the_sixteenth_blind_set(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Can sciatica make you not feel when you need a wee? This morning it "
            "just came out",
            "emergency",
        ),
        (
            "Is it normal to have numbness round my privates? Started yesterday",
            "emergency",
        ),
        ("why does my bum feel like a dentist injection?", "emergency"),
        ("Why does my leg give way? Happened 4 times today", "urgent"),
    ],
)
def test_questions_that_report_the_sign_round_n(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Why does my GP keep asking about numbness down there?",
        "I can't feel myself when I'm wiping my nose, it's so blocked",
        "an accident at the back end of last year, a van",
        "saddle sensation intact",
    ],
)
def test_look_alikes_of_round_n(detector, text):
    assert status(detector, text) in ("none", "question")


def test_a_car_that_came_crashing_into_me_is_trauma(detector):
    # Review of 2026-12-07: an exclusion for "everything came crashing down"
    # would also have hidden this; the look-alike stays escalated instead.
    assert status(detector, "a car came crashing into the back of me") == "urgent"


# Round O, from the seventeenth blind set (scored first).


@pytest.mark.parametrize(
    "text, expected",
    [
        ("14 hrs no wee. Bladder feels full, nothing coming.", "emergency"),
        ("I have had no control over my water since Sunday", "emergency"),
        ("ab peshab properly nahi aa raha", "emergency"),
        ("I can't seem to feel myself go when I'm on the toilet", "emergency"),
        ("today i pooped a bit and didnt notice", "emergency"),
        ("I no fit hold my toilet again", "emergency"),
        ("I have had no feeling in my seat since Sunday", "emergency"),
        ("on the lavatory I cannot feel it beneath me", "emergency"),
        ("numbness coming in the seat region", "emergency"),
        ("the numbness has spread from my buttock around my back passage", "emergency"),
        ("yung pwet ko parang manhid", "emergency"),
        ("ab dono legs mein dard hai", "emergency"),
        ("L leg, now R leg too", "emergency"),
        ("both numb below the knee", "emergency"),
        ("nothing's working downstairs since my back went", "emergency"),
        ("I can't rise to the occasion any more", "emergency"),
        ("there's no life at all in the auld fella", "emergency"),
        ("since I done me back in there's no life in the old fella", "emergency"),
        ("no siento nada during sex", "emergency"),
        ("why can't I lift the front of my foot up?", "urgent"),
        ("sweatin and shiverin, 38.5 on the thermometer", "urgent"),
        ("PMH: Ca breast 2018", "urgent"),
        ("Wt loss 8kg, not intentional", "urgent"),
        ("my skirts are too big, though I've not been trying to slim", "urgent"),
        ("weight bina try kiye 6 kg kam ho gaya", "urgent"),
        ("got slammed into the boards at hockey", "urgent"),
        ("Nadulas ako sa hagdan kahapon", "urgent"),
    ],
)
def test_wordings_from_the_seventeenth_blind_set(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Is it a concern that I wet the bed last night? Never happened to me "
            "before",
            "emergency",
        ),
        (
            "Why would my back stop me being able to climax? Since the weekend I "
            "just can't",
            "emergency",
        ),
        (
            "Could my fall on the ice have caused this? The pain started the next day.",
            "urgent",
        ),
    ],
)
def test_questions_that_report_the_sign_round_o(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A relative who is the subject of the fall: asked about, not escalated.
        ("My son fell off his bike yesterday, he's fine", "uncertain"),
        (
            "my brother had a fall last month, I'm asking about my own sciatica",
            "uncertain",
        ),
        # Unless the message is written for that relative: then it is theirs.
        ("Nan had a fall last night and now says her back's agony", "urgent"),
        ("mum had a fall yesterday and hasnt been right since", "urgent"),
        ("My son got tackled at rugby, his back has been bad since", "urgent"),
        # A relative's sign of now in a message written for them.
        (
            "Dad's lost a lot of weight, he's not trying to, and now his back's bad",
            "urgent",
        ),
    ],
)
def test_a_relatives_fall_round_o(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("that feeling like when you sit on a bike too long, down below", "uncertain"),
        ("I lost weight when I had glandular fever at uni", "uncertain"),
        ("My legs are like jelly after the week I've had at work", "none"),
        ("on tablets for erection problems for about 5 years", "none"),
    ],
)
def test_look_alikes_of_round_o(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Look-alikes of the earlier sets, round O: asked about, not escalated.
        ("I was numb down there after the epidural when I had my baby", "uncertain"),
        ("had a cold sweat when the pain spiked, but no temperature", "uncertain"),
        ("tingling in both feet for ten years from my diabetes", "none"),
        ("legs both ache after standing all shift at the shop", "none"),
    ],
)
def test_earlier_look_alikes_round_o(detector, text, expected):
    assert status(detector, text) == expected


def test_numbness_since_an_epidural_this_week_is_still_asked(detector):
    # Just after a birth, numbness from an epidural may be a complication.
    text = "since the epidural when I had my baby on Monday I can't feel down there"
    assert status(detector, text) in ("uncertain", "emergency")


# Round P, from the eighteenth blind set (scored first).


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I can't go for a number one properly, it just won't come", "emergency"),
        ("I've had no urge to wee at all today", "emergency"),
        ("there's been poo leaking into my pants since yesterday", "emergency"),
        ("a few 'number two' mishaps since my back flared", "emergency"),
        ("stool is coming out without I am feeling it", "emergency"),
        ("ab potty pe control hi nahi raha", "emergency"),
        ("hindi ko na ma-control yung pagdumi ko", "emergency"),
        ("around private part is feeling like sleeping", "emergency"),
        ("las nalgas y la parte de adentro de los muslos dormidas", "emergency"),
        ("no siento nada cuando me limpio", "emergency"),
        ("mam numbness w kroczu", "emergency"),
        ("pins and needles in my bum have spread round to my labia", "emergency"),
        ("ta descendo pelas duas pernas", "emergency"),
        ("my John Thomas has no feeling whatsoever", "emergency"),
        ("no life at all in the downstairs department", "emergency"),
        ("msh 2ader a3mel erection", "emergency"),
        ("no puedo tener ereccion", "emergency"),
        ("I have body hot since two days", "urgent"),
        ("tengo fiebre de 39 desde ayer", "urgent"),
        ("gone from 10 stone to 9 stone since Christmas without trying", "urgent"),
        ("bina diet ke 6 kilo kam ho gaya", "urgent"),
        ("Fall 2/7 ago onto buttocks", "urgent"),
    ],
)
def test_wordings_from_the_eighteenth_blind_set(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Should I tell my GP that I've dropped 5kg without trying since the "
            "back pain started?",
            "urgent",
        ),
        (
            "Dad's lost a lot of weight and he's not been trying. His back pain "
            "started around the same time.",
            "urgent",
        ),
    ],
)
def test_reports_and_carers_round_p(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Saddle sensation intact to LT and pinprick bilaterally.",
        "my thigh is numb, nowhere near the saddle area",
        "I've been run off both legs today with the kids",
        "a slight left foot drop since my stroke in 2018, exactly the same",
        "This sciatica is the cancer of my week",
        "I need a number one",
    ],
)
def test_look_alikes_of_round_p(detector, text):
    assert status(detector, text) in ("none", "question")


@pytest.mark.parametrize(
    "text, expected",
    [
        # A carer's answer stands as it reads (a trial of round P read "Mum's been"
        # and "She's having" as family history).
        ("Mum's been dragging her foot, I noticed it today", "urgent"),
        ("She's having chemo at the moment for lymphoma", "urgent"),
        # A question about a word is not a fever; a hypothetical stays a question.
        ("\u00bffiebre? no entiendo", "none"),
        (
            "If I started losing weight for no reason, should I tell my doctor?",
            "question",
        ),
    ],
)
def test_carers_and_questions_round_p(detector, text, expected):
    assert status(detector, text) == expected


# Round Q, from the nineteenth blind set (scored first).


@pytest.mark.parametrize(
    "text, expected",
    [
        ("n\u00e3o sinto nada na regi\u00e3o do \u00e2nus", "emergency"),
        ("zieht der Schmerz in beide Beine", "emergency"),
        ("je ne sens plus rien pendant les rapports", "emergency"),
        # A relative treated for cancer, and the message is written for her.
        (
            "My mum is having treatment for myeloma and has developed back pain",
            "uncertain",
        ),
    ],
)
def test_wordings_from_the_nineteenth_blind_set(detector, text, expected):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Review of rounds O to Q: neighbours of their patterns that are no sign.
        "I had a fall years ago on the ice",
        "the stool comes out without any problem",
        "my foot goes numb in my seat on the train",
        "5 hours no water on the hike",
        "checked into the ground floor room",
        "my body is hot from the sauna",
    ],
)
def test_look_alikes_of_the_review_of_rounds_o_to_q(detector, text):
    assert status(detector, text) in ("none", "question", "uncertain")


@pytest.mark.parametrize(
    "text",
    [
        # Review: the look-alike rules of rounds O and P must not hide these.
        "my leg has been getting weaker since my stroke last week",
        "my leg has been getting weaker after the weekend",
    ],
)
def test_weakness_that_is_new_still_escalates(detector, text):
    assert status(detector, text) == "urgent"


# Round R, from the twentieth and twenty-first blind sets (scored first).


@pytest.mark.parametrize(
    "text, expected",
    [
        ("aaj office mein urine nikal gaya, pata hi nahi chala", "emergency"),
        ("kal raat se urine pass nahi ho raha properly", "emergency"),
        ("since kaninang umaga hindi ako maka-ihi", "emergency"),
        ("dzisiaj nie kontrolowa\u0142am kupy, nic nie czu\u0142am", "emergency"),
        ("nie czuj\u0119 kiedy musz\u0119 zrobi\u0107 kup\u0119", "emergency"),
        ("hindi ko na-control yung pagdumi ko", "emergency"),
        ("since yesterday pigu he datui neice dou ma le", "emergency"),
        ("back pain ke baad se erection nahi ho raha", "emergency"),
        ("hindi na ako tinitigasan, parang manhid yung ari ko", "emergency"),
        ("Pumayat ako ng 5 kilos kahit hindi ako nagda-diet", "urgent"),
        ("I lift heavy cement bag and I feel something snap in my back", "urgent"),
    ],
)
def test_wordings_from_the_twentieth_and_twenty_first_blind_sets(
    detector, text, expected
):
    assert status(detector, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # An exercise or an old cause named after "and" or "but": asked about.
        ("Both my legs are stiff and sore after the marathon yesterday", "uncertain"),
        ("Both calves are aching but I did a 10k yesterday", "uncertain"),
        ("Both calves have ached for years from my varicose veins", "uncertain"),
        ("my bits were a bit numb but it wore off within half an hour", "uncertain"),
        ("This week has been a car crash from start to finish", "none"),
        ("I've had no bladder trouble since", "none"),
        # Only after the sign and only a past exercise: these still escalate.
        ("I ran a marathon last year but now both legs are numb", "emergency"),
        ("I did a 10k last month and now both legs are numb", "emergency"),
        ("where you sit on a bike saddle, that area is numb", "emergency"),
    ],
)
def test_look_alikes_of_round_r(detector, text, expected):
    assert status(detector, text) == expected


# Round S, from the twenty-second blind set (scored first).


@pytest.mark.parametrize(
    "text, expected",
    [
        # Written for a mother with cancer, whose history is the patient's: since
        # round U "secondaries" is itself a cancer word and this escalates, as
        # its label says (round S had it asked about).
        (
            "My mum is being treated for secondaries from her breast cancer and now "
            "she says her back and leg are sore",
            "urgent",
        ),
        ("My son came off his bike yesterday, he's fine, just grazes", "uncertain"),
        ("I've got a stinking cold with a bit of a temperature", "uncertain"),
        ("numb bum lol, stood up and walked about and it's fine again", "uncertain"),
        ("Both my legs are aching after a 20 km hike on Saturday", "uncertain"),
        ("Got a bad case of Christmas shopping fever", "none"),
        ("The redundancies hit me like a car crash", "none"),
        ("My legs felt like jelly after my first 10k run on Sunday", "none"),
        ("I've had a mild foot drop since my back surgery in 2012", "none"),
        # Still signs.
        ("my foot drop is new since my back surgery last week", "urgent"),
        ("I've had a high fever since yesterday and my back is agony", "urgent"),
    ],
)
def test_wordings_and_look_alikes_of_round_s(detector, text, expected):
    assert status(detector, text) == expected


# Round T, from the twenty-third blind set (scored first) and older sets'
# misses.


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Reports no BO for 4/7 with absent rectal sensation, unable to feel urge.",
            "emergency",
        ),
        ("Ho la febbre da ieri, 38.5", "urgent"),
        ("J'ai de la fi\u00e8vre depuis hier", "urgent"),
        ("Non, pas de fi\u00e8vre", "none"),
        ("kein Fieber", "none"),
        (
            "My wife is on chemotherapy for ovarian cancer and has developed really "
            "bad back pain and sciatica",
            "uncertain",
        ),
        ("my uncle had bowel cancer", "none"),
        (
            "my inner thighs feel like a dentist injection that's half worn off",
            "emergency",
        ),
        ("my bum was numb after the drive but it wore off", "uncertain"),
        ("ereksiyon olmuyor, hi\u00e7bir \u015fey hissetmiyorum", "emergency"),
        ("my left foot; it has grown steadily weaker this fortnight", "urgent"),
    ],
)
def test_wordings_and_look_alikes_of_round_t(detector, text, expected):
    assert status(detector, text) == expected


# Round U, from the twenty-fourth blind set (scored first).


@pytest.mark.parametrize(
    "text, expected",
    [
        ("latrine ka pata hi nahi chalta, kapde mein ho jaata hai", "emergency"),
        (
            "Mae fy mhen-\u00f4l a rhwng fy nghoesau yn hollol ddideimlad ers bore 'ma",
            "emergency",
        ),
        ("Minha perna est\u00e1 ficando cada vez mais fraca", "urgent"),
        ("Bin vom Fahrrad gest\u00fcrzt, seitdem R\u00fcckenschmerzen", "urgent"),
        ("They found secondaries in my bones last year, now I've sciatica", "urgent"),
        (
            "Wife had chemo for cancer last year and now she's got pain shooting down "
            "her leg",
            "uncertain",
        ),
        ("down 8kg in 2 months no diet no gym, sciatica too", "urgent"),
        # Not signs.
        ("They found a lump last year but the biopsy showed a harmless cyst", "none"),
        ("lost 8kg on a diet and at the gym", "none"),
    ],
)
def test_wordings_and_look_alikes_of_round_u(detector, text, expected):
    assert status(detector, text) == expected


# Round V, from the twenty-fifth blind set after its first look.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Only PU x2 in last 24h, small volumes, no urge at all.", "emergency"),
        ("No BM for 5 days and zero urge", "emergency"),
        ("Physio: R ankle dorsiflexion 4/5 to 3/5 in 48h.", "urgent"),
        ("probably nothing to do with my old melanoma, that was years ago", "urgent"),
        # Not signs.
        ("no urge at all to go to the gym", "none"),
        ("Physio: R ankle dorsiflexion 3/5 to 4/5, improving", "none"),
    ],
)
def test_wordings_and_look_alikes_of_round_v(detector, text, expected):
    assert status(detector, text) == expected


# Round W, from the twenty-sixth blind set after its first look.


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "My sciatica has always been in my right leg but from yesterday my left "
            "leg has the same. I've never had it in both before.",
            "emergency",
        ),
        ("Since Tuesday I have not been able to hold my water at all", "emergency"),
        ("since my back went I cannot manage my bowels, they just go", "emergency"),
        ("now I cannot feel myself when I wash my private parts", "emergency"),
        ("I've had no erections at all since the weekend", "emergency"),
        ("i have lost feeling in my virginia since the sciatica got bad", "emergency"),
        ("I was thrown from my horse and landed on my lower back", "urgent"),
        ("got kicked in the lower back at karate yesterday", "urgent"),
        ("I did go down pretty hard on my backside at ice skating", "urgent"),
        ("had lukemia as a kid, now 30 with back and leg pain", "urgent"),
        ("ive been losing wait without trying", "urgent"),
        # Not signs.
        ("I've never had sciatica before, should I worry about both legs?", "question"),
        ("I can hold my water fine, no change there", "none"),
    ],
)
def test_wordings_and_look_alikes_of_round_w(detector, text, expected):
    assert status(detector, text) == expected


# Round X, from the twenty-seventh blind set after its first look.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("number twos have gone weird, i can't hold them in like normal", "emergency"),
        (
            "I'm not responding at all when we're intimate, I just can't feel it",
            "emergency",
        ),
        (
            "now I can't make a wee, I've been standing by the toilet for ages",
            "emergency",
        ),
        ("it just came out on its own without me pushing or feeling it", "emergency"),
        (
            "my back is wrecked and i followed through without feeling a thing",
            "emergency",
        ),
        ("my undercarriage feels like it's gone to sleep", "emergency"),
        ("Pins and needles all round the family jewels", "emergency"),
        ("numb round my ring piece since the leg pain got worse", "emergency"),
        ("My vagina and the area around it feel numb", "emergency"),
        (
            "the numbness has crossed over, my other foot is going numb too now",
            "emergency",
        ),
        ("my man parts, they've stopped working and feel numb", "emergency"),
        ("Weight is reducing since 3 months, around 6 kg, no diet.", "urgent"),
        ("i'm down about 5kg and i dont know why", "urgent"),
        ("Had a prang in the car on Friday and my back's been crook since", "urgent"),
        ("Took a big hit in rugby on Saturday, now my leg's tingling", "urgent"),
        ("got driven into the ground in a tackle and now my back's sore", "urgent"),
        # Asked, not escalated.
        ("i havent needed to pee all day which is weird", "uncertain"),
        ("I am having problem with erection since 3 days", "uncertain"),
        # A young child's, asked like any relative's sign of now.
        ("my 3yo wet the bed last night so I've had no sleep", "uncertain"),
        # Not signs.
        ("my saddle is killing my back lol, new road bike, need a proper fit", "none"),
        ("I played Call of Duty all night and now my back is wrecked", "none"),
        ("I followed through with the exercises", "none"),
        ("the car was wrecked in the crash", "urgent"),
    ],
)
def test_wordings_and_look_alikes_of_round_x(detector, text, expected):
    assert status(detector, text) == expected


# Round Y, from the twenty-eighth blind set after its first look.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("can't feel my self pea is that normal with sciatica", "emergency"),
        (
            "when you can't tell whether you're still going or done on the toilet",
            "emergency",
        ),
        (
            "had lung cancer two years back all clear now but this back pain is new",
            "urgent",
        ),
        ("a scaffold pole fell and caught me across the lower back", "urgent"),
        ("today I've gone 9 hours and just don't feel the need at all", "emergency"),
        ("I sit on the loo and nothing happens", "emergency"),
        ("I've had leakage today without any warning", "emergency"),
        ("I'm leaking just sitting on the sofa and can't feel it", "emergency"),
        ("I can't seem to control when I go for a number two anymore", "emergency"),
        ("bow els not working", "emergency"),
        ("my groin and backside are still tingling and numb", "emergency"),
        ("cant get a reaction down there anymore since my back went", "emergency"),
        ("I've noticed my ankle just won't pull up anymore", "urgent"),
        (
            "my foot's not doing what it's told, it listens a bit less each day",
            "urgent",
        ),
        ("got kicked by a cow right in the lower back on Sunday", "urgent"),
        ("I went backwards over the stair gate onto my back", "urgent"),
        ("Lorry driver, I jackknifed last week", "urgent"),
        (
            "My physio said 'tell me if it goes into both legs'. Well, today it has.",
            "emergency",
        ),
        # Not signs.
        ("The physio asked 'any trouble peeing?' and I said no, all normal.", "none"),
        ("My character in Elden Ring keeps tripping off ledges lol", "none"),
        ("Fell off a cliff in Minecraft and my back hurt in sympathy", "none"),
        ("slight foot drop since an operation in 2015, it's stable", "none"),
        ("I've never had cancer and my screening tests were all clear", "none"),
        # A blow dealt to the person by someone else is theirs.
        ("he hit me in the lower back with a bat", "urgent"),
        ("my husband pushed me down the stairs last night", "urgent"),
        ("Yes o, okada knocked me down last week", "urgent"),
        ("I knocked over a glass and bent to pick it up", "none"),
        ("it hit me in the lower back when I stood up", "none"),
        ("the sciatica caught me across the lower back", "none"),
    ],
)
def test_wordings_and_look_alikes_of_round_y(detector, text, expected):
    assert status(detector, text) == expected


# Round Z, from the twenty-ninth blind set after its first look.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Cannae do a pee the now, been trying for an hour and nothing", "emergency"),
        ("Had a BM in my pants this morning and didn't even feel it", "emergency"),
        ("now I can't feel myself needing to go number 2", "emergency"),
        ("I can't feel anything back there when I try to push", "emergency"),
        ("Numbness around my tush and between my legs since yesterday", "emergency"),
        ("Ma bum and the inside of ma thighs have gone numb", "emergency"),
        ("cant feel to wipe", "emergency"),
        ("Q: Which leg is affected?\nA: Both, since yesterday.", "emergency"),
        ("in the past week the leg has got much weaker", "urgent"),
        ("I feel like absolute crap, raging temperature", "urgent"),
        ("- weight loss: yes, about 10 lbs, not trying", "urgent"),
        (
            "Got checked hard into the boards at hockey and since then leg pain",
            "urgent",
        ),
        ("My Apple Watch detected a hard fall yesterday, pain since", "urgent"),
        (
            "No BM for 5 days and zero urge, that whole area has switched off",
            "emergency",
        ),
        # Not signs.
        # Asked, as legs tired from exercise are (round I).
        (
            "Both legs are tired after my long walk today, sciatica on the left",
            "uncertain",
        ),
        ("Had covid a month ago with a fever, fully better now", "none"),
        ("Doing a Relay for Life walk for the Cancer Council next month", "none"),
        ("My dad's going through chemo and I'm his carer", "none"),
        ("My watch keeps thinking I've had a fall when I sit down too fast", "none"),
    ],
)
def test_wordings_and_look_alikes_of_round_z(detector, text, expected):
    assert status(detector, text) == expected


# Round AA, from the thirtieth blind set after its first look.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Got up in the night to pee and stood there, nothing came", "emergency"),
        ("Woke up and I'd messed the bed.", "emergency"),
        ("Since Saturday the feeling in my penis is reduced", "emergency"),
        ("cant feal nothink wen having sex sinse the sieatica", "emergency"),
        ("since this new sciatica I can't empty at all", "emergency"),
        ("I can't even feel that I need to", "emergency"),
        ("i had a poo acsident and didnt no it was hapening", "emergency"),
        ("since yesterday I've had no feeling when we have sex", "emergency"),
        ("ive lost loads of wait and im not dieting", "urgent"),
        ("I tripped on the kerb last week and sat down hard", "urgent"),
        ("no erection since Friday", "emergency"),
        # Not signs.
        ("sensation during sex is the same as ever and no erection issues", "none"),
        ("I crashed on the sofa all afternoon, it eases my leg", "none"),
        ("I'm a carer for my husband who's having chemo", "none"),
        ("After my 60-mile sportive my bum was numb for an hour", "none"),
        # A relative who is "the one with" the sign is asked about.
        ("My husband's the one with the numb bum", "uncertain"),
    ],
)
def test_wordings_and_look_alikes_of_round_aa(detector, text, expected):
    assert status(detector, text) == expected


# Review of 2026-12-07: Hinglish with "theek se" between "peshab" and "nahi".


@pytest.mark.parametrize(
    "text, expected",
    [
        ("kal se peshab theek se nahi aa raha, bas thoda thoda", "emergency"),
        ("peshab sahi se nahi ho raha since yesterday", "emergency"),
        # Not signs.
        ("peshab theek se aa raha hai, bas kamar mein dard", "none"),
        ("peshab mein koi problem nahi ho rahi", "none"),
    ],
)
def test_hinglish_urine_not_coming_properly(detector, text, expected):
    assert status(detector, text) == expected


# Round AB, from the thirty-second blind set after its first look: signs told
# through what the person does about them, in passing, hedged.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("since yesterday i can't really tell when i've finished weeing", "emergency"),
        ("I've leaked on the drive home without any warning at all", "emergency"),
        ("Honestly I need to go, I just can't get it started", "emergency"),
        ("I've woken up wet the last three nights", "emergency"),
        ("my wee comes out really weak since Tuesday", "emergency"),
        ("I have to press on my lower belly to get it all out", "emergency"),
        ("I can't trust my bladder any more, it just lets go", "emergency"),
        ("I haven't felt a proper need to wee since Thursday", "emergency"),
        ("From two days the water come out of me without control", "emergency"),
        ("i can't seem to hold in a poo at the moment", "emergency"),
        ("I couldn't feel whether there was one there", "emergency"),
        ("there's poo already there that I didn't know had come out", "emergency"),
        ("I can't trust my bowels at the minute, things just come out", "emergency"),
        ("I've had some poo leakage since Tuesday", "emergency"),
        ("it turns out I can't feel anything there or around my bottom", "emergency"),
        ("around the anus I feel nothing when I touch", "emergency"),
        ("I can't feel the seat against my bum", "emergency"),
        ("a pins-and-needles-then-nothing feeling around my back passage", "emergency"),
        ("The sciatica crossed over to the other leg yesterday", "emergency"),
        ("my left leg, but now the right one shoots as well", "emergency"),
        ("since Monday I can't feel anything when I touch my penis", "emergency"),
        ("when I touched myself yesterday I couldn't feel anything", "emergency"),
        ("we had to stop because I couldn't feel him at all", "emergency"),
        ("we try to make love but I feel nothing in my private place", "emergency"),
        ("my right thigh won't take my weight like it did", "urgent"),
        ("my leg feels like it's going to fold under me", "urgent"),
        ("I fell through the loft hatch onto the landing on Wednesday", "urgent"),
        ("My pants keep falling down, I've lost weight without trying", "urgent"),
        # Not signs, or only asked about.
        # Sweat is a possible fever, asked about; not a wet bed.
        ("I woke up wet with sweat", "uncertain"),
        ("What if it spreads to my other leg?", "none"),
        ("I can't feel him kicking as much today", "none"),
        ("my foot doesn't drag at all", "none"),
        ("at my husband's radiotherapy sessions my sciatica is a killer", "none"),
        ("Mum's on chemo for her lung cancer and now she's got sciatica", "urgent"),
        ("My legs were like jelly after the hour-long spin class", "none"),
        ("Punched a new hole in my belt, the calorie counting is working", "none"),
        (
            "Years ago, after an epidural, I couldn't feel my bottom for a few "
            "hours, but that wore off the same day",
            "uncertain",
        ),
    ],
)
def test_wordings_and_look_alikes_of_round_ab(detector, text, expected):
    assert status(detector, text) == expected


# Answers round 49, from the fifty-second answers set: signs in answers told
# through what changed.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I don't always feel when I need a wee anymore", "emergency"),
        ("had to change my sheets, never wet the bed in my life before", "emergency"),
        ("my bowels just go without warning now", "emergency"),
        ("the back passage just doesn't seem to close properly any more", "emergency"),
        ("things slip out and I don't notice", "emergency"),
        ("nothing's happening down there anymore", "emergency"),
        ("People keep asking if I've been dieting and I haven't", "uncertain"),
        # Not signs.
        ("I never wet the bed, not once", "none"),
        ("things slipped out of my hands because of the pain", "none"),
    ],
)
def test_signs_in_the_answers_of_round_49(detector, text, expected):
    assert status(detector, text) == expected


# Round AC, from the thirty-third blind set after its first look: voice
# dictation, several symptoms at once.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("from today the water come out by itself I not control the pee", "emergency"),
        ("it just stops and starts and I can't empty it all", "emergency"),
        ("only a tiny drop comes out", "emergency"),
        ("I can't squeeze to hold anything in", "emergency"),
        ("it just slides out without me knowing", "emergency"),
        ("from today I cannot keep the stool it comes alone", "emergency"),
        ("I can't fell my bum when I sit on the toilet seat", "emergency"),
        ("is it normal to have know feeling on my inner thighs", "question"),
        ("I pinched my inner thigh and bum to check and I can't feel it", "emergency"),
        ("there's a numb patch right round my anus", "emergency"),
        ("why can't I feel anything in my penis since yesterday", "emergency"),
        ("from this week I cannot make erection before no problem", "emergency"),
        ("every day more weak today the knee bend by itself when I walk", "urgent"),
        ("should I tell the doctor I had my loma treatment", "urgent"),
        ("I tripped over the dog and landed on my tail bone on tuesday", "urgent"),
        ("I'm 7kg lighter and eating more", "urgent"),
        # Not signs.
        ("only a tiny drop of blood came out when I cut my finger", "none"),
        ("I can't keep the stool steady when I stand on it", "none"),
        ("the pain comes and goes, it comes on its own", "none"),
        ("I can't keep my stool in any more", "emergency"),
        ("I fell down the stairs years ago and it healed fine", "none"),
    ],
)
def test_wordings_and_look_alikes_of_round_ac(detector, text, expected):
    assert status(detector, text) == expected


# Round AD, from the thirty-fourth blind set after its first look: similes,
# formal letters, understatement.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sat there ten minutes and nothing came", "emergency"),
        ("Stood at the loo for ages and nothing came", "emergency"),
        ("Woke up damp for the first time in my life", "emergency"),
        ("I seem to have lost the knack of passing water", "emergency"),
        ("I wanna pee but nothing happen", "emergency"),
        ("had a little accident on the way back and never felt a thing", "emergency"),
        ("Had an accident today and didn't know it had happened", "emergency"),
        ("I can't hold a bowel movement in at all", "emergency"),
        ("I can't tell when I need to open them", "emergency"),
        ("Things have been escaping without my say-so", "emergency"),
        ("my bowels just go whenever they please", "emergency"),
        ("I've rather lost command of the bowels since breakfast", "emergency"),
        ("around my private parts has lost much of its feeling", "emergency"),
        ("my seat has gone rather numb since yesterday", "emergency"),
        ("I no can feel between the leg and around the anus", "emergency"),
        ("a cold current runs down the back of both legs", "emergency"),
        ("I have been entirely unable to achieve an erection", "emergency"),
        ("hardly any sensation in my genitals", "emergency"),
        ("my erections vanished on Wednesday", "emergency"),
        ("touch just doesn't register down there any more", "emergency"),
        ("buckling a little more each day", "urgent"),
        ("It's weaker today than yesterday", "urgent"),
        ("My knee keeps going out from under me", "urgent"),
        ("my foot's dropping like a dead weight and catching on the carpet", "urgent"),
        ("I keep leaking", "emergency"),
        ("It keeps dragging, and it's worse than last week", "urgent"),
        ("belt's gone in two notches", "uncertain"),
        # Not signs.
        ("I've had varicose veins in both legs for ages", "none"),
        ("both my feet get cold at night but the pain is only on the one side", "none"),
        ("I keep leaking oil from my car", "none"),
        ("I sat there an hour at the GP surgery and nothing happened", "none"),
        ("we sat there talking about the op and nothing came of it", "none"),
    ],
)
def test_wordings_and_look_alikes_of_round_ad(detector, text, expected):
    assert status(detector, text) == expected


# Round AE, from the thirty-fifth blind set after its first look: text-speak,
# English as a second language.


@pytest.mark.parametrize(
    "text, expected",
    [
        ("My bladder not working good from morning, I push and nothing", "emergency"),
        ("the urine, it goes out alone without I control it", "emergency"),
        ("It is hard for me to pee since yesterday", "emergency"),
        ("I have lost the control of my bowel since the morning", "emergency"),
        ("Since Sunday I cannot feel when I pass the stool", "emergency"),
        ("things dont work down there since yesterday", "emergency"),
        ("this morning it collapse under me", "urgent"),
        # Not signs.
        ("my bladder is working good", "none"),
        (
            "After my epidural in labour I was numb down there for a few hours, "
            "but that was three years ago.",
            "uncertain",
        ),
    ],
)
def test_wordings_and_look_alikes_of_round_ae(detector, text, expected):
    assert status(detector, text) == expected
