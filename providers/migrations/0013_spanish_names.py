"""The vocabulary in Spanish (issue 15): a name and description per term for the Spanish site, which founders can
edit in the admin; a blank Spanish name shows the English one (brand names such as insurers stay as they are).
Also the language a family wrote a message in, so the provider's email can say it came from the Spanish site."""

from django.db import migrations, models

# model -> slug -> (name, description), written for families, addressed as "usted".
SPANISH = {
    "ProviderType": {
        "therapist": ("Terapeuta", "Consejeros con licencia, trabajadores sociales y terapeutas de pareja y familia."),
        "psychologist": ("Psicólogo/a", "Profesionales con doctorado que ofrecen terapia y evaluaciones."),
        "psychiatric-prescriber": (
            "Especialista en medicación psiquiátrica",
            "Psiquiatras y enfermeros/as de práctica avanzada en psiquiatría que pueden recetar y ajustar medicamentos.",
        ),
        "doula": ("Doula", "Acompañamiento no médico durante el embarazo, el parto, una pérdida o el posparto."),
        "midwife": ("Partera", "Enfermeras parteras certificadas y parteras profesionales certificadas."),
        "obstetrician": ("Obstetra", "Médicos que atienden el embarazo y el parto."),
        "lactation-consultant": (
            "Consultor/a de lactancia",
            "Apoyo con la alimentación del bebé, incluidas las IBCLC.",
        ),
        "pelvic-floor-pt": (
            "Fisioterapeuta de piso pélvico",
            "Fisioterapia del piso pélvico antes y después del parto.",
        ),
        "childbirth-educator": (
            "Educador/a perinatal",
            "Clases y preparación para el parto y los primeros meses con su bebé.",
        ),
        "support-group": ("Grupo de apoyo", "Grupos guiados para madres, padres y familias."),
    },
    "Concern": {
        "postpartum-depression": ("Depresión posparto", "Tristeza, vacío o desesperanza después del parto."),
        "perinatal-anxiety": (
            "Ansiedad perinatal",
            "Preocupación, pánico o miedo constante durante el embarazo o después del parto.",
        ),
        "perinatal-ocd": ("TOC perinatal", "Pensamientos intrusivos no deseados y los rituales que los siguen."),
        "birth-trauma": ("Trauma del parto", "Un parto que se vivió como aterrador, fuera de control o dañino."),
        "postpartum-psychosis": ("Psicosis posparto", "Una emergencia poco común, grave y tratable después del parto."),
        "bipolar-perinatal": (
            "Trastorno bipolar en el embarazo y el posparto",
            "Episodios del estado de ánimo durante el embarazo o después del parto.",
        ),
        "pregnancy-loss": ("Pérdida del embarazo", "Aborto espontáneo, embarazo ectópico y embarazo bioquímico."),
        "stillbirth-infant-loss": (
            "Muerte fetal y pérdida de un bebé",
            "La muerte de un bebé antes o después de nacer.",
        ),
        "termination-for-medical-reasons": (
            "Interrupción del embarazo por motivos médicos",
            "Terminar un embarazo deseado por razones médicas.",
        ),
        "infertility": ("Infertilidad", "Intentar concebir, los tratamientos y las esperas entre uno y otro."),
        "nicu": ("Experiencia en la UCIN", "Tener a su bebé en cuidados intensivos neonatales."),
        "high-risk-pregnancy": ("Embarazo de alto riesgo", "Un embarazo con complicaciones médicas."),
        "hyperemesis": ("Hiperémesis gravídica", "Náuseas y vómitos intensos durante el embarazo."),
        "sexual-trauma-history": (
            "Antecedentes de trauma sexual",
            "Abuso o agresión sexual en el pasado y cómo afecta el embarazo, el parto y la atención médica.",
        ),
        "intimate-partner-violence": ("Violencia de pareja", "Abuso o control dentro de una relación."),
        "lgbtq-family-building": (
            "Formar una familia LGBTQ+",
            "Caminos queer y trans hacia la maternidad y la paternidad.",
        ),
        "adoption-surrogacy": (
            "Adopción y gestación subrogada",
            "Familias adoptivas, familias biológicas, personas gestantes subrogadas y futuros padres.",
        ),
        "partner-support": ("Apoyo para parejas", "Parejas y copadres, cuyo bienestar también importa."),
        "parenting-attachment": (
            "Crianza y apego",
            "El vínculo, la relación temprana y la adaptación a la vida con un bebé.",
        ),
        "substance-use-perinatal": (
            "Consumo de sustancias en el embarazo y el posparto",
            "Atención sin juicios para el consumo de sustancias.",
        ),
    },
    "Modality": {
        "emdr": ("EMDR", "Desensibilización y reprocesamiento por movimientos oculares."),
        "cbt": ("Terapia cognitivo-conductual", "TCC: trabaja con pensamientos, emociones y conductas."),
        "dbt": ("Terapia dialéctica conductual", "TDC: habilidades para manejar emociones intensas."),
        "act": ("Terapia de aceptación y compromiso", "ACT: vivir según lo que a usted le importa."),
        "ifs": ("Sistemas de la Familia Interna", "IFS: conocer y cuidar las distintas partes de uno mismo."),
        "cpt": ("Terapia de procesamiento cognitivo", "TPC: una terapia estructurada para el trauma."),
        "somatic": ("Terapia somática", "Enfoques del trauma centrados en el cuerpo."),
        "ipt": ("Terapia interpersonal", "TIP, muy estudiada para la depresión perinatal."),
        "psychodynamic": ("Terapia psicodinámica", "Comprender patrones que se formaron en experiencias anteriores."),
        "medication-management": (
            "Manejo de medicamentos",
            "Recetar medicamentos y darles seguimiento durante el embarazo y la lactancia.",
        ),
        "mindfulness": ("Terapia basada en la atención plena", "Enfoques basados en la atención plena (mindfulness)."),
        "group": ("Terapia de grupo", "Terapia en un grupo pequeño."),
        "child-parent-psychotherapy": (
            "Psicoterapia para padres y bebés",
            "Terapia para el bebé y su madre o padre juntos.",
        ),
    },
    "Population": {
        "birthing-parents": ("Personas que dan a luz", ""),
        "partners": ("Parejas y copadres", ""),
        "lgbtq": ("Madres y padres LGBTQ+", ""),
        "bipoc": ("Personas negras, indígenas y de color", ""),
        "teen-parents": ("Madres y padres adolescentes", ""),
        "single-parents": ("Madres y padres solos", ""),
        "military-families": ("Familias de militares", ""),
        "immigrant-families": ("Familias inmigrantes", ""),
        "disabled-parents": ("Madres y padres con discapacidad", ""),
        "bereaved-parents": ("Madres y padres en duelo", ""),
    },
    "Language": {
        "en": ("Inglés", ""),
        "es": ("Español", ""),
        "pt": ("Portugués", ""),
        "fr": ("Francés", ""),
        "zh": ("Chino", ""),
        "vi": ("Vietnamita", ""),
        "ar": ("Árabe", ""),
        "ht": ("Criollo haitiano", ""),
        "ru": ("Ruso", ""),
        "ko": ("Coreano", ""),
        "tl": ("Tagalo", ""),
        "hi": ("Hindi", ""),
        "pl": ("Polaco", ""),
        "de": ("Alemán", ""),
        "he": ("Hebreo", ""),
        "asl": ("Lengua de señas americana (ASL)", ""),
    },
    "PaymentOption": {
        "private-insurance": ("Seguro privado", "Dentro de la red de al menos un plan privado."),
        "medicaid": ("Medicaid", "Acepta Medicaid."),
        "tricare": ("TRICARE", "Acepta TRICARE (familias de militares)."),
        "self-pay": ("Pago particular", "Pago por sesión, sin seguro."),
        "sliding-scale": ("Tarifa según ingresos", "Tarifas ajustadas a lo que usted puede pagar."),
        "free": ("Gratis o sin costo", "Sin costo para usted."),
        "payment-plan": ("Plan de pagos", "El costo se paga en partes, a lo largo del tiempo."),
        "superbill": ("Recibo para reembolso", "Un recibo detallado (superbill) para pedir reembolso fuera de la red."),
        # Insurers keep their own names; only the description is translated.
        "aetna": ("", "Dentro de la red de Aetna."),
        "bcbs": ("", "Dentro de la red de Blue Cross Blue Shield."),
        "cigna": ("", "Dentro de la red de Cigna."),
        "united": ("", "Dentro de la red de UnitedHealthcare."),
        "kaiser": ("", "Dentro de la red de Kaiser Permanente."),
    },
    "Practice": {
        "consent-before-touch": (
            "Consentimiento antes de tocar o examinar",
            "Pide permiso antes de cada contacto, explica primero y se detiene cuando usted lo pide.",
        ),
        "virtual-first-visit": (
            "Primera visita virtual",
            "El primer encuentro puede ser por video, antes de verse en persona.",
        ),
        "support-person-welcome": (
            "Puede venir con acompañante",
            "Puede traer a su pareja, a una amistad o a su doula a cualquier cita.",
        ),
        "choice-of-provider-gender": (
            "Elección del género de quien le atiende",
            "Usted puede elegir el género de la persona que le atiende.",
        ),
        "trauma-training-certified": (
            "Formación específica en trauma",
            "Ha completado una formación reconocida en atención informada sobre el trauma.",
        ),
        "flexible-scheduling": ("Horarios flexibles", "Citas por la tarde, en fin de semana o con poca anticipación."),
    },
    "Format": {
        "in-person": ("En persona", "En un consultorio."),
        "telehealth": ("Telesalud (video)", "Por videollamada segura."),
        "phone": ("Por teléfono", "Por llamada telefónica."),
        "home-visits": ("Visitas a domicilio", "Le visita en su casa."),
    },
}


def seed_spanish(apps, schema_editor=None):
    """Fills the Spanish words of the terms that have none yet (a founder's own translation is kept)."""
    for model_name, terms in SPANISH.items():
        model = apps.get_model("providers", model_name)
        for term in model.objects.filter(slug__in=terms):
            name, description = terms[term.slug]
            term.name_es = term.name_es or name
            term.description_es = term.description_es or description
            term.save(update_fields=["name_es", "description_es"])


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0012_city_population"),
    ]

    operations = [
        migrations.AddField(
            model_name="concern",
            name="description_es",
            field=models.CharField(blank=True, max_length=300, verbose_name="description in Spanish"),
        ),
        migrations.AddField(
            model_name="concern",
            name="name_es",
            field=models.CharField(blank=True, max_length=80, verbose_name="name in Spanish"),
        ),
        migrations.AddField(
            model_name="contactmessage",
            name="language",
            field=models.CharField(default="en", editable=False, max_length=8),
        ),
        migrations.AddField(
            model_name="format",
            name="description_es",
            field=models.CharField(blank=True, max_length=300, verbose_name="description in Spanish"),
        ),
        migrations.AddField(
            model_name="format",
            name="name_es",
            field=models.CharField(blank=True, max_length=80, verbose_name="name in Spanish"),
        ),
        migrations.AddField(
            model_name="language",
            name="description_es",
            field=models.CharField(blank=True, max_length=300, verbose_name="description in Spanish"),
        ),
        migrations.AddField(
            model_name="language",
            name="name_es",
            field=models.CharField(blank=True, max_length=80, verbose_name="name in Spanish"),
        ),
        migrations.AddField(
            model_name="modality",
            name="description_es",
            field=models.CharField(blank=True, max_length=300, verbose_name="description in Spanish"),
        ),
        migrations.AddField(
            model_name="modality",
            name="name_es",
            field=models.CharField(blank=True, max_length=80, verbose_name="name in Spanish"),
        ),
        migrations.AddField(
            model_name="paymentoption",
            name="description_es",
            field=models.CharField(blank=True, max_length=300, verbose_name="description in Spanish"),
        ),
        migrations.AddField(
            model_name="paymentoption",
            name="name_es",
            field=models.CharField(blank=True, max_length=80, verbose_name="name in Spanish"),
        ),
        migrations.AddField(
            model_name="population",
            name="description_es",
            field=models.CharField(blank=True, max_length=300, verbose_name="description in Spanish"),
        ),
        migrations.AddField(
            model_name="population",
            name="name_es",
            field=models.CharField(blank=True, max_length=80, verbose_name="name in Spanish"),
        ),
        migrations.AddField(
            model_name="practice",
            name="description_es",
            field=models.CharField(blank=True, max_length=300, verbose_name="description in Spanish"),
        ),
        migrations.AddField(
            model_name="practice",
            name="name_es",
            field=models.CharField(blank=True, max_length=80, verbose_name="name in Spanish"),
        ),
        migrations.AddField(
            model_name="providertype",
            name="description_es",
            field=models.CharField(blank=True, max_length=300, verbose_name="description in Spanish"),
        ),
        migrations.AddField(
            model_name="providertype",
            name="name_es",
            field=models.CharField(blank=True, max_length=80, verbose_name="name in Spanish"),
        ),
        migrations.RunPython(seed_spanish, migrations.RunPython.noop),
    ]
