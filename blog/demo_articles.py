"""Demo guest articles, written for this project. The people are invented; blog.demo.seed_demo_blog() stores them.

Each is dated a number of days before the day the demo is seeded, a fortnight apart, so a fresh demo's blog looks
kept up rather than abandoned months ago."""

TOPICS = [
    ("birth-trauma", "Birth trauma", "When birth was frightening or overwhelming, and how people heal."),
    ("bonding", "Bonding", "Getting to know your baby, at your own pace, even after a hard beginning."),
    ("loss", "Pregnancy and infant loss", "Miscarriage, stillbirth and the death of a baby: grief and support."),
    ("intrusive-thoughts", "Intrusive thoughts", "Unwanted, frightening thoughts after birth, and what helps."),
    ("partners", "Partners", "For partners and co-parents, who go through it too."),
    ("nicu", "NICU", "When your baby needs intensive care, and the weeks and months that follow."),
    ("postpartum-mental-health", "Postpartum mental health", "Anxiety, depression and other feelings in year one."),
]

AUTHORS = [
    {
        "name": "Maya Okafor-Reyes",
        "credentials": "PhD, PMH-C",
        "bio": "Maya is a perinatal psychologist who works with parents after difficult births. She believes "
        "every family deserves to be met with patience, not pressure.",
        "website": "https://example.org/maya-okafor-reyes",
    },
    {
        "name": "Anjali Menon",
        "credentials": "CNM",
        "bio": "Anjali is a certified nurse-midwife. She has attended births in hospitals and birth centers for "
        "fifteen years and now offers debriefing visits for people who want to talk through their birth.",
        "website": "",
    },
    {
        "name": "Leah Goldberg",
        "credentials": "LMHC",
        "bio": "Leah is a counselor who specializes in pregnancy and infant loss. She facilitates a monthly "
        "support circle for bereaved parents.",
        "website": "https://example.org/leah-goldberg",
    },
    {
        "name": "Rosa Lindqvist",
        "credentials": "LICSW, PMH-C",
        "bio": "Rosa is a clinical social worker who helps new parents with anxiety, depression and intrusive "
        "thoughts, in person and by telehealth.",
        "website": "",
    },
    {
        "name": "Theo Marchetti",
        "credentials": "LMFT",
        "bio": "Theo is a marriage and family therapist. He works with couples and co-parents navigating the "
        "changes a baby brings, especially after a frightening birth.",
        "website": "https://example.org/theo-marchetti",
    },
    {
        "name": "Grace Whitfield",
        "credentials": "RN, IBCLC",
        "bio": "Grace spent twelve years as a neonatal intensive care nurse and is now a lactation consultant "
        "who supports families during and after a NICU stay.",
        "website": "",
    },
]

ARTICLES = [
    {
        "slug": "when-bonding-takes-time",
        "title": "When bonding takes time: loving your baby after a hard start",
        "author": "Maya Okafor-Reyes",
        "topics": ["bonding", "birth-trauma"],
        "days_before_seeding": 75,
        "summary": "Many parents do not feel a rush of love at first sight, especially after a difficult birth. "
        "That is common, it is not your fault, and bonding can grow slowly and surely.",
        "body": """
Films tend to show one moment: the baby is placed on a parent's chest and love arrives all at once. For many
people it does not happen that way. If your birth was long, frightening or ended very differently from your plans,
you may have felt numb, far away, or simply exhausted when you first held your baby. Some parents feel nothing at
all for days or weeks, and then feel ashamed of it.

If that is you, please hear this first: **you are not a bad parent, and you have not missed your chance.**

## Why a hard start can get in the way

When we go through something overwhelming, the body's alarm system takes over. It focuses on getting through,
not on tenderness. After the danger passes, that system can stay switched on for a while. You may feel on edge,
replay moments from the birth, or feel disconnected from your body and from your baby. None of this means
something is wrong with your love. It means your nervous system is still catching up.

## Bonding is built, not struck like lightning

Attachment grows from many small, ordinary moments: feeding, changing, rocking, looking at each other. It does not
need to feel magical to be working. Your baby does not grade your feelings; they notice that you keep coming back.

Some gentle things that can help:

- **Skin-to-skin time** whenever it feels comfortable, even for ten minutes.
- **Narrating your day** in a quiet voice. Babies love the sound of a familiar person.
- **Following their cues** rather than the clock when you can: a yawn, a turned head, a little stretch.
- **Letting others help** with chores, so the time you have with your baby is less rushed.
- **Being kind about the birth.** You may find it helps to talk it through with someone you trust.

## When to ask for more support

If the numbness lasts more than a couple of weeks, if you feel hopeless, or if memories of the birth keep
pushing in, please talk to a provider who understands birth trauma. Treatment helps, and it usually helps
quickly. Many parents tell me that the day they said "I don't feel what I thought I would" out loud was the day
things began to change.

You and your baby have time. Love that grows slowly is still love.
""",
    },
    {
        "slug": "was-my-birth-traumatic",
        "title": "Was my birth traumatic? Naming what happened",
        "author": "Anjali Menon",
        "topics": ["birth-trauma", "postpartum-mental-health"],
        "days_before_seeding": 61,
        "summary": "Birth trauma is defined by how an experience felt to you, not by what was written in your "
        "chart. Here is how to recognize it, and what can help you heal.",
        "body": """
People often tell me, "Everyone says it went fine, so I shouldn't feel this way." The baby is here, the chart
says "uncomplicated", and yet something in them feels shaken. Others had an emergency that everyone agrees was
frightening, and they are surprised to feel mostly fine. Both are normal.

## Trauma is about how it felt

A birth can be traumatic when you felt powerless, unheard, afraid for your life or your baby's, or treated without
your consent. That can happen during an emergency, and it can happen during a birth that looked calm from the
outside. What matters is your experience, not whether it would impress anyone else.

It often involves moments like these:

- Things happening to your body without explanation or permission.
- Feeling alone, or separated from your baby or support person.
- Pain that was not taken seriously.
- Being afraid that you or your baby would die.
- Old hurts, such as earlier abuse or medical trauma, being stirred up.

## Signs you might notice afterwards

You might find yourself replaying the birth, or avoiding anything that reminds you of it: the hospital, certain
words, even your own body. Sleep may be hard even when the baby sleeps. You might feel jumpy, irritable, numb or
tearful. Some people dread future pregnancies or check-ups.

These are signs of a nervous system that went through something hard. They are not signs of weakness.

## What helps

**Telling the story, at your own pace.** Many hospitals and midwives offer a birth debrief, where you can go
through your records and ask why things happened. You can bring a partner or a friend. You are allowed to stop at
any time.

**Trauma-focused therapy.** Approaches such as trauma-focused CBT and EMDR have good evidence for birth trauma.
A therapist trained in perinatal care will not ask you to relive anything before you are ready.

**Care that asks first.** For future appointments, it is fine to say: "I had a hard birth. Please explain before
you touch me, and check that I am OK to continue." Trauma-informed providers will welcome that.

Naming what happened is not dwelling on the past. It is how many people begin to put it down.
""",
    },
    {
        "slug": "finding-support-after-a-loss",
        "title": "After a loss: finding support that fits you",
        "author": "Leah Goldberg",
        "topics": ["loss", "postpartum-mental-health"],
        "days_before_seeding": 47,
        "summary": "There is no right way to grieve a pregnancy or a baby. Support can look like a group, a "
        "therapist, a ritual or a single friend who says their name. Here are some places to start.",
        "body": """
If you have lost a pregnancy or a baby, I am so sorry. Whatever the timing and whatever the circumstances, your
grief is real and it deserves care.

People often expect grief to move in tidy stages. In my experience it comes more like weather: calm days, then a
storm that arrives on a due date, a birthday, or in the baby aisle of a grocery store. That is not going backwards.
It is how love and loss live side by side.

## You may meet well-meant words that hurt

Friends and family sometimes say things like "at least it was early" or "you can try again". They are usually
trying to comfort you, and they often miss. It is fine to say, "I need you to just listen", or to step back from
people for a while. You are allowed to protect yourself.

## Kinds of support

Different things help different people, and what helps may change over time.

- **Peer support groups**, in person or online, where others have lived something similar. Many parents say the
  relief of not having to explain is enormous.
- **A therapist who specializes in perinatal loss.** You do not need to be "not coping" to deserve one. Grief
  shared with a skilled listener can feel lighter.
- **Your own rituals**: planting something, lighting a candle on certain days, writing letters, keeping a box of
  mementos. There is no wrong way to remember.
- **Practical help.** Let someone handle meals, phone calls or returning baby things, if that would ease your
  days.
- **Support for your partner and other children**, who grieve too, sometimes quietly and differently.

## When grief becomes too heavy

Sometimes grief tangles with depression or trauma, especially after a frightening experience in hospital. If
you cannot sleep or eat, feel hopeless most of the time, or have thoughts of not wanting to be here, please reach
out now. You can call or text **988**, or the **National Maternal Mental Health Hotline at 1-833-852-6262**, at
any hour.

There is no timeline you need to keep to. Your baby mattered, and so do you.
""",
    },
    {
        "slug": "intrusive-thoughts-after-birth",
        "title": "Scary thoughts you never asked for: intrusive thoughts after birth",
        "author": "Rosa Lindqvist",
        "topics": ["intrusive-thoughts", "postpartum-mental-health"],
        "days_before_seeding": 33,
        "summary": "Sudden, upsetting thoughts about harm coming to your baby are very common after birth. They "
        "are not wishes and they do not make you dangerous. Here is what they are and what helps.",
        "body": """
You are changing a diaper, or walking down the stairs, and a picture flashes into your mind: the baby falling,
getting hurt, or even you causing harm. It is horrifying. You push it away, and then you worry about what it
means.

If this happens to you, you are far from alone. Most new parents have thoughts like these at some point. They are
called **intrusive thoughts**, and the fact that they upset you is an important clue about what they are.

## What intrusive thoughts are, and are not

Intrusive thoughts are unwanted. They go against what you value and want, which is exactly why they feel so
distressing. The new-parent brain is primed to scan for danger, and sometimes that alarm produces vivid "what if"
images. They are not wishes, they are not predictions, and having them does not make you likely to act on them.

For some people the thoughts become frequent and sticky. You might start avoiding bathing the baby, hiding the
kitchen knives, or checking again and again that everyone is safe. That pattern can be part of perinatal anxiety
or perinatal OCD, which are common and very treatable.

## What tends to help

- **Naming it.** Saying "that's an intrusive thought" can take away some of its power.
- **Not arguing with it.** Trying hard to push thoughts away often makes them louder. Let it pass like a car going
  by, and return to what you were doing.
- **Telling someone.** Many parents stay silent because they fear their baby will be taken away. Providers who
  understand perinatal mental health know these thoughts well and will not judge you.
- **Therapy that works.** Cognitive behavioral therapy, including exposure and response prevention, helps most
  people feel much better. Medication can help too, and many options are compatible with feeding your baby.

## When it is something different

If thoughts of harm ever feel like something you want to do, or you feel confused about what is real, please
get help the same day: call or text **988**, call the **National Maternal Mental Health Hotline at
1-833-852-6262**, or call **911** in an emergency. That is not a failure; it is exactly what those services are
for.

Having a frightening thought does not make you a frightening person. It often means you love your baby very much.
""",
    },
    {
        "slug": "partners-carry-it-too",
        "title": "Partners carry it too",
        "author": "Theo Marchetti",
        "topics": ["partners", "birth-trauma"],
        "days_before_seeding": 19,
        "summary": "Partners who watched a frightening birth can be shaken for a long time, often silently. Their "
        "feelings count, and caring for them helps the whole family.",
        "body": """
When a birth goes wrong, all eyes are rightly on the person who gave birth and on the baby. The partner is often
standing in the corner of the room, holding a bag, told to wait. Afterwards, everyone asks how the parent and baby
are doing. Few people ask how the partner is.

I meet many partners, of every gender, who say some version of: "It wasn't my body, so I don't have the right to
be struggling." I want to gently disagree.

## Watching can be traumatic

Seeing someone you love in danger, and being unable to help, is one of the most distressing things a person can
go through. Partners may have been rushed out of the room, heard alarms, or been told to prepare for bad news.
Some carry images they have never described to anyone.

Afterwards they may notice:

- Flashbacks or nightmares about the birth.
- Feeling on edge, angry or numb.
- Throwing themselves into work to avoid thinking about it.
- Worrying constantly about their partner's or baby's health.
- Pulling away, and not knowing why.

Partners can also experience postpartum depression and anxiety. It is less talked about, but it is real.

## Why it matters to the whole family

Partners often hold back because they want to be the strong one. But unspoken distress tends to leak out as
irritability or distance, and the person who gave birth may feel alone with their own memories. When both people
can talk about what happened, they often find they are carrying the same weight from different sides.

## Small steps

- **Say it to one person.** A friend, a doctor, a therapist: "The birth was hard on me too."
- **Compare stories gently.** You and your partner may remember the same day very differently. Both versions
  are true.
- **Look for couples support** from someone who understands birth trauma, if talking together feels stuck.
- **Protect sleep and basic care** for both of you. Exhaustion makes everything harder.

Looking after yourself is not taking attention away from your family. It is part of looking after them.
""",
    },
    {
        "slug": "coping-with-the-nicu",
        "title": "Small hands through the incubator: coping with the NICU",
        "author": "Grace Whitfield",
        "topics": ["nicu", "bonding"],
        "days_before_seeding": 5,
        "summary": "A stay in neonatal intensive care turns early parenthood upside down. Some practical and "
        "emotional ways through, from a former NICU nurse.",
        "body": """
No one plans to meet their baby through the walls of an incubator. If your baby is in the NICU, or has come home
after a stay there, you may be living with a mix of fear, hope, guilt and exhaustion that is hard to explain to
anyone who has not been there.

In my years as a NICU nurse I saw parents do remarkable things in very hard circumstances. I also saw how often
they felt they were not doing enough. If you feel that way, I hope this helps a little.

## You are your baby's parent, not a visitor

Monitors and machines can make it feel as though the baby belongs to the unit. They do not. Your voice, smell and
touch are familiar to your baby and matter to them. Ask the team how you can be involved:

- **Skin-to-skin ("kangaroo") care**, when your baby is stable enough, supports breathing, temperature and
  bonding.
- **Hands-on care**, such as changing diapers, taking temperatures or mouth care.
- **Reading or singing** quietly beside the incubator.
- **Expressing milk**, if that is your plan and it feels manageable. Ask for a lactation consultant; you should
  not have to work it out alone.

## Look after the parent, too

Many parents run on adrenaline, hospital coffee and little sleep. Please eat, rest when you can, and let people
help with the rest of life. It is fine to go home to sleep. Nurses will call if anything changes.

Ask questions as often as you need to, and ask for things to be written down. It is hard to take in information
when you are frightened.

## After you come home

Homecoming can be a relief and a new worry at the same time. Some parents find the feelings arrive only once the
danger has passed: sudden tears, a racing heart at the sound of an alarm on TV, difficulty letting the baby out of
sight. These are common after a NICU stay and they can ease with support. A therapist who knows perinatal and
medical trauma can help you make sense of what you lived through.

Your baby's story began in a hard place, and so did yours as their parent. Both of you deserve gentleness.
""",
    },
]
