"""Original writing for "how I practise trauma-informed care" and for trainings, per voice, practice and modality.

Concrete over abstract: each trauma-informed practice a listing ticks gets a sentence saying what it means in
the room, so the approach text agrees with the filters.
"""

PRINCIPLES = [
    "Trauma-informed care means you stay in charge of what happens and when.",
    "I start from the idea that your reactions make sense, given what you have lived through.",
    "Safety comes first: we go slowly, and you decide what we talk about and how deep we go.",
    "I try to make every part of our work predictable: what will happen, why, and how long it takes.",
    "I never assume what an experience meant to you; I ask, and I believe you.",
    "You are the expert on your own life. My job is to offer options and support the choices you make.",
    "I pay attention to who decides, who speaks and who is heard. In our work, that's you.",
    "Many people carry earlier experiences into pregnancy and birth. You never have to explain or justify them to me.",
    "I keep a steady, unhurried pace, because feeling rushed is often part of what hurt in the first place.",
    "Culture, identity and community shape how we experience birth and parenting, and I honour yours.",
    "Consent isn't a form you sign once; it's something I check on throughout our time together.",
    "I believe healing happens in relationship, so our trust comes first.",
    "I want you to leave every meeting feeling a little steadier than when you arrived.",
    "I'll tell you plainly what I know and what I don't, so you never have to guess.",
]

PRACTICE_SENTENCES = {
    "consent-before-touch": [
        "I ask before every touch, tell you what I'm about to do, and stop the moment you say so.",
        "Nothing physical happens without your clear yes, and a yes can always become a no.",
        "I explain each step first and offer a hands-off alternative whenever there is one.",
    ],
    "virtual-first-visit": [
        "Our first meeting can be by video, so you can get to know me from a place that feels safe.",
        "If meeting in person feels like a lot, we can start online and move to the office when you're ready.",
        "You can meet me by video before we ever meet face to face.",
    ],
    "support-person-welcome": [
        "You're welcome to bring a partner, friend or doula to any appointment.",
        "Bring whoever helps you feel steady; there's always a chair for them.",
        "A support person is welcome in the room or on the call, whenever you'd like.",
    ],
    "choice-of-provider-gender": [
        "Our practice lets you choose the gender of the person who cares for you.",
        "If you would feel safer with a clinician of a particular gender, tell us and we'll arrange it.",
    ],
    "trauma-training-certified": [
        "I have completed specialised training in trauma-informed care and keep learning every year.",
        "My trauma training shapes everything from how I greet you to how we end our time together.",
        "I've trained specifically in trauma and the perinatal period, and I take part in regular consultation.",
    ],
    "flexible-scheduling": [
        "I keep some evening and weekend times, because new parents' days rarely follow a schedule.",
        "If you need to cancel at the last minute because of your baby or your health, there's no fee and no "
        "judgement.",
        "Appointments can move at short notice; life with a new baby is unpredictable.",
    ],
}

MODALITY_SENTENCES = {
    "emdr": [
        "When you feel ready, EMDR can help a painful memory, such as a frightening birth, feel less sharp.",
        "EMDR can help a hard memory settle into the past; we only begin once you feel steady and prepared.",
    ],
    "cbt": [
        "I draw on CBT to help untangle anxious thoughts and find small, doable steps.",
        "CBT gives us practical tools for worry and low mood that you can use between sessions.",
    ],
    "dbt": [
        "Skills from DBT help on the exhausting days when every feeling is big.",
        "I teach DBT skills for riding out intense emotions without judging yourself.",
    ],
    "act": [
        "ACT helps us make room for hard feelings while moving toward what matters to you.",
        "With ACT we practise holding difficult thoughts more lightly, so they steer you less.",
    ],
    "ifs": [
        "With IFS we get curious, kindly, about the different parts of you, including the protective ones.",
        "IFS helps us listen to the worried, tired and hopeful parts of you without any of them taking over.",
    ],
    "cpt": [
        "Cognitive processing therapy can loosen the grip of self-blame after a traumatic experience.",
        "CPT gives us a structured, gentle way to look at the stories a hard experience left behind.",
    ],
    "somatic": [
        "Somatic work helps you notice what your body needs and find calm from the inside.",
        "We pay attention to breath, posture and sensation, because the body often remembers what words can't.",
    ],
    "ipt": [
        "Interpersonal therapy focuses on the relationships and role changes that come with a new baby.",
        "IPT helps with the shifts in identity, partnership and support that parenthood brings.",
    ],
    "psychodynamic": [
        "We may explore how your own early experiences shape the parent you want to be.",
        "I'm curious with you about patterns that began long ago and show up again in parenthood.",
    ],
    "mindfulness": [
        "Simple mindfulness practices offer a few steady breaths in the middle of a long day or night.",
        "We practise short, realistic moments of calm that fit around feeds and naps.",
    ],
    "group": [
        "I also run small groups, where parents often find relief in hearing 'me too'.",
        "Group sessions offer the comfort of other parents who understand.",
    ],
    "child-parent-psychotherapy": [
        "Some sessions can include your baby, gently supporting the relationship you are building together.",
        "Child-parent sessions help you and your little one find your rhythm together.",
    ],
    "medication-management": [
        "When medication could help, we weigh the benefits and risks together, including for pregnancy and feeding.",
        "Any medication plan is yours to accept, adjust or decline, and we review it together often.",
    ],
}

VOICE_CARE = {
    "talk": [
        "If a topic feels like too much, we can step back to something steadier and return only when you choose.",
        "I check in often about how the pace feels for you.",
    ],
    "prescriber": [
        "I explain what each medication does, how long it takes and what side effects to watch for, in plain words.",
        "I never make a change to your medication without talking it through with you first.",
    ],
    "doula": [
        "In labour I keep the room calm, protect your choices and help you ask for what you need.",
        "I help you prepare words for the moments that worry you, such as exams or unexpected changes.",
    ],
    "midwife": [
        "You can say no to any exam or procedure, and I'll explain your options without pressure.",
        "We plan together how to handle exams, who is in the room and what to do if plans change.",
    ],
    "ob": [
        "You can ask for a smaller speculum, a pause, or a different position; just say so.",
        "I tell you what I see and what it means before we decide anything.",
    ],
    "lactation": [
        "There's no right way to feed a baby; my role is to support the plan that works for your family.",
        "I show rather than do, so your hands stay in charge.",
    ],
    "pelvic": [
        "You choose the position, the clothing and whether any internal work happens at all.",
        "We agree on a simple word or gesture that means stop, and I stop right away.",
    ],
    "educator": [
        "Class materials are shared ahead of time so nothing catches you off guard.",
        "We talk about consent in the birth room and practise the words you might want to use.",
    ],
}

CARE_CLOSINGS = [
    "You can ask me to slow down, explain again or stop at any time.",
    "If something I do doesn't feel right, please tell me; I'll listen and change course.",
    "My aim is that you feel respected, informed and never alone in decisions about your care.",
    "We'll go at the pace that feels right for you, not the pace of a checklist.",
    "I'm always glad to hear what helped and what didn't, so I can keep learning.",
    "Together we'll notice what helps you feel safe and build on it.",
]

GROUP_CARE = [
    "Everyone chooses how much to share, and passing is always welcome.",
    "We begin each meeting by agreeing on how we'll care for one another, and we return to it when needed.",
    "Facilitators keep the group gentle: no advice unless it's asked for, and no comparing stories.",
    "You can turn your camera off online, step out of the room, or leave early without explaining.",
    "We talk openly about difficult feelings, and we never push anyone to go further than they want.",
    "Facilitators check in privately with anyone who seems to be having a hard time.",
    "We welcome every kind of family, and we ask everyone to use the names and pronouns each person shares.",
    "If a meeting brings up something heavy, a facilitator stays afterwards for anyone who wants to talk.",
]

TRAININGS = {
    "talk": [
        "Two-day perinatal mood and anxiety disorders training",
        "Advanced training in perinatal loss and grief",
        "Trauma-focused therapy training for birth trauma",
        "Certificate in infant and early childhood mental health",
        "Reproductive and perinatal psychology coursework",
        "Training in supporting LGBTQ+ families through family building",
        "Course on intimate partner violence and safety planning",
        "Monthly consultation group for perinatal clinicians",
        "Trauma-informed care foundations course",
    ],
    "prescriber": [
        "Perinatal psychopharmacology course",
        "Advanced training in reproductive psychiatry",
        "Course on medication safety during breastfeeding",
        "Training in collaborative care with obstetric teams",
        "Trauma-informed care foundations course",
    ],
    "doula": [
        "Birth doula training",
        "Postpartum doula training",
        "Loss and bereavement doula training",
        "Trauma-informed doula care workshop",
        "Comfort measures and labour positions workshop",
        "Infant feeding basics for doulas",
        "Infant CPR and first aid certification",
    ],
    "midwife": [
        "Neonatal resuscitation certification",
        "Trauma-informed perinatal care for midwives",
        "Training in caring for survivors of sexual violence in pregnancy",
        "Perinatal loss and bereavement care course",
        "Water birth training",
        "Perinatal mental health screening course",
    ],
    "ob": [
        "Training in trauma-informed pelvic examination",
        "Perinatal loss and bereavement care course",
        "Course in caring for survivors of sexual violence",
    ],
    "lactation": [
        "Advanced course in feeding premature and NICU babies",
        "Training in induced lactation for adoptive and non-gestational parents",
        "Trauma-informed feeding support workshop",
        "Perinatal mood disorders training for lactation professionals",
        "Course in paced bottle feeding and combination feeding",
    ],
    "pelvic": [
        "Pelvic health physical therapy certification coursework",
        "Obstetric pelvic physical therapy course",
        "Trauma-informed pelvic care training",
        "Postpartum return-to-exercise course",
        "Course in pelvic pain after birth",
    ],
    "educator": [
        "Childbirth educator certification",
        "Training in birth preparation after previous trauma",
        "Comfort measures and labour support course",
        "Newborn care and feeding class instructor training",
        "Inclusive childbirth education workshop",
    ],
    "group": [
        "Facilitators complete peer support facilitator training",
        "Facilitators complete a perinatal loss support course",
        "Facilitators meet monthly with a licensed perinatal therapist for supervision",
        "Training in recognising when someone needs more support, and how to connect them with it",
    ],
}
MODALITY_TRAININGS = {
    "emdr": "EMDR basic training and consultation",
    "ifs": "IFS level 1 training",
    "dbt": "DBT intensive training",
    "cpt": "Cognitive processing therapy training",
    "somatic": "Somatic experiencing coursework",
    "act": "ACT intensive workshop",
    "child-parent-psychotherapy": "Child-parent psychotherapy training",
    "ipt": "Interpersonal psychotherapy training",
    "mindfulness": "Mindfulness-based cognitive therapy teacher training",
    "cbt": "CBT for perinatal anxiety workshop",
}
# Trainings that go with a credential on the listing, so the two never disagree.
CREDENTIAL_TRAININGS = {
    "PMH-C": "Perinatal mental health certification (PMH-C)",
    "IBCLC": "International Board Certified Lactation Consultant (IBCLC)",
    "CLC": "Certified lactation counselor course",
    "CNM": "Master's degree in nurse-midwifery",
    "CPM": "Certified professional midwife training",
    "DPT": "Doctor of Physical Therapy",
    "PMHNP-BC": "Board certification as a psychiatric mental health nurse practitioner",
    "WCS": "Women's health clinical specialist certification",
    "LCCE": "Certified childbirth educator training",
}
# Physicians' board certification depends on their specialty, not on the letters after their name.
PHYSICIAN_TRAININGS = {
    "prescriber": "Board certification in psychiatry",
    "ob": "Board certification in obstetrics and gynaecology",
}
