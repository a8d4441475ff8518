"""Reading short answers to yes/no questions, without a statistical model.

Screening answers must not depend on the intent classifier's confidence: a
plain "nope" or "I think so" is read by these rules, and the classifier's
intent is only a fallback for phrasings the rules do not know.
"""

from __future__ import annotations

import re

YES = "yes"
NO = "no"
UNSURE = "unsure"

# Button payloads and the intents that stand for each answer.
_INTENT_ANSWERS = {"affirm": YES, "deny": NO, "unsure": UNSURE}
_INTENT_CONFIDENCE = 0.8

# "I don't know when I need to go" describes the symptom (forty-sixth round);
# "I don't know when it started" does not know.
_WHEN = (
    r" when (i|he|she) (am|'?m|is|need|needs|have|has|'ve|finish|finished|go|pee|wee)\b"
)
# "Can't tell" is a doubt, "can't tell (any more) when I need to go" the symptom
# (forty-seventh round).
_TELL_WHEN = r"tell( any ?more| now)? when"
_TELL = r"tell(?!( any ?more| now)? when)"
_UNSURE = re.compile(
    rf"\b(not sure|unsure|dunno|don'?t know(?! why|{_WHEN})|"
    rf"do not know(?! why|{_WHEN})|"
    r"no idea(?! why| how)|"
    r"maybe|perhaps|"
    r"possibly|might (just |also )?(be|have)|could (just |also |well )?be|mebbe|mibbe|"
    # Forty-seventh round: "can't put my finger on whether it's a problem".
    r"(can'?t|cannot|couldn'?t) (quite )?put my finger on|"
    # Forty-eighth round: "he thinks it was when I twisted ... but I'm not convinced".
    r"(i'?m|i am) not (\w+ )?convinced|"
    rf"no sure|can'?t (say|{_TELL}|remember)|"
    rf"cannot (say|{_TELL}|remember)|hard to (say|tell)|"
    r"not certain|i guess|"
    r"kind of|kinda|sort of|yes and no|idk|unclear|don'?t remember|"
    r"not really sure|who knows|on and off|50/50|50-50|fifty[- ]fifty|"
    # Hedged or unknowing wordings that contain a negation and so were read
    # as "no" (found among the training examples of `unsure`, 2026-12-06):
    # "I haven't taken my temperature" does not mean "no fever".
    r"(don'?t|dont|do not) (really |actually |honestly )?"
    rf"(know(?! why|{_WHEN})|remember|recall)|"
    r"not (too|that|quite|totally|entirely|completely|really|a hundred percent|"
    r"100 ?%|100 percent) sure|"
    # Fiftieth round, from the fifty-third blind set: "i cant rightly say".
    # Fifty-first round, from the fifty-fourth blind set: "I am afraid I could not
    # say with any certainty"; "clear as mud".
    r"clear as mud|"
    r"(can'?t|cant|cannot|can not|couldn'?t|couldnt|could not) "
    r"(really |honestly |rightly )?"
    rf"(say|{_TELL}|recall|remember|be sure|be certain)|"
    r"(not|haven'?t|havent|have not|no) (got )?a clue|no clue|clueless|"
    r"(haven'?t|havent|have not|not|never|didn'?t|didnt|did not) (really )?"
    r"(checked|check|measured|measure|weighed|weigh|taken (my|a|the) temp\w*|"
    r"tested|paid (any )?attention|looked)|"
    r"(noticed|sure|tell) either way|hard to know|difficult to (say|tell|know)|"
    # Second round (2026-12-06), from the first blind set: ways of not having
    # found out. "I don't own scales" is not "no weight loss".
    r"paying attention|(don'?t|dont|do not) (have|own) (a |any )?"
    r"(thermometer|scales|weighing scales)|(haven'?t|havent|have not|not) tried|"
    r"to find out|(rather|prefer) not (to )?say|"
    r"not that i'?ve (checked|looked|measured|weighed)|"
    r"results (aren'?t|are not|not|haven'?t|have not) (back|in|come back)|"
    r"(waiting|wait) (for|on) (the |my )?(results|scan|biopsy|test)|still waiting|"
    r"never told me|does (that|it|this|\w+-?\w*) count|"
    r"how (would|do|can|could) i (check|know|tell)|now and then|comes and goes|"
    r"come and go|"
    # Third round (2026-12-06), from the second blind set: for a relative.
    r"(doesn'?t|does not|doesnt|didn'?t|wouldn'?t|would not) "
    r"know(?! (till|until|i'?d|i had|i needed|i was|i'?d gone|i had gone))|"
    r"(isn'?t|is not|isnt|wasn'?t|aren'?t|are not) (sure|certain)|"
    # Fourth round (2026-12-06), from the third blind set: learners' English
    # ("I am not knowing", "not know") and not having been told.
    r"((i )?(am )?not|i no) (know|knowing|remember|remembering)|"
    r"never (been )?(told|found out)|how (would|could|do|can) i even know|"
    # Fifth round (2026-12-06), from the fourth blind set: having to ask the
    # person, not being able to work it out, not applicable, not seen.
    r"(have|need|'?d have|would have) to ask (him|her|them|my \w+)|"
    r"(doesn'?t|does not|doesnt|don'?t|dont|won'?t) tell me|"
    r"(can'?t|cant|cannot|couldn'?t) (work|figure) (it |that )?out|"
    r"not (really )?applicable|too (sore|painful) to (try|check|tell|test)|"
    r"no (thermometer|scales)|"
    r"(haven'?t|have not|havent) seen( it| that)?$|"
    r"(haven'?t|have not|havent) noticed but|"
    # Sixth round (2026-12-06), from the fifth blind set.
    r"(not|haven'?t|havent|have not) (had|taken) a (proper )?(feel|look|check|chance)|"
    r"(rather|prefer) not (to )?(answer|tell|talk about)|"
    r"(never|don'?t|didn'?t|did not|do not) (really |fully )?underst(and|ood)|"
    # Seventh round (2026-12-06), from the sixth blind set: other languages.
    r"no (lo )?s[eé]|nie wiem|je ne sais pas|wei(ß|ss) nicht|n[aã]o sei|"
    r"difficult to explain|hard to explain|"
    # Eighth round (2026-12-06), from the seventh and eighth blind sets.
    r"never got (the |my )?results|results never came|"
    # Tenth round (2026-12-06), from the tenth blind set: "I haven't got a
    # thermometer" is not "no fever".
    r"(haven'?t|havent|have not|not) got (a |any )?(thermometer|scales)|"
    # Twelfth round (2026-12-06): "no ducking idea" (autocorrect).
    r"no (\w+ing|bloody|earthly|real) idea|"
    # Fifteenth round (2026-12-06), from the sixteenth blind set: a relative
    # who does not remember, not keeping track, "does low libido count?".
    r"(doesn'?t|does not|doesnt|didn'?t|did not) (really )?(remember|recall)|"
    r"(don'?t|dont|do not|never|not) (really )?(keep|kept|keeping) (a )?track|"
    r"does (\w+ ){1,2}count|"
    # Found by the cross-validation of 2026-12-06 (an `unsure` example).
    r"no way (of|to) (know|knowing|tell|telling|check|checking)|"
    # Seventeenth round (2026-12-06), from the eighteenth blind set.
    rf"(can'?t|cant|cannot|can not) (always|really|quite) {_TELL}|"
    r"(don'?t|dont|do not|never) (really )?pay (much |any )?attention|"
    r"(don'?t|dont|do not|never) (really )?(weigh|measure) (my ?self|me)|"
    r"(don'?t|dont|do not|never) (really )?(check|take) my (weight|temp\w*)|"
    # Eighteenth round (2026-12-06), from the nineteenth blind set.
    r"might (just )?not have|"
    r"(didn'?t|did not|never|wouldn'?t|would not) (say|tell (me|us)|explain|mention) "
    r"what (it|that|they) (was|were|is)|"
    # Nineteenth round (2026-12-06), from the twentieth blind set.
    r"not (comfortable|happy) (talking|to talk|discussing|answering|saying)|"
    # Twentieth round (2026-12-06), from the twenty-first blind set: refusals.
    r"(don'?t|do not|dont) (want|wanna|wish) to (answer|say|talk about|go into)|"
    r"rather not (say|talk|discuss|go into|answer)(?!.{0,25}\bbut no\b)|"
    # Twenty-first round (2026-12-06), from the twenty-second blind set: not
    # understanding the question in English.
    r"no entiendo|no comprendo|ne comprends pas|non capisco|nie rozumiem|"
    # Twenty-second round (2026-12-06), from the twenty-third blind set.
    r"i (don'?t|do not|dont) get it|what'?s (this|that|it) (got )?to do with|"
    r"(feels?|felt) like (it|they|my \w+)( (might|could|would|will|is going to|"
    r"was going to)|'ll) (give|go|buckle|collapse)|"
    r"(i think|probably|maybe) ((it'?s|its|it is|that'?s|that is) )?just|"
    # Twenty-third round (2026-12-06), from the twenty-fourth blind set.
    r"not something i (want|wanna|wish|'?d like) to (discuss|talk about|share|go into)|"
    r"(explain|say) (that|it|this) (in simpler|more simply|in easier)|simpler words|"
    r"not (numb|tingly|weak|painful) exactly(?! but)|"
    r"not exactly (numb|tingly|weak|painful)(?! but)|"
    # Twenty-fourth round (2026-12-06), from the twenty-fifth blind set.
    r"what is (a |the |my )?(bladder|bowels?|saddle|genitals|foot drop|fever|"
    r"erection|back passage)|(a bit|bit|too|very) personal|"
    r"(haven'?t|havent|have not|not) really tried|"
    # Twenty-fifth round (2026-12-06), from the twenty-sixth and
    # twenty-seventh blind sets: more refusals.
    r"(sooner|rather|prefer|'?d prefer|'?d rather|'?d sooner) not (to )?"
    r"(say|go into|talk about|discuss|answer|share|get into)(?!.{0,25}\bbut no\b)|"
    r"(don'?t|do not|dont) (wanna|want to) (talk|say|speak|chat) about|"
    # Thirtieth round (2026-12-07), from the thirty-second blind set: "not easy
    # to say", "could have, I've not been hungry", "it feels like it'll give way".
    r"(not|isn'?t|is not) (that |very )?easy to (say|tell|know)|tricky to (say|tell)|"
    r"^(it )?could (well )?have|"
    # Thirty-second round (2026-12-07), from the thirty-fourth blind set: a son
    # who "hasn't liked to ask", "I'd have to check my records".
    r"(haven'?t|have not|not|never) liked to ask|(she|he|they)'?s? (has |have )?not "
    r"mentioned (anything|it)|('?d|would|will|i'?ll) have to check|"
    # Thirty-third round (2026-12-07), from the thirty-fifth blind set: "I don't
    # think so but my memory's not great".
    r"(don'?t|dont|do not) think so but|"
    r"memory'?s? (is )?(not (great|good|the best|what it was)|terrible|bad|shocking|"
    r"awful|rubbish|poor)|"
    # Thirty-fifth round (2026-12-07), from the thirty-seventh blind set: "not that
    # I remember but my memory isn't great", "I don't think so... there was a
    # scare years ago", "sometimes it takes a while to start, not every time".
    r"memory (isn'?t|ain'?t) (great|good|the best|what it was)|"
    r"(was|had|there'?s been|been) a (\w+ )?scare"
    r"(?!.{0,40}\b(clear|benign|fine|negative|nothing|ok|okay)\b)|"
    r"not (every time|all the time|always)|"
    # Thirty-seventh round, from the thirty-ninth blind set: "partly, the right
    # foot feels odd but nothing like the left".
    r"^(partly|partially)\b(?! (numb|tingly|weak|dead|lost))|"
    # Thirty-fourth round (2026-12-07), from the thirty-sixth blind set: "I bumped
    # my back on a door frame but I don't think that's it".
    r"(don'?t|dont|do not) think (that'?s|that is|it'?s|it is|that was|it was) "
    r"(it|the cause|why|what did it|what caused it)|"
    # Fortieth round (2026-12-07), from the forty-third blind set: "Mum had
    # something removed in the 80s, she won't tell us what"; a shrug (the
    # emoji, written out by _clean: "\U0001f937 haven't been in the mood").
    r"(won'?t|will not|wouldn'?t|would not|didn'?t|did not|never) tell (me|us) what|"
    # Forty-second round: "Never thought about it. I'd have to pay attention".
    r"never (really )?thought about (it|that)|"
    r"(i'?d|i would|i'?ll|i will) have to (pay attention|keep an eye|watch)|"
    r"shrugs?|"
    # Forty-fifth round (2026-12-07), from the answers read as "no" on the
    # assistant's path: not knowing, not understanding, a twinge, losing more
    # than meant to.
    r"never heard back|(not|haven'?t|have not) heard (back|anything)|"
    r"(don'?t|do not|didn'?t|did not) think (it was|it'?s|that was|they were)|"
    r"never said (it|that) (wasn'?t|was not|isn'?t)|never said (whether|if)|"
    r"my english (is )?(not|isn'?t|no) (so |very |too |that )?good|"
    r"\b(twinge|twinges|twinging)\b|"
    r"(faster|more|quicker) than (i )?(expected|planned|intended|meant|wanted)|"
    r"(i was|i'?d been|i had been|was) (very |really |so |pretty )?(drunk|wasted|"
    r"out of it|unconscious|knocked out)|"
    # Forty-sixth round, from the forty-eighth blind set: a carer who cannot
    # get an answer, an answer both ways.
    r"(get|getting|got) a straight answer|\bdementia\b|"
    r"sometimes (yes|yeah),? sometimes (no|not)|"
    # Forty-third round: "being investigated for it at the mo, no diagnosis yet".
    r"(?<!not )(?<!n.t )(being|getting) (investigated|tested|checked out|looked into)|"
    r"no diagnosis (yet|so far)|"
    # Forty-first round, from the forty-fourth blind set: "not that i know of...
    # theyre doing tests".
    r"(they'?re|theyre|they are|i'?m|im|i am|still) (doing|running|having|waiting on|"
    r"waiting for) (some |more |the )?(tests|scans|biopsies|bloods|results))\b"
)
_NO = re.compile(
    r"^(no+|nope|nah+|na|nay|nae|naw|negative|never|none|nothing|not at all|"
    r"not really|(only|just) (my |the |one )?(right|left|one)( leg| side| one)?|"
    r"i wish( lol| haha)?$|one (leg|side)( only)?( \w+)?$|la la|"
    # "No" in other languages only alone: what follows may describe the
    # symptom ("não sinto nada" is "I feel nothing").
    r"(la|nie|nein|n[aã]o)$|"
    r"(only|just) (down |in )?(the back of )?(my |the )?(right|left) (leg|side)|"
    r"no way|definitely not|absolutely not|certainly not|of course not|"
    r"all good|all fine|fine|normal|all normal|n|"
    r"(it'?s|it is|i'?m|i am|that'?s|all|everything'?s|everything is) "
    r"(fine|ok|okay|good|normal|alright))\b"
)
_NEGATION = re.compile(
    r"\b(no|not|never|none|nothing|neither|nor|nope|nah|dont|cant|wont|didnt|"
    r"doesnt|isnt|arent|wasnt|havent|hasnt|hadnt)\b|\w+n't\b"
)
_STRONG_YES = re.compile(
    r"^(y|ye+s+|yeah+|yea|yep|yup|ya|yah|aye|sure|correct|true|definitely|s[ií]|oui|"
    r"defo|deffo|defs|yh|mhm+|uh huh|i reckon so|reckon so|"
    r"absolutely|certainly|totally|affirmative|indeed|spot on|i think so|think so|"
    r"i believe so|"
    r"unfortunately|sadly|afraid so|i'?m afraid so|i am afraid so)\b"
)
# Agreement idioms whose words would otherwise read as a negation ("why not")
# or as "I'm fine" ("fine by me", "fine, yes", "that's fine, go ahead"); all
# were read as "no" before (found by the benchmark's cross-validation and
# among the training examples of `affirm`, docs/benchmarks.md). Read as yes,
# which errs to safety after a warning-sign question.
_AGREE = re.compile(
    r"^((sure |yes |yeah |ok |okay )?why not|fine by me|fine with me|"
    r"(that'?s |it'?s )?(fine|ok|okay|alright|all right) (yes|yeah|yep)$|"
    r"((that'?s |it'?s )?(fine|ok|okay|alright|all right) )?"
    r"(go ahead|go on)( then| please)?$)"
)
# "Yes" words after a negation that says the opposite: "yes, I don't" is a
# contradiction (read as not sure), "yes, I can't control it" a description.
_CONTRADICTION = re.compile(
    r"^((i )?(don'?t|dont|doesn'?t|haven'?t|havent|hasn'?t|didn'?t|do not|"
    r"have not|did not)( think so| really| at all| reckon| believe so)?$|"
    r"(no|not|nope|nah|never|none|nothing)\b)"
)
# Firm refusals that begin with a word of agreement.
_FIRM_NO = re.compile(
    r"^(definitely|absolutely|certainly|totally|of course) not\b|"
    r"^(i )?(can'?t|cannot) say (that )?i (have|had|do|did|am)$|"
    # Forty-fourth round: "No, can't say I have", "can't say I've noticed
    # anything wrong there, no".
    r"^((no|nope|nah) )?(i )?(can'?t|cannot) say (that )?i('?ve| have)"
    r"( noticed| had| seen)?( anything)?( like that| wrong| different| unusual| odd)?"
    r"( there| with that| down there)?( no| nope)?$"
)
# Double negations that mean yes ("can't say it hasn't", "not that I'd deny").
_DOUBLE_NEGATIVE = re.compile(
    r"\b(can'?t|cannot|won'?t|wouldn'?t) (say|pretend|deny)( that)? (it|i|that|they) "
    r"(hasn'?t|haven'?t|hadn'?t|isn'?t|doesn'?t|didn'?t|wasn'?t|aren'?t)\b|"
    r"\bnot that i'?d deny\b|\b(can'?t|cannot|won'?t) deny( it)?\b|"
    r"\bi'?d be lying if i said no\b|"
    # Thirty-sixth round (2026-12-07), from the thirty-eighth blind set: a "no"
    # taken back at once ("no... actually yes, I've had to rush to the loo").
    # Thirty-eighth round: "no... well yes, honestly there's been trouble".
    r"^(no|nope|nah|not really)\b\W*((actually|wait|sorry|hang on|thinking about "
    r"it),? (yes|yeah|yep|i (have|do|did|am|can'?t))|(ok|okay|well),? "
    r"((actually|honestly|truthfully|to be honest),? )?(yes|yeah|yep))\b|"
    # Thirty-ninth round: "no, oh wait, I can't press the clutch ... so yes".
    r"^(no|nope|nah)\b\W*(oh )?wait\b.{0,80}\bso (yes|yeah|yep)\b|"
    # Forty-ninth round, from the fifty-second blind set: "not really... well, a
    # bit" (a pause, then the "no" made smaller).
    r"^(no|nope|nah|not really) (well|ok|okay|hmm+) (a bit|a little|slightly|"
    r"sometimes|a few times|once or twice|kind of|sort of)\b(?! of\b)"
)
# Words that describe a "yes" and hold a negation: "lost weight, not on purpose".
_NEUTRAL = re.compile(
    r"\b(not on purpose|without trying|not (been )?trying( to)?|not (been )?dieting|"
    r"not deliberately|not intentionally|not just|not only|no diet(ing)?|"
    r"(haven'?t|havent|have not|hasn'?t|has not) been (dieting|trying)|"
    r"(haven'?t|havent|have not|not) changed (anything|a thing|a single thing|"
    r"my diet|what i eat)|"
    r"(don'?t|do not|doesn'?t|does not|no) (know|idea) why|"
    # Eleventh round (2026-12-06): another symptom, not a denial.
    r"no appetite|(lost|losing) (my|her|his) appetite)\b"
)
# A negation that describes the symptom asked about, not its absence: "can't
# feel much when I sit on the toilet seat", "couldn't stop it coming out",
# "not strong like before". Read as yes (found by the third blind set).
_SYMPTOM_NEGATION = re.compile(
    r"\b((can'?t|cant|cannot|can not|couldn'?t|couldnt|could not|unable to|"
    r"(not|haven'?t|havent|hasn'?t|have not|has not) (been )?able to|"
    r"no longer (able to|can)) (really |always |quite |even )?(feel|control|hold|stop|"
    rf"{_TELL_WHEN}|lift|move|walk|"
    r"stand|sense|keep|get (it|an|a) (up|erection)|go|pee|wee|poo|wipe|grip)|"
    r"no (feeling|sensation|control)( (when|in|down|at|around|there|of))|"
    r"no (feeling|sensation)$|"
    r"(isn'?t|is not|wasn'?t|not) (strong|right|normal|working|mine|hers|his|theirs)"
    r"\b(?! (at all )?(any ?more|either) no)|"
    r"(don'?t|dont|doesn'?t|doesnt) (work|feel) (right|normal|the same|like (it|they) "
    r"(did|used to|should))|not like (before|it was|it used to be|normal|usual)|"
    # Fifth round (2026-12-06), from the fourth blind set.
    r"(not|no) (\w+ ){0,2}like (before|it used to|it did|he used to|she used to)|"
    r"not like (him|her|them|me)\b|not as (strong|good|steady|firm) as|"
    r"(no|not|don'?t|doesn'?t) (have|has|got) (any |no )?(power|strength|control)|"
    r"(toes?|foot|feet|leg|legs) (no|not|won'?t|can'?t|doesn'?t|don'?t) "
    r"(lift|move|work|hold)|nothing (comes?|coming|came) out|"
    # Fortieth round: "kind of? I go to pee and nothing comes for ages, then
    # only a trickle".
    r"nothing (comes?|coming|came|happens) for (ages|a while|minutes)|"
    r"(only|just) a trickle|"
    r"(didn'?t|did not|didnt) even (feel|notice|know)|"
    # Forty-seventh round: "caught short with my bowels and not making it".
    r"(not|never|didn'?t|did not|don'?t|do not) (always |quite )?(make|making|made) it"
    r"( to the (toilet|loo|bathroom|lav|lavatory)| in time|$)|"
    r"never (done|had|happened|did) (that|this|it)( before| b4| in)|"
    r"like (it|they) (isn'?t|is not|aren'?t|are not) (my|mine|part of me)|"
    r"(isn'?t|is not) my (own )?skin\b(?! (problem|issue|rash))|"
    # Sixth round (2026-12-06), from the fifth blind set.
    r"(haven'?t|hasn'?t|has not|have not|not|didn'?t|did not) (managed|manage) to|"
    r"(didn'?t|did not) (realise|realize|notice) (i'?d|i had|until|till)|"
    r"never (once )?been like (that|this)|never happened (to me |to him |to her )?"
    r"(before|b4)|(can'?t|cant|cannot) finish|"
    r"(doesn'?t|does not|don'?t|do not) feel like (mine|my own|it'?s mine|part of me)|"
    r"not (her|him|my|them)sel(f|ves)\b|not eating( much| properly)?|"
    # Seventh round (2026-12-06), from the sixth blind set.
    r"(didn'?t|did not) (even )?(feel|realise|realize) (it )?"
    r"(happen|coming|come|till|until)|"
    r"(don'?t|dont|do not|doesn'?t) get the (warning|urge|feeling|signal)|"
    r"it just (comes out|leaks|happens|goes)|"
    r"(can'?t|cant|cannot) get it (started|going)|"
    r"\bdribbl\w*|(not|no) feeling when|sitting on nothing|"
    r"(a lot |much )?less feeling|reduced (feeling|sensation)|"
    r"(haven'?t|have not|hasn'?t|has not|not) got (much|any|a lot of|enough) "
    r"(feeling|sensation|power|strength|control)|"
    r"(haven'?t|hasn'?t|have not|has not) felt the same|"
    # Thirteenth round (2026-12-06), from the fourteenth blind set.
    r"(not|haven'?t|have not|hasn'?t|has not) felt (the |any )?(need|urge) to "
    r"(go|pee|wee|poo)|(isn'?t|is not|isnt) like (me|him|her)\b|"
    r"(have not|haven'?t|has not|hasn'?t|not) passed (any )?(urine|water|wee)|"
    r"\bno urge\b|"
    # Eighth round (2026-12-06), from the seventh and eighth blind sets.
    r"\bfeeling\b.{0,30}\b(has gone|is gone|went away|has disappeared)|"
    r"\bstrain(ing)? to (get|start|pee|wee|go)|get (a wee|it|the wee) started|"
    r"without (knowing|realising|realizing|noticing)|"
    r"(can'?t|cannot|cant) (actually |really |seem to )?get it (out|started|going)|"
    # Seventeenth round (2026-12-06), from the eighteenth blind set.
    r"(don'?t|dont|do not|doesn'?t|doesnt|does not|can'?t|cant|cannot|couldn'?t) "
    r"(really |even |always )?feel (it|when)\b(?!'s| is| has)|"
    r"\b(already|find (my ?self|him ?self|her ?self)|found (my ?self|him ?self|"
    r"her ?self)|finding (my ?self|him ?self|her ?self)) wet\b|"
    r"(can'?t|cannot|cant|couldn'?t|unable to|(haven'?t|have not|hasn'?t|has not|not) "
    r"(been )?able to) (manage|keep|maintain|sustain|get) "
    r"(an |a )?(erection|hard[- ]?on|it up)|"
    # Forty-second round, from the forty-fifth blind set: "tried on Saturday
    # and it just wouldn't happen. First time ever."
    r"\bit (just )?(wouldn'?t|won'?t) happen\b|"
    r"nothing (works|is working|working) (down there|downstairs|down below|any ?more)|"
    # Nineteenth round (2026-12-06), from the twentieth blind set.
    r"(didn'?t|doesn'?t|did not|does not) seem to (know|notice|feel|realise|realize)|"
    r"(cushion|pillow|padding|seat) that (isn'?t|is not|wasn'?t|was not) there|"
    r"(feels?|felt) like (someone|somebody) else'?s|"
    r"(it'?s|its|it is|like) not my (own )?(skin|body|bum|bottom|leg|legs|foot|feet)\b|"
    r"(that'?s|it'?s|this has|that has) never happened\b|"
    r"(not|haven'?t been|hasn'?t been|have not been|has not been|isn'?t|aren'?t) "
    r"working (in the bedroom|down there|downstairs|down below)\b|"
    r"(not|haven'?t|hasn'?t|have not|has not) been (right|normal|the same)\b|"
    r"\berections? (is |are |has |have )?(not|isn'?t|aren'?t|hasn'?t|haven'?t|"
    r"no longer|never) (been )?(coming|happening|working|staying|lasting|there|"
    r"possible)\b|"
    r"\bbut (it|he|she) (is|'?s|has been) (definitely |really |much |a bit |getting )?"
    r"(weaker|worse|numb|dead|gone)\b|"
    # Thirtieth round (2026-12-07), from the thirty-second blind set: "no... hang
    # on, actually yeah, I didn't make it to the loo last night".
    r"(didn'?t|did not|didnt|couldn'?t|could not) make it (to the (loo|toilet|"
    r"bathroom|lav)|in time)\b|"
    # Thirty-first round (2026-12-07), from the thirty-third blind set: "had to
    # run for the loo and didn't make it".
    r"(loo|toilet|bathroom|lav) and (didn'?t|did not|didnt|couldn'?t|could not) "
    r"make it\b|"
    # Thirty-second round (2026-12-07): "went about 14 hours without peeing
    # yesterday and never felt the urge".
    r"never felt the (urge|need)\b|without (peeing|weeing|a wee|a pee) (and|yesterday|"
    r"all day|since)|"
    # Forty-fifth round: "I can't push properly, it's like the muscles down
    # there have stopped working", "when I went I didn't feel it", "nothing
    # would come out for ages", "can't pull my toes up", "it hasn't gone away",
    # "I tried on my own and felt nothing".
    r"(have|has|'ve|'s|just) stopped working|(can'?t|cannot|can not) push\b|"
    r"(don'?t|dont|do not|doesn'?t|doesnt|does not|never) (really |even |always )?"
    rf"know{_WHEN}|"
    r"(didn'?t|did not|didnt) (really |even )?feel (it|when)\b(?!'s| is| has)|"
    r"nothing (would|will|wants to|wanted to|'?d) come out|"
    r"(can'?t|cannot|can not|couldn'?t) pull (my |his |her )?(toes?|foot|feet)|"
    r"(hasn'?t|has not|haven'?t|have not) gone away|(won'?t|will not) go away|"
    r"\b(felt|feel|feeling) nothing\b(?! (unusual|wrong|odd|different|strange|"
    r"abnormal|out of|of the sort|like that|new))|"
    # Thirty-third round (2026-12-07): Spanish "sí, no puedo tener erecciones".
    r"no puedo (tener|sentir|orinar|controlar|aguantar|levantar|caminar)\b|"
    r"no tengo (erecciones|sensaci[oó]n|fuerza|control)\b)"
)
# A "no" said in other words anywhere in the answer: "I've checked and it
# feels completely normal", "all working fine ta", "if anything I've put
# weight on", "Lost weight? I wish" (the sixth blind set).
_NO_ANYWHERE = re.compile(
    r"\b(feels? (completely |totally |perfectly |all )?(normal|fine)|"
    r"all working( fine)?|working fine|present and correct|"
    r"weight'?s the same|same weight|weight is (the )?same|"
    r"put (on )?weight|put weight on|gained weight)\b|\bi wish( lol| haha)?$"
)
# A symptom stated in numbers or in plain words, whatever else the message
# holds: "38.5 this morning", "nearly 2 stone down", "he's got really thin",
# "came off my bike" (found by the fifth blind set).
_SYMPTOM_STATED = re.compile(
    r"\b(3[89]|4[01])[., ]\d\b(?! ?(years|yrs|kg|stone|st|lbs?|foot|ft|cm|weeks))|"
    r"\b(3[89]|4[01]) ?(°|degrees\b)|"
    r"\btemp(erature)? (of |was |is |at )?(3[89]|4[01])\b|\b10[0-4]([.,]\d)? ?(°|f\b)|"
    r"\b\d+([.,]\d)? ?(stone|st|kg|kilos?|lbs?|pounds) (down|lighter|lost|off)\b|"
    r"\b(down|lost) (nearly |almost |about |over )?\d+([.,]\d)? ?"
    r"(stone|st|kg|kilos?|lbs?|pounds)\b|"
    r"\b(got|gone|getting|looks?|looking) (really |very |so )?(thin|skinny|gaunt)\b|"
    r"\blost (a lot of |lots of |loads of |so much |some )?weight\b|"
    r"\blost (loads|lots|a lot|heaps|tons|masses|so much|a ton)\b(?! of (blood|sleep))|"
    # Twenty-sixth round: "I've lost a bit, not been dieting though".
    r"\b(lost|losing|dropped|shed) (a bit|a little|a few|some)\b"
    r"(?! (of )?(feeling|sensation|sleep|blood|movement|strength|power|confidence|"
    r"hope|interest|function|control|mobility|height|hair))"
    r"(?!.{0,60}\b(back on|put (it|some|most) (of it )?back|gained it back|regained))|"
    r"\b(lost|down|dropped|shed) (about |nearly |almost |over |around |roughly )?"
    r"(a|half a|one) stone\b|"
    # Fifteenth round (2026-12-06): "gone down two dress sizes".
    r"\b(gone|went|dropped|down) (down )?(a|one|two|three|\d) (dress |clothes? |"
    r"trouser |jeans? |shirt )?sizes?\b|"
    r"^(about |nearly |almost |over |around |roughly )?(a|half a|one) stone\b"
    r"(?! (heavier|up|on|more))|"
    r"\b(ran|run|crashed|bumped|banged|smashed) into me\b|"
    r"\b(other|good|right|left) leg (feels?|is|gets|goes) (a bit |a little |slightly "
    r"|kind of |sort of )?(funny|odd|weird|strange|tingly|numb|different)\b|"
    # Sixteenth round (2026-12-06), from the seventeenth blind set: "it's new"
    # said of the trouble asked about, a weight given from and to.
    r"\b(it'?s|it is|that'?s|which is) (all |quite |very |fairly |pretty |"
    r"definitely |totally )?(new|brand new|recent)\b(?! (to me|year|job|house|baby))|"
    r"\b(weaker|worse) (and|n|&) (weaker|worse)\b|"
    # Twenty-eighth round (2026-12-06), from the thirtieth blind set: "I have to
    # strain really hard to get anything out", "things haven't worked like they
    # used to", "I've dropped loads".
    r"\bstrain(ing)? (really |so |very )?hard\b|"
    r"\btakes? (ages|forever) to (get|start|go)\b|"
    r"\b(haven'?t|hasn'?t|don'?t|doesn'?t|not) (worked|working|work) (like|the way|as) "
    r"(they|it) used to\b|"
    r"\b(dropped|shed) (loads|lots|a lot|heaps|tons|so much)\b|"
    r"\bthe other (one|leg|side)('s| is| has)? (got |getting |been |having |gone )?"
    r"(pins and needles|tingl\w*|numb\w*|sciatica|the same|it too)\b|"
    r"\bthe (other|right|left)( one| leg| side)? (has |'s )?(now |also )?"
    r"(started|begun|starting) (tingling|to tingle|going numb|to go numb|hurting|"
    r"to hurt)\b|"
    r"\b(poo|wee|pee|it) (just )?(came|comes|coming) out\b|"
    r"\blost control\b|"
    r"\b(had|having) (a |an |another |two |a couple of )?(little |small |slight )?"
    r"accidents? (in (bed|my pants|my sleep|the night)|last night|overnight)\b|"
    r"\b(messes|a mess|accidents?) in (his|her|my|their) (trousers|pants|underwear|"
    r"knickers|pyjamas|bed)\b|"
    r"\b(started|began|came on) (about |around |roughly )?(\d+|a few|two|three|four|"
    r"five|six) (days?|weeks?) ago\b|(^|, |\. )is (all |quite )?new\b|"
    r"\b(dropped|fallen|fell|(gone|went|come|came) down|down) from \d+([.,]\d)? ?"
    r"(kg|kilos?|stone|st|lbs?|pounds)? to \d+([.,]\d)? ?"
    r"(kg|kilos?|stone|st|lbs?|pounds)\b|"
    # Forty-fifth round: new, in other words ("ED the last week or so, never had
    # an issue before", "always had a weak bladder ... but this is different",
    # "a couple of accidents, he's mortified, he never used to").
    r"\bnever had (an? |any )?(issue|problem|trouble)s?( with (it|that|this|them))? "
    r"before( (this|now))?$|"
    r"\bbut (this|it|now it|this time)( is|'s| feels| has been) (totally |completely |"
    r"very |really )?(different|new|worse)\b|"
    r"\bnever used to( be like (this|that))?$|"
    r"\b(had|having) (a couple of|a few|two|three|some|several) accidents\b|"
    r"\b(fell|fallen|slipped|tripped|came off|come off|crashed|arse over tit|"
    r"head over heels)\b|\b(had|took) a (fall|tumble|spill)\b"
)
# Both legs (the both-legs question): "it's in my left and right leg", "not
# just the one, no - both"; not after a plain "no" ("no pain in both legs").
_BOTH = re.compile(
    r"(?<!not )(?<!neither )(?<!never )\bboth( legs| sides| of them| now)?$|"
    r"(?<!not )(?<!neither )(?<!not in )\bboth (legs|sides)\b|"
    r"^both\b(?! (are |is )?(fine|ok|okay|good|normal))|"
    r"\b(left and right|right and left)\b"
)
# Losing weight on purpose: "lost a bit but I've been on slimming world".
_INTENDED = re.compile(
    r"(?<!not )(?<!n't )(?<!not been )(?<!without )(?<!no )\b(on a diet|dieting|"
    r"slimming world|"
    r"weight watchers|trying to lose|on purpose|gastric (sleeve|band|bypass)|bariatric|"
    r"(that|which) was the (plan|idea|goal))\b"
)
# Answers that begin with "no" and go on to describe the symptom: "no
# control at all, had to start wearing pads", "not just the one, no - both".
_NO_THEN_SYMPTOM = re.compile(
    r"^(no|not) (control|power|strength)\b(?! (problems|issues|trouble))"
    # Forty-fourth round: "no, strength's fine, just pain" is a plain no.
    r"(?!'s\b| (is|seems|feels|looks|was|has been|normal|fine|ok|okay|good)\b)|"
    r"^no (feeling|sensation)( at all| down there| there| in| when| during| with|"
    r" since| for|$)|"
    r"^no (thermometer|scales) but\b|"
    # Ninth round (2026-12-06), from the ninth blind set: "no it's not just
    # one leg anymore, it's both".
    # Seventeenth round (2026-12-06): "No, I can't really tell when I need to
    # go anymore" (the "no" answers something else).
    r"^(no|nope|nah)\W+(i |he |she )?(can'?t|cannot|cant|couldn'?t|don'?t|doesn'?t) "
    r"(really |always |even )?(feel (it|when|anything|much|the need|the urge|a thing)|"
    rf"{_TELL_WHEN}|control (it|my|his|her)|hold (it|on)|sense)\b"
    r"(?! (any|anything|much of a|a) ?(numbness|tingling|pins|difference|change|"
    r"different|wrong|odd|strange|unusual|ill|unwell|sick|bad|hot))(?!'s| is\b)"
    r"(?! (different|wrong|odd|strange|unusual|ill|unwell|sick|bad|hot)\b)|"
    r"^((no|nope|nah)\W+)?(it'?s |its |it is )?not (just|only) (the |my )?"
    r"(one|left|right)( leg| side| one)?\b|"
    # "aye, nothing's working down there" (twenty-eighth round).
    r"^nothing('?s| is) working\b|"
    # Forty-seventh round, from the forty-ninth blind set: a "no" taken back,
    # "No, just the left... wait, no, the right one has started tingling too".
    r"\b(wait|hang on|hold on|scratch that|on second thoughts?)\W+(no\W+|actually\W+)?"
    r"((the )?(other|right|left) (one|leg|side)\b.{0,40}\b(too|as well|also)\b|"
    r"(yes|yeah|yep|yup)\b|(it has|it is|i have|i do)(?=\W*$|[.!,;]))"
)
# A symptom described without yes or no: "sitting on the toilet feels
# strange", "inner thighs feel kind of dead".
_DESCRIBED = re.compile(
    r"\bfeels? (so |really |very |a bit |kind of |kinda |sort of )?"
    r"(strange|weird|odd|funny|different|numb|dead|tingly)\b|"
    # Seventeenth round (2026-12-06): "it's definitely numb".
    r"(\b(it'?s|it is|is|are|gone|going|went|been)|\w's) (so |really |very |a bit |"
    r"kind of |kinda |sort of |definitely |totally |completely |quite |all )?"
    r"(numb|dead|tingly)\b|"
    # "tingly round my private parts" (twenty-third round).
    r"\b(tingly|tingling|pins and needles|numb|numbness)\b (round|around|in|on|down) "
    r"(my|his|her|the) (private|inner|bottom|bum|groin|genitals|thighs|back passage)|"
    # Twenty-sixth round (2026-12-06), from the twenty-eighth blind set: "I've
    # lost feeling, it's all sort of muffled".
    r"(?<!by )(?<!about )\b(lost|losing) (all |the |some |most |a lot of |"
    r"a bit of |a little |a little bit of )?(feeling|sensation)\b"
)
# A history the person is over: "not any more, I was given the all clear".
_HISTORY = re.compile(r"\b(all clear|in remission|cancer[- ]free)\b")
# A minimised "yes": "nothing major, just missed the last step".
_MINIMISED = re.compile(
    r"^(nothing|not) (too |that |very )?(major|serious|big|much|bad)\b.{0,12}"
    r"\b(just|but|only|apart from|except)\b"
)
# Hedges that belong to a description after a plain yes ("i think so, inner
# thighs feel kind of dead"), not to the answer.
_HEDGE = re.compile(
    r"\b(kind of|kinda|sort of|on and off|comes and goes|come and go|now and then|"
    # Forty-sixth round: "yes, wasn't trying, maybe 3kg" (a rough amount).
    r"maybe (about |around )?(\d+([.,]\d)? ?(kg|kilos?|lbs?|pounds|stone|st)?|a few|"
    r"a couple)|"
    r"not sure why|no idea why|maybe more|or more|if not more|maybe less|"
    r"not (every time|all the time|always))\b"
)
# A yes after a denial of something else: "no cough or anything but yes I've
# been burning up", "a bit, but I haven't been eating much".
_YES_AFTER_BUT = re.compile(
    r"\bbut (yes|yeah|yep|yup)\b|^(a bit|a little|slightly|somewhat)\b(?! not)|"
    # Thirty-eighth round: "only a little leaking, probably nothing" (not "only a
    # bit bunged up from the codeine, but I can feel everything").
    r"^(only|just) (a bit|a little|slightly|somewhat)\b(?! not)"
    r"(?![^,.]{0,30}\bfrom (the|my) )"
)
# A question back about the symptom ("I've not been for 2 days but is that a
# problem?", "I haven't noticed, would I know?"): what would be read as "no"
# is read as not sure, unless the answer begins with a plain "no" ("No.
# Should I be worried?"). Fourteenth round, from the fifteenth blind set;
# read on the message before punctuation is removed.
_ASKS_BACK = re.compile(
    r"\b(is|would|does|should|could|can|will|do|am|are|was|did) "
    r"(that|it|this|i|they|he|she|there)\b[^.!?]{0,60}\?|"
    # "Is wind a problem?" (seventeenth round).
    r"\b(is|are|does|do|would|could) (\w+ ){1,2}(a problem|normal|ok|okay|serious|"
    r"bad|a concern|relevant|related|important|count|matter)\b[^.!?]{0,40}\?"
)
# No such trouble before, and now there is: "never had any issues before but
# this week nothing works and I cant feel much"; or "no" to one part and the
# trouble after "but".
_BEFORE_BUT = re.compile(
    r"\b(never|not|no|didn'?t|haven'?t|hadn'?t)\b.{0,40}\bbefore( now| this)? but\b|"
    # "No" to one part, then the trouble: "no leaking but I can't seem to get
    # it started" (sixteenth round, from the seventeenth blind set).
    r"^(no|nope|nah|not)\b(?! (really |quite |too |that |100% )?(sure|certain))"
    r".{0,40}?\bbut\b|"
    # Twenty-seventh round (2026-12-06), from the twenty-ninth blind set: a
    # "no" taken back ("no, just the one... well, the other one's got pins and
    # needles in the toes as well").
    r"^(no|nope|nah)\b.{0,30}?\b(well|actually|wait|hang on)\b|"
    # Fortieth round: "just one... no, actually the right has started tingling
    # too since last night".
    r"^(just|only) (the )?one (no|nope|nah) (well|actually|wait|hang on)\b"
)
# A "yes" said last: "bit of a fever yeah", "now that you ask, yes".
_YES_LAST = re.compile(r"\b(yes|yeah|yep|yup|ya|aye)$")
# A plain "yes" anywhere, with no plain "no": "mum says yes, she didn't make
# it to the toilet", "he has, yes, he wet the bed which he never does".
_YES_WORD = re.compile(r"\b(yes+|yeah|yep|yup|aye)\b")
_NO_WORD = re.compile(r"\b(no|nope|nah|naw|nae)\b")
_WEAK_YES = re.compile(
    r"^(i do|i have|i did|it has|it does|it did|a bit|a little|slightly|"
    r"sometimes|once|twice|a few times|i'?ve had|i have had|i'?ve got|"
    r"i have got|i get|i got|got|had)\b"
)

# Forty-fourth round (2026-12-07), from the "no" answers of the blind sets
# that were read as "yes": needless warnings. Each reads "no" only in words
# that leave no symptom of the person's own now.
#
# "Yes" followed by all being well ("Yes I'm fine, no issues with that", "yep
# all working normally thanks", "yes just the right side"): a contradiction,
# so asked again, never read as "no".
_FINE_AFTER_YES = re.compile(
    r"^(thanks |thank you )?(i'?m |im |it'?s |its |that'?s |all |everything'?s |"
    r"everything is |everything |it all |it |all is )?(all |completely |totally |"
    r"perfectly )?(fine|normal|ok|okay|good|alright|working (fine|normally|normal|"
    r"ok|okay|well))\b|"
    r"^(just|only) (the |my )?(right|left|one)( leg| side| one)?\b"
)
_FINE_THEN_YES = re.compile(
    r"^(it'?s |everything'?s |everything is |all |i'?m )?(all )?"
    r"(fine|normal|good|ok|okay)( thanks)? (yeah|yes|yep)$"
)
# A double negation concluded in plain words: "Can't say it isn't normal,
# because it is. So no."
_SO_NO = re.compile(r"\bso (no|nope|nah)$")
# Forty-fifth round: a tag question that confirms ("I have, haven't I..."), and
# a "no" to something else before the trouble ("no, the interest is still
# there, the problem is I can't feel anything").
_CONFIRMED = re.compile(
    r"^(i|he|she) (have|has|do|does|did|am|is|was) (haven'?t|hasn'?t|don'?t|doesn'?t|"
    r"didn'?t|aren'?t|ain'?t|isn'?t|wasn'?t) (i|he|she)\b|"
    r"\bthe (problem|issue|trouble|thing) is (that )?(i|he|she) (can'?t|cannot|can not|"
    r"couldn'?t|don'?t|doesn'?t|have no|has no)\b"
)
# A question back about the question ("What do you mean by not feeling it?
# Like numb?"): not an answer, so the question is put again in plainer words.
_CLARIFY = re.compile(r"^(sorry )?what (do|does|did) (you|that|it|they) mean\b")
# After "no ... but": feeling ill in oneself ("no fever but I feel absolutely
# awful in myself, can barely get up").
_UNWELL = re.compile(
    r"\bfeel(s|ing)? (absolutely |really |so |very |just |properly )?(awful|terrible|"
    r"dreadful|rough|rotten|horrendous|like death|unwell|ill|poorly|shivery|clammy)\b|"
    r"\b(can|could) (barely|hardly) (get up|move|stand|walk|get out of bed)\b"
)
# An inability denied, then said to be normal: "it's not like I can't go, I go
# fine", "It's not like I can't control it. No problems there."
_INABILITY_DENIED = re.compile(
    r"^((it'?s|its|it is) )?not (like|that|as if) (i|he|she) (can'?t|cannot|can not)\b|"
    r"^(i )?(wouldn'?t|would not) say (i|he|she) (can'?t|cannot|can not)\b"
)
_NORMAL_STATED = re.compile(r"\b(fine|normal|no problems?|no issues?|no trouble)\b")
_NOT_QUITE = re.compile(
    r"\b(but|just|only|less|reduced|(isn'?t|not|is not) (normal|fine|right)|weird|odd|"
    r"strange|numb|tingl\w*|dead)\b"
)
# A fall long ago that the person says has nothing to do with this pain: "I
# did fall years ago but this pain is new, started on its own a month ago".
_OLD_FALL_UNRELATED = re.compile(
    r"\b(fell|fall|fallen|accident|crash)\b.{0,40}\b((\d+|a few|few|two|three|four|"
    r"five|many|several|some) years? ago|years ago|ages ago|last year|in (19|20)\d\d|"
    r"as a (kid|child|teenager|teen|boy|girl)|when i was (young|younger|a kid|little|"
    r"\d+))\b.{0,10}\bbut\b(?!.*\b(fell|fall|fallen|accident|crash|again)\b)"
    r".{0,80}\b(unrelated|out of (nowhere|the blue)|on (its|it'?s) own|by itself|"
    r"(totally |completely |brand )?new|months later)\b"
)
# An everyday illness that is over: "had a cold last month but fine now".
_ILLNESS_OVER = re.compile(
    r"^(i )?(had|got) (a |the |my )?(cold|flu|bug|tummy bug|stomach bug|virus|covid|"
    r"chest infection|water infection|uti|sore throat|cough)\b.{0,40}\bbut\b"
    r".{0,20}\b(fine now|long gone|gone now|(that'?s |it'?s |its |all )?"
    r"(over|cleared( up)?|better|gone)( now)?|(i'?m|im) (fine|ok|okay|well|better) now|"
    r"nothing since)"
    r"( (i'?m|im) (fine|ok|okay|well))?( thanks| tbh| lol)?$"
)
# A lump or a test that was not cancer: "had a scare in 2019 but the biopsy
# was benign" (never when cancer is named: "I had cancer and the last scan
# was clear" is a "yes" to "have you ever had cancer").
_NOT_CANCER = re.compile(
    r"\b(it|biopsy|lump|cyst|mole|polyp|results?|scan|test) (was|were|came back|"
    r"turned out( to be)?) (benign|clear|negative|nothing|not cancer(ous)?)"
    r"( thankfully| luckily| phew)?$"
)
_CANCER_NAMED = re.compile(
    r"\b(cancer\w*|tumou?rs?|chemo\w*|radio\w*|lymphoma|leuk\w*|melanoma|carcinoma|"
    r"malignan\w*|oncolog\w*|remission|mastectomy|big c|sarcoma|myeloma)\b"
)
# Long-standing and unchanged, with no symptom word: "I've had IBS for 10
# years, same as ever", "I get up twice a night to wee but that's been the
# case for years".
_UNCHANGED = re.compile(
    r"\b((exactly |just |much )?(the )?same as (ever|always|usual)|"
    r"(that'?s|it'?s|its|has) (been )?the case for "
    r"(years|ages|as long as i can remember)|"
    r"(that'?s|it'?s|its) (always )?(normal|usual) for me|i always have)$"
)
_SYMPTOM_WORD = re.compile(
    r"\b(numb\w*|tingl\w*|pins and needles|leak\w*|wet|accidents?|weak\w*|dead|"
    r"feeling|sensation|can'?t|cannot|fever|temperature|temp|sweat\w*|shiver\w*|"
    r"lost|losing|fell|fall|cancer|both|but|except|apart|besides|now|new|worse|"
    r"eat\w*|appetite|diet|food|pounds|lbs|kg|kilos|stone|clothes|belt|thin|"
    r"lighter|dropped|hanging)\b"
)


def read_yes_no(
    text: str | None, intent: str | None = None, confidence: float = 0.0
) -> str | None:
    """Reads a short answer as ``yes``, ``no`` or ``unsure``.

    Args:
        text: The message as typed (a button payload such as ``/affirm`` too).
        intent: The classifier's intent name, used when the rules do not know
            the phrasing.
        confidence: The classifier's confidence in ``intent``.

    Returns:
        ``"yes"``, ``"no"``, ``"unsure"``, or ``None`` when the message is not
        an answer to the question.
    """
    cleaned = _clean(text or "")
    if cleaned.startswith("/"):
        return _INTENT_ANSWERS.get(cleaned[1:].split("{")[0].strip())
    reading = _read_rules(cleaned)
    if (
        reading == NO
        and not _NO.search(cleaned)
        and _ASKS_BACK.search((text or "").lower())
    ):
        return UNSURE
    if reading is not None:
        return reading
    if intent in _INTENT_ANSWERS and confidence >= _INTENT_CONFIDENCE:
        return _INTENT_ANSWERS[intent]
    return None


def _read_rules(cleaned: str) -> str | None:
    """The rules' reading of a cleaned answer, or None when they do not know it."""
    if cleaned and not _CLARIFY.search(cleaned):
        if _DOUBLE_NEGATIVE.search(cleaned):
            return NO if _SO_NO.search(cleaned) else YES
        if _FIRM_NO.search(cleaned):
            return NO
        if not _YES_WORD.search(cleaned) and _said_over(cleaned):
            return NO
        if (
            _MINIMISED.search(cleaned)
            or _YES_AFTER_BUT.search(cleaned)
            or _NO_THEN_SYMPTOM.search(cleaned)
            or _CONFIRMED.search(cleaned)
        ):
            return YES
        before_but = _BEFORE_BUT.search(cleaned)
        if before_but:
            rest = cleaned[before_but.end() :]
            if (
                _SYMPTOM_NEGATION.search(rest)
                or _stated(rest)
                or _DESCRIBED.search(rest)
                or _UNWELL.search(rest)
            ):
                return YES
        strong = _STRONG_YES.search(cleaned)
        described = strong or _SYMPTOM_NEGATION.search(cleaned)
        hedged = described and _UNSURE.search(_HEDGE.sub(" ", cleaned)) is None
        if _UNSURE.search(cleaned) and not hedged:
            return UNSURE
        if _BOTH.search(cleaned) and not _NO.search(cleaned):
            return YES
        if _HISTORY.search(cleaned) or _AGREE.search(cleaned):
            return YES
        negated = bool(_NEGATION.search(_NEUTRAL.sub(" ", cleaned)))
        if _DESCRIBED.search(cleaned) and not negated and not _NO.search(cleaned):
            return YES
        if strong:
            rest = _NEUTRAL.sub(" ", cleaned[strong.end() :]).strip()
            symptom = _NO_THEN_SYMPTOM.search(rest) or _SYMPTOM_NEGATION.search(rest)
            contradicted = _CONTRADICTION.search(rest) or (
                _FINE_AFTER_YES.search(rest) and not re.search(r"\bbut\b", rest)
            )
            return UNSURE if contradicted and not symptom else YES
        if _FINE_THEN_YES.search(cleaned):
            return UNSURE
        if _YES_WORD.search(cleaned) and not _NO_WORD.search(cleaned):
            return YES
        if _INTENDED.search(cleaned) and not _NEUTRAL.search(cleaned):
            return NO
        if not _NO.search(cleaned) and (
            _SYMPTOM_NEGATION.search(cleaned) or _stated(cleaned)
        ):
            return YES
        if _NO_ANYWHERE.search(cleaned) and not negated:
            return NO
        if _NO.search(cleaned) or negated:
            return NO
        if _WEAK_YES.search(cleaned) or _YES_LAST.search(cleaned):
            return YES
    return None


def _said_over(cleaned: str) -> bool:
    """Whether the answer says the trouble is not the person's own now.

    An old fall unrelated to this pain, an everyday illness that is over, a
    lump that was not cancer, an inability denied and said to be normal, or
    something long-standing and unchanged (with no symptom named).
    """
    if _OLD_FALL_UNRELATED.search(cleaned) or _ILLNESS_OVER.search(cleaned):
        return True
    if _NOT_CANCER.search(cleaned) and not _CANCER_NAMED.search(cleaned):
        return True
    if (
        _INABILITY_DENIED.search(cleaned)
        and _NORMAL_STATED.search(cleaned)
        and not _NOT_QUITE.search(cleaned)
    ):
        return True
    unchanged = _UNCHANGED.search(cleaned)
    return bool(unchanged) and not _SYMPTOM_WORD.search(cleaned[: unchanged.start()])


def _stated(cleaned: str) -> bool:
    """Whether a symptom is stated in plain words and not negated just before.

    "Mum had a fall on Sunday" is; "I haven't lost weight" is not.
    """
    match = _SYMPTOM_STATED.search(cleaned)
    if match is None:
        return False
    before = cleaned[: match.start()].split()[-3:]
    return not any(_NEGATION.fullmatch(word) for word in before)


def _clean(text: str) -> str:
    text = text.lower().replace("\u2019", "'").strip()
    text = text.replace("\U0001f937", " shrug ").replace("shure", "sure")
    # Text-speak (fifty-second round): "not rly sure", "mayb? cant rly tell".
    text = re.sub(r"\brly\b", "really", text)
    text = re.sub(r"\bmayb\b", "maybe", text)
    # Speech to text (fiftieth round): "im not shore" is "I'm not sure".
    text = re.sub(r"\b(not|im|i'?m|am|real|too|quite) shore\b", r"\1 sure", text)
    # An ellipsis typed as one character ("Not really\u2026 well") is a pause too.
    text = re.sub(r"[!.,;:?\"()*~\u2026]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    # Leading fillers: "erm yeah... no feeling during sex" reads as "yeah ...".
    text = re.sub(r"^((erm+|um+|uh+|hmm+|er|well) )+", "", text)
    # "Yeah nah" is "no" (forty-fourth round); "yeah no" only before words of
    # all being well ("yeah no, it's fine"): "yeah, no feeling" is a "yes".
    text = re.sub(r"^(yeah|yea|yeh|yep|ya) (nah|naw)\b", r"\2", text)
    return re.sub(
        r"^(yeah|yea|yeh) (no)\b(?= (it'?s|its|that'?s|all|everything|nothing|none|"
        r"fine|good|normal)\b)",
        r"\2",
        text,
    )
