"""The Spanish catalog (locale/es): every entry translated, none fuzzy, the committed .mo compiled from this .po, and
no words a family reads left outside a translation in the templates of the pages offered in Spanish."""

import ast
import gettext
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from django.template.base import TextNode
from django.template.loader_tags import BlockNode
from django.templatetags.i18n import BlockTranslateNode, TranslateNode

LOCALE = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES"
TEMPLATES = Path(settings.BASE_DIR) / "templates"
# What only providers and founders see stays English: their pages are not offered under /es/.
ENGLISH_ONLY = (
    "admin/",
    "accounts/",
    "registration/",
    "robots.txt",
    "blog/admin/",
    "blog/emails/",
    "blog/includes/_field.html",
    "providers/emails/",
    "providers/listing_",
    "providers/includes/_listing_",
    "directory/desk/",
)
# Blocks that fill an attribute no one reads (the page's CSS class).
ATTRIBUTE_BLOCKS = {"body_class"}
# Attributes whose words people read or hear.
READ_ATTRIBUTES = {"aria-label", "placeholder", "title", "alt", "content", "data-shortcut"}


def catalog_entries():
    """(msgctxt, msgid, msgid_plural, [msgstr…], flags) for every live entry of the .po file."""
    entries, current, key = [], None, None
    for line in (LOCALE / "django.po").read_text().splitlines() + [""]:
        if not line.strip():
            if current and current["msgid"] is not None:
                entries.append(current)
            current, key = None, None
            continue
        if line.startswith("#~"):
            continue
        current = current or {"msgctxt": None, "msgid": None, "plural": None, "msgstr": {}, "flags": set()}
        if line.startswith("#,"):
            current["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            text = ast.literal_eval(line)
            if key[0] == "msgstr":
                current["msgstr"][key[1]] += text
            else:
                current[key[0]] += text
        else:
            match = re.match(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d)\])?\s+(\".*\")$", line)
            word, index, text = match.group(1), match.group(2), ast.literal_eval(match.group(3))
            if word == "msgstr":
                key = ("msgstr", int(index or 0))
                current["msgstr"][key[1]] = text
            else:
                key = ({"msgid_plural": "plural"}.get(word, word),)
                current[key[0]] = text
    return [entry for entry in entries if entry["msgid"]]  # the header has an empty msgid


def test_every_entry_has_a_spanish_translation_and_none_is_fuzzy():
    entries = catalog_entries()
    assert len(entries) > 150
    untranslated = [entry["msgid"] for entry in entries if not all(entry["msgstr"].values())]
    fuzzy = [entry["msgid"] for entry in entries if "fuzzy" in entry["flags"]]
    assert not untranslated, f"entries without a translation: {untranslated}"
    assert not fuzzy, f"fuzzy entries (check them, then remove the flag): {fuzzy}"


def test_every_placeholder_is_kept_in_the_translation():
    for entry in catalog_entries():
        wanted = set(re.findall(r"%\(\w+\)", entry["msgid"] + (entry["plural"] or "")))
        for index, text in entry["msgstr"].items():
            found = set(re.findall(r"%\(\w+\)", text))
            # A singular form may say "one" in words; every other form keeps every placeholder.
            assert found <= wanted, entry["msgid"]
            assert index == 0 and entry["plural"] or found == wanted, entry["msgid"]


def test_the_committed_mo_is_compiled_from_this_po():
    """Set-up needs no gettext because the .mo is committed; it must say what the .po says (`make messages`)."""
    with (LOCALE / "django.mo").open("rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    for entry in catalog_entries():
        msgid = f"{entry['msgctxt']}\x04{entry['msgid']}" if entry["msgctxt"] else entry["msgid"]
        if entry["plural"]:
            assert translations.ngettext(msgid, entry["plural"], 1) == entry["msgstr"][0], entry["msgid"]
            assert translations.ngettext(msgid, entry["plural"], 5) == entry["msgstr"][2], entry["msgid"]
        else:
            assert translations.gettext(msgid) == entry["msgstr"][0], entry["msgid"]


def family_templates():
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        if not name.startswith(ENGLISH_ONLY):
            yield name


class ReadText(HTMLParser):
    """The words in markup that people read or hear: text, and attributes such as aria-label."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name == "content" and not (tag == "meta" and attributes.get("name") == "description"):
                continue
            if name in READ_ATTRIBUTES and value:
                self.words.append(value)

    def handle_data(self, data):
        self.words.append(data)


def own_markup(nodelist) -> str:
    """The template's markup in order, every branch included, with what is filled in or translated left out: the
    words that remain are written in the template itself."""
    parts = []
    for node in nodelist:
        if isinstance(node, TextNode):
            parts.append(node.s)
        elif isinstance(node, BlockNode) and node.name in ATTRIBUTE_BLOCKS:
            continue
        elif not isinstance(node, TranslateNode | BlockTranslateNode):
            for child in node.child_nodelists:
                parts.append(own_markup(getattr(node, child, None) or []))
    return "".join(parts)


def untranslated_text(nodelist):
    reader = ReadText()
    reader.feed(own_markup(nodelist))
    reader.close()
    return [text.strip() for text in reader.words if re.search(r"[A-Za-z]{2,}", text)]


@pytest.mark.parametrize("name", list(family_templates()))
def test_family_templates_keep_every_word_in_a_translation(name):
    template = engines["django"].get_template(name).template
    assert untranslated_text(template.nodelist) == [], f"{name}: wrap these in {{% translate %}}"
