"""Hand annotation of the Dutch held-out articles (offsets computed, never typed)."""

from _annotate_lib import Doc

# ---------------------------------------------------------------- nl-dronerapport
d = Doc("nl-dronerapport", "nl", "2026-03-12")  # Thursday, ISO week 11
d.attr(
    "indirect",
    "het onafhankelijke onderzoeksinstituut Conflict Ledger",
    "Conflict Ledger",
    ("schrijft", "Dat schrijft"),
    [
        "Rusland heeft vorig jaar zeker 40.000 westerse microchips via tussenhandelaren in Kazachstan en Kirgizië ingevoerd voor de bouw van aanvalsdrones"
    ],
    said_at="2026-03-11",
    based_on=["douanegegevens en gesprekken met twaalf ingewijden"],
    note="'Dat schrijft X': content is the sentence 'Dat' refers to; said_at from 'een rapport dat woensdag verscheen'",
)
d.attr(
    "according_to",
    "de onderzoekers",
    "Conflict Ledger",
    ("Volgens", "Volgens de onderzoekers"),
    ["gaat het om onderdelen ter waarde van tussen de 60 en 75 miljoen euro"],
    note="the researchers of Conflict Ledger",
)
d.attr(
    "direct",
    "hoofdonderzoeker Marta Vrielink",
    "Marta Vrielink",
    ("zegt", "”, zegt hoofd"),
    ["We zien dezelfde serienummers terug in wrakstukken bij Charkiv en in vrachtbrieven uit Bisjkek"],
)
d.attr(
    "direct",
    None,
    "Marta Vrielink",
    None,
    [
        "Dat is geen toeval meer.\n\n„Het gaat om een goed georganiseerd netwerk van minstens vijftien bedrijven, waarvan de helft pas in 2024 is opgericht."
    ],
    note="continuation quote running over two paragraphs (no closing mark after the first); one content span as for a multi-sentence quote",
)
d.attr("no_response", "Het Kremlin", "Kremlin", "gereageerd", [])
d.attr(
    "indirect",
    "De Kazachse regering",
    "Government of Kazakhstan",
    "ontkende",
    ["er via het land militaire goederen naar Rusland worden doorgevoerd"],
    said_at="2026-03-10",
    certainty="denied",
)
d.attr(
    "evaluation",
    "Een Europese diplomaat in Brussel, die anoniem wilde blijven",
    "European diplomat in Brussels",
    "achtte",
    ["zeer aannemelijk"],
    certainty="probable",
    note="judges the Conflict Ledger findings (a1) as very plausible",
)
d.attr(
    "according_to",
    ("hem", "Volgens hem"),
    "European diplomat in Brussels",
    ("Volgens", "Volgens hem"),
    ["weten de inlichtingendiensten van meerdere EU-landen al sinds vorige zomer van het netwerk"],
)
d.attr(
    "indirect",
    "Het dagblad De Kroniek",
    "De Kroniek",
    "meldde",
    [
        "vorige week in de Rotterdamse haven twee zendingen met ruim 3.000, maar mogelijk 5.000 chips zouden zijn onderschept"
    ],
    said_at="2026-03-09",
    based_on=["twee ingewijden bij de douane"],
    certainty="reported",
)
d.attr(
    "no_response",
    "Het Openbaar Ministerie",
    "Openbaar Ministerie",
    "ingaan",
    [],
    note="would not comment on the De Kroniek report (a9)",
)
d.attr(
    "indirect",
    "De Oekraïense militaire inlichtingendienst",
    "Ukrainian military intelligence",
    "schatte",
    ["Rusland inmiddels ongeveer 2.500 aanvalsdrones per maand produceert, bijna twee keer zoveel als in 2024"],
    said_at="2026-03",
)
d.attr(
    "according_to",
    ("Vrielink", "volgens Vrielink"),
    "Marta Vrielink",
    ("volgens", "volgens Vrielink"),
    ["Zonder westerse onderdelen zou die productie", "binnen enkele maanden stilvallen"],
    note="content split by the interposed 'volgens Vrielink'; 'zou' is conditional here, not hearsay, so no certainty",
)
d.attr(
    "announcement",
    "Het instituut",
    "Conflict Ledger",
    "kondigde",
    ["het de volledige lijst met bedrijven volgende maand aan de Europese Commissie overhandigt"],
)
d.attr(
    "direct",
    ("Vrielink", "aldus Vrielink"),
    "Marta Vrielink",
    "aldus",
    ["Sancties werken alleen als iemand ze ook handhaaft"],
)

d.qty("zeker 40.000", 40000, "microchips", "at_least")
d.qty("twaalf", 12, "ingewijden")
d.qty("tussen de 60 en 75 miljoen euro", None, "EUR", "range", low=60000000, high=75000000)
d.qty("minstens vijftien", 15, "bedrijven", "at_least")
d.qty("de helft", 0.5, "fraction")
d.qty("twee", 2, "ingewijden", ctx="twee ingewijden bij de douane")
d.qty("twee", 2, "zendingen", ctx="twee zendingen")
d.qty("ruim 3.000", 3000, "chips", "at_least")
d.qty("mogelijk 5.000", 5000, "chips", "possibly")
d.qty("ongeveer 2.500", 2500, "aanvalsdrones", "about")
d.qty("bijna twee keer", 2, "times", "almost")

d.time("vorig jaar", "2025")
d.time("woensdag", "2026-03-11")
d.time("in 2024", "2024", ctx="pas in 2024")
d.time("dinsdag", "2026-03-10")
d.time("sinds vorige zomer", "2025-SU")
d.time("maandag", "2026-03-09")
d.time("vorige week", "2026-W10")
d.time("eerder deze maand", "2026-03")
d.time("inmiddels", "PRESENT_REF", "vague")
d.time("per maand", "P1M", "set")
d.time("in 2024", "2024", ctx="als in 2024")
d.time("binnen enkele maanden", "PXM", "duration")
d.time("volgende maand", "2026-04")

d.ent("Kazachstan", "GPE", "Kazakhstan", nth=1)
d.ent("Rusland", "GPE", "Russia", nth=1)
d.ent("Kirgizië", "GPE", "Kyrgyzstan")
d.ent("Conflict Ledger", "ORG")
d.ent("Marta Vrielink", "PER")
d.ent("Charkiv", "GPE", "Kharkiv")
d.ent("Bisjkek", "GPE", "Bishkek")
d.ent("Kremlin", "ORG")
d.ent("Brussel", "GPE", "Brussels", nth=1)
d.ent("EU", "ORG", "European Union", ctx="EU-landen")
d.ent("De Kroniek", "ORG")
d.ent("Openbaar Ministerie", "ORG")
d.ent("Vrielink", "PER", "Marta Vrielink", ctx="volgens Vrielink")
d.ent("Europese Commissie", "ORG", "European Commission")
d.write()

# ---------------------------------------------------------------- nl-busongeval
d = Doc("nl-busongeval", "nl", "2026-01-20")  # Tuesday, ISO week 4
d.attr(
    "announcement",
    "de Veiligheidsregio Drenthe",
    "Veiligheidsregio Drenthe",
    "bekendgemaakt",
    ["Negen kinderen raakten gewond, van wie twee ernstig"],
    said_at="2026-01-19TEV",
    note="'Dat heeft X bekendgemaakt': content is the sentence 'Dat' refers to",
)
d.attr(
    "according_to",
    "een woordvoerder van de politie",
    "politie",
    ("Volgens", "Volgens een woordvoerder"),
    ["reed de bus rond 7.45 uur met ongeveer 60 kilometer per uur toen de chauffeur de macht over het stuur verloor"],
)
d.attr(
    "according_to",
    "omwonenden",
    "omwonenden",
    ("volgens", "volgens omwonenden"),
    ["De weg was", "spiegelglad"],
    note="residents near the crash site: a group tied to the event, so the description is kept",
)
d.attr(
    "direct",
    "directeur Gert-Jan Hofstede van busbedrijf Noordlijn",
    "Gert-Jan Hofstede",
    ("zei", "”, zei directeur"),
    ["Onze chauffeur rijdt al achttien jaar zonder ongelukken"],
    said_at="2026-01-20TMO",
)
d.attr(
    "direct",
    None,
    "Gert-Jan Hofstede",
    None,
    ["Hij is er kapot van. We werken volledig mee aan het onderzoek."],
    said_at="2026-01-20TMO",
    note="quote with no cue; speaker and time from the previous sentence",
)
d.attr(
    "indirect",
    ("Hofstede", "Hofstede ontkende"),
    "Gert-Jan Hofstede",
    "ontkende",
    ["de bus te laat was vertrokken en dat de chauffeur daardoor haast had"],
    certainty="denied",
    note="'Op sociale media werd dat maandag volop beweerd' is an agentless passive and not annotated",
)
d.attr(
    "according_to",
    "het ziekenhuis",
    "Sint-Ludgerziekenhuis",
    ("volgens", "volgens het ziekenhuis"),
    ["Hun toestand is", "stabiel"],
)
d.attr(
    "direct",
    "burgemeester Annelies Wubbels van de gemeente Veenhorst",
    "Annelies Wubbels",
    ("zei", "”, zei burgemeester"),
    ["Dit is een zwarte dag voor ons dorp"],
)
d.attr(
    "indirect",
    "Zij",
    "Annelies Wubbels",
    ("zei", "Zij zei"),
    ["de gemeente al in 2023 had gewaarschuwd dat de Veenweg te smal is voor zwaar verkeer"],
    note="'had gewaarschuwd' inside the content is not annotated separately",
)
d.attr(
    "according_to",
    ("Wubbels", "Volgens Wubbels"),
    "Annelies Wubbels",
    ("Volgens", "Volgens Wubbels"),
    ["rijden er dagelijks tussen de 200 en 300 vrachtwagens over de weg, die nog geen zes meter breed is"],
)
d.attr("no_response", "De provincie Drenthe, die de weg beheert", "provincie Drenthe", "gereageerd", [])
d.attr(
    "announcement",
    "De Onderzoeksraad voor Veiligheid",
    "Onderzoeksraad voor Veiligheid",
    ("maakte", "maakte dinsdag bekend"),
    ["hij een onderzoek instelt"],
    said_at="2026-01-20",
    note="separable 'bekendmaken': the cue is the finite verb; 'De resultaten worden … verwacht' is an agentless passive",
)
d.attr(
    "indirect",
    ("de school", "meldde de school"),
    "De Klimop",
    "meldde",
    ["Op basisschool De Klimop in Ellinghuizen waren dinsdag slachtofferhulp en extra leerkrachten aanwezig"],
    note="'Ouders werden gevraagd …' is a request in the passive and not annotated",
)

d.qty("negen", 9, "kinderen")
d.qty("23", 23, "leerlingen", ctx="met 23 leerlingen")
d.qty("Negen", 9, "kinderen")
d.qty("twee", 2, "kinderen", ctx="van wie twee ernstig")
d.qty("ongeveer 60 kilometer per uur", 60, "km/h", "about")
d.qty("achttien jaar", 18, "jaar")
d.qty("Twee", 2, "kinderen", ctx="Twee kinderen liggen")
d.qty("zeven", 7, "kinderen")
d.qty("Honderden", None, "dorpsgenoten", "vague", low=100)
d.qty("tussen de 200 en 300", None, "vrachtwagens", "range", low=200, high=300)
d.qty("nog geen zes meter", 6, "m", "at_most")
d.qty("zes maanden", 6, "maanden")
d.qty("Ongeveer de helft", 0.5, "fraction", "about")

d.time("maandagochtend", "2026-01-19TMO")
d.time("maandagavond", "2026-01-19TEV")
d.time("rond 7.45 uur", "2026-01-19T07:45", "time")
d.time("achttien jaar", "P18Y", "duration")
d.time("dinsdagochtend", "2026-01-20TMO")
d.time("maandag", "2026-01-19", ctx="dat maandag volop")
d.time("in 2023", "2023")
d.time("dagelijks", "P1D", "set")
d.time("dinsdag", "2026-01-20", ctx="maakte dinsdag bekend")
d.time("binnen zes maanden", "P6M", "duration")
d.time("dinsdag", "2026-01-20", ctx="waren dinsdag slachtofferhulp")
d.time("de komende dagen", "FUTURE_REF", "vague")

d.ent("Ellinghuizen", "GPE", nth=1)
d.ent("Veenweg", "LOC", nth=1)
d.ent("Veiligheidsregio Drenthe", "ORG")
d.ent("Gert-Jan Hofstede", "PER")
d.ent("Noordlijn", "ORG")
d.ent("Radio Veenstad", "ORG")
d.ent("Hofstede", "PER", "Gert-Jan Hofstede", ctx="Hofstede ontkende")
d.ent("Sint-Ludgerziekenhuis", "ORG")
d.ent("Emmen", "GPE")
d.ent("Annelies Wubbels", "PER")
d.ent("Veenhorst", "GPE")
d.ent("Wubbels", "PER", "Annelies Wubbels", ctx="Volgens Wubbels")
d.ent("Drenthe", "GPE", ctx="De provincie Drenthe")
d.ent("Onderzoeksraad voor Veiligheid", "ORG")
d.ent("De Klimop", "ORG")
d.write()

# ---------------------------------------------------------------- nl-rechtszaak
d = Doc("nl-rechtszaak", "nl", "2025-11-27")  # Thursday, ISO week 48
d.attr(
    "according_to",
    "officier van justitie Sanne de Ridder",
    "Sanne de Ridder",
    ("Volgens", "Volgens officier"),
    [
        "nam Lindeveld in vier jaar tijd ruim 85.000 euro aan van projectontwikkelaar Bart Kuipers, in ruil voor bouwvergunningen en een gunstig bestemmingsplan"
    ],
    note="the demand for two years in prison ('heeft … geëist') is a demand, not a claim; 'Hij zou zich hebben laten omkopen' is the article's own hedged assertion",
)
d.attr(
    "direct",
    ("De Ridder", "zei De Ridder tijdens"),
    "Sanne de Ridder",
    ("zei", "zei De Ridder tijdens"),
    ["De wethouder verkocht zijn handtekening"],
)
d.attr(
    "direct",
    None,
    "Sanne de Ridder",
    None,
    ["Wie in Wezeloo een vergunning wilde, wist bij wie hij moest aankloppen."],
    note="quote with no cue; speaker from the previous sentence",
)
d.attr(
    "indirect",
    ("Lindeveld", "Lindeveld ontkent"),
    "Ruud Lindeveld",
    "ontkent",
    ["alle beschuldigingen"],
    certainty="denied",
)
d.attr(
    "mixed",
    "Zijn advocaat, Mirjam Akkerman",
    "Mirjam Akkerman",
    "noemde",
    ["het dossier „een verzameling vermoedens zonder bewijs”"],
    note="labels the case file (not a reported claim): object plus predicate, mixed because the predicate is quoted",
)
d.attr(
    "according_to",
    ("haar", "Volgens haar waren"),
    "Mirjam Akkerman",
    ("Volgens", "Volgens haar waren"),
    [
        "waren de betalingen van Kuipers leningen voor de verbouwing van Lindevelds woonboerderij, die inmiddels zijn terugbetaald"
    ],
)
d.attr(
    "indirect",
    "Een getuige, oud-ambtenaar Henk Brinkman",
    "Henk Brinkman",
    "verklaarde",
    ["hij Lindeveld in 2021 een envelop met contant geld had zien aannemen op het gemeentehuis"],
    said_at="2025-10",
)
d.attr(
    "evaluation",
    ("Akkerman", "Akkerman deed"),
    "Mirjam Akkerman",
    "deed",
    ["pure fantasie"],
    said_at="2025-11-26",
    certainty="denied",
    note="dismisses Brinkman's testimony (a7); separable 'afdoen als': the cue is the finite verb",
)
d.attr(
    "according_to",
    ("haar", "volgens haar wraak"),
    "Mirjam Akkerman",
    ("volgens", "volgens haar wraak"),
    ["Brinkman zou", "wraak willen nemen omdat hij in 2022 werd ontslagen"],
)
d.attr(
    "direct",
    ("De Ridder", "zei De Ridder in"),
    "Sanne de Ridder",
    ("zei", "zei De Ridder in"),
    [
        "Meneer Brinkman heeft niets te winnen bij deze zaak. Hij heeft zijn baan al verloren en zijn verhaal is steeds hetzelfde gebleven"
    ],
)
d.attr(
    "no_response",
    "Kuipers zelf, tegen wie vorige maand achttien maanden cel werd geëist",
    "Bart Kuipers",
    "reageren",
    [],
)
d.attr(
    "mixed",
    ("Hij", "Hij heeft eerder"),
    "Bart Kuipers",
    ("verklaard", "eerder verklaard dat"),
    ["hij „nooit iemand een cent” heeft betaald"],
)
d.attr(
    "indirect",
    "een woordvoerder van het OM",
    "Openbaar Ministerie",
    ("zei", "Dat zei"),
    ["Het OM sluit niet uit dat meer ambtenaren van de gemeente betrokken waren bij de zaak"],
    note="'Dat zei X': content is the sentence 'Dat' refers to",
)

d.qty("Twee jaar", 2, "jaar")
d.qty("twee jaar", 2, "jaar")
d.qty("acht maanden", 8, "maanden")
d.qty("vier jaar", 4, "jaar")
d.qty("ruim 85.000 euro", 85000, "EUR", "at_least")
d.qty("achttien maanden", 18, "maanden")
d.qty("ongeveer 60", 60, "plaatsen", "about")

d.time("Twee jaar", "P2Y", "duration")
d.time("woensdag", "2025-11-26", ctx="heeft woensdag twee")
d.time("twee jaar", "P2Y", "duration")
d.time("acht maanden", "P8M", "duration")
d.time("in vier jaar tijd", "P4Y", "duration")
d.time("inmiddels", "PRESENT_REF", "vague")
d.time("vorige maand", "2025-10", ctx="verklaarde vorige maand")
d.time("in 2021", "2021")
d.time("woensdag", "2025-11-26", ctx="verklaring woensdag af")
d.time("in 2022", "2022")
d.time("vorige maand", "2025-10", ctx="wie vorige maand")
d.time("achttien maanden", "P18M", "duration")
d.time("op 11 december", "2025-12-11")

d.ent("Lindeveld", "PER", "Ruud Lindeveld", nth=1)
d.ent("ZWOLLE", "GPE", "Zwolle")
d.ent("Openbaar Ministerie", "ORG")
d.ent("Ruud Lindeveld", "PER")
d.ent("Wezeloo", "GPE", nth=1)
d.ent("Sanne de Ridder", "PER")
d.ent("Bart Kuipers", "PER")
d.ent("De Ridder", "PER", "Sanne de Ridder", ctx="zei De Ridder tijdens")
d.ent("Mirjam Akkerman", "PER")
d.ent("Kuipers", "PER", "Bart Kuipers", ctx="van Kuipers leningen")
d.ent("Henk Brinkman", "PER")
d.ent("Akkerman", "PER", "Mirjam Akkerman", ctx="Akkerman deed")
d.ent("Brinkman", "PER", "Henk Brinkman", ctx="Brinkman zou")
d.ent("OM", "ORG", "Openbaar Ministerie", ctx="Het OM sluit")
d.write()
