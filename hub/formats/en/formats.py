# "13 June 2024": the form the network's pages always used, unambiguous worldwide.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
