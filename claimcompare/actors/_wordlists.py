"""Word lists that tell names from other words: particles, titles, stopwords, org words."""

from __future__ import annotations

import re

from .._common.text import ACTOR_WORDS, word_pattern

# A word: letters or digits, with the combining marks that belong to it; "U.S." is one token.
_TOKEN_RE = word_pattern(**ACTOR_WORDS)
_SPACES_RE = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_DOT_GAP_RE = re.compile(r"\.[ \t\u00a0\u2009\u202f]*")
_HYPHENS = frozenset("-\u2010\u2011")
_APOSTROPHES = frozenset("'\u2019")
_NEWLINES = frozenset("\n\r\u2028\u2029\x0b\x0c\x85")
_SENTENCE_CHARS = frozenset(".!?:;\"“”„«»‘’'()[]{}…—–•*|/<>=#-")
_VOWELS = frozenset("aeiouyáàâäãåéèêëíìîïóòôöõúùûüýÿæœ")

# Particles joined to a name after a space ("Fayez al Sarraj", "Mohammed bin Salman").
_SPACE_PARTICLES = frozenset(
    "al el bin ibn bint de del della di da du dos das van von der den ter ten le la".split()
)
# Particles joined to a name by a hyphen ("al-Sarraj", "as-Sisi", "ul-Haq").
_HYPHEN_PARTICLES = _SPACE_PARTICLES | frozenset("ad ar as ash at az an ul ud abu abd".split())
# Lower-case words allowed inside a name: "Government of National Accord", "Bank of the South".
_CONNECTORS = frozenset({"of", "the"})
# Not name words for surnames, and compared case-insensitively.
_NON_CORE = (_HYPHEN_PARTICLES - {"abu", "abd"}) | _CONNECTORS
# Capitalised prefixes that a hyphen binds to the next word: "Al-Arabiya", "Abdel-Fattah".
_CAP_JOINERS = frozenset(
    {"Al", "El", "Abd", "Abdel", "Abdul", "Abdal", "Abu", "Bin", "Ibn", "Ould"}
)
# Words an expansion may contain between its initials: "Islamic State of Iraq and Syria".
_EXPANSION_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "de", "la", "du", "des"})

_STOPWORDS = frozenset(
    """
    a about above according accordingly across additionally after afterwards again against ago
    all almost along already also although always am among amid an and another any anyone
    anything are around as at back be because been before being below beside besides between
    beyond both but by can could did do does doing done down during each earlier either else
    even ever every everyone everything except few first following for former from further
    had has have having he hence her here hers herself him himself his how however i if in
    including indeed inside instead into is it its itself just last late later latest least
    less let like many may maybe me meanwhile might mine more moreover most much must my myself
    near nearly neither never nevertheless new next no nobody none nor not nothing now of off
    often on once one only onto or other others otherwise our ours ourselves out over own
    per perhaps please rather recently right same several shall she should since so some
    someone something sometimes soon still such than that the their theirs them themselves then
    there thereby therefore these they this those though through throughout thus to today
    together tomorrow too toward towards two under unless unlike until up upon us very via was
    we well were what whatever when whenever where whereas wherever whether which while who
    whoever whole whom whose why will with within without would yes yesterday yet you your
    yours yourself yourselves
    """.split()
)
_CALENDAR = frozenset(
    """
    january february march april may june july august september october november december
    jan feb aug sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
    am pm gmt utc bst est edt cet cest
    """.split()
)
# Words that make a capitalised sequence an organisation or place rather than a person.
_ORG_WORDS = frozenset(
    """
    academy accord administration agency air airlines airport alliance army assembly association
    authority bank base basin battalion board brigade brigades bureau camp center centre channel
    church city coalition coast command commission committee community company congress
    corporation council court daily department desert destruction district division embassy
    emirates empire federation field force forces foundation front gazette government group guard
    gulf harbor harbour herald hospital house inc institute intelligence island islands journal
    kingdom league ltd media ministry mountains movement navy network news office organisation
    organization palace parliament party peninsula police port post press province radio region
    republic review river school sea security senate service services square state states street
    television times tribune tv union university valley arabia north south east west northern
    southern eastern western central upper lower democrat democrats democratic republican
    republicans conservative conservatives liberal liberals labour tory tories socialist
    socialists communist communists green greens lake mount bay county counties fort hill
    park beach canyon creek springs heights area day week month year act bill report survey
    hurricane storm fund co corp aid games olympics
    """.split()
)
# Titles and roles stripped from names; a title splits a sequence ("US President Donald Trump").
_TITLES: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(t.split())
            for t in """
            Field Marshal|Marshal|General|Gen|Lieutenant General|Lt Gen|Lt|Major General|Maj Gen
            |Maj|Brigadier General|Brigadier|Brig|Colonel|Col|Captain|Capt|Commander|Admiral|Adm
            |Sergeant|Sgt|President|Vice President|Prime Minister|Deputy Prime Minister|Minister
            |Foreign Minister|Defence Minister|Defense Minister|Interior Minister
            |Finance Minister|Secretary|Secretary General|Secretary of State|Foreign Secretary
            |Chancellor|King|Queen|Prince|Princess|Crown Prince|Sheikh|Sheik|Emir|Sultan|Mr|Mrs|Ms
            |Dr|Prof|Professor|Sir|Dame|Lord|Senator|Sen|Rep|Representative|Governor|Gov|Mayor
            |Ambassador|Envoy|Special Envoy|Spokesman|Spokeswoman|Spokesperson|Judge|Justice
            |Chief|Pope|Ayatollah|Imam|Rev|Reverend|Premier|Speaker|Chairman|Chairwoman|Director
            |Deputy|Acting|Strongman|Leader|Commissioner|Attorney General|Attorney|Assistant
            |Sheriff|Superintendent|Inspector|Detective|Officer|Coach|Rapper|Singer|Actor
            |Actress|Accuser|Press Secretary|Lieutenant Governor|Vice Chancellor|Archbishop
            |Bishop|Cardinal|CEO|CEOs|Chief Executive|Founder|Chief of Staff
            """.replace("\n", "").split("|")
        ),
        key=lambda t: (-len(t), t),
    )
)
_TITLE_FIRST = frozenset(t[0] for t in _TITLES)
_ABBREVIATIONS = frozenset(
    {"Gen", "Lt", "Maj", "Brig", "Col", "Capt", "Adm", "Sgt", "Mr", "Mrs"}
) | {
    "Ms",
    "Dr",
    "Prof",
    "Sen",
    "Rep",
    "Gov",
    "Rev",
    "St",
    "Mt",
    "Ft",
    "Jr",
    "Sr",
}
