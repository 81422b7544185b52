from django.utils import translation

from django_countries import countries

from hub import regions


def test_bangladesh_is_in_southern_asia_in_asia():
    place = regions.placement("BD")
    assert (place.subregion, place.region) == ("034", "142")
    assert regions.region_name("034", "en") == "Southern Asia"
    assert regions.region_name("142", "en") == "Asia"


def test_region_names_follow_the_language():
    assert regions.region_name("034", "fr") == "Asie du Sud"
    assert regions.region_name("014", "fr") == "Afrique orientale"
    assert regions.region_name("005", "es") == "Sudamérica"


def test_every_country_django_countries_knows_has_a_region_except_antarctica():
    with translation.override("en"):
        unplaced = {
            country.code for country in countries if regions.placement(country.code) is None
        }
    assert unplaced == {"AQ"}


def test_region_codes_for_a_set_of_countries_hold_every_m49_level():
    # Kenya: Africa, Sub-Saharan Africa, Eastern Africa; Colombia: the Americas, Latin
    # America and the Caribbean, South America.
    assert regions.region_codes_for(["KE", "CO"]) == ["002", "005", "014", "019", "202", "419"]
    assert regions.region_codes_for(["EG"]) == ["002", "015"]  # Northern Africa: not sub-Saharan
    assert regions.region_codes_for(["US"]) == ["019", "021"]  # Northern America: not Latin
    assert "BD" in regions.countries_in("034") and "BD" in regions.countries_in("142")


def test_groupings_between_a_region_and_its_intermediate_regions():
    assert regions.parent_region("014") == "202" and regions.parent_region("202") == "002"
    assert regions.parent_region("005") == "419" and regions.parent_region("419") == "019"
    assert regions.parent_region("015") == "002"
    sub_saharan = set(regions.countries_in("202"))
    assert {"KE", "NG", "ZA", "CD", "SN"} <= sub_saharan and not {"EG", "MA"} & sub_saharan
    latin = set(regions.countries_in("419"))
    assert {"CO", "MX", "JM", "BR"} <= latin and not {"US", "CA"} & latin
    assert set(regions.countries_in("002")) == sub_saharan | set(regions.countries_in("015"))
    assert [regions.level(c) for c in ("002", "202", "014", "015")] == [0, 1, 2, 1]


def test_grouping_names_use_the_un_names_in_each_language():
    assert regions.region_name("419", "en") == "Latin America and the Caribbean"
    assert regions.region_name("419", "fr") == "Amérique latine et Caraïbes"
    assert regions.region_name("419", "es") == "América Latina y el Caribe"
    assert regions.region_name("202", "fr") == "Afrique subsaharienne"
    assert regions.region_name("419", "pt") != "419"  # other languages fall back to CLDR


def test_tree_order_puts_each_grouping_under_its_parent():
    codes = regions.region_codes_for(["KE", "EG", "CO", "US"])
    assert regions.in_tree_order(codes, "en") == [
        "002", "015", "202", "014",  # Africa, Northern Africa, Sub-Saharan Africa, Eastern Africa
        "019", "419", "005", "021",  # Americas, Latin America..., South America, Northern America
    ]  # fmt: skip
