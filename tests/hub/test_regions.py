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


def test_region_codes_for_a_set_of_countries():
    assert regions.region_codes_for(["KE", "CO"]) == ["002", "005", "014", "019"]
    assert "BD" in regions.countries_in("034") and "BD" in regions.countries_in("142")
    assert regions.parent_region("014") == "002"
