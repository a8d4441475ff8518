import pytest

from sciatica.answers import NO, UNSURE, YES, read_yes_no


@pytest.mark.parametrize(
    "text",
    [
        "yes",
        "Yes.",
        "yeah",
        "yep",
        "y",
        "I think so",
        "a little",
        "Yes, I have",
        "sadly yes",
        "/affirm",
        "yeah a bit",
        "sometimes",
        "totally",
        "why not",
        "fine by me",
        "spot on",
        "fine, yes",
        "that's fine, go ahead",
        "sure, why not",
    ],
)
def test_yes(text):
    assert read_yes_no(text) == YES


@pytest.mark.parametrize(
    "text",
    [
        "no",
        "No.",
        "nope",
        "nah",
        "never",
        "not at all",
        "I don't think so",
        "I have no problems",
        "it's fine",
        "all normal",
        "/deny",
        "no, nothing like that",
        "i haven't noticed any numbness",
        "fine",
        "not that i know of",
    ],
)
def test_no(text):
    assert read_yes_no(text) == NO


@pytest.mark.parametrize(
    "text",
    [
        "not sure",
        "maybe",
        "I don't know",
        "dunno",
        "no idea",
        "possibly",
        "yes and no",
        "/unsure",
        "kind of",
        "hard to say",
        "yes, no, I'm not sure",
        "50/50",
        "fifty-fifty",
    ],
)
def test_unsure(text):
    assert read_yes_no(text) == UNSURE


def test_a_yes_with_a_negation_is_not_taken_as_yes():
    assert read_yes_no("yes I don't") == UNSURE


@pytest.mark.parametrize("text", ["what do you mean?", "my leg hurts", "", None])
def test_not_an_answer(text):
    assert read_yes_no(text) is None


def test_intent_is_only_a_fallback_and_needs_confidence():
    assert read_yes_no("absolutely, 100 percent", "deny", 0.99) == YES
    assert read_yes_no("right you are", "affirm", 0.95) == YES
    assert read_yes_no("right you are", "affirm", 0.5) is None


@pytest.mark.parametrize(
    "text",
    [
        "i don't really know",
        "not a clue",
        "i'm not too sure",
        "im not 100% sure",
        "can't really say",
        "i can't recall",
        "i haven't checked",
        "I haven't taken my temperature",
        "I haven't weighed myself",
        "i havent really paid attention",
        "i've not really noticed either way",
    ],
)
def test_not_knowing_is_unsure_not_no(text):
    # Each holds a negation and was read as "no": "I haven't taken my
    # temperature" is not "no fever" (training examples of `unsure`).
    assert read_yes_no(text) == UNSURE


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("can't say it hasn't", YES),  # a double negative
        ("not that I'd deny", YES),
        ("absolutely not", NO),  # a refusal that begins with agreement
        ("can't say I have", NO),
        ("yes, I can't control it", YES),  # the negation describes the symptom
        ("yeah cant hold it in", YES),
        ("yeah, I don't think so", UNSURE),  # a contradiction
        ("i have lost weight, not on purpose", YES),
        ("it's not just one leg anymore", YES),  # both legs now (round 9)
        ("mum says yes, she didn't make it to the toilet", YES),
        ("bit of a fever yeah", YES),
        ("defo", YES),
        ("I don't own scales", UNSURE),
        ("the biopsy results aren't back yet", UNSURE),
        ("he doesn't know", UNSURE),
        ("mum isn't sure", UNSURE),
        ("haven't tried since it started", UNSURE),
        # The third blind set: negations that describe the symptom.
        ("can't feel much when I sit on the toilet seat", YES),
        ("couldn't stop it coming out", YES),
        ("my dad says he cant feel when he needs to go anymore", YES),
        ("not strong like before, the foot just flops", YES),
        ("started in my right but now my left isn't right either", YES),
        ("no, I can still feel everything", NO),
        ("no feeling problems at all", NO),
        ("i am not knowing", UNSURE),
        ("I was never told properly what it was", UNSURE),
        # The fourth blind set.
        ("bursting but nothing comes out", YES),
        ("had an accident and didnt even feel it coming", YES),
        ("he wet the bed, never done that before", YES),
        ("no control at all, had to start wearing pads", YES),
        ("soiled himself twice which is not like him", YES),
        ("cant tell when i need a poo anymore", YES),
        ("sitting on the toilet feels strange", YES),
        ("i think so, inner thighs feel kind of dead", YES),
        ("not just the one, no - both", YES),
        ("leg no have power like before", YES),
        ("it's not as strong as it was", YES),
        ("not any more, I was given the all clear in 2019", YES),
        ("nothing major, just missed the last step", YES),
        ("no thermometer but I've been boiling hot", YES),
        ("i'd have to ask him", UNSURE),
        ("i cant work out exactly where", UNSURE),
        ("not really applicable, too sore to try", UNSURE),
        ("we haven't seen", UNSURE),
        ("I haven't noticed but I've been asleep a lot", UNSURE),
        ("no, it doesn't feel numb", NO),
        ("no control problems", NO),
        ("not both, just the one", NO),
        ("nothing major", NO),
        # The fifth blind set.
        ("he hasnt managed to pee since last night", YES),
        ("yes had an accident and didnt know till I woke up", YES),
        ("I didn't realise I'd gone until I smelt it", YES),
        ("she's never once been like that", YES),
        ("yep, no control at all since yesterday", YES),
        ("kind of, my bum doesn't feel like mine", YES),
        ("cant finish, its never happened before", YES),
        ("it's in my left and right leg", YES),
        ("both sides now", YES),
        ("38.5 this morning", YES),
        ("she's been burning up and not herself at all", YES),
        ("he's got really thin and he's not trying to lose it", YES),
        ("nearly 2 stone down and I haven't changed anything", YES),
        ("down 6 lbs this month, no idea why", YES),
        ("went arse over tit off a ladder", YES),
        ("I've not had a proper feel to check tbh", UNSURE),
        ("I'd rather not answer that", UNSURE),
        ("I never really understood if that's cancer", UNSURE),
        ("nae bother there at all", NO),
        ("only my right leg", NO),
        ("just the one leg thank god", NO),
        ("I wish lol", NO),
        ("lost a bit but I've been on slimming world", NO),
        ("no pain in both legs", NO),
        ("no, both are fine", NO),
        # The sixth blind set.
        ("Had an accident in bed and didn't feel it happen at all", YES),
        ("i dont get the warning anymore it just comes out", YES),
        ("can't get it started, only a dribble comes out", YES),
        ("I have not passed urine since six and I feel no urge at all", YES),
        ("things haven't felt the same, a lot less feeling", YES),
        ("erm yeah... no feeling during sex this week", YES),
        ("he has lost a lot of weight recently, we don't know why", YES),
        ("no sé si es weakness or only pain", UNSURE),
        ("I've checked and it feels completely normal", NO),
        ("all working fine ta", NO),
        ("one leg only bro", NO),
        ("only down the back of my left leg", NO),
        ("la, la, the leg is strong", NO),
        ("Nie, the weight is same like before", NO),
        ("if anything I've put weight on", NO),
        ("lost weight but I've been dieting", NO),
    ],
)
def test_answers_from_the_blind_sets(text, meaning):
    # Wordings of the first two blind sets (tests/data/answers_blind*.yml)
    # the rules misread before 2026-12-06; bench.answers scores the sets.
    assert read_yes_no(text) == meaning


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("the feeling of needing a wee has gone", YES),
        ("probably nothing but ive had to strain to get a wee started", YES),
        ("I wiped and realised I'd been without knowing", YES),
        ("a bit, but I haven't been eating much", YES),
        ("not wetting myself no but I can't actually get it out", YES),
        ("I think so. I didn't know I needed to go until it was too late", YES),
        ("No problem with desire but yes the feeling has gone", YES),
        ("Yep, not just the right one anymore, both are numb", YES),
        ("it's not slapping but it is definitely weaker", YES),
        ("I think so, I've had chills on and off", YES),
        ("No cough or anything but yes I've been burning up", YES),
        ("i feel a bit off but it could just be not sleeping", UNSURE),
        ("They took a lump out and I never got the results back", UNSURE),
        ("Mebbe, no sure", UNSURE),
        # Not a "no" in another language, not one leg only (a leg that "is
        # numb" is read as a symptom stated, since the seventeenth round).
        ("non-stop numbness down there", None),
        ("one leg is numb, the other tingles", YES),
        ("não sinto nada lá em baixo", None),
        ("nie czuję nic", None),
        ("nein", NO),
        # A symptom stated in plain words is not one negated just before.
        ("i can't tell if it's both legs", UNSURE),
        ("I haven't lost weight", NO),
        ("I haven't fallen", NO),
        ("I didn't have a temperature of 38", NO),
        ("Mum had a fall on Sunday and since then she can't get comfy", YES),
        # The ninth blind set: "not just one leg" is both legs.
        ("No it's not just one leg anymore, it's both", YES),
        ("no, only one leg", NO),
        # The tenth blind set.
        ("I feel a bit hot but I haven't got a thermometer", UNSURE),
        ("about a stone in the last couple of months without dieting", YES),
        ("lost a bit but been dieting", NO),
        ("I've put on a stone", None),
        # The eleventh blind set.
        ("When I wipe it feels like it's not my skin, kind of dead", YES),
        ("I am feeling some hot but I did not measure", UNSURE),
        ("lost loads, not trying to, no appetite", YES),
        ("it isn't my skin problem, no", NO),
        # The twelfth blind set.
        ("I haven't got much feeling down there when we try", YES),
        ("no ducking idea mate", UNSURE),
        ("Not a fall exactly, someone ran into me at football", YES),
        ("no, nobody ran into me", NO),
        # The fourteenth blind set.
        ("ive not felt the need to go since monday which isnt like me at all", YES),
        ("the other leg feels a bit funny but nothing like the bad one", YES),
        ("no, my other leg is fine", NO),
        # The fifteenth blind set: a question back, trouble new since.
        ("I mean I've not been for 2 days but is that a problem?", UNSURE),
        ("I honestly haven't noticed, would I know?", UNSURE),
        ("No. Should I be worried about that?", NO),
        ("never had any issues before but this week I cant feel much", YES),
        ("never had trouble before but now it's fine", NO),
        # The sixteenth blind set: an unknowing relative, not keeping track,
        # a question back, dress sizes with no change made.
        ("My mum doesn't remember, there was something years ago", UNSURE),
        ("i don't really keep track tbh", UNSURE),
        ("Does low libido count? I've just not been in the mood", UNSURE),
        ("I've gone down two dress sizes and I haven't changed a thing", YES),
        ("no I haven't changed a thing", NO),
        # The seventeenth blind set: "no" to one part and the trouble after
        # "but", "it's new", a weight given from and to.
        ("no leaking but I can't seem to get it started", YES),
        ("not sure, I've been on a diet but more has come off", UNSURE),
        ("no but thanks for asking", NO),
        ("He hasn't been able to... you know. Since the pain started. It's new.", YES),
        ("it's not new, had it for years", NO),
        ("Dropped from 80 to 72 kilos since August, no diet", YES),
        ("went from 80 to 82 kilos", None),
        ("i've no way of knowing", UNSURE),
        # The eighteenth blind set.
        ("i dont feel it when i need to go, just find out when im already wet", YES),
        ("he says he doesn't feel it", YES),
        ("no I don't feel it's changed", NO),
        ("Is wind a problem? I can't always tell if it's just wind", UNSURE),
        ("No pain there but it's definitely numb", YES),
        ("it's not numb", NO),
        ("I don't pay attention to that area", UNSURE),
        ("he can't manage an erection this past week", YES),
        (
            "Not to be crude but nothing works downstairs anymore, started 4 days ago",
            YES,
        ),
        ("Sí, I no feel nothing there when with my wife, is new", YES),
        ("weaker n weaker, cant push the car pedal properly", YES),
        ("I don't weigh myself", UNSURE),
        (
            "No, I can't really tell when I need to go anymore, I just find I've gone",
            YES,
        ),
        # The nineteenth blind set.
        ("there was a bit of a mark but I might just not have wiped properly", UNSURE),
        ("not erection problems exactly but everything's numb with my partner", YES),
        ("since 2 weeks my erection is not coming, before was no problem", YES),
        ("no erection problems", NO),
        (
            "I had a skin thing frozen off once, the doctor didn't say what it was",
            UNSURE,
        ),
        # The twentieth blind set.
        ("poo just came out when i coughed, never happened b4", YES),
        ("Dad's had a couple of messes in his trousers and didn't seem to know", YES),
        ("no i didn't notice anything", NO),
        ("I'm not comfortable talking about that", UNSURE),
        ("It feels like I'm sitting on a cushion that isn't there", YES),
        ("I'd rather not go into it... but no, nothing has changed.", NO),
        # The twenty-first blind set: refusals, a body that is not one's own.
        ("don't want to answer that one", UNSURE),
        ("I'd rather not go into that", UNSURE),
        ("yes, no sensation, feels like it's not my body", YES),
        # The twenty-second blind set.
        ("I had an accident in bed last night, I'm 42 and that's never happened", YES),
        ("Bowels have not been right since Sunday, I've lost control twice", YES),
        ("¿fiebre? no entiendo", UNSURE),
        ("yeah like 10 lbs since christmas, not sure why", YES),
        ("not sure why but I wet the bed last night and I never do that", UNSURE),
        ("what do you mean by saddle area?", None),
        ("I've had erectile dysfunction for five years, nothing has changed.", NO),
        # The twenty-third blind set.
        ("Things haven't been working in the bedroom since the back went", YES),
        ("no, everything is working down there", NO),
        ("I don't get it, what's this got to do with my back?", UNSURE),
        ("sometimes it feels like it might give way but it never actually has", UNSURE),
        ("I feel a bit rough but I think it's just not sleeping", UNSURE),
        # The twenty-fourth blind set.
        ("not something I want to discuss with a bot tbh", UNSURE),
        ("Could you explain that in simpler words please", UNSURE),
        ("feels a bit odd but not numb exactly, if that makes sense", UNSURE),
        ("Not numb exactly but tingly round my private parts", YES),
        ("Feel a bit off but probably just tired from not sleeping", UNSURE),
        ("yeah like 5 kilos maybe more", YES),
        ("no tingling in my groin", NO),
        # The twenty-fifth blind set.
        ("Bladder? sorry my english not so good, what is bladder", UNSURE),
        ("when I wipe it feels like someone else's body, kind of dead", YES),
        ("that's a bit personal isn't it", UNSURE),
        ("I haven't really tried walking much today", UNSURE),
        ("I feel rough but I think that's just not sleeping", UNSURE),
        # The twenty-sixth and twenty-seventh blind sets.
        ("don't wanna talk about my weight", UNSURE),
        ("i'd sooner not say", UNSURE),
        ("I'd prefer not to go into my medical history on here", UNSURE),
        # The twenty-eighth blind set (round 26).
        ("Not a problem wanting to, but I've lost feeling, it's all muffled", YES),
        ("I've lost a bit, not been dieting though", YES),
        ("lost a bit of feeling", YES),
        ("what do you mean by losing feeling?", None),
        ("Lost a bit after my gastric sleeve, that was the plan", NO),
        ("Lost a bit when I had the norovirus but it's back on now", None),
        # The twenty-ninth blind set (round 27).
        ("no, just the one... well, the other one's got pins and needles too", YES),
        ("nope the other one is fine", NO),
        # The thirtieth blind set (round 28).
        ("no, but I have to strain really hard to get anything out", YES),
        ("things haven't worked like they used to since this started", YES),
        ("aye, nothing's working down there", YES),
        ("no I haven't been dieting but I've dropped loads", YES),
        ("no, works like it used to", NO),
        # The thirty-second blind set (round 30; no newer set measures it).
        ("no wait, actually yes, I didn't make it to the toilet", YES),
        ("couldn't make it to the loo in time", YES),
        ("not easy to tell", UNSURE),
        ("feels like it'll buckle but it hasn't", UNSURE),
        ("could have, I haven't checked", UNSURE),
        ("no, I always make it to the loo", NO),
        # The thirty-third blind set (round 31).
        ("ran for the toilet and didn't make it", YES),
        # The thirty-fourth blind set (round 32).
        ("went all day without a wee and never felt the urge", YES),
        ("I haven't liked to ask him", UNSURE),
        ("I'd have to check", UNSURE),
        # The thirty-fifth blind set (round 33).
        ("I don't think so but I can't be certain", UNSURE),
        ("no I don't think so but my memory is terrible", UNSURE),
        ("s\u00ed, no puedo sentir nada", YES),
        # The thirty-sixth blind set (round 34).
        ("fell off a step but I don't think that's what caused it", UNSURE),
        ("s\u00ed, no tengo sensaci\u00f3n", YES),
        # The thirty-seventh blind set (round 35).
        ("not that I remember but my memory isn't great", UNSURE),
        ("I don't think so... there was a scare years ago", UNSURE),
        ("sometimes it takes a while to start, not every time", UNSURE),
        ("yes but not every time", YES),
        # The thirty-eighth blind set (round 36).
        ("no... actually yes, I've had to rush to the loo twice", YES),
        ("no actually no", NO),
        # The thirty-ninth blind set (round 37).
        ("no... ok yes. it's been different since the back went", YES),
        ("partly, the right foot feels odd but nothing like the left", UNSURE),
        ("no ok i have another question", NO),
        # The forty-first blind set (round 38).
        ("only a little leaking, probably nothing, I'm 50 after all", YES),
        ("no... well yes, honestly there's been trouble the last few days", YES),
        ("only a bit bunged up from the codeine, but I can feel everything", None),
        # The forty-second blind set (round 39).
        ("no... well actually yes, I had to rush this morning", YES),
        (
            "no, oh wait, I can't press the clutch properly with my left foot, so yes",
            YES,
        ),
        # The forty-third blind set (round 40).
        ("kind of? I go to pee and nothing comes for ages, then only a trickle", YES),
        ("just one... no, actually the right has started tingling too", YES),
        ("no - ok, honestly yes, I just didn't want to say it", YES),
        ("\U0001f937 haven't been in the mood", UNSURE),
        ("\U0001f937", UNSURE),
        ("Mum had something removed in the 80s, she won't tell us what", UNSURE),
        ("no problems, just haven't been in the mood because of the pain", NO),
        # The forty-fourth blind set (round 41).
        ("im not shure tbh, on water tablets so im always running to the loo", UNSURE),
        ("not that i know of... theyre doing tests", UNSURE),
        # The forty-fifth blind set, after its first look (round 42).
        ("Since the back went I haven't been able to manage an erection at all", YES),
        ("Me and the missus tried on Saturday and it just wouldn't happen.", YES),
        ("Never thought about it. I'd have to pay attention", UNSURE),
        # The forty-sixth blind set, after its first look (round 43).
        ("being investigated for it at the mo, no diagnosis yet", UNSURE),
        ("no, I'm not being investigated for anything", NO),
    ],
)
def test_answers_from_the_seventh_to_thirtieth_blind_sets(text, meaning):
    assert read_yes_no(text) == meaning


@pytest.mark.parametrize(
    "text, meaning",
    [
        # Round 44: "no" answers of the blind sets that were read as "yes".
        ("no, strength's fine, just pain", NO),
        ("No, strength seems normal", NO),
        ("no strength at all", YES),
        ("No strength, it keeps giving way", YES),
        ("yeah nah, bladder's fine mate", NO),
        ("yeah no, it's fine", NO),
        ("yeah, no feeling down there", YES),
        ("yeah no I can't feel it", YES),
        ("yeah nah I can't hold it", YES),
        ("yeah no, not good, leaked twice", UNSURE),
        ("No, can't say I have", NO),
        ("can't say I've noticed anything wrong there, no", NO),
        ("It's only ever been down the left, never both", NO),
        ("Can't say it isn't normal, because it is. So no.", NO),
        ("Can't deny it, so yes", YES),
        ("it's not like I can't go, I go fine", NO),
        ("it's not like I can't feel it, it's just reduced", YES),
        ("it's not like I can't go, but it takes ages", YES),
        ("I did fall years ago but this pain is new, started on its own", NO),
        ("I fell off my bike as a kid but this only started last month", YES),
        ("I fell years ago but this time I fell again last week", YES),
        ("I fell last week and it came on by itself", YES),
        ("had a cold last month but that's long gone", NO),
        ("had a cold last week but I've been sweating at night", YES),
        ("had a scare in 2019 but the biopsy was benign", NO),
        ("I had a tumour out and the biopsy was benign", None),
        ("I had breast cancer and the last scan was clear", None),
        ("I've had IBS for 10 years, same as ever", NO),
        ("same as ever, leaking a bit", None),
        ("yep down 10 pounds eating the same as always", YES),
        ("yes, same as always", YES),
        # A "yes" with all being well is asked again, never read as "no".
        ("Yes I'm fine, no issues with that", UNSURE),
        ("yep all working normally thanks", UNSURE),
        ("Yes just the right side", UNSURE),
        ("everything's fine, yeah", UNSURE),
        ("yes fine, but I leaked yesterday", YES),
    ],
)
def test_round_44_no_answers_said_in_other_words(text, meaning):
    assert read_yes_no(text) == meaning


@pytest.mark.parametrize(
    "text, meaning",
    [
        # Round 45: answers the assistant read as "no" (bench.answers, after it
        # counted only the red-flag findings the assistant acts on).
        ("my dad has had a couple of accidents, he's mortified, he never used to", YES),
        ("ED the last week or so, never had an issue before", YES),
        ("no fever but I feel absolutely awful in myself, can barely get up", YES),
        ("haven't had sex but I tried on my own and felt nothing", YES),
        ("I can't push properly, the muscles down there have stopped working", YES),
        ("no, not constipated, but when I went I didn't feel it", YES),
        ("no, the interest is still there, the problem is I can't feel anything", YES),
        (
            "always had a weak bladder, but this is different, nothing would come out",
            YES,
        ),
        (
            "a dodgy ankle since the 80s, but this is different, can't pull my toes up",
            YES,
        ),
        ("I have, haven't I... it hasn't gone away", YES),
        ("not that I know of but I was very drunk that weekend", UNSURE),
        (
            "I've been trying to lose weight but it's coming off faster than expected",
            UNSURE,
        ),
        ("sorry, bladder is what? my english is not so good", UNSURE),
        ("The other one twinges occasionally? Not really tingling though", UNSURE),
        ("I had a lump checked but never heard back", UNSURE),
        ("they took a lump out once but I don't think it was cancer", UNSURE),
        (
            "The doctor never said it was cancer, but he never said it wasn't either",
            UNSURE,
        ),
        ("What do you mean by not feeling it? Like numb?", None),
        # Still "no".
        ("No, I felt nothing unusual", NO),
        ("no, never had an issue", NO),
        ("nope, nothing like that", NO),
    ],
)
def test_round_45_answers_the_assistant_read_as_no(text, meaning):
    assert read_yes_no(text) == meaning


@pytest.mark.parametrize(
    "text, meaning",
    [
        # Round 46, from the forty-eighth blind set after its first look.
        ("he's got dementia, I can't get a straight answer out of him", UNSURE),
        ("sometimes yes, sometimes no, is the stress I think", UNSURE),
        ("yes, sometimes I don't know when I am finish", YES),
        ("yes, wasn't trying, maybe 3kg", YES),
        ("i dont know when i need to go anymore", YES),
        ("I don't know when it started", UNSURE),
        ("maybe", UNSURE),
    ],
)
def test_round_46_answers(text, meaning):
    assert read_yes_no(text) == meaning


@pytest.mark.parametrize(
    "text, meaning",
    [
        # Round 47, from the forty-ninth blind set after its first look.
        (
            "Much worse than last month, I keep getting caught short with my "
            "bowels and not making it",
            YES,
        ),
        ("No, just the left... wait, no, the right one has started tingling too", YES),
        ("no wait, yes", YES),
        (
            "Something feels a bit different when I go but I can't put my finger "
            "on whether it's a problem",
            UNSURE,
        ),
        ("I can't tell any more when my bowels are going to go", YES),
        # Still as they were.
        ("no, I'm not making it up", NO),
        ("hang on, no", NO),
        ("no, just the left one", NO),
        ("can't tell any more, sorry", UNSURE),
        # A "wait" that does not take the "no" back.
        ("no wait, it is fine actually", NO),
        ("wait, I do not know", UNSURE),
        ("hold on, it has not changed", NO),
        ("wait, yes it has", YES),
        ("hang on... I do.", YES),
    ],
)
def test_round_47_answers(text, meaning):
    assert read_yes_no(text) == meaning


@pytest.mark.parametrize(
    "text, meaning",
    [
        # Round 48, from the fiftieth blind set after its first look.
        (
            "My husband thinks it was when I twisted getting out of the car but "
            "I'm not convinced",
            UNSURE,
        ),
        ("no", NO),
    ],
)
def test_round_48_answers(text, meaning):
    assert read_yes_no(text) == meaning


@pytest.mark.parametrize(
    "text, meaning",
    [
        # Round 49, from the fifty-second blind set after its first look: a "no"
        # made smaller after a pause.
        ("not really... well, a bit", YES),
        ("no... well, sometimes", YES),
        ("Not really\u2026 well, sometimes", YES),
        ("not really, well a little", YES),
        # Not a "yes": something else, "a bit of" it.
        ("no, well a bit of back pain but nothing else", NO),
        ("no\u2026 nothing like that", NO),
    ],
)
def test_round_49_answers(text, meaning):
    assert read_yes_no(text) == meaning


@pytest.mark.parametrize(
    "text, meaning",
    [
        # Round 50, from the fifty-third blind set after its first look: speech
        # to text and regional English.
        ("the bowels im not shore", UNSURE),
        ("im not shore if its both or just the one", UNSURE),
        ("i cant rightly say", UNSURE),
        # "shore" only after the words that make it "sure".
        ("I fell on the rocks by the shore", YES),
    ],
)
def test_round_50_answers(text, meaning):
    assert read_yes_no(text) == meaning


@pytest.mark.parametrize(
    "text, meaning",
    [
        # Round 51, from the fifty-fourth blind set after its first look.
        ("I am afraid I could not say with any certainty.", UNSURE),
        ("Clear as mud, honestly.", UNSURE),
        ("I could not say whether it followed a fall", UNSURE),
        ("no, could not be better", NO),
    ],
)
def test_round_51_answers(text, meaning):
    assert read_yes_no(text) == meaning


@pytest.mark.parametrize(
    "text, meaning",
    [
        # Round 52, from the fifty-fifth blind set after its first look.
        ("not rly sure tbh", UNSURE),
        ("mayb? cant rly tell", UNSURE),
        ("not rly", NO),
    ],
)
def test_round_52_answers(text, meaning):
    assert read_yes_no(text) == meaning
