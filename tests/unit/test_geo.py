"""Offline geocoding of Dutch postcodes and places."""
import pytest

from matching.geo import Point, distance_km, locate, locate_place, locate_postcode, travel_km


@pytest.mark.parametrize("postcode", ["8251 AB", "8251AB", "8251ab", " 8251 ", "8251"])
def test_postcode_forms_give_dronten(postcode):
    p = locate_postcode(postcode)
    assert p is not None and distance_km(p, locate_place("Dronten")) < 3


@pytest.mark.parametrize("pc4,place", [
    ("8255", "Swifterbant"), ("8256", "Biddinghuizen"), ("8232", "Lelystad"), ("1315", "Almere"),
    ("3891", "Zeewolde"), ("3842", "Harderwijk"), ("3851", "Ermelo"), ("8071", "Nunspeet"),
    ("8081", "Elburg"), ("8161", "Epe"), ("7311", "Apeldoorn"), ("8261", "Kampen"), ("8321", "Urk"),
    ("8301", "Emmeloord"), ("3511", "Utrecht"), ("8011", "Zwolle"), ("6811", "Arnhem"),
])
def test_pc4_lies_near_its_place(pc4, place):
    assert distance_km(locate_postcode(pc4), locate_place(place)) < 8


def test_every_pc4_of_the_region_is_covered():
    for lo, hi in [(8200, 8256), (1300, 1363), (3890, 3899), (3840, 3853), (8070, 8085),
                   (8160, 8162), (7300, 7399), (8260, 8267), (3400, 3999), (7000, 7999), (6500, 6999)]:
        for pc in range(lo, hi + 1):
            p = locate_postcode(str(pc))
            assert p is not None and 50.7 < p.lat < 53.6 and 3.3 < p.lon < 7.3, pc


def test_unknown_pc4_falls_back_within_its_pc2():
    # 8200 is not a PC4 in use; its PC2 area (82..) is Lelystad.
    assert distance_km(locate_postcode("8200"), locate_place("Lelystad")) < 5


@pytest.mark.parametrize("spelling", ["'s-Hertogenbosch", "s-Hertogenbosch", "Den Bosch", "DEN BOSCH",
                                      "'s Hertogenbosch", "Hertogenbosch"])
def test_den_bosch_spellings(spelling):
    assert distance_km(locate_place(spelling), Point(51.69917, 5.30417)) < 1


@pytest.mark.parametrize("spelling", ["Den Haag", "den haag", "'s-Gravenhage", "The Hague"])
def test_the_hague_spellings(spelling):
    assert distance_km(locate_place(spelling), Point(52.0767, 4.2986)) < 2


def test_accents_and_case_are_ignored():
    assert locate_place("súdwest-fryslân") == locate_place("Sudwest Fryslan") is not None
    assert locate_place("BIDDINGHUIZEN") == locate_place("Biddinghuizen") is not None


def test_unknown_gives_none():
    assert locate_place("Atlantis") is None
    assert locate_postcode("0123") is None
    assert locate_postcode("AB 1234") is None
    assert locate(None, None) is None
    assert locate("", "") is None


def test_postcode_wins_over_city_and_city_is_the_fallback():
    assert locate("8251", "Amsterdam") == locate_postcode("8251")
    assert locate("not a code", "Urk") == locate_place("Urk")


def test_dronten_lelystad_distance():
    a, b = locate_place("Dronten"), locate_place("Lelystad")
    assert 15 < distance_km(a, b) < 19  # straight line between the town centres
    assert 20 < travel_km(a, b) < 30  # by road
    assert distance_km(a, a) == 0
