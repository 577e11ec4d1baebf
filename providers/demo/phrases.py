"""Original writing for demo headlines and bios, in each kind of provider's own warm, first-person voice.

Placeholders filled by providers.demo.text: {c1}, {c2} (concerns, lower case), {concerns} (a list of them),
{a_role} ("a therapist", "an obstetrician"), {years}, {city}, {first_name}, {past_setting}, {name} (a
group's name). Voices: talk (therapists, psychologists), prescriber, doula, midwife, ob, lactation, pelvic,
educator and group (which speaks as "we").
"""

# How a concern reads inside a sentence.
CONCERN_WORDS = {
    "postpartum-depression": "postpartum depression",
    "perinatal-anxiety": "anxiety in pregnancy and after birth",
    "perinatal-ocd": "intrusive thoughts and perinatal OCD",
    "birth-trauma": "a birth that left its mark",
    "postpartum-psychosis": "recovery after postpartum psychosis",
    "bipolar-perinatal": "bipolar disorder around pregnancy",
    "pregnancy-loss": "pregnancy loss",
    "stillbirth-infant-loss": "the loss of a baby",
    "termination-for-medical-reasons": "the grief of ending a wanted pregnancy for medical reasons",
    "infertility": "the long road of infertility",
    "nicu": "life after the NICU",
    "high-risk-pregnancy": "a high-risk pregnancy",
    "hyperemesis": "the exhaustion of hyperemesis",
    "sexual-trauma-history": "past sexual trauma",
    "intimate-partner-violence": "a relationship that doesn't feel safe",
    "lgbtq-family-building": "the hurdles of LGBTQ+ family building",
    "adoption-surrogacy": "the feelings adoption and surrogacy bring",
    "partner-support": "the weight partners carry after birth",
    "parenting-attachment": "a slow start to bonding",
    "substance-use-perinatal": "substance use in pregnancy and postpartum",
}

HEADLINES = {
    "talk": [
        "Warm, steady therapy for {c1} and {c2}",
        "A calm place to talk about {c1}, at your own pace",
        "Therapy for parents finding their way through {c1}",
        "You don't have to carry {c1} alone",
        "Gentle, practical support for {c1} in {city}",
        "Helping new and expecting parents with {c1} and {c2}",
        "Room to breathe, make sense of {c1} and feel like yourself again",
        "Perinatal therapy grounded in kindness and choice",
        "Honest, compassionate therapy for the months around birth",
    ],
    "prescriber": [
        "Careful, collaborative medication care in pregnancy and postpartum",
        "Thoughtful psychiatric care for {c1}, including while feeding your baby",
        "Medication decisions made together, never rushed",
        "Perinatal psychiatry for {c1} and {c2}",
        "Clear, honest answers about medication in pregnancy and beyond",
        "Psychiatric care that listens first, for {c1} and more",
    ],
    "doula": [
        "Birth and postpartum support that follows your lead",
        "A steady presence for birth, loss and the weeks after",
        "Doula care for {city} families, with consent at every step",
        "Calm, informed birth support that understands {c1}",
        "Your birth, your choices: doula support in {city}",
        "Someone in your corner from pregnancy to the fourth trimester",
    ],
    "midwife": [
        "Midwifery care that asks before it acts",
        "Prenatal, birth and postpartum care at a human pace",
        "Gentle midwifery for families in {city} and nearby",
        "Pregnancy and birth care shaped by your history and your wishes",
        "Unhurried prenatal visits and a birth plan that is truly yours",
    ],
    "ob": [
        "Obstetric care that explains first and moves at your pace",
        "Pregnancy care that makes room for {c1}, with your consent guiding every exam",
        "Unhurried obstetric visits where your questions come first",
        "Respectful, collaborative care through pregnancy and birth",
    ],
    "lactation": [
        "Feeding support without pressure, whatever feeding looks like for you",
        "Gentle lactation help at home or online",
        "Feeding help that understands {c1}, at your pace",
        "Patient, practical feeding support for {city} families",
        "Feeding your baby, your way: hands-off-first lactation care",
    ],
    "pelvic": [
        "Pelvic health physical therapy that starts with consent",
        "Recovering after birth at your own pace, in control of every session",
        "Pelvic floor care for pregnancy and postpartum, trauma-aware from the first visit",
        "Gentle pelvic floor therapy in {city}",
    ],
    "educator": [
        "Birth classes that replace fear with information",
        "Childbirth education for anyone living with {c1}, and anyone who wants to feel prepared",
        "Small, kind classes for expecting parents in {city} and online",
        "Preparing for birth again after a hard first experience",
    ],
    "group": [
        "You are not alone: a gathering for parents living with {c1}",
        "A small, caring circle for {c1}",
        "Meet other parents who understand {c1}",
        "Peer support for {c1}, led by trained facilitators",
        "A gentle space to share, or simply to listen",
    ],
}

OPENERS = [
    "I'm {a_role} in {city}, and for {years} years I have worked with people through pregnancy, birth and the "
    "early years of parenting.",
    "I have been {a_role} for {years} years, most of them spent alongside parents in the months around birth.",
    "Hello, and thank you for reading. I'm {first_name}, {a_role} based in {city}.",
    "I became {a_role} {years} years ago and have focused on perinatal care for most of that time.",
    "I'm {a_role} who works with families in and around {city}.",
    "I've spent {years} years as {a_role}, and I still feel honoured each time someone lets me into this part "
    "of their life.",
    "For the past {years} years I have worked as {a_role}, first in {past_setting} and now in my own practice.",
    "I'm {first_name}. I work as {a_role}, and perinatal care is the heart of what I do.",
]
GROUP_OPENERS = [
    "{name} is a peer support group for parents in and around {city}.",
    "We are a small group of parents and trained facilitators who meet in {city} and online.",
    "{name} began when a few parents in {city} realised how much they needed each other.",
    "For {years} years, {name} has offered parents a place to gather, talk and be understood.",
]
PAST_SETTINGS = {
    "talk": ["community mental health", "a hospital perinatal program", "a group practice", "a university clinic"],
    "prescriber": ["a hospital psychiatry service", "a community health centre", "an inpatient mother-baby unit"],
    "doula": ["a hospital volunteer program", "a community doula collective", "a birth centre"],
    "midwife": ["a busy hospital labour ward", "a community birth centre", "a rural health clinic"],
    "ob": ["a teaching hospital", "a community hospital", "a women's health clinic"],
    "lactation": ["a hospital maternity unit", "a NICU feeding team", "a community health clinic"],
    "pelvic": ["a sports medicine clinic", "a hospital rehabilitation team", "an outpatient women's health clinic"],
    "educator": ["a hospital education department", "a community parenting centre", "a birth centre"],
}

WHO_I_SEE = [
    "I work with people facing {concerns}.",
    "Many of the people I see are living with {concerns}.",
    "Most often I help with {c1}, and I also support parents through {c2}.",
    "People usually come to me because of {c1}; some come because of {c2}, and some aren't sure yet, which is "
    "fine too.",
    "I have particular experience with {c1} and {c2}.",
    "You might be here because of {c1}, {c2} or something that doesn't have a name yet.",
    "My work centres on {concerns}.",
    "I especially welcome people navigating {c1}.",
]
GROUP_WHO = [
    "Our members have lived through {concerns}.",
    "The group is for anyone touched by {c1}, whether it happened last month or many years ago.",
    "Parents often find us while living with {c1}, and many stay on to welcome the people who come after them.",
]

WHY = [
    "I came to this work after my own difficult first year as a parent, and I know how lonely it can feel.",
    "Too many parents are told to enjoy every moment; I wanted to offer something more honest.",
    "I believe every parent deserves care that starts with listening.",
    "What I love most is watching someone begin to trust themselves again.",
    "I know how hard it can be to reach out, so thank you for being here.",
    "I'm a parent myself, and I remember how much one kind word mattered.",
    "I chose this field because the months around birth shape so much, and they deserve gentle attention.",
    "Many parents I meet feel they should be coping better. I want you to know you are not failing.",
    "Whatever you are carrying, there is room for it here.",
    "I care about making good care easier to reach, for every kind of family.",
    "I have seen again and again that things can get better, even when that feels far away.",
    "Outside my practice I love long walks, strong tea and the local library.",
    "When I'm not working I'm usually cooking for too many people or out on a trail with my family.",
    "I grew up in a big, noisy family, and I still believe nobody should raise a child without support.",
]
GROUP_WHY = [
    "Many of us found that talking with someone who had been there helped in a way nothing else did.",
    "We know how isolating this can feel, and we want nobody to feel that alone.",
    "Our facilitators have walked similar roads and volunteer because someone once did the same for them.",
]

SESSIONS = {
    "talk": [
        "Sessions are fifty minutes. We can talk, sit quietly or work on something practical: you choose.",
        "Our first conversation is simply a chance to see whether we fit.",
        "Babies are always welcome in session, and so are breaks to feed or rock them.",
        "We'll set goals together and revisit them often, so therapy keeps serving you.",
        "Some people come weekly for a season; others return when they need to. Both are fine.",
    ],
    "prescriber": [
        "Our first appointment is a longer conversation about your history, your hopes and your questions.",
        "I'll share what we know about medications in pregnancy and breastfeeding, and what we don't, so you can "
        "decide with clear information.",
        "Medication is one option among several, and I'm glad to work alongside your therapist, midwife or doctor.",
        "Follow-up visits are shorter, and we adjust the plan together as your life changes.",
        "If you'd rather not take medication, we can talk through that choice without judgement.",
    ],
    "doula": [
        "We meet a few times before the birth to talk through your hopes, your worries and what helps you feel safe.",
        "During labour I offer comfort, information and a steady voice, and I make sure your wishes are heard.",
        "After the birth I visit at home to help with rest, feeding and making sense of your story.",
        "I support all kinds of births: at home, in hospital, planned caesareans and births that change course.",
        "I also offer support after loss, for as long or as short a time as you need.",
    ],
    "midwife": [
        "Prenatal visits are unhurried, so there is time for your questions and for getting to know each other.",
        "I attend births at home and at our birth centre, and I stay with you through the early postpartum weeks.",
        "Every exam is explained before it happens, and you can say no or ask to wait.",
        "We'll make a birth plan together that includes whatever helps you feel safe.",
        "Postpartum visits continue for six weeks, and I ask how you are feeling, not only how your body is healing.",
    ],
    "ob": [
        "Visits are booked with extra time so nothing has to be rushed.",
        "I explain every exam before it happens, and you decide whether and when we go ahead.",
        "I work closely with midwives, doulas and perinatal therapists, so your care feels connected.",
        "We can plan your birth together, including what you need if things change.",
    ],
    "lactation": [
        "Visits usually last about ninety minutes, so there is time to watch a feed, talk and make a plan.",
        "I support nursing, pumping, bottle feeding, combination feeding and the choice to stop.",
        "Most of my help is hands-off, and I always ask before touching you or your baby.",
        "You'll leave with a simple written plan and a way to reach me with follow-up questions.",
        "Home visits mean you can stay in your own space, in whatever you're wearing.",
    ],
    "pelvic": [
        "The first visit is mostly conversation; there's no exam unless and until you want one.",
        "Internal assessment is always optional, and there are other ways we can work.",
        "Sessions are one to one in a private room, and you can bring a support person.",
        "We'll work on what matters to you: returning to exercise, comfort with intimacy, bladder control or pain "
        "after birth.",
        "I explain each step before we do it, and you can pause or stop whenever you want.",
    ],
    "educator": [
        "My classes are small, so there is time for every question.",
        "We cover the stages of labour, comfort measures, medical options and how to speak up for yourself.",
        "Partners and support people are warmly welcome, and so are people coming on their own.",
        "I share information without scare stories, and you are always free to step out or skip a topic.",
        "There is a separate series for people preparing for a birth after a difficult one.",
    ],
    "group": [
        "We meet twice a month in the evening, and you can come to as many or as few meetings as you like.",
        "There's no need to speak; many people spend their first meetings just listening.",
        "Meetings are led by two trained facilitators, one of whom has lived through a similar experience.",
        "What is shared in the group stays in the group.",
        "Partners are welcome at some meetings; others are for birthing parents only.",
        "The group offers peer support rather than therapy, and facilitators can point you to more help if you "
        "would like it.",
    ],
}

CLOSINGS = [
    "If you're unsure whether I'm the right fit, send me a short message; I'll reply within two working days.",
    "Reaching out can be the hardest step. A short note is plenty.",
    "I'll reply within a couple of days with times and any questions I have.",
    "There is no wrong way to start. Tell me as much or as little as you like.",
    "You're welcome to ask me anything before deciding.",
    "When you're ready, I'd be glad to hear from you.",
]
GROUP_CLOSINGS = [
    "Send us a message and a facilitator will reply with the next meeting time.",
    "You're welcome to come once and see how it feels. There's no sign-up and no commitment.",
    "If you'd like to talk with a facilitator before your first meeting, just ask.",
]
FREE_CONSULTATION = [
    "I offer a free fifteen-minute call so you can see how it feels to talk with me.",
    "A short first call is free, with no obligation to book.",
]
