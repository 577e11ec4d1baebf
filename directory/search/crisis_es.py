"""The crisis words in Spanish, in the same two tiers as the English ones (directory.search.crisis adds them to its
patterns). Written as the search normalises text: lower case, no accents (ñ as n), no apostrophes, punctuation as
spaces, so "No puedo más", "no puedo mas" and "NO PUEDO MÁS" all match."""

# Words of danger: 988, 911 and the National Maternal Mental Health Hotline first. ("suicida", "suicidio" and
# "suicidarme" are already caught by the English stem "suicid…".)
CHILD = r"(?:bebes?|hij[oa]s?|nin[oa]s?|nene|nena)"
HARM = r"(?:hacer(?:le)? dano|danar|lastimar|matar|sacudir|ahogar|asfixiar)(?:le)?"
DANGER_PHRASES_ES = (
    r"matarme",
    r"quitarme la vida",
    r"(?:me )?quiero morir(?:me)?",
    r"quisiera morir(?:me)?",
    r"(?:tengo )?ganas de morir(?:me)?",
    r"no quiero (?:vivir|seguir viviendo|seguir|estar aqui|despertar)",
    r"(?:ya )?no puedo mas",
    r"ya no puedo seguir",
    r"no aguanto mas",
    r"(?:acabar|terminar) con (?:todo|mi vida)",
    r"(?:estarian|estaria|estan) mejor sin mi",
    r"mejor (?:estar )?muert[ao]",
    r"no (?:tengo|hay) (?:razon|razones|motivo|motivos) para vivir",
    r"hacerme dano",
    r"(?:lastimarme|cortarme|autolesion\w*)",
    HARM + r" (?:a (?:mi|mis|la|las|los)|al|mi|mis|el|la) " + CHILD,
    r"psicosis",
    r"psicotic[ao]s?",
    r"(?:oigo|escucho) voces",
    r"sobredosis",
)
# Distressing but common thoughts: reassurance and the Postpartum Support International HelpLine, never the alarm.
DISTRESS_PHRASES_ES = (
    r"pensamientos? (?:intrusivos?|aterradores?|horribles?|feos?|malos?|no deseados?|perturbadores?|espantosos?)",
    r"pensamientos? que me (?:asustan|asusta|dan miedo|da miedo|perturban)",
    r"ideas? intrusivas?",
)
