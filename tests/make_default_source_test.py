#!/usr/bin/env python3
"""Tests of scripts/make_default_source.py: how ISO 3166-2 subdivisions find
their seats among the cities, on invented rows in the GeoNames layout."""

import importlib.util
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, os.pardir, "scripts", "make_default_source.py")
spec = importlib.util.spec_from_file_location("make_default_source", SCRIPT)
mds = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mds)


def city(geoname_id, name, country, admin1, population, code="PPLA",
         alternates=""):
    row = [""] * mds.GEONAME_COLUMNS
    row[mds.COL_ID] = str(geoname_id)
    row[mds.COL_NAME] = name
    row[mds.COL_ASCII] = mds.ascii_fold(name)
    row[mds.COL_ALT] = alternates
    row[mds.COL_FCLASS] = "P"
    row[mds.COL_FCODE] = code
    row[mds.COL_CC] = country
    row[mds.COL_ADMIN1] = admin1
    row[mds.COL_POP] = str(population)
    return row


def seats_of(subdivisions, cities):
    seats = mds.match_seats(
        [{"code": code, "name": name} for code, name in subdivisions],
        mds.seat_index(cities))
    return {code: (seat[mds.COL_NAME] if seat else status)
            for code, (seat, status) in seats.items()}


class SubdivisionStemsTest(unittest.TestCase):
    def test_adjectival_names_give_the_seat_stem(self):
        self.assertIn("novosibirsk", mds.subdivision_stems("Novosibirskaja oblast'"))
        self.assertIn("donet", mds.subdivision_stems("Donetska oblast"))
        self.assertIn("stavropol", mds.subdivision_stems("Stavropol'skij kraj"))

    def test_names_without_a_division_word_have_none(self):
        self.assertEqual(mds.subdivision_stems("Galicia"), [])
        self.assertEqual(mds.subdivision_stems("Tatarstan, Respublika"), [])

    def test_stems_are_at_least_four_letters(self):
        # "Sumska oblast" would leave "sum": too short to begin a name safely.
        self.assertEqual(mds.subdivision_stems("Sumska oblast"), [])


class MatchSeatsTest(unittest.TestCase):
    def test_an_adjectival_oblast_finds_the_city_it_is_named_after(self):
        cities = [city(1, "Novosibirsk", "RU", "53", 1600000),
                  city(2, "Donetsk", "UA", "05", 900000),
                  city(3, "Yekaterinburg", "RU", "71", 1400000,
                       alternates="Sverdlovsk,Jekaterinburg")]
        self.assertEqual(
            seats_of([("RU-NVS", "Novosibirskaja oblast'"),
                      ("UA-14", "Donetska oblast"),
                      ("RU-SVE", "Sverdlovskaja oblast'")], cities),
            {"RU-NVS": "Novosibirsk", "UA-14": "Donetsk", "RU-SVE": "Yekaterinburg"})

    def test_a_seat_found_by_name_wins_over_one_found_by_a_stem(self):
        # Moscow is the federal city's seat, found by its name; the oblast
        # only reaches it through the stem of "Moskovskaja" and an alternate.
        cities = [city(1, "Moscow", "RU", "48", 10000000, code="PPLC",
                       alternates="Moskva,Moskov")]
        self.assertEqual(
            seats_of([("RU-MOW", "Moskva"), ("RU-MOS", "Moskovskaja oblast'")], cities),
            {"RU-MOW": "Moscow", "RU-MOS": "shared"})

    def test_two_seats_found_by_name_share_and_lose_it(self):
        # Washington state and D.C. both reach the capital by name.
        cities = [city(1, "Washington", "US", "DC", 700000, code="PPLC",
                       alternates="District of Columbia")]
        self.assertEqual(
            seats_of([("US-WA", "Washington"), ("US-DC", "District of Columbia")], cities),
            {"US-WA": "shared", "US-DC": "shared"})


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1] + sys.argv[1:])
