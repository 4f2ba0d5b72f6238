"""English verbs whose past forms are not their lemma with "-ed": "shot" is "shoot", "struck"
"strike". The conflict finder reads a claim's predicate as a stem of its lemma ("shoot") and
looks for the verb in the statement's words (link/frames.py); a past form written otherwise is
found through this table. General English morphology, not words of any one story.
"""

from __future__ import annotations

_FORMS = """
arise arose arisen|awake awoke awoken|bear bore borne born|beat beat beaten|become became|begin began begun|bend bent|
bind bound|bite bit bitten|bleed bled|blow blew blown|break broke broken|bring brought|build built|burn burnt|buy bought|
catch caught|choose chose chosen|cling clung|come came|creep crept|deal dealt|dig dug|dive dove|do did done|draw drew drawn|
drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|feed fed|feel felt|fight fought|find found|flee fled|
fling flung|fly flew flown|forbid forbade forbidden|forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|
get got gotten|give gave given|go went gone|grind ground|grow grew grown|hang hung|have had|hear heard|hide hid hidden|
hold held|keep kept|know knew known|lay laid|lead led|leave left|lend lent|lie lay lain|light lit|lose lost|make made|
mean meant|meet met|overcome overcame|overtake overtook overtaken|overthrow overthrew overthrown|pay paid|ride rode ridden|
ring rang rung|rise rose risen|run ran|say said|see saw seen|seek sought|sell sold|send sent|shake shook shaken|
shoot shot|shrink shrank shrunk|sing sang sung|sink sank sunk|sit sat|slay slew slain|sleep slept|slide slid|
speak spoke spoken|spend spent|spin spun|spring sprang sprung|stand stood|steal stole stolen|stick stuck|sting stung|
strike struck stricken|strive strove striven|swear swore sworn|sweep swept|swim swam swum|swing swung|take took taken|
teach taught|tear tore torn|tell told|think thought|throw threw thrown|tread trod trodden|undergo underwent undergone|
understand understood|undertake undertook undertaken|uphold upheld|wake woke woken|wear wore worn|weep wept|win won|
withdraw withdrew withdrawn|withhold withheld|wring wrung|write wrote written
"""

# Written form -> lemma, for the forms above that are not the lemma itself.
IRREGULAR_PAST = {
    form: words.split()[0]
    for words in _FORMS.replace("\n", "").split("|")
    for form in words.split()[1:]
}
