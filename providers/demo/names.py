"""Invented names for demo listings: people from many backgrounds, and support groups named for what they hold.

Every combination is made up; any likeness to a real practitioner is chance. Most perinatal providers are women,
so feminine first names are the most common, as they are in the field.
"""

from __future__ import annotations

from dataclasses import dataclass


def _words(text: str) -> list[str]:
    return text.split()


FEMININE = _words("""
Abigail Adaeze Adriana Aisha Alejandra Alicia Amara Amina Ana Andrea Anjali Annika Ariana Aurora Ayana Beatriz
Bethany Bianca Brianna Camila Carmen Caroline Catalina Celeste Chiara Claire Daniela Deborah Delfina Diana Dolores
Ebony Elena Eliana Elise Emily Esperanza Esther Fatima Fernanda Fiona Gabriela Grace Hana Hannah Harper Imani
Ines Isabel Jasmine Jessica Joanna Josefina Julia Kalani Kamala Karina Katherine Keisha Kiana Laila Lauren Leah
Leilani Lena Liliana Linh Lucia Lucy Mae Maya Mariana Marisol Megan Mei Meredith Mia Miriam Monique Nadia Naomi
Natalia Nia Nicole Noor Olivia Paloma Patricia Priya Rachel Raquel Rebecca Renata Rosa Ruth Sabrina Samira Sara
Serena Shanice Sienna Simone Sofia Sonia Stella Sunita Tamara Tanisha Tatiana Teresa Thanh Valentina Vanessa
Veronica Victoria Wen Whitney Yasmin Yolanda Yuki Zainab Zara Zoe Alma Beatrix Colette Daphne Eleni Farah Greta
Hollis Ingrid Jolene Kirsten Lorena Magdalena Nkechi Odette Pilar Rania Soledad Thandiwe Ursula Wanjiru Ximena
""")
MASCULINE = _words("""
Aaron Andre Benjamin Carlos Daniel David Elijah Gabriel Hassan Isaac Jamal Javier Jonah Kenji Luis Malik Marcus
Mateo Michael Nathan Omar Rafael Samuel Tomas Victor Wesley Darius Emeka Felipe Ibrahim Joaquin Kwame Lorenzo
Nikhil Oscar Rohan Theo
""")
NEUTRAL = _words("""
Alex Avery Cameron Charlie Dakota Eden Emerson Finley Jordan Kai Logan Morgan Noel Parker Quinn Reese River Robin
Rowan Sage Skyler Taylor
""")
SURNAMES = _words("""
Abbott Acosta Adeyemi Aguilar Ahmed Akhtar Alvarez Andersen Arroyo Asante Baker Banerjee Barrera Bell Benitez
Bergstrom Bishop Blackwell Bondarenko Bradley Brennan Brooks Caldwell Calloway Campos Castillo Chandra Chavez Chen
Cho Cisneros Coleman Contreras Cordero Costa Cruz Dang Davenport Delgado Desai Diallo Dominguez Duarte Dubois
Edwards Ellison Espinoza Estrada Farouk Fernandes Figueroa Fitzgerald Flores Fontaine Foster Franco Fujimoto
Gallagher Garcia Garrison Gonzalez Greene Guerrero Gupta Guzman Haddad Hale Hamilton Harper Hartley Hayes Herrera
Hoang Holloway Huang Ibarra Ishikawa Iyer Jackson Jansen Jimenez Johansson Joseph Kaplan Kapoor Kealoha Kelly
Khalil Khan Kim Kowalski Kumar Lacroix Landry Larsen Lee Levin Lindqvist Lopez Lozano Lucero Mahoney Maldonado
Marino Martinez Mbeki McAllister McBride Medina Mehta Mendoza Meyer Miranda Molina Montgomery Morales Moreau
Morrison Moreno Murphy Nakamura Navarro Nguyen Nowak Obi Ocampo Odom Okafor Okonkwo Oliveira Olsen Ortega
Ortiz Osei Pacheco Padilla Park Patel Pereira Perez Petrov Pham Pierce Pierre-Louis Quinn Quintero Rahman Ramirez
Ramos Rao Reyes Richardson Rios Rivera Robinson Rodrigues Rojas Romero Rosales Rosen Ruiz Russo Saito Salazar
Sanchez Santiago Santos Schneider Serrano Shah Shapiro Silva Singh Sokolova Solis Soto Sullivan Suarez Tanaka
Thompson Torres Tran Trujillo Turner Valdez Varga Vasquez Vega Velasquez Vu Walsh Washington Watanabe Weber
Whitaker Williams Wolfe Wong Yamamoto Yang Yilmaz Young Zamora Zhang Zhou
""")


def person_name(rng) -> tuple[str, str]:
    """(display name, pronouns or ""): about nine in ten feminine names, a few masculine and gender-neutral."""
    roll = rng.random()
    if roll < 0.86:
        first, pronouns = rng.choice(FEMININE), rng.choice(["she/her"] * 5 + ["she/they"])
    elif roll < 0.93:
        first, pronouns = rng.choice(MASCULINE), "he/him"
    else:
        first, pronouns = rng.choice(NEUTRAL), rng.choice(["they/them", "they/them", "she/her", "he/him"])
    last = rng.choice(SURNAMES)
    if rng.random() < 0.06:  # a double-barrelled surname now and then
        last = f"{last}-{rng.choice(SURNAMES)}"
    if rng.random() < 0.06:
        first = f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}."
    # Most listings leave pronouns out; some state them.
    return f"{first} {last}", pronouns if rng.random() < 0.35 else ""


@dataclass(frozen=True)
class GroupFocus:
    """What a support group is for: its concerns and the words its name is made of."""

    kinds: tuple[str, ...]  # the end of the group's name
    concerns: tuple[str, ...]
    bereaved: bool = False


GROUP_FOCI = [
    GroupFocus(("Pregnancy Loss Circle", "Miscarriage Support Circle", "Loss Support Group"),
               ("pregnancy-loss", "stillbirth-infant-loss"), bereaved=True),
    GroupFocus(("Infant Loss Parents Group", "Remembering Together Group", "Bereaved Parents Circle"),
               ("stillbirth-infant-loss", "pregnancy-loss", "termination-for-medical-reasons"), bereaved=True),
    GroupFocus(("Postpartum Parents Circle", "New Parents Support Group", "Postpartum Wellness Group"),
               ("postpartum-depression", "perinatal-anxiety", "parenting-attachment")),
    GroupFocus(("NICU Parents Circle", "NICU Family Group", "Preemie Parents Group"),
               ("nicu", "perinatal-anxiety", "birth-trauma")),
    GroupFocus(("Fertility Support Circle", "Trying to Conceive Group", "Fertility Journey Group"),
               ("infertility", "pregnancy-loss", "lgbtq-family-building")),
    GroupFocus(("Birth Story Circle", "Birth Recovery Group", "After a Hard Birth Group"),
               ("birth-trauma", "postpartum-depression", "perinatal-anxiety")),
    GroupFocus(("Dads and Partners Group", "Partners Circle"),
               ("partner-support", "postpartum-depression", "parenting-attachment")),
    GroupFocus(("Queer Parents Circle", "LGBTQ+ Family Building Group"),
               ("lgbtq-family-building", "infertility", "parenting-attachment")),
    GroupFocus(("TFMR Support Circle", "Hard Choices Support Group"),
               ("termination-for-medical-reasons", "pregnancy-loss"), bereaved=True),
    GroupFocus(("Pregnancy After Loss Group", "Rainbow Pregnancy Circle"),
               ("pregnancy-loss", "perinatal-anxiety", "high-risk-pregnancy"), bereaved=True),
]  # fmt: skip
GROUP_OPENINGS = [
    "Gentle Harbor", "Lantern", "Willow", "Open Door", "Morning Light", "Riverbend", "Evergreen", "Little Steps",
    "Quiet Waters", "Kindred", "Steady Ground", "Safe Harbor", "Bluebird", "Hearth", "Cedar Grove", "First Light",
    "Tidewater", "Meadowlark", "Common Ground", "Northstar",
]  # fmt: skip


def group_name(rng, city: str) -> tuple[str, GroupFocus]:
    """A support group's name ("Lantern NICU Parents Circle", "Tucson Birth Story Circle") and its focus."""
    focus = rng.choice(GROUP_FOCI)
    opening = city if rng.random() < 0.4 else rng.choice(GROUP_OPENINGS)
    return f"{opening} {rng.choice(focus.kinds)}", focus
