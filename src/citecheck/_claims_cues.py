"""The cues that make a sentence an appeal to research, and the ones that unmake it.

Three kinds of cue, strongest first:

- **named study**: a particular study, trial, meta-analysis, journal, institution or
  research team is singled out as the source ("a 2019 meta-analysis ... found", "A study
  published in the American Journal of Psychiatry", "researchers at Yale");
- **precise figure**: a number stated as a result ("a 30% increase", "around 19 days",
  "one-third of patients", "up to 2 weeks");
- **generic appeal**: research invoked without a source ("studies show", "research
  suggests", "evidence indicates", "it has been shown", "has been linked to").

A sentence is not a claim when it is the article's own voice rather than a report of
research: a recommendation ("we recommend", "should", an imperative), an opinion ("I
think"), or the article's own work ("we found", "Figure 2", a Methods or Results
section). A figure is not a finding when it describes a protocol or a schedule
("every 4-8 weeks", "monitored for 1-2 hours", "aim for 150 minutes").

All patterns are bounded (no nested unbounded repetition), so each sentence is
scanned in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

ClaimKind = Literal["named-study", "precise-figure", "generic-appeal"]
KINDS: tuple[ClaimKind, ...] = ("named-study", "precise-figure", "generic-appeal")


@dataclass(frozen=True, slots=True)
class Cue:
    kind: ClaimKind
    start: int
    """Offset within the sentence."""
    end: int
    text: str
    impersonal: bool = False
    """An appeal that holds even in a "we" sentence ("it has been shown")."""


# --------------------------------------------------------------------------- named study

_STUDY_NOUN = (
    r"(?:study|trial|meta-?analysis|systematic\s+review|review|survey|report|paper|"
    r"experiment|investigation|cohort\s+study|clinical\s+trial|poll)"
)
_STUDY_ADJ = (
    r"(?:recent|new|large|larger|small|landmark|major|groundbreaking|pivotal|seminal|famous|"
    r"published|pilot|randomi[sz]ed|controlled|clinical|double-blind(?:ed)?|placebo-controlled|"
    r"longitudinal|prospective|retrospective|observational|national|international|"
    r"multi-?cent(?:er|re)|follow-up|separate|similar|earlier|previous|recent|"
    r"(?:19|20)\d\d|[A-Z][\w'’\-]{1,30}|\d[\d,]*-(?:patient|person|participant|subject))"
)
_REPORTING = (
    r"(?:found|finds|find|showed|shows|shown|demonstrated|demonstrates|reported|reports|noted|"
    r"notes|observed|observes|discovered|revealed|reveals|concluded|concludes|suggested|"
    r"suggests|indicated|indicates|confirmed|confirms|estimated|estimates|linked|tied|"
    r"involving|conducted|done|carried\s+out|led\s+by|followed|tracked|"
    r"examined|looked\s+at|compared|tested|of\s+\d|with\s+\d|including\s+\d|on\s+\d)"
)
_NAMED: tuple[re.Pattern[str], ...] = (
    # "a 2019 meta-analysis ... found", "one randomized trial involving 200 patients"
    re.compile(
        rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he\s+(?:19|20)\d\d)\s+(?:{_STUDY_ADJ}\s+){{0,4}}"
        rf"{_STUDY_NOUN}\b[^.;!?]{{0,120}}?\b{_REPORTING}\b"
    ),
    # "a 2019 meta-analysis" alone names a study by its year
    re.compile(rf"\b(?:[Aa]n?|[Tt]he)\s+(?:19|20)\d\d\s+(?:{_STUDY_ADJ}\s+){{0,2}}{_STUDY_NOUN}\b"),
    # "published in the American Journal of Psychiatry", "appearing in The Lancet"
    re.compile(
        r"\b(?:published|appearing|appeared|reported|presented)\s+in\s+(?:the\s+)?(?:journal\s+)?"
        r"(?:[A-Z][\w&'’\-]*\s+(?:(?:of|in|and|for|on|&)\s+)?){0,7}[A-Z][\w&'’\-]*"
    ),
    # "researchers at Yale", "scientists from the University of Oxford", "a team at Stanford"
    re.compile(
        r"\b(?i:researchers|scientists|investigators|neuroscientists|psychiatrists|doctors|"
        r"physicians|experts|a\s+team|a\s+group)\s+"
        r"(?:at|from|of|with)\s+(?:the\s+)?(?![Tt]he\b)[A-Z][\w'’\-]+(?:\s+(?:of\s+)?[A-Z][\w'’\-]+){0,5}"
    ),
    # "a Harvard study", "the Mayo Clinic report"
    re.compile(
        r"\b(?:[Aa]n?|[Tt]he)\s+(?:[A-Z][\w'’\-]+\s+){1,4}(?:University|Institute|Clinic|Hospital|"
        r"School|College|Center|Centre|Foundation)\s+(?:study|trial|report|survey|researchers|team)\b"
    ),
    # "according to a 2018 report", "according to the World Health Organization"
    re.compile(
        rf"\b[Aa]ccording\s+to\s+(?:(?:a|an|one|the)\s+(?:{_STUDY_ADJ}\s+){{0,3}}{_STUDY_NOUN}\b|"
        r"(?:the\s+)?(?:[A-Z][\w'’\-]+\s+(?:(?:of|for|on|and|&)\s+)?){0,6}[A-Z][\w'’\-]+)"
    ),
)
# A verb of another clause between the study and its "reporting" word: "the value of a
# systematic review depends on what was done" is not a study reporting anything.
_CLAUSE_BREAK = re.compile(
    r"\b(?:is|are|was|were|depends?|has|have|had|will|would|can|could|may|might|should|must)\b"
    r"(?=[^.;!?]*$)",
    re.IGNORECASE,
)
_METHOD_AFTER = re.compile(
    r"['’]?s?\s*(?:method|technique|protocol|procedure|criteria|guidelines?|instructions|scale|"
    r"classification|formula|equation|model|recommendations|standards?|definition|system)\b",
    re.IGNORECASE,
)
# Capitalised words after "published in" / "according to" that are not names of venues.
_NOT_NAMES = frozenset(
    "The This That These Those It Its In On At A An Our We Their Figure Fig Table "
    "January February March April May June July August September October November December "
    "Studies Research Evidence Experts Data".split()
)

# --------------------------------------------------------------------------- precise figure

_NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|ninety|hundred)"
)
_NUMBER = rf"(?:\d+(?:[.,]\d+)?|{_NUMBER_WORDS})"
_RANGE = rf"{_NUMBER}(?:\s*(?:-|–|—|to|or|and)\s*{_NUMBER})?"
_UNIT = r"(?:minutes?|hours?|hrs?|days?|weeks?|months?|years?)"
_FIGURES: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s?(?:%|percent\b|per\s?cent\b)"),
    re.compile(rf"(?<![\w.]){_RANGE}(?:\s+|-){_UNIT}\b", re.IGNORECASE),
    re.compile(
        r"\b(?:one|two|three)[-\s](?:thirds?|quarters?|fifths?|halves)\b|"
        r"\b(?:half|a\s+third|a\s+quarter|a\s+fifth|the\s+majority)\s+of\s+(?:all\s+|the\s+)?"
        r"(?:patients|people|participants|subjects|adults|children|individuals|cases|users|"
        r"those|women|men|respondents|[a-z]{3,20}(?:ers|ents|ants|ees|holds|ians|ists|ies))\b|"
        r"\b(?:one|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d+|two|three|four|five|six|seven|"
        r"eight|nine|ten|twenty|a\s+hundred)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?<![\w.])\d+(?:\.\d+)?[-\s]?fold\b|\b(?:two|three|four|five|ten)[-\s]fold\b|"
        r"(?<![\w.])\d+(?:\.\d+)?\s?times\s+(?:more|less|higher|lower|greater|as)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?<![\w.])\d[\d,]*\s+(?:patients|participants|subjects|people|adults|children|"
        r"individuals|volunteers|women|men|veterans|respondents)\b",
        re.IGNORECASE,
    ),
    # A count in millions: "12.1 million renter households", "3.6 million cases" (not
    # money: "$2 million", "£1.2 billion").
    # Nor a machine's units of work: "40 million read pairs", "100 million parameters".
    re.compile(
        r"(?<![\w.$£€¥,–-])(?<![$£€¥]\d)(?<![$£€¥]\d\d)\d+(?:\.\d+)?\s+(?:million|billion)\b"
        r"(?!\s+(?:\w+\s+)?(?:reads?|pairs|bases|bp|parameters|tokens|samples|rows|records|"
        r"pixels|words|iterations|steps|operations|instructions|cycles|bytes|images|queries)\b)",
        re.IGNORECASE,
    ),
)
# Words right before a figure that make it a schedule, a limit or a dose, not a result.
_SCHEDULE_BEFORE = re.compile(
    r"(?:\bevery|\bper|\beach|\bbeyond|\bover\s+the\s+(?:past|last|next)|\bin\s+the\s+(?:past|last|next)|"
    r"\bfor\s+the\s+(?:past|last|next)|\bsince|\baged?|\bages|\bfirst|\blast|\bnext|\bonce|\btwice|"
    # "most of the past fifty years": a stretch of time, not a measured result.
    r"\bpast|\bprevious|\bcoming|"
    r"\binfusions?\s+over|\bsessions?\s+over|\bdoses?\s+over|\bover|\bat\s+least|\bminimum\s+of|"
    r"\bmaximum\s+of|>|<|≥|≤)\s*(?:of\s+)?(?:the\s+)?(?:about\s+|approximately\s+|around\s+)?$",
    re.IGNORECASE,
)
_SCHEDULE_WORDS = re.compile(
    r"\b(?:monitored|administered|infused|injected|incubated|dosed|prescribed|scheduled|"
    r"involves?|includes?|receive[sd]?|given|aim|aims|recommended|mg|ml|kg|dose|doses|dosage|"
    r"booster|appointments?|visits?|treatment\s+plan|course\s+of)\b",
    re.IGNORECASE,
)
_ADJECTIVE_UNIT = re.compile(r"-(?:minute|hour|day|week|month|year)$", re.IGNORECASE)
# A span of time or an age after a verb of the study's own procedure is its schedule:
# "Pupils wore actigraphs for two weeks", "completed sleep diaries for three weeks",
# "Children were assessed at 24 and 30 months".
_TIME_SPAN = re.compile(r"(?:minutes?|hours?|days?|weeks?|months?|years?)$", re.IGNORECASE)
_PROCEDURE_BEFORE = re.compile(
    r"\b(?:wore|worn|wearing|completed|kept|assessed|measured|recorded|followed|observed|"
    r"tested|examined|interviewed|surveyed|tracked|sampled|scanned|seen|trained|housed|exposed|"
    # A person's own years: "Kerry has worked nights on a medical ward for twelve years".
    r"worked|lived|served|practised|practiced|taught|volunteered)"
    r"\b[^.;]*\b(?:for|at|after|over)\s+[^.;]*$",
    re.IGNORECASE,
)
# After a percentage: the level of an interval, not a result ("95% CI 17.2 to 19.3").
_INTERVAL_AFTER = re.compile(r"\s*(?:CI|CrI|UI|PI|confidence|credib|uncertainty|prediction)", re.I)
# An age ("adults (16 years and over)", "children under 5 years", "12 years of age") or
# a threshold of age, not a measured span.
_AGE_AFTER = re.compile(
    r"\s*(?:(?:and|or)\s+(?:over|older|above|under|younger|below)\b|of\s+age\b|old\b|"
    r"-old\b|\+|of\s+(?:pregnancy|gestation)\b)",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(r"\b(?:under|below|younger\s+than|older\s+than)\s*$", re.IGNORECASE)
_AGE_UNIT = re.compile(r"(?:years?|months?|weeks?)$", re.IGNORECASE)
# A span of time in a sentence that speaks to the reader or of what will be done is
# the document's own schedule or advice: "The test takes about 30 to 45 minutes",
# "talk to your GP if ... for three months", "Your GP will check ... three months
# after you start", "Everyone will do a 6-minute walk test".  (A share is a claim
# still: "you have a 30% higher risk".)
_SPAN_ADVICE = re.compile(
    r"\b(?:you|your|yours|yourself|will|won['’]t|takes?\s+(?:about|around|up\s+to|roughly))\b",
    re.IGNORECASE,
)
# ... unless the span is how long an effect lasted: "the results from one infusion last
# at least two weeks!" stays a claim, "you" or not.
_LASTED = re.compile(r"\b(?:last|lasts|lasted|lasting|persist\w*|remain\w*)\b", re.IGNORECASE)
# A figure a document sets itself as a goal: "The target is 95% compliance", "(target 90%)".
_TARGET_BEFORE = re.compile(
    r"\b(?:targets?|goals?|standards?|thresholds?|benchmarks?|cut-?offs?|aims?\s+(?:for|at)|"
    # A share of a course's marks: "The essay is worth 40 per cent of the module mark".
    r"worth)\b"
    r"[^.;:\d]{0,20}$",
    re.IGNORECASE,
)
# Time elapsed since an event: "sixty years since the publication of", "ten years ago".
_ELAPSED_AFTER = re.compile(r"\s+(?:since|ago)\b", re.IGNORECASE)
# A span the document gives as its own instruction: "(28 days) is given after surgery",
# "at 2 and 6 months is recommended".
_SCHEDULE_AFTER = re.compile(
    r"[)\]]?\s*(?:is|are)\s+(?:then\s+|usually\s+|normally\s+)?(?:given|offered|prescribed|"
    r"administered|continued|recommended|advised|required|arranged|repeated|scheduled)\b",
    re.IGNORECASE,
)
# A dose ("2.5 mg twice daily", "40 mg daily"): a sentence that gives one is a regimen,
# and its spans of time are the regimen's.
_DOSE = re.compile(
    r"(?<![\w.])\d+(?:\.\d+)?\s?(?:mg|mcg|µg|micrograms?|g|ml|mL|units|IU|mmol)(?:/kg)?\b"
)
_AT_LEAST_RESULT = re.compile(
    r"\b(?:last|lasts|lasted|lasting|persist\w*|remain\w*)\s+(?:for\s+)?at\s+least\s*$", re.I
)

# --------------------------------------------------------------------------- generic appeal

_EVIDENCE = (
    r"(?:studies|research|evidence|trials|literature|science|neuroscience|psychology|psychiatry|"
    r"scientists|researchers|experts|investigators|(?:animal|previous|prior|earlier|recent|other|"
    r"laboratory|clinical|human)\s+experiments|(?:clinical|scientific|emerging|recent|new|"
    r"available|existing|growing|published|research|experimental|empirical)\s+(?:data|findings|"
    r"work)|(?:previous|prior|earlier|recent|published|other)\s+(?:work|reports))"
)
_QUALIFIERS = (
    r"(?:some|many|several|numerous|multiple|various|recent|emerging|growing|new|previous|prior|"
    r"earlier|other|current|existing|extensive|considerable|accumulating|mounting|increasing|"
    r"clinical|scientific|animal|human|preclinical|experimental|epidemiological|neuroimaging|"
    r"imaging|observational|published|independent|contemporary|modern|most|much|more\s+recent|"
    r"a\s+number\s+of|a\s+growing\s+body\s+of|a\s+body\s+of|the|a|an)"
)
# Verbs that report a result whatever stands between them and their subject ("studies
# using functional MRI (fMRI) have demonstrated") ...
_STRONG_VERB = (
    r"(?:show|shows|showed|shown|suggest|suggests|suggested|indicate|indicates|indicated|"
    r"demonstrate|demonstrates|demonstrated|reveal|reveals|revealed|found|confirm|confirms|"
    r"confirmed|prove|proves|proved|proven|establish|establishes|established|"
    r"provides?\s+(?:insights?|evidence|support|proof)|offers?\s+(?:insights?|evidence)|"
    r"are\s+(?:showing|suggesting|indicating|revealing|pointing)|"
    r"is\s+(?:showing|suggesting|indicating|revealing|pointing))"
)
# ... and verbs that are nouns as often as verbs ("any particular link", "review reports"),
# which count only right after their subject ("Some studies note", "research links").
_WEAK_VERB = (
    r"(?:find|finds|note|notes|noted|support|supports|supported|points?\s+to|report|reports|"
    r"reported|link|links|linked|tie|ties|tied|document|documents|documented|highlight|"
    r"highlights|highlighted)"
)
_AUX = (
    r"(?:(?:have|has|had|also|consistently|repeatedly|now|increasingly|clearly|strongly|long|"
    r"further|generally|largely|continue\s+to|continues\s+to)\s+){0,3}"
)
# Tokens between subject and verb that turn the appeal into something else ("studies are
# needed to show", "research aims to find", "evidence can support").
_NOT_BETWEEN = (
    r"(?:was|were|is|be|been|being|have|has|had|needed|required|warranted|necessary|should|will|"
    r"would|must|can|could|may|might|aim|aims|aimed|designed|intended|planned|attempt|attempts|"
    r"sought|seek|seeks|try|tries|to|that|which|who|whether|if|when|where|and|or|but)"
)
_GENERIC: tuple[re.Pattern[str], ...] = (
    # "Studies show", "Research indicates", "Human clinical studies, primarily using ..., reveal",
    # "neuroimaging studies using functional MRI (fMRI) have demonstrated", "Some studies note"
    re.compile(
        rf"\b(?:{_QUALIFIERS}\s+){{0,3}}{_EVIDENCE}\b"
        rf"(?:(?:\s*,[^,.;:!?]{{1,80}},|(?:\s+(?!{_NOT_BETWEEN}\b)[^\s,.;:!?]{{1,30}}){{0,6}}?)"
        rf"\s+{_AUX}{_STRONG_VERB}|\s+{_AUX}{_WEAK_VERB})\b",
        re.IGNORECASE,
    ),
    # "it has been shown", "has been linked to", "have been observed up to"
    re.compile(
        r"\b(?:has|have|had)\s+(?:also\s+|now\s+|long\s+|since\s+)?been\s+(?:repeatedly\s+|"
        r"consistently\s+|widely\s+|previously\s+|also\s+|clearly\s+|well\s+|often\s+|"
        r"frequently\s+|recently\s+|extensively\s+){0,2}(?:shown|demonstrated|proven|proved|"
        r"found|reported|established|documented|linked|associated|suggested|confirmed|observed)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\bit\s+(?:is|was)\s+(?:now\s+|well\s+|widely\s+|generally\s+|increasingly\s+){0,2}"
        r"(?:known|established|documented|accepted|recognized|recognised|shown|demonstrated|reported)\s+that\b",
        re.IGNORECASE,
    ),
    # "are observed shortly after infusion", "can be observed within hours"
    re.compile(
        r"\b(?:is|are|was|were|can\s+be|could\s+be|may\s+be)\s+(?:also\s+|often\s+|typically\s+|"
        r"commonly\s+|consistently\s+)?observed\s+(?:in|within|after|shortly|up\s+to|following|"
        r"during|as\s+early\s+as|as\s+soon\s+as|for|from)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:according\s+to|as\s+(?:shown|demonstrated|suggested|reported)\s+by)\s+"
        r"(?:(?:recent|previous|many|some|several|new|the)\s+)?"
        r"(?:research|studies|experts|scientists|researchers|evidence|the\s+literature|science)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:scientific|medical|research)\s+consensus\b|"
        r"\b(?:growing|mounting|accumulating|increasing|strong|substantial|ample|extensive|"
        r"considerable|compelling|robust)\s+(?:(?:body\s+of\s+)?(?:scientific\s+|clinical\s+)?"
        r"(?:evidence|literature)|body\s+of\s+(?:research|studies|work))\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:the\s+world['’]s\s+)?(?:top|leading|renowned|prominent|world-class)\s+"
        r"(?:scientists|researchers|experts|neuroscientists)\b",
        re.IGNORECASE,
    ),
)
# Patterns that still apply in a sentence about the article's own work ("we" / "our"):
# only the impersonal "it has been shown" kind.
_IMPERSONAL = frozenset({1, 2})
# A subject that points back at something already in the text, or at the article's own
# work, is not an appeal to outside research ("These studies indicate", "our data suggest").
_BACK_REFERENCE = re.compile(
    r"\b(?:these|those|this|such|our|my|its|their|his|her|both|said|aforementioned|above|"
    r"present|current|the\s+same)\s+(?:[\w\-]+\s+){0,4}$",
    re.IGNORECASE,
)
_REVIEWED_HERE = re.compile(
    r"\b(?:here|above|(?:in|of)\s+this\s+(?:chapter|review|section|paper|article|essay))\b",
    re.IGNORECASE,
)
_FUTURE_OR_NEED = re.compile(
    r"\b(?:further|future|more|additional|ongoing|continued|needs?\s+(?:more|further))\s+$",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- not claims

_OPINION = re.compile(
    r"\b(?:I|we)\s+(?:personally\s+)?(?:think|believe|feel|suspect|hope|expect|guess)\b|"
    r"\bin\s+(?:my|our)\s+(?:opinion|view|experience)\b|\bit\s+seems\s+to\s+me\b|\bIMHO\b",
    re.IGNORECASE,
)
_RECOMMENDATION = re.compile(
    r"\b(?:we|I)\s+(?:strongly\s+|highly\s+|would\s+|also\s+)?(?:recommend|suggest|advise|"
    r"encourage|urge|advocate)\b|\b(?:recommends|advocates|advises|encourages|urges)\b|"
    r"\bshould\b|\bmust\b|\bit\s+is\s+(?:recommended|advised|suggested|advisable|essential|"
    r"important|crucial|vital|best)\s+(?:that|to)\b",
    re.IGNORECASE,
)
_IMPERATIVE = re.compile(
    r"(?:aim|consider|explore|consult|choose|try|ask|talk|seek|avoid|remember|engage|do|"
    r"don['’]t|keep|start|stop|use|make|be|find|speak|contact|call|visit|read|learn|check|"
    r"discuss|schedule|book|imagine|take|get|let|"
    # A guideline's, a leaflet's or a checklist's instructions: "Reassess at 24 hours",
    # "Sit quietly for 5 minutes", "Record the ISI at 3 months", "Warm up for 1-2 %".
    r"add|allow|apply|arrange|assess|audit|continue|decay|discontinue|document|drink|eat|"
    r"encourage|ensure|escalate|explain|follow|give|inform|measure|monitor|note|notify|offer|"
    r"perform|prescribe|provide|reassess|record|reduce|refer|remove|repeat|replace|report|"
    r"rest|restart|resume|review|screen|sit|stand|store|switch|tell|test|titrate|treat|wait|"
    r"warm\s+up|wash|weigh|withhold|repeat|nap|observe|sleep|walk|breathe|lie|exercise)\b"
    # ... unless the word is the noun ("Review of 12 trials found", "Report from the WHO").
    r"(?!\s+(?:of|from|by|in|is|are|was|were|has|have|had|shows?|showed|found|finds|"
    r"suggests?|suggested|indicates?|indicated|reports?|reported|published)\b)(?!['’]s\b)",
    re.IGNORECASE,
)
# An aim stated as a bare infinitive: "To reduce antibiotic prescribing from 48% to 35%."
_AIM = re.compile(
    r"To\s+(?:reduce|increase|improve|ensure|achieve|lower|raise|cut|halve|double|reach|"
    r"maintain|provide|support|deliver|promote|prevent|identify|assess|evaluate|describe|"
    r"test|determine|examine|explore|estimate|measure|compare|establish|develop|understand)\b"
)
# A section or clause number before an instruction: "3.2 Reassess at 24 hours".
_CLAUSE_NUMBER = re.compile(r"(?:\d+(?:\.\d+)*|[A-Z]?\d+[a-z]?|[a-z]|[ivx]+)[.)]?\s+")
_LABEL = re.compile(r"^\W{0,3}(?:[\w'’()&/\-]+\s+){0,5}[\w'’()&/\-]+:\s+(?=\S)")
# The article's own work: "we found", "our data", "(Figure 2)", "in this study". A bare
# "our brains" or "as we age" is everyone, not the authors.
_OWN_WORK = re.compile(
    r"\bwe\s+(?:\w+ly\s+)?[a-z]{3,}ed\b|\bwe\s+(?:explore|pay|discuss|argue|consider|conclude|"
    r"interpret|speculate|reason|tested|chose)\b|\bwe\s+(?:\w+ly\s+|also\s+|then\s+|further\s+|first\s+|next\s+|now\s+|have\s+|had\s+|"
    r"could\s+|can\s+|did\s+|do\s+|were\s+able\s+to\s+){0,2}(?:found|find|observed|observe|"
    r"show|showed|shown|report|reported|measured|measure|tested|test|examined|examine|identified|"
    r"identify|used|use|performed|perform|propose|proposed|demonstrate|demonstrated|hypothesi[sz]e|"
    r"hypothesi[sz]ed|analy[sz]ed|analy[sz]e|recorded|obtained|describe|described|present|"
    r"presented|compared|compare|conducted|estimated|estimate|calculated|detected|noticed|saw|"
    r"see|focus|focused|investigated|investigate|studied|study|generated|assessed|assess|"
    r"included|excluded|selected|collected|quantified|confirmed|confirm|established|"
    r"developed|designed|applied|chose|modeled|modelled|simulated|expect|expected|note|noted|"
    # Irregular past tenses of bench work: "We fed mice ...", "We grew organoids ...".
    r"fed|grew|kept|froze|took|gave|made|ran|held|drew|bred|led|put|set|cut|spun|sought|"
    r"bought|brought|wrote|split|spread|bled|dug|hung|withheld|underwent|undertook|got|left|"
    r"sent|spent|built|fit|broke|began|threw|overlaid|shook|swept|stuck)\b|"
    # The article's own methods: "(see Materials and methods)".
    r"\bmaterials\s+and\s+methods\b|"
    r"\bour\s+(?:\w+\s+){0,2}(?:results|data|findings|study|studies|analysis|analyses|"
    r"experiments?|observations?|model|models|work|measurements?|approach|method|methods|sample|"
    r"samples|cohort|survey|estimates?|simulations?|screen|dataset|data\s+set|assays?|"
    r"structures?|hypothesis|understanding\s+of\s+(?:this|these)|"
    # A grant's, a protocol's or a package's own: "in our pilot", "our preliminary data".
    r"pilot|pilots|preliminary|trial|trials|lab|laboratory|group|team|protocol|pipeline|"
    r"benchmarks?|package|software|implementation|tool|audits?|registers?|records|figures|"
    r"services?|area|population)\b|"
    # A service's or an area's own numbers: "Local data show that 1 in 8 ...".
    r"\blocal\s+(?:data|figures|audits?|records|surveillance|statistics)\b|"
    r"\b(?:fig(?:ure)?s?\.?\s*\d|tables?\s+\d|supplementa(?:ry|l)\b|"
    # A thesis's or a report's own parts: "the survey reported in Chapter 3".
    r"chapters?\s+(?:\d|[ivx]+\b|one|two|three|four|five|six|seven|eight|nine|ten)|"
    r"(?:this|the\s+present|the\s+current)\s+(?:study|work|paper|article|analysis|experiment|"
    r"report|review|trial|thesis|dissertation|chapter|brief)\b)",
    re.IGNORECASE,
)
# A section's number ("2.3", "2 ", Wiley's "1 | ", IEEE's "I. ") or a thesis's chapter
# ("CHAPTER FOUR: ") before its name.
_SECTION_LEAD = (
    r"^\W{0,4}(?:(?:\d+(?:\.\d+)*|[IVX]{1,5}(?=[.\s]))\.?\s*(?:[|:–—-]\s*)?"
    r"|chapter\s+\w+\s*[:.–—-]?\s*)?"
)
OWN_WORK_SECTION = re.compile(
    _SECTION_LEAD + r"(?:materials?\s+and\s+methods|(?:data|study)\s+and\s+methods|"
    r"methods\s+and\s+(?:data|materials)|study\s+design|methods?|methodology|"
    r"experimental\s+(?:procedures|design|section)|results(?:\s+and\s+discussion|/discussion)?|"
    r"statistical\s+analys[ie]s|data\s+analysis|participants|subjects|procedures?|"
    r"acknowledge?ments?|author\s+contributions|authors['’]?\s+contributions|funding|"
    r"competing\s+interests|conflicts?\s+of\s+interest|data\s+availability|supplementary|"
    r"supporting\s+information|abbreviations|ethics|appendix|appendices)\b",
    re.IGNORECASE,
)
# What restates the document's own findings, which it cites no source for: a
# Discussion, and the summaries that open or close a paper or a report.
DISCUSSION_SECTION = re.compile(
    _SECTION_LEAD + r"(?:(?:general\s+)?discussion|abstract|executive\s+summary|"
    r"summary\s+of\s+(?:the\s+)?(?:main\s+|key\s+|principal\s+)?(?:findings|results)|"
    r"(?:main|key|principal)\s+(?:findings|messages)|highlights)\b",
    re.IGNORECASE,
)
# Parts whose figures are the document's own, up to the next heading: a guideline's
# or a policy's instructions ("Scope", "Audit standards", "Doses of ORS by age") and a
# report's summary of its own data ("Key facts", "Main points", "Investigation and
# findings").  Unlike a Discussion they end at the next heading, whatever it names.
OWN_PART = re.compile(
    _SECTION_LEAD + r"(?:scope|aims?|objectives?|purpose|(?:summary\s+of\s+)?recommendations|"
    r"implementation|responsibilities|monitoring|audit|standards|quality\s+(?:standards|"
    r"measures|statements|indicators)|(?:key\s+)?performance\s+indicators|"
    r"(?:licensed\s+)?indications|contraindications|interactions|doses?|dosage|dosing|"
    r"posology|administration|duration|eligibility|(?:inclusion|exclusion)\s+criteria|"
    r"referral|follow-?up|schedule|instructions|how\s+to\s+(?:take|use|give)|"
    r"key\s+(?:facts|points|statistics|figures)|main\s+(?:points|results)|"
    r"(?:investigation|evaluation|audit)\s+and\s+findings|findings|"
    r"goals?|ambitions?|targets?|commitments?|(?:our\s+)?local\s+(?:context|picture|data|position)|"
    r"what\s+(?:is\s+added|this\s+(?:study|report)\s+adds)|at\s+a\s+glance|in\s+brief)\b",
    re.IGNORECASE,
)
# An abstract run into its paragraph: IEEE's "Abstract—", "**Abstract.** We compare".
RUN_IN_ABSTRACT = re.compile(r"\W{0,4}abstract\W{0,4}\s*[—–:.\-]", re.IGNORECASE)
OTHER_SECTION = re.compile(
    _SECTION_LEAD + r"(?:introduction|background|conclusions?|"
    r"summary|overview|limitations|future\s+directions|outlook|references|bibliography)\b",
    re.IGNORECASE,
)


def is_opinion(sentence: str) -> bool:
    return _OPINION.search(sentence) is not None


def is_recommendation(sentence: str) -> bool:
    """The article's own advice: "we recommend", "should", an imperative."""
    if _RECOMMENDATION.search(sentence):
        return True
    body = _strip_lead(sentence)
    clause = _CLAUSE_NUMBER.match(body)
    if clause:
        body = body[clause.end() :]
    return _IMPERATIVE.match(body) is not None or _AIM.match(body) is not None


_LIST_MARKS = frozenset(" \t-*•▪◦‣–")
_LIST_MARKS_TEXT = "".join(sorted(_LIST_MARKS))


def _strip_lead(sentence: str) -> str:
    """The sentence without a list marker and a "Label:" lead ("•Physical Exercise: ")."""
    body = sentence.lstrip(_LIST_MARKS_TEXT)
    m = _LABEL.match(body)
    return body[m.end() :] if m else body


def mentions_own_work(sentence: str) -> bool:
    return _OWN_WORK.search(sentence) is not None


# Substrings (lower case) without which a pattern cannot match: most sentences are
# turned away by a few ``in`` tests instead of running every pattern.
_NAMED_HINTS: tuple[tuple[str, ...], ...] = (
    ("stud", "trial", "analys", "review", "survey", "report", "paper", "experiment",
     "investigation", "cohort", "poll"),
    ("19", "20"),
    ("published", "appear", "reported", "presented"),
    ("researchers", "scientists", "investigators", "psychiatrists", "doctors", "physicians",
     "experts", "team", "group"),
    ("university", "institute", "clinic", "hospital", "school", "college", "center", "centre",
     "foundation"),
    ("according",),
)  # fmt: skip
_GENERIC_HINTS: tuple[tuple[str, ...], ...] = (
    ("stud", "research", "evidence", "trial", "literature", "science", "psycho", "psychia",
     "expert", "investigator", "experiment", "data", "finding", "work", "report"),
    ("been",),
    ("it is", "it was"),
    ("observed",),
    ("according", "as shown", "as demonstrated", "as suggested", "as reported"),
    ("consensus", "evidence", "literature", "body of"),
    ("scientists", "researchers", "experts"),
)  # fmt: skip
_FIGURE_HINT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|ninety|hundred|half|third|quarter|fifth|majority)\b",
    re.IGNORECASE,
)


def _hinted(low: str, hints: tuple[str, ...]) -> bool:
    return any(h in low for h in hints)


def named_cues(sentence: str) -> list[Cue]:
    out = []
    low = sentence.lower()
    for k, pattern in enumerate(_NAMED):
        if not _hinted(low, _NAMED_HINTS[k]):
            continue
        for m in pattern.finditer(sentence):
            text = m.group(0)
            # "published in", "researchers at", "according to": the capitals after them
            # must name something ("according to The ..." names nothing by itself).
            if k in (2, 3, 5) and not _names_something(text):
                continue
            if k == 5 and _METHOD_AFTER.match(sentence, m.end()):
                continue  # "according to the Mantoux method" follows a method, cites no finding
            if k == 0 and _CLAUSE_BREAK.search(text):
                continue
            out.append(Cue("named-study", m.start(), m.end(), text))
    return out


def _names_something(text: str) -> bool:
    words = re.findall(r"[A-Z][\w'’\-]*", text[1:])
    return any(w not in _NOT_NAMES for w in words)


def figure_cues(sentence: str) -> list[Cue]:
    out: list[Cue] = []
    if not _FIGURE_HINT.search(sentence):
        return out
    regimen = _DOSE.search(sentence) is not None
    for pattern in _FIGURES:
        for m in pattern.finditer(sentence):
            figure = m.group(0)
            before = sentence[max(0, m.start() - 40) : m.start()]
            if _SCHEDULE_BEFORE.search(before) and not _AT_LEAST_RESULT.search(before):
                continue
            if _ADJECTIVE_UNIT.search(figure):
                continue  # "a two-year field trial", "the 1-month reference period"
            if figure.endswith("%") and _INTERVAL_AFTER.match(sentence, m.end()):
                continue
            if _TARGET_BEFORE.search(before) or _SCHEDULE_AFTER.match(sentence, m.end()):
                continue
            if _ELAPSED_AFTER.match(sentence, m.end()):
                continue
            span = _TIME_SPAN.search(figure) is not None
            if _AGE_UNIT.search(figure) and (
                _AGE_AFTER.match(sentence, m.end()) or _AGE_BEFORE.search(before)
            ):
                continue
            if span and (regimen or (_SPAN_ADVICE.search(sentence) and not _LASTED.search(before))):
                continue
            window = sentence[max(0, m.start() - 60) : m.start()]
            if span and _PROCEDURE_BEFORE.search(window):
                continue
            if _SCHEDULE_WORDS.search(window):
                continue
            out.append(Cue("precise-figure", m.start(), m.end(), figure))
    out.sort(key=lambda c: c.start)
    return out


def generic_cues(sentence: str, *, own_section: bool = False) -> list[Cue]:
    """Generic appeals; ``own_section`` (Methods, Results) drops "is observed"."""
    out = []
    low = sentence.lower()
    for k, pattern in enumerate(_GENERIC):
        if own_section and k == 3:
            continue
        if not _hinted(low, _GENERIC_HINTS[k]):
            continue
        for m in pattern.finditer(sentence):
            before = sentence[max(0, m.start() - 60) : m.start()]
            if k == 0 and (_BACK_REFERENCE.search(before) or _FUTURE_OR_NEED.search(before)):
                continue
            if k == 0 and _REVIEWED_HERE.search(m.group(0)):
                continue  # "The research reviewed here suggests": the works cited above
            out.append(Cue("generic-appeal", m.start(), m.end(), m.group(0), k in _IMPERSONAL))
    out.sort(key=lambda c: c.start)
    return out


# --------------------------------------------------------------------------- triggers

# Lower-case needles found with ``str.find`` over the whole text (C speed): a block with
# none of them cannot hold a cue, so it is neither cut into sentences nor scanned.
# (needle, must start a word, must end a word)
_NEEDLES: tuple[tuple[str, bool, bool], ...] = (
    *((w, True, False) for w in (
        "stud", "trial", "review", "survey", "report", "paper", "experiment", "investigat",
        "cohort", "poll", "published", "appearing", "appeared", "presented", "research", "psych",
        "doctor",
        "physician", "expert", "team", "group", "according", "evidence", "literature", "data",
        "finding", "work", "been", "observed", "consensus", "body of", "third", "quarter",
        "fifth", "half", "majority", "one in ",
    )),
    # "meta-analysis", "neuroscience"/"scientists", "percent"/"per cent", "30%", "2-fold"
    *((w, False, False) for w in ("analys", "scien", "cent", "%", "fold", "times")),
    ("it is", True, True),
    ("it was", True, True),
)  # fmt: skip
# Numbers followed by a unit or a counted noun ("19 days", "4-6 weeks", "507 patients",
# "1 in 5"): the digit pattern starts with a digit, so the regex engine skips to digits.
_DIGIT_FIGURE = re.compile(
    r"\d[\d.,]*(?:\s*(?:-|–|—|to|or|and)\s*\d[\d.,]*)?[\s-]*(?:min|hour|hr|day|week|month|"
    r"year|patient|participant|subject|people|adult|child|individual|volunteer|wom[ae]n|men\b|"
    r"veteran|respondent|in\s+\d|out\s+of|million|billion)"
)
_NUMBER_WORDS_LIST = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "ninety", "hundred",
)  # fmt: skip
# After a number word: a unit, maybe after a range ("two to four weeks", "one week").
_WORD_FIGURE_AFTER = re.compile(
    r"(?:\s*(?:-|–|—|to|or|and)\s*[a-z\d]+)?[\s-]+(?:min|hour|hr|day|week|month|year|in\s|out\s)"
)


# Byte table: every byte that is not a lower-case ASCII letter, a digit or "%" becomes a
# space (UTF-8 continuation bytes included), so a 5 MB text splits into words at C speed.
_SEPARATORS = bytes(
    b if (chr(b).isascii() and (chr(b).isalnum() or chr(b) == "%")) else 32 for b in range(256)
)
_PREFIX_NEEDLES = re.compile(
    "|".join(re.escape(n) for n, start, _ in _NEEDLES if start and " " not in n)
)
_INFIX_NEEDLES = re.compile("|".join(re.escape(n) for n, start, _ in _NEEDLES if not start))


def _present_needles(low: str) -> tuple[list[tuple[str, bool, bool]], list[str]]:
    """The needles and number words that occur in ``low`` at all, read off its
    vocabulary: a long text is then scanned only for those."""
    vocabulary: set[str] = set()
    # In slices, so that a 10 MB text never becomes one list of two million words.
    words = low.encode("utf-8").translate(_SEPARATORS)
    step = 1 << 20
    start = 0
    while start < len(words):
        end = words.find(b" ", start + step)
        end = len(words) if end == -1 else end
        vocabulary.update(words[start:end].decode("ascii").split())
        start = end
    prefixes = {m.group(0) for w in vocabulary if (m := _PREFIX_NEEDLES.match(w))}
    infixes = {m.group(0) for w in vocabulary for m in _INFIX_NEEDLES.finditer(w)}
    needles = [
        (n, start, end)
        for n, start, end in _NEEDLES
        if " " in n or (n in prefixes if start else n in infixes)
    ]
    return needles, [w for w in _NUMBER_WORDS_LIST if w in vocabulary]


def trigger_positions(text: str) -> list[int] | None:
    """Sorted offsets in ``text`` where a cue may start, or None when every block must
    be read (lower-casing changed the text's length, so offsets would drift)."""
    low = text.lower()
    if len(low) != len(text):
        return None
    needles, numbers = _present_needles(low) if len(low) > 20_000 else (
        list(_NEEDLES), list(_NUMBER_WORDS_LIST)
    )  # fmt: skip
    found: list[int] = []
    size = len(low)
    for needle, start_word, end_word in needles:
        pos = low.find(needle)
        while pos >= 0:
            end = pos + len(needle)
            if (not start_word or pos == 0 or not low[pos - 1].isalnum()) and (
                not end_word or end >= size or not low[end].isalnum()
            ):
                found.append(pos)
            pos = low.find(needle, end)
    found.extend(m.start() for m in _DIGIT_FIGURE.finditer(low))
    for word in numbers:
        pos = low.find(word)
        while pos >= 0:
            end = pos + len(word)
            if (pos == 0 or not low[pos - 1].isalnum()) and _WORD_FIGURE_AFTER.match(low, end):
                found.append(pos)
            pos = low.find(word, end)
    found.sort()
    return found
