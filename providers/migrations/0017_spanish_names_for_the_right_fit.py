"""The right fit's vocabularies in Spanish (issue 15, after providers 0014): perinatal credentials, journey stages,
the populations added there and provider identities. Insurance plans keep their own names. A founder's own
translation is kept; blank shows the English."""

from django.db import migrations

SPANISH = {
    "Credential": {
        "pmh-c": (
            "PMH-C (salud mental perinatal)",
            "Certificación en Salud Mental Perinatal, de Postpartum Support International.",
        ),
        "ibclc": (
            "IBCLC (consultora de lactancia)",
            "Consultora de lactancia certificada por el consejo internacional.",
        ),
        "clc": ("CLC (consejera de lactancia)", "Consejera de lactancia certificada."),
        "cnm": ("CNM (enfermera partera certificada)", "Enfermera con un posgrado en partería."),
        "cpm": (
            "CPM (partera profesional certificada)",
            "Certificada para partos fuera del hospital: en casa o en un centro de partos.",
        ),
        "certified-birth-doula": (
            "Doula de parto certificada",
            "Completó una certificación reconocida de doula de parto.",
        ),
        "certified-postpartum-doula": (
            "Doula de posparto certificada",
            "Completó una certificación reconocida de doula de posparto.",
        ),
        "certified-childbirth-educator": (
            "Educadora perinatal certificada",
            "Certificada para dar clases de preparación para el parto.",
        ),
        "reproductive-psychiatry": (
            "Formación en psiquiatría reproductiva",
            "Especialización o formación en psiquiatría del embarazo, el posparto y la fertilidad.",
        ),
        "bereavement-doula": (
            "Doula de duelo certificada",
            "Formada para acompañar a las familias en la pérdida de un embarazo o de un bebé.",
        ),
        "pelvic-health-certified": (
            "Certificación en salud pélvica",
            "Una certificación de especialista en salud pélvica (por ejemplo, WCS o PRPC).",
        ),
        "infant-mental-health": (
            "Acreditación en salud mental infantil",
            "Acreditada en salud mental del bebé y la primera infancia.",
        ),
    },
    "JourneyStage": {
        "trying-to-conceive": (
            "Buscando un embarazo o en tratamiento de fertilidad",
            "Con deseos de tener un bebé, en tratamiento o en espera.",
        ),
        "pregnant": ("Embarazo", "En cualquier momento del embarazo."),
        "birth": ("Parto", "La preparación para el parto, el parto y los primeros días después."),
        "postpartum": ("Posparto (primer año)", "El primer año con un bebé."),
        "after-loss": (
            "Después de la pérdida de un embarazo o de un bebé",
            "Un aborto espontáneo, una muerte fetal, la muerte de un bebé o una interrupción del embarazo.",
        ),
        "toddler": ("Crianza de un niño pequeño", "La vida con un niño o una niña de uno a tres años."),
    },
    "Population": {
        "intended-parents": ("Gestantes subrogadas y futuros padres", ""),
        "adoptive-parents": ("Familias adoptivas y de acogida", ""),
        "parents-of-multiples": ("Madres y padres de gemelos o más", ""),
    },
    "Identity": {
        "black-provider": ("Profesional negro o negra", ""),
        "indigenous-provider": ("Profesional indígena", ""),
        "latine-provider": ("Profesional latina, latino o latine", ""),
        "asian-provider": ("Profesional asiático-americano o de las islas del Pacífico", ""),
        "provider-of-colour": ("Profesional de color", ""),
        "lgbtq-provider": ("Profesional LGBTQ+", ""),
        "bilingual": ("Bilingüe o multilingüe", ""),
        "parent-after-loss": ("Madre o padre después de una pérdida", ""),
        "lived-experience": ("Vivió un trastorno del ánimo perinatal", ""),
        "disabled-provider": ("Profesional con discapacidad", ""),
        "military-family": ("De una familia militar", ""),
    },
}


def seed_spanish(apps, schema_editor=None):
    for model_name, terms in SPANISH.items():
        model = apps.get_model("providers", model_name)
        for term in model.objects.filter(slug__in=terms):
            name, description = terms[term.slug]
            term.name_es = term.name_es or name
            term.description_es = term.description_es or description
            term.save(update_fields=["name_es", "description_es"])


class Migration(migrations.Migration):
    dependencies = [("providers", "0016_founders_manage_fit_vocabularies")]

    operations = [migrations.RunPython(seed_spanish, migrations.RunPython.noop)]
