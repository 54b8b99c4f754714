"""Hand annotation of the English held-out articles (offsets computed, never typed)."""

from _annotate_lib import Doc

# ---------------------------------------------------------------- en-mine-denial
d = Doc("en-mine-denial", "en", "2026-02-17")  # Tuesday, ISO week 8
d.attr(
    "indirect",
    "Redmarsh Minerals",
    "Redmarsh Minerals",
    "denied",
    ["its copper mine near Ashgrove Landing had leaked contaminated water into the Tessaly River"],
    said_at="2026-02-16",
    certainty="denied",
)
d.attr(
    "evaluation",
    "Redmarsh Minerals",
    "Redmarsh Minerals",
    "calling",
    ["reckless and wrong"],
    said_at="2026-02-16",
    certainty="denied",
    note="judges the Northern Ledger report (a3); shares its subject with a1",
)
d.attr(
    "indirect",
    "The Northern Ledger",
    "The Northern Ledger",
    "reported",
    [
        "a broken pump at the mine’s tailings pond had allowed up to 1.2 million litres of water laced with arsenic to escape for nearly three weeks in January"
    ],
    said_at="2026-02-14",
    based_on=["two former employees and internal emails"],
)
d.attr(
    "direct",
    "chief executive Dana Whitcombe",
    "Dana Whitcombe",
    "told",
    ["The report is false, full stop"],
    certainty="denied",
    note="a direct quote that rejects the report (a3): kind direct because it is quoted",
)
d.attr(
    "direct",
    None,
    "Dana Whitcombe",
    None,
    [
        "Our monitoring stations recorded nothing unusual. We will share every reading with the regulators.\n\n“We have nothing to hide, and we would welcome an independent inspection at any time."
    ],
    note="continuation quote running over two paragraphs (no closing mark after the first); one content span",
)
d.attr(
    "according_to",
    "the newspaper",
    "The Northern Ledger",
    "According",
    ["residents of Ashgrove Landing complained of a metallic taste in their tap water as early as January 12"],
    note="'Health officials urged residents …' is advice and not annotated",
)
d.attr(
    "indirect",
    "British Columbia’s environment ministry",
    "British Columbia Ministry of Environment",
    ("said", "ministry said it"),
    [
        "it had opened an investigation last week and that samples taken downstream showed arsenic levels of between 14 and 22 micrograms per litre, above the federal limit of 10"
    ],
)
d.attr("no_response", "Ministry spokesperson Ravi Sandhu", "Ravi Sandhu", "declined", [])
d.attr(
    "indirect",
    "Local fishing guide Owen Marsh, 47",
    "Owen Marsh",
    ("said", "47, said"),
    ["he had found more than 40 dead trout near the mine’s outflow since the start of the year"],
)
d.attr(
    "direct",
    ("he", "he said."),
    "Owen Marsh",
    ("said", "he said."),
    ["I’ve fished this river for thirty years and I have never seen anything like it"],
)
d.attr(
    "indirect",
    "Analysts at Brennock Capital",
    "analysts at Brennock Capital",
    ("said", "Capital said"),
    ["the dispute could delay Redmarsh’s plans to raise about 300 million Canadian dollars next month"],
    certainty="possible",
)
d.attr(
    "announcement",
    "The company",
    "Redmarsh Minerals",
    "announced",
    ["it would hire an outside laboratory to retest the river"],
    said_at="2026-02-16TEV",
)

d.qty("two", 2, "former employees")
d.qty("up to 1.2 million litres", 1200000, "l", "at_most")
d.qty("nearly three weeks", 3, "weeks", "almost")
d.qty("between 14 and 22 micrograms per litre", None, "µg/l", "range", low=14, high=22)
d.qty("Thousands", None, "people", "vague", low=1000)
d.qty("10", 10, "µg/l", ctx="limit of 10")
d.qty("more than 40", 40, "dead trout", "at_least")
d.qty("thirty years", 30, "years")
d.qty("about 300 million Canadian dollars", 300000000, "CAD", "about")
d.qty("6.4 percent", 6.4, "%")

d.time("on Monday", "2026-02-16", ctx="Minerals on Monday denied")
d.time("on Saturday", "2026-02-14")
d.time("for nearly three weeks", "P3W", "duration")
d.time("in January", "2026-01")
d.time("as early as January 12", "2026-01-12")
d.time("last week", "2026-W07")
d.time("since the start of the year", "2026")
d.time("for thirty years", "P30Y", "duration")
d.time("next month", "2026-03")
d.time("on Monday", "2026-02-16", ctx="Toronto on Monday")
d.time("on Monday evening", "2026-02-16TEV")
d.time("on Tuesday", "2026-02-17")

d.ent("VANCOUVER", "GPE", "Vancouver")
d.ent("Redmarsh Minerals", "ORG")
d.ent("Ashgrove Landing", "GPE", nth=1)
d.ent("Tessaly River", "LOC")
d.ent("Northern Ledger", "ORG", "The Northern Ledger")
d.ent("Dana Whitcombe", "PER")
d.ent("Vancouver", "GPE")
d.ent("British Columbia", "GPE")
d.ent("Ravi Sandhu", "PER")
d.ent("Owen Marsh", "PER")
d.ent("Brennock Capital", "ORG")
d.ent("Redmarsh", "ORG", "Redmarsh Minerals", ctx="delay Redmarsh’s")
d.ent("Toronto", "GPE")
d.write()

# ---------------------------------------------------------------- en-sleep-study
d = Doc("en-sleep-study", "en", "2025-10-08")  # Wednesday, ISO week 41
d.attr(
    "according_to",
    "a study by researchers at Elmsford University",
    "researchers at Elmsford University",
    "according",
    [
        "Teenagers who take their phones to bed sleep on average 52 minutes less than peers who leave them outside the bedroom"
    ],
)
d.attr(
    "mixed",
    "Lead researcher Hannah Okafor",
    "Hannah Okafor",
    ("said", "Okafor said the"),
    ["the effect was “larger than we expected and remarkably consistent” across income groups"],
)
d.attr(
    "direct",
    ("Okafor", "Okafor said in"),
    "Hannah Okafor",
    ("said", "Okafor said in"),
    ["We are not saying phones are poison"],
)
d.attr(
    "direct",
    None,
    "Hannah Okafor",
    None,
    ["But a phone on the pillow is a phone that gets checked, and every check costs sleep."],
    note="quote with no cue; speaker from the previous sentence",
)
d.attr(
    "indirect",
    "She",
    "Hannah Okafor",
    "added",
    ["pupils who slept less than seven hours were nearly twice as likely to report low mood"],
)
d.attr(
    "according_to",
    "the authors",
    "researchers at Elmsford University",
    "According",
    [
        "about 35 percent of the pupils kept a phone in the bedroom overnight, up from 22 percent in a similar survey in 2019"
    ],
)
d.attr(
    "evaluation",
    "Professor Graham Tully of the Northfield Institute, who was not involved in the research",
    "Graham Tully",
    "called",
    ["plausible"],
    certainty="probable",
    note="judges the study's findings",
)
d.attr(
    "indirect",
    "Professor Graham Tully of the Northfield Institute, who was not involved in the research",
    "Graham Tully",
    "warned",
    ["the design could not prove cause and effect"],
    note="shares its subject with the evaluation before it",
)
d.attr(
    "direct",
    ("he", "he said."),
    "Graham Tully",
    ("said", "he said."),
    ["Children who sleep badly may also reach for their phones more"],
    certainty="possible",
)
d.attr(
    "mixed",
    "The Department for Education",
    "Department for Education",
    ("said", "Education said"),
    ["it would “consider the evidence carefully” but had no plans to change its guidance on mobile phones in schools"],
    note="'That guidance was last updated in February' is the article's own assertion",
)
d.attr(
    "no_response",
    "A spokesperson for the Handset Industry Forum, which represents phone makers",
    "Handset Industry Forum",
    "respond",
    [],
)
d.attr(
    "announcement",
    "The researchers",
    "researchers at Elmsford University",
    "announced",
    ["a follow-up study with 10,000 pupils would start next spring"],
    note="'Parents … were advised to …' is advice in the passive and not annotated",
)
d.attr(
    "direct",
    ("Okafor", "Okafor said. “Over"),
    "Hannah Okafor",
    ("said", "Okafor said. “Over"),
    ["It is a small change"],
)
d.attr(
    "direct",
    None,
    "Hannah Okafor",
    None,
    ["Over a school year it adds up to more than 100 hours of extra sleep."],
    note="quote with no cue; speaker from the previous sentence",
)

d.qty("52 minutes", 52, "minutes")
d.qty("3,412", 3412, "pupils")
d.qty("41", 41, "secondary schools", ctx="at 41 secondary")
d.qty("two school years", 2, "school years")
d.qty("less than seven hours", 7, "hours", "at_most")
d.qty("nearly twice", 2, "times", "almost")
d.qty("about 35 percent", 35, "%", "about")
d.qty("22 percent", 22, "%")
d.qty("10,000", 10000, "pupils")
d.qty("more than 100 hours", 100, "hours", "at_least")

d.time("nearly an hour", "PT1H", "duration")
d.time("52 minutes", "PT52M", "duration")
d.time("on Monday", "2025-10-06")
d.time("for two school years", "P2Y", "duration")
d.time("less than seven hours", "PT7H", "duration")
d.time("overnight", "XXXX-XX-XXTNI", "set")
d.time("in 2019", "2019")
d.time("in February", "2025-02")
d.time("next spring", "2026-SP")
d.time("now", "PRESENT_REF", "vague", ctx="act now")
d.time("Over a school year", "P1Y", "duration")
d.time("more than 100 hours", "PT100H", "duration")

d.ent("LONDON", "GPE", "London")
d.ent("Elmsford University", "ORG")
d.ent("Sleep Health Reports", "ORG")
d.ent("England", "GPE")
d.ent("Wales", "GPE")
d.ent("Hannah Okafor", "PER")
d.ent("Okafor", "PER", "Hannah Okafor", ctx="Okafor said in")
d.ent("Graham Tully", "PER")
d.ent("Northfield Institute", "ORG")
d.ent("Department for Education", "ORG")
d.ent("Handset Industry Forum", "ORG")
d.write()

# ---------------------------------------------------------------- en-transfer
d = Doc("en-transfer", "en", "2026-01-29")  # Thursday, ISO week 5
d.attr(
    "announcement",
    ("the club", "the club announced"),
    "Brackwell Rovers",
    "announced",
    ["Brackwell Rovers have signed striker Tomás Ibarra from CD Valdeserra for a club-record fee of £38 million"],
    said_at="2026-01-28",
)
d.attr(
    "according_to",
    "the Spanish sports daily El Heraldo Deportivo",
    "El Heraldo Deportivo",
    "According",
    ["the fee could rise to as much as £45 million with add-ons"],
    certainty="possible",
)
d.attr(
    "direct",
    "manager Kerry Lomax",
    "Kerry Lomax",
    "told",
    ["Tomás is exactly the kind of forward we have been chasing for two years"],
)
d.attr(
    "direct",
    None,
    "Kerry Lomax",
    None,
    [
        "He presses, he finishes, and he is hungry.\n\n“I spoke to him three times last month, and every time he asked about the fans, not the money."
    ],
    note="continuation quote running over two paragraphs (no closing mark after the first); one content span",
)
d.attr(
    "indirect",
    ("Lomax", "Lomax said Ibarra"),
    "Kerry Lomax",
    ("said", "Lomax said Ibarra"),
    ["Ibarra would probably make his debut at home against Thornbury Town on Saturday"],
    certainty="probable",
)
d.attr(
    "mixed",
    "Valdeserra president Ignacio Ferrer",
    "Ignacio Ferrer",
    ("said", "Ferrer said"),
    ["the offer had been “impossible to refuse” and that the club would reinvest the money in its academy"],
)
d.attr(
    "no_response",
    ("CD Valdeserra", "CD Valdeserra did not"),
    "CD Valdeserra",
    "respond",
    [],
    note="'reportedly set at £60 million' is the article's own hedged assertion, not an attribution",
)
d.attr(
    "evaluation",
    "Ibarra’s agent, Rui Carvalhal",
    "Rui Carvalhal",
    "dismissed",
    ["false"],
    certainty="denied",
    note="dismisses the Spanish newspaper reports (a9) as false",
)
d.attr(
    "indirect",
    "several Spanish newspaper reports",
    None,
    "claiming",
    ["the player had failed a medical at another club"],
    said_at="2026-W04",
    note="claim embedded in Carvalhal's evaluation; unnamed newspapers, so no speaker entity",
)
d.attr(
    "direct",
    ("Carvalhal", "Carvalhal said"),
    "Rui Carvalhal",
    ("said", "Carvalhal said"),
    ["He has never failed a medical in his life"],
)
d.attr("direct", "Ibarra, who grew up in Seville", "Tomás Ibarra", ("said", "said Ibarra, who"), ["It’s a dream"])
d.attr(
    "direct",
    None,
    "Tomás Ibarra",
    None,
    ["I watched Rovers on television as a kid. Now I want to win something here."],
    note="quote with no cue; speaker from the previous sentence",
)
d.attr(
    "indirect",
    "The Brackwell Rovers Supporters’ Trust",
    "Brackwell Rovers Supporters’ Trust",
    ("said", "Trust said"),
    ["season-ticket sales had risen by about 15 percent since the first reports of the deal"],
)
d.attr(
    "indirect",
    "The trust",
    "Brackwell Rovers Supporters’ Trust",
    "warned",
    ["many fans could not afford a rise in ticket prices"],
)

d.qty("£38 million", 38000000, "GBP")
d.qty("as much as £45 million", 45000000, "GBP", "at_most")
d.qty("two years", 2, "years")
d.qty("three times", 3, "times")
d.qty("£60 million", 60000000, "GBP")
d.qty("19", 19, "goals")
d.qty("27", 27, "league games")
d.qty("about 15 percent", 15, "%", "about")

d.time("on Wednesday", "2026-01-28")
d.time("in early December", "2025-12")
d.time("until June 2030", "2030-06")
d.time("for two years", "P2Y", "duration")
d.time("last month", "2025-12")
d.time("on Saturday", "2026-01-31")
d.time("last week", "2026-W04")
d.time("since August", "2025-08")
d.time("Now", "PRESENT_REF", "vague", ctx="Now I want")

d.ent("Brackwell Rovers", "ORG", nth=1)
d.ent("Ibarra", "PER", "Tomás Ibarra", nth=1)
d.ent("BRACKWELL", "GPE", "Brackwell")
d.ent("England", "GPE")
d.ent("Tomás Ibarra", "PER")
d.ent("CD Valdeserra", "ORG", nth=1)
d.ent("El Heraldo Deportivo", "ORG")
d.ent("Tomás", "PER", "Tomás Ibarra", ctx="“Tomás is")
d.ent("Kerry Lomax", "PER")
d.ent("Lomax", "PER", "Kerry Lomax", ctx="Lomax said Ibarra")
d.ent("Thornbury Town", "ORG")
d.ent("Valdeserra", "ORG", "CD Valdeserra", ctx="Valdeserra president")
d.ent("Ignacio Ferrer", "PER")
d.ent("Rui Carvalhal", "PER")
d.ent("Carvalhal", "PER", "Rui Carvalhal", ctx="Carvalhal said")
d.ent("Seville", "GPE")
d.ent("Rovers", "ORG", "Brackwell Rovers", ctx="watched Rovers")
d.ent("Brackwell Rovers Supporters’ Trust", "ORG")
d.write()
