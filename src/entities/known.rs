//! Names known in advance: countries, cities and states by their aliases
//! ("U.S.", "W. Germany", "Calif."), bodies ("Fed", "GATT"), other names and
//! nationalities, each with its canonical name and kind, and where a text
//! writes the aliases of several words.

use super::link::{lower_case, Name};
use crate::article::EntityKind;
use crate::fold::fold;
use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;
use std::sync::OnceLock;

/// Places by their canonical name, with their aliases in lower case.
const PLACES: &[(&str, &[&str])] = &[
    (
        "United States",
        &[
            "u.s.",
            "u.s",
            "us",
            "usa",
            "u.s.a.",
            "united states of america",
            "america",
        ],
    ),
    (
        "United Kingdom",
        &["u.k.", "uk", "britain", "great britain"],
    ),
    ("United Arab Emirates", &["uae", "u.a.e."]),
    ("Russia", &["russian federation"]),
    // The tagger's country list is of countries today.
    ("Soviet Union", &["ussr", "soviet union"]),
    // Reuters's headlines abbreviate these: "S. KOREA" was a place of its own
    // in 9 articles, "W. GERMANY" in 3.
    (
        "South Korea",
        &["republic of korea", "south-korea", "s. korea", "s.korea"],
    ),
    ("South Africa", &["s. africa", "s.africa"]),
    (
        "North Korea",
        &["dprk", "north-korea", "n. korea", "n.korea"],
    ),
    // A state's formal name: the tagger found "Republic" apart from its
    // country ("the Republic of Portugal", "the Islamic Republic of Iran"),
    // a place or an other name in 30 articles.
    ("Ireland", &["republic of ireland", "irish republic"]),
    ("Iran", &["islamic republic of iran", "republic of iran"]),
    (
        "China",
        &["people's republic of china", "peoples republic of china"],
    ),
    ("Taiwan", &["republic of china"]),
    ("France", &["republic of france", "french republic"]),
    ("Austria", &["republic of austria"]),
    ("Portugal", &["republic of portugal"]),
    ("Venezuela", &["republic of venezuela"]),
    ("Finland", &["republic of finland"]),
    ("Chile", &["republic of chile"]),
    ("Slovenia", &["republic of slovenia"]),
    ("Kyiv", &["kiev"]),
    ("West Germany", &["west-germany", "w. germany", "w.germany"]),
    ("Saudi Arabia", &["saudi-arabia"]),
    ("Hong Kong", &["hong-kong", "h.k."]),
    ("New Zealand", &["new-zealand", "n.z."]),
    // Reuters writes the country's own spelling now and then.
    ("Brazil", &["brasil"]),
    // The tagger took it for a person in 19 articles, 11 of them Reuters's.
    ("Capitol Hill", &["capitol hill"]),
    // Reuters's headlines abbreviate the city: "N.Y." of "N.Y. COCOA FUTURES"
    // was an organisation in 16 articles.
    ("New York", &["n.y.", "n.y", "ny"]),
    ("Los Angeles", &["l.a."]),
    // Buildings the tagger took for an organisation ("Oval Office", in 18
    // articles) and a person ("Trump Tower", in 5).
    ("Oval Office", &["oval office"]),
    ("Trump Tower", &["trump tower"]),
    // The tagger took the city for a person in 15 articles.
    ("Denver", &["denver"]),
    // The tagger found "Hague" alone, a person, whom the counts then credited
    // to William Hague in 12 articles.
    ("The Hague", &["the hague"]),
    // Parts of the world, which the tagger gave every kind: "Western Europe"
    // was an organisation in 18 articles and an other name in 10, "Latin
    // America" an other name in 18.
    ("Africa", &["africa"]),
    ("Asia", &["asia"]),
    ("Central America", &["central america"]),
    ("Eastern Europe", &["eastern europe", "east europe"]),
    ("Latin America", &["latin america"]),
    ("North America", &["north america"]),
    ("Persian Gulf", &["persian gulf"]),
    ("South America", &["south america"]),
    (
        "Southeast Asia",
        &["southeast asia", "south-east asia", "south east asia"],
    ),
    ("Western Europe", &["western europe", "west europe"]),
    // The tagger's 1996 wire copy hardly names the planet: "Earth" was an
    // organisation in 20 articles and a place in 7.
    ("Earth", &["earth", "planet earth"]),
    // "DC" of "Washington, DC" was an organisation in 8 articles, and "D.C."
    // in 5; the city went by six spellings.
    (
        "Washington, D.C.",
        &[
            "d.c.",
            "d.c",
            "dc",
            "washington d.c.",
            "washington d.c",
            "washington dc",
            "washington, dc",
            "district of columbia",
        ],
    ),
];

/// States of the United States by the abbreviations wire copy gives them after
/// a town ("Bakersfield, Calif."), in lower case without their final full stop.
/// "Wash" and "Miss" are words too, so these name a state only where a town
/// comes before them ([`state_after_town`]) or a filter asks for a place.
/// Wire copy spells out the states of one short word: Alaska, Hawaii, Idaho,
/// Iowa, Maine, Ohio and Utah have none.
const STATES: &[(&str, &[&str])] = &[
    ("Alabama", &["ala"]),
    ("Alaska", &[]),
    ("Arizona", &["ariz"]),
    ("Arkansas", &["ark"]),
    ("California", &["calif", "cal"]),
    ("Colorado", &["colo"]),
    ("Connecticut", &["conn"]),
    ("Delaware", &["del"]),
    ("Florida", &["fla"]),
    ("Georgia", &["ga"]),
    ("Hawaii", &[]),
    ("Idaho", &[]),
    ("Illinois", &["ill"]),
    ("Indiana", &["ind"]),
    ("Iowa", &[]),
    ("Kansas", &["kan", "kans"]),
    ("Kentucky", &["ky"]),
    ("Louisiana", &["la"]),
    ("Maine", &[]),
    ("Maryland", &["md"]),
    ("Massachusetts", &["mass"]),
    ("Michigan", &["mich"]),
    ("Minnesota", &["minn"]),
    ("Mississippi", &["miss"]),
    ("Missouri", &["mo"]),
    ("Montana", &["mont"]),
    ("Nebraska", &["neb", "nebr"]),
    ("Nevada", &["nev"]),
    ("New Hampshire", &["n.h"]),
    ("New Jersey", &["n.j"]),
    ("New Mexico", &["n.m", "n.mex"]),
    ("New York", &["n.y"]),
    ("North Carolina", &["n.c"]),
    ("North Dakota", &["n.d", "n.dak"]),
    ("Ohio", &[]),
    ("Oklahoma", &["okla"]),
    ("Oregon", &["ore", "oreg"]),
    ("Pennsylvania", &["pa", "penn", "penna"]),
    ("Rhode Island", &["r.i"]),
    ("South Carolina", &["s.c"]),
    ("South Dakota", &["s.d", "s.dak"]),
    ("Tennessee", &["tenn"]),
    ("Texas", &["tex"]),
    ("Utah", &[]),
    ("Vermont", &["vt"]),
    ("Virginia", &["va"]),
    ("Washington State", &["wash"]),
    ("West Virginia", &["w.va", "w. va"]),
    ("Wisconsin", &["wis", "wisc"]),
    ("Wyoming", &["wyo"]),
];

/// The state `name` abbreviates, ignoring case and final full stops: "Calif."
/// and "Calif" are California.
pub fn state(name: &str) -> Option<&'static str> {
    let mut buffer = [0; 8];
    let lower = lower_case(name.trim_end_matches('.'), &mut buffer)?;
    STATES
        .iter()
        .find(|(_, abbreviations)| abbreviations.iter().any(|a| a.as_bytes() == lower))
        .map(|&(state, _)| state)
}

/// The state a place's name abbreviates where it follows a town and a comma,
/// as in "Bakersfield, Calif., and Eugene", or anywhere if a full stop inside
/// it shows that it is no word: "N.J." of "Under N.J. state law". `range` is
/// the name's in `text`.
pub fn state_named(text: &str, range: Range<usize>) -> Option<&'static str> {
    let name = &text[range.clone()];
    let dotted = name.trim_end_matches('.').contains('.');
    dotted
        .then(|| state(name))
        .flatten()
        .or_else(|| state_after_town(text, range))
}

/// The state a place's name abbreviates where it follows a town and a comma,
/// as in "Bakersfield, Calif., and Eugene": `range` is the name's in `text`.
pub fn state_after_town(text: &str, range: Range<usize>) -> Option<&'static str> {
    let before = text[..range.start].trim_end().strip_suffix(',')?;
    let word = before.rsplit(char::is_whitespace).next()?;
    let town = word.starts_with(char::is_uppercase) && word.ends_with(char::is_alphabetic);
    town.then(|| state(&text[range]))?
}

/// The state that a member of Congress's tag of party and state names, as a
/// place: "D-Tex." of "Sen. Lloyd Bentsen (D-Tex.)" is Texas, "R-Iowa" is
/// Iowa. The tagger took such tags for places, organisations and other names
/// of their own ("D-Tex" in 16 articles of Reuters).
pub(super) fn state_of_party_tag(name: &str) -> Option<Name<'static>> {
    let state = name.strip_prefix(['D', 'R', 'I'])?.strip_prefix('-')?;
    let full = state.trim_end_matches('.');
    let state = self::state(state).or_else(|| {
        (STATES.iter())
            .find(|(name, _)| name.eq_ignore_ascii_case(full))
            .map(|&(name, _)| name)
    });
    state.map(|state| (EntityKind::Location, state))
}

/// Bodies by their canonical name, with their aliases in lower case. A few go by
/// their acronym, whatever the article calls them.
const BODIES: &[(&str, &[&str])] = &[
    ("European Union", &["eu", "e.u."]),
    ("United Nations", &["un", "u.n."]),
    (
        "NATO",
        &[
            "nato",
            "north atlantic treaty organization",
            "north atlantic treaty organisation",
            "atlantic alliance",
            "north atlantic alliance",
        ],
    ),
    (
        "OPEC",
        &[
            "opec",
            "organization of petroleum exporting countries",
            "organisation of petroleum exporting countries",
            "organization of the petroleum exporting countries",
        ],
    ),
    ("IMF", &["imf", "international monetary fund"]),
    // "worldbank" is Reuters's code.
    ("World Bank", &["world bank", "worldbank"]),
    ("GATT", &["gatt", "general agreement on tariffs and trade"]),
    (
        "SEC",
        &[
            "sec",
            "securities and exchange commission",
            "u.s. securities and exchange commission",
            "us securities and exchange commission",
        ],
    ),
    (
        "Federal Reserve",
        &[
            "fed",
            "us fed",
            "federal reserve",
            "federal reserve board",
            "federal reserve system",
            "u.s. federal reserve",
            "us federal reserve",
            "u.s. federal reserve board",
            "us federal reserve board",
        ],
    ),
    (
        "USDA",
        &[
            "usda",
            "u.s. agriculture department",
            "us agriculture department",
            "u.s. department of agriculture",
            "us department of agriculture",
            "united states department of agriculture",
        ],
    ),
    ("Congress", &["u.s. congress", "us congress"]),
    // Wikinews writes the United States' in full: a place in 6 articles.
    (
        "House of Representatives",
        &[
            "house of representatives",
            "u.s. house of representatives",
            "us house of representatives",
            "united states house of representatives",
        ],
    ),
    // The tagger's word clusters put "Parliament" beside "Congress" and "Iran",
    // and it took it for a place in 96 articles of Reuters and BBC.
    ("Parliament", &["parliament"]),
    (
        "WHO",
        &[
            "who",
            "world health organization",
            "world health organisation",
        ],
    ),
    ("FBI", &["fbi", "federal bureau of investigation"]),
    ("CIA", &["cia", "central intelligence agency"]),
    ("ECB", &["ecb", "european central bank"]),
    ("IAEA", &["iaea", "international atomic energy agency"]),
    // Its acronym is no initials of its name, nor the beginnings of its words.
    (
        "ICCO",
        &[
            "icco",
            "international cocoa organization",
            "international cocoa organisation",
        ],
    ),
    (
        "NASA",
        &["nasa", "national aeronautics and space administration"],
    ),
    ("Reuters", &["reuters", "reuter"]),
    ("Associated Press", &["associated press"]),
    (
        "AFP",
        &["afp", "agence france-presse", "agence france presse"],
    ),
    // The tagger took "Al Jazeera" for a person ("Al", as of Al Gore) and a
    // place, al-Qaeda for a person, a place and an other name, and Hezbollah
    // for a place.
    ("Al Jazeera", &["al jazeera", "al-jazeera", "aljazeera"]),
    (
        "al-Qaeda",
        &["al-qaeda", "al qaeda", "al-qaida", "al qaida", "alqaeda"],
    ),
    ("Hezbollah", &["hezbollah", "hizbollah", "hizballah"]),
    ("Hamas", &["hamas"]),
    ("Taliban", &["taliban"]),
    // Parties under the names their members and headlines give them. The
    // tagger, trained on 1996 wire copy, takes "Tory" and "Lib Dem" for people.
    (
        "Conservative Party",
        &[
            "conservative party",
            "conservatives",
            "tories",
            "tory",
            "tory party",
        ],
    ),
    ("Labour Party", &["labour", "labour party"]),
    (
        "Liberal Democrats",
        &[
            "liberal democrats",
            "liberal democrat",
            "liberal democrat party",
            "lib dems",
            "lib dem",
        ],
    ),
    (
        "Democratic Party",
        &["democrats", "dems", "democratic party"],
    ),
    (
        "Republican Party",
        &["republicans", "republican party", "gop", "g.o.p."],
    ),
    // British news calls it "the Commons": an other name in 45 articles.
    ("House of Commons", &["house of commons", "commons"]),
    // And "the Lords": a place in 13 articles.
    ("House of Lords", &["house of lords", "lords"]),
    // An other name in 26 articles, beside 114 as an organisation.
    ("Bundesbank", &["bundesbank"]),
    // Football clubs under the short names BBC Sport gives them: the tagger took
    // "Man Utd" for a person in 17 articles.
    (
        "Manchester United",
        &["manchester united", "man utd", "man united"],
    ),
    ("Manchester City", &["manchester city", "man city"]),
    // The tagger took the club for a person, a woman's first name, in 37 BBC
    // Sport articles.
    ("Chelsea", &["chelsea"]),
    // Web platforms, which the tagger's 1996 training text never names.
    ("Twitter", &["twitter"]),
    ("Facebook", &["facebook"]),
    ("YouTube", &["youtube"]),
    ("Instagram", &["instagram"]),
    ("Google", &["google"]),
    ("Wikipedia", &["wikipedia"]),
    ("Wikinews", &["wikinews"]),
    ("Netflix", &["netflix"]),
    ("Uber", &["uber"]),
    ("Yahoo", &["yahoo", "yahoo!"]),
    ("LinkedIn", &["linkedin"]),
    ("Skype", &["skype"]),
    ("Napster", &["napster"]),
    ("eBay", &["ebay"]),
    ("Spotify", &["spotify"]),
    // Electronics makers the tagger took for places or people: "Sony" was a
    // place in 43 articles of BBC's, "Samsung" a person in 6.
    ("Sony", &["sony"]),
    ("Nintendo", &["nintendo"]),
    ("Samsung", &["samsung"]),
    // Britain's regulator of broadcasting, a person in 11 articles of BBC, and
    // the newspaper BBC calls "the Guardian", an other name in 33.
    ("Ofcom", &["ofcom"]),
    ("Guardian", &["guardian", "the guardian"]),
    // The credit rating agency went by six names over Reuters's 1987 stories,
    // "Moody's" alone in 69 articles beside "Moody's Investors Service" in 153.
    (
        "Moody's Investors Service",
        &[
            "moody's",
            "moody's investors",
            "moody's investors service",
            "moody's investors services",
            "moody's investor service",
            "moody's investor services",
        ],
    ),
    (
        "Standard and Poor's",
        &[
            "standard and poor's",
            "standard & poor's",
            "s and p",
            "s&p",
            "s/p",
        ],
    ),
    // Firms of Reuters's 1987 stories that the tagger took for people and
    // places: "Chase Manhattan" was a person in 15 articles that never give the
    // bank's full name, "Wagner" of the oil partnership a place in 29, "Drew"
    // of the London brokers a person in 15, "Pratt" of the engine maker a place
    // and "Whitney" a person, "Harper" of the publisher a person and a place.
    (
        "Chase Manhattan",
        &["chase manhattan", "chase manhattan bank"],
    ),
    (
        "Cable and Wireless",
        &["cable and wireless", "cable & wireless"],
    ),
    (
        "Donaldson, Lufkin and Jenrette",
        &[
            "donaldson, lufkin and jenrette",
            "donaldson, lufkin & jenrette",
            "donaldson lufkin and jenrette",
            "donaldson lufkin & jenrette",
            "donaldson lufkin jenrette",
        ],
    ),
    // Wall Street's brokers of 1987, under the name the wire gives them most
    // often: "Smith Barney" was a person in 13 articles, "E.F. Hutton" in 10,
    // "L.F. Rothschild" in 9, "Dean Witter" in 7 and "Shearson Lehman" in 4,
    // and each counted under up to five spellings ("Smith Barney, Harris
    // Upham", "Goldman, Sachs").
    (
        "Bateman Eichler",
        &["bateman eichler", "bateman eichler, hill richards"],
    ),
    ("Bear Stearns", &["bear stearns", "bear, stearns"]),
    (
        "Dean Witter Reynolds",
        &["dean witter reynolds", "dean witter"],
    ),
    (
        "Drexel Burnham Lambert",
        &["drexel burnham lambert", "drexel burnham", "drexel lambert"],
    ),
    ("E.F. Hutton", &["e.f. hutton", "e. f. hutton", "ef hutton"]),
    ("Goldman Sachs", &["goldman sachs", "goldman, sachs"]),
    ("Kidder Peabody", &["kidder peabody", "kidder, peabody"]),
    (
        "L.F. Rothschild",
        &[
            "l.f. rothschild",
            "l.f. rothschild unterberg towbin",
            "l.f. rothschild, unterberg, towbin",
        ],
    ),
    ("PaineWebber", &["painewebber", "paine webber"]),
    (
        "Prudential-Bache",
        &["prudential-bache", "prudential bache"],
    ),
    ("Salomon Brothers", &["salomon brothers", "salomon bros"]),
    (
        "Shearson Lehman Brothers",
        &[
            "shearson lehman brothers",
            "shearson lehman bros",
            "shearson lehman",
        ],
    ),
    (
        "Smith Barney",
        &[
            "smith barney",
            "smith barney, harris upham",
            "smith barney harris upham",
            "smith barney, harris and upham",
            "smith barney, harris, upham",
            "smith, barney",
            "smith, barney, harris upham",
        ],
    ),
    ("Drake and Carey", &["drake and carey", "drake & carey"]),
    (
        "Gulf and Western",
        &["gulf and western", "gulf & western", "gulf + western"],
    ),
    (
        "Harper and Row",
        &[
            "harper and row",
            "harper & row",
            "harpers and row",
            "harper and row publishers",
        ],
    ),
    (
        "Johnson & Johnson",
        &["johnson and johnson", "johnson & johnson", "j&j"],
    ),
    (
        "Merrill Lynch",
        &[
            "merrill lynch, pierce, fenner and smith",
            "merrill lynch, pierce, fenner & smith",
            "merrill lynch pierce fenner and smith",
        ],
    ),
    (
        "Phillips and Drew",
        &["phillips and drew", "phillips & drew", "philips and drew"],
    ),
    (
        "Pierson, Heldring en Pierson",
        &[
            "pierson, heldring en pierson",
            "pierson, heldring and pierson",
            "pierson heldring en pierson",
        ],
    ),
    (
        "Pratt and Whitney",
        &["pratt and whitney", "pratt & whitney"],
    ),
    (
        "Robertson, Colman and Stephens",
        &[
            "robertson, colman and stephens",
            "robertson colman and stephens",
            "robertson, colman & stephens",
        ],
    ),
    ("Wagner and Brown", &["wagner and brown", "wagner & brown"]),
    // London's brokers and merchant banks and America's banks of 1987 that the
    // tagger took for people: "James Capel" in 10 articles, "Wells Fargo" in
    // 10, "Samuel Montagu" in 3.
    ("Greenwell Montagu", &["greenwell montagu"]),
    ("James Capel", &["james capel"]),
    (
        "Samuel Montagu",
        &["samuel montagu", "samuel montagu and sons"],
    ),
    ("Wells Fargo", &["wells fargo"]),
    // Makers of cars and computers named by one word that is no one's name:
    // the tagger took "Chrysler" for a person in 9 articles and "Fujitsu" in 5,
    // and "Nissan" and "Toshiba" for other names in 12 and 11.
    ("Chrysler", &["chrysler"]),
    ("Fujitsu", &["fujitsu"]),
    ("Hitachi", &["hitachi"]),
    ("Nissan", &["nissan"]),
    ("Toshiba", &["toshiba"]),
    // Makers of aircraft, whose names the tagger reads as their planes' (an
    // other name, as in "Boeing 747"): "Airbus" in 36 articles, "Boeing" in 20.
    ("Airbus", &["airbus", "airbus industrie"]),
    ("Boeing", &["boeing"]),
    // Groups of the leading industrial nations: "G-7" was an other name in 59
    // articles of Reuters, "Group of Seven" an organisation in 31.
    ("Group of Five", &["group of five", "g-5", "g5"]),
    ("Group of Seven", &["group of seven", "g-7", "g7"]),
    // Reuters calls it "the Community" after its full name: "Community" alone
    // was an other name in 50 articles, 49 of which name the EC.
    (
        "European Community",
        &[
            "european community",
            "european economic community",
            "community",
        ],
    ),
];

/// Other names by their canonical name, with their aliases in lower case:
/// holidays, events, awards, the adherents of a faith, and a law. The tagger gives them
/// every kind: "Christmas" was a person in 25 articles of Reuters, Wikinews,
/// SemEval and BBC, a place in 22 and an organisation in 19; "Muslim" a person
/// in 51. The adherents of a faith go by one name, singular or plural, as the
/// nationalities do.
const OTHERS: &[(&str, &[&str])] = &[
    ("Muslim", &["muslim", "muslims"]),
    ("Islam", &["islam"]),
    ("Christian", &["christian", "christians"]),
    ("Catholic", &["catholic", "catholics"]),
    ("Protestant", &["protestant", "protestants"]),
    ("Jewish", &["jewish"]),
    ("Jew", &["jew", "jews"]),
    ("Hindu", &["hindu", "hindus"]),
    ("Nazi", &["nazi", "nazis"]),
    ("neo-Nazi", &["neo-nazi", "neo-nazis"]),
    ("Christmas", &["christmas"]),
    ("Easter", &["easter"]),
    ("New Year", &["new year"]),
    ("Halloween", &["halloween"]),
    ("Thanksgiving", &["thanksgiving"]),
    ("Ramadan", &["ramadan"]),
    ("Brexit", &["brexit"]),
    ("Olympics", &["olympics", "olympic games"]),
    (
        "Oscars",
        &["oscar", "oscars", "academy award", "academy awards"],
    ),
    (
        "Grammys",
        &["grammy", "grammys", "grammy award", "grammy awards"],
    ),
    ("Emmys", &["emmy", "emmys", "emmy award", "emmy awards"]),
    (
        "Golden Globes",
        &["golden globe", "golden globes", "golden globe awards"],
    ),
    // The tennis and golf championship: "U.S. Open" was cut to "U.S." as
    // initials before a common word.
    ("U.S. Open", &["u.s. open", "us open"]),
    // Rugby's championship, an organisation in 43 articles of BBC and an
    // other name in 57, under three names.
    (
        "Six Nations",
        &["six nations", "rbs six nations", "six nations championship"],
    ),
    // Currencies and rates of the markets, under every name the wire gives
    // them: "European Currency Units" was an organisation in 30 articles of
    // Reuters beside "Ecus" as an other name in 60, and the tagger cut "London
    // Interbank" (an organisation in 35) out of the rate's full name.
    (
        "ECU",
        &[
            "ecu",
            "ecus",
            "european currency unit",
            "european currency units",
        ],
    ),
    (
        "Libor",
        &["libor", "london interbank", "london interbank offered rate"],
    ),
    (
        "SDR",
        &[
            "sdr",
            "sdrs",
            "special drawing right",
            "special drawing rights",
        ],
    ),
    // The operating system, which the tagger took for a place in 15 articles
    // ("Linux-based", "a Linux version").
    ("Linux", &["linux"]),
    // The tagger takes the "Chapter" of "Chapter 11" for a person.
    ("Chapter 11", &["chapter 11", "chapter eleven"]),
    // Adjectives of two words, which the tagger takes for a person's name ("West
    // German interest rates").
    ("West German", &["west german"]),
    ("East German", &["east german"]),
    ("South African", &["s. african", "s.african"]),
];

/// Nationalities and peoples, which are other names (CoNLL's MISC) however the
/// tagger takes them: "Kuwaiti" was a person in 37 articles of Reuters and an
/// organisation or a place in 36 more, "Philippine" a person or an
/// organisation in 61, and "Welsh" a person in 12 of BBC. "American" and
/// "Swiss" are left out: alone they often name a company (American Airlines,
/// Swissair); "Americans" does not. A plural is the same name as its singular.
const DEMONYMS: &str = "
    Afghan Afghans Albanian Albanians Algerian Algerians Angolan Angolans
    Argentine Argentinian Argentines Argentinians Armenian Armenians Australian
    Australians Austrian Austrians Azerbaijani Azerbaijanis Bahraini Bahrainis
    Bangladeshi Bangladeshis Belarusian Belarusians Belgian Belgians Bolivian
    Bolivians Bosnian Bosnians Brazilian Brazilians British Briton Britons
    Bulgarian Bulgarians Burmese Cambodian Cambodians Cameroonian Cameroonians
    Canadian Canadians Chilean Chileans Chinese Colombian Colombians Congolese
    Croatian Croatians Croat Croats Cuban Cubans Cypriot Cypriots Czech Czechs
    Danish Dane Danes Dutch Ecuadorean Ecuadorian Ecuadoreans Ecuadorians
    Egyptian Egyptians English Emirati Emiratis Eritrean Eritreans Estonian Estonians
    Ethiopian Ethiopians European Europeans Filipino Filipinos Finnish Finn
    Finns French Georgian Georgians German Germans Ghanaian Ghanaians Greek
    Greeks Guatemalan Guatemalans Haitian Haitians Honduran Hondurans Hungarian
    Hungarians Icelandic Icelanders Indian Indians Indonesian Indonesians
    Iranian Iranians Iraqi Iraqis Irish Israeli Israelis Italian Italians
    Ivorian Ivorians Jamaican Jamaicans Japanese Jordanian Jordanians Kazakh
    Kazakhs Kenyan Kenyans Korean Koreans Kosovar Kosovars Kuwaiti Kuwaitis
    Kyrgyz Laotian Laotians Latvian Latvians Lebanese Liberian Liberians Libyan
    Libyans Lithuanian Lithuanians Luxembourgish Macedonian Macedonians
    Malaysian Malaysians Malian Malians Maltese Mexican Mexicans Moldovan
    Moldovans Mongolian Mongolians Montenegrin Montenegrins Moroccan Moroccans
    Mozambican Mozambicans Namibian Namibians Nepalese Nepali Nicaraguan
    Nicaraguans Nigerian Nigerians Nigerien Nigeriens Norwegian Norwegians Omani
    Omanis Pakistani Pakistanis Palestinian Palestinians Panamanian Panamanians
    Paraguayan Paraguayans Peruvian Peruvians Philippine Polish Pole Poles
    Portuguese Qatari Qataris Romanian Romanians Russian Russians Rwandan
    Rwandans Salvadoran Salvadorans Saudi Saudis Scottish Scot Scots Senegalese
    Serbian Serbians Serb Serbs Singaporean Singaporeans Slovak Slovaks
    Slovenian Slovenians Slovene Slovenes Somali Somalis Spanish Spaniard
    Spaniards Sudanese Swedish Swede Swedes Syrian Syrians Taiwanese Tajik
    Tajiks Tanzanian Tanzanians Thai Thais Tunisian Tunisians Turkish Turk Turks
    Turkmen Ugandan Ugandans Ukrainian Ukrainians Uruguayan Uruguayans Uzbek
    Uzbeks Venezuelan Venezuelans Vietnamese Welsh Yemeni Yemenis Zambian
    Zambians Zimbabwean Zimbabweans Americans
    African Africans Arab Arabs Asian Asians Hispanic Hispanics Kurd Kurds
    Kurdish Latino Latinos Sikh Sikhs Soviet Soviets Yugoslav Yugoslavs
";

/// Every alias in lower case, with its kind and canonical name.
fn aliases() -> impl Iterator<Item = (&'static str, Name<'static>)> {
    let of = |kind, table: &'static [(&'static str, &'static [&'static str])]| {
        table.iter().flat_map(move |&(canonical, aliases)| {
            aliases.iter().map(move |&alias| (alias, (kind, canonical)))
        })
    };
    of(EntityKind::Location, PLACES)
        .chain(of(EntityKind::Organisation, BODIES))
        .chain(of(EntityKind::Other, OTHERS))
}

/// Whether `name`, a known name, is a given name too: "Chelsea", the club, and
/// Chelsea Clinton.
pub(super) fn is_given_name(name: &str) -> bool {
    name == "Chelsea"
}

/// The kind and canonical name of a known country, body or other name, if `name`
/// is one: "U.S." and the Reuters code "usa" are the place "United States", "Fed"
/// is the body "Federal Reserve", "Oscar" is the Oscars, "Kuwaiti" is an other
/// name.
pub fn known(name: &str) -> Option<Name<'static>> {
    static TABLE: OnceLock<HashMap<Box<str>, Name>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let listed: HashSet<&str> = DEMONYMS.split_whitespace().collect();
        // A plural counts as its singular: "Americans" as "American".
        let singular = |name: &'static str| {
            (name.strip_suffix('s'))
                .filter(|one| listed.contains(one) || *one == "American")
                .unwrap_or(name)
        };
        let demonyms = (DEMONYMS.split_whitespace()).map(|name| {
            (
                name.to_ascii_lowercase(),
                (EntityKind::Other, singular(name)),
            )
        });
        (aliases().map(|(alias, name)| (alias.to_string(), name)))
            .chain(demonyms)
            .map(|(alias, name)| (alias.into_boxed_str(), name))
            .collect()
    });
    // Every alias is ASCII, and an ASCII name folds to its lower case: most names
    // are ruled out without building their folded form.
    let folded;
    let name = if name.is_ascii() {
        name
    } else {
        folded = fold(name);
        &folded
    };
    let mut buffer = [0; LONGEST_ALIAS];
    let lower = std::str::from_utf8(lower_case(name, &mut buffer)?).ok()?;
    table.get(lower).copied()
}

/// Bytes in the longest alias.
const LONGEST_ALIAS: usize = 64;

/// The aliases of two words or more ("General Agreement on Tariffs and Trade",
/// "Standard and Poor's") that `text` writes with a capital, as whole words,
/// starting at one of `starts` (byte offsets, in order); the longest at each,
/// with the kind and canonical name of each. The tagger cuts such names at their
/// small words ("General Agreement" and "Tariffs and Trade"), and looking where it
/// found something, not through the whole text, keeps the cost to a few bytes per
/// name.
pub fn find_known(text: &str, starts: &[usize]) -> Vec<(Range<usize>, Name<'static>)> {
    /// The aliases' matcher, the name each pattern stands for, and the aliases'
    /// first words: most names start none, and are passed over without a search.
    type Matcher = (AhoCorasick, Vec<Name<'static>>, HashSet<&'static str>);
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    let (matcher, names, first_words) = MATCHER.get_or_init(|| {
        let (patterns, names): (Vec<&str>, Vec<Name>) =
            aliases().filter(|(alias, _)| alias.contains(' ')).unzip();
        let first_words = patterns
            .iter()
            .filter_map(|alias| alias.split(' ').next())
            .collect();
        let matcher = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(patterns)
            .expect("a few short patterns");
        (matcher, names, first_words)
    });
    let bytes = text.as_bytes();
    let word = |at: Option<&u8>| at.is_some_and(u8::is_ascii_alphanumeric);
    let mut found: Vec<(Range<usize>, Name)> = Vec::new();
    for &start in starts {
        let after_last = found.last().is_none_or(|(last, _)| last.end <= start);
        let opens_word = bytes.get(start).is_some_and(u8::is_ascii_uppercase)
            && !word(start.checked_sub(1).and_then(|b| bytes.get(b)));
        if !after_last || !opens_word {
            continue;
        }
        let first = text[start..]
            .split(|c: char| c.is_ascii_whitespace())
            .next();
        let first = first.unwrap_or_default();
        let mut buffer = [0; 16];
        let first = lower_case(first, &mut buffer).and_then(|w| std::str::from_utf8(w).ok());
        if !first.is_some_and(|first| first_words.contains(first)) {
            continue;
        }
        // Wire copy breaks lines inside names: the search reads each run of
        // white space as one space, and `ends` maps its bytes back to the text.
        let mut spaced = Vec::with_capacity(LONGEST_ALIAS);
        let mut ends = Vec::with_capacity(LONGEST_ALIAS);
        for (at, &byte) in bytes[start..].iter().enumerate() {
            if spaced.len() == LONGEST_ALIAS {
                break;
            }
            if !byte.is_ascii_whitespace() {
                spaced.push(byte);
            } else if spaced.last() != Some(&b' ') {
                spaced.push(b' ');
            } else {
                continue;
            }
            ends.push(start + at + 1);
        }
        let input = Input::new(&spaced).anchored(Anchored::Yes);
        if let Some(m) = matcher.find(input) {
            let end = ends[m.end() - 1];
            if !word(bytes.get(end)) {
                found.push((start..end, names[m.pattern().as_usize()]));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::link::alias;
    use EntityKind::{Location, Organisation, Other, Person};

    #[test]
    fn aliases_of_several_words_are_found_where_the_text_writes_them() {
        let text = "The General Agreement on\n    Tariffs and Trade and STANDARD AND POOR'S \
                    met; the federal reserve did not, nor did two Federal Reserves. \
                    Chapter 11 protection, not Chapter 110.";
        let starts: Vec<usize> = (0..text.len()).collect();
        let found: Vec<(&str, Name)> = find_known(text, &starts)
            .into_iter()
            .map(|(range, name)| (&text[range], name))
            .collect();
        assert!(aliases().all(|(alias, _)| alias.len() <= LONGEST_ALIAS));
        let firm = Some((Organisation, "Phillips and Drew"));
        assert_eq!(known("PHILIPS AND DREW"), firm, "a known name in any case");
        let firm = Some((Organisation, "Johnson & Johnson"));
        assert_eq!(known("Johnson and Johnson"), firm);
        assert_eq!(known("US Open"), Some((Other, "U.S. Open")));
        assert_eq!(known("DENVER"), Some((Location, "Denver")));
        for (headline, country) in [("S. KOREA", "South Korea"), ("W.GERMANY", "West Germany")] {
            assert_eq!(known(headline), Some((Location, country)), "{headline}");
        }
        let firm = Some((Organisation, "Merrill Lynch"));
        assert_eq!(known("Merrill Lynch, Pierce, Fenner and Smith"), firm);
        let firm = Some((Organisation, "Smith Barney"));
        assert_eq!(known("Smith, Barney, Harris Upham"), firm);
        assert_eq!(
            known("Goldman, Sachs"),
            Some((Organisation, "Goldman Sachs"))
        );
        let firm = Some((Organisation, "Airbus"));
        assert_eq!(known("Airbus Industrie"), firm, "the maker, not its planes");
        // With a capital, and as whole words only.
        assert_eq!(
            found,
            vec![
                // Across a line break.
                (
                    "General Agreement on\n    Tariffs and Trade",
                    (Organisation, "GATT")
                ),
                ("STANDARD AND POOR'S", (Organisation, "Standard and Poor's")),
                ("Chapter 11", (Other, "Chapter 11")),
            ]
        );
    }

    #[test]
    fn a_peoples_plural_is_the_name_of_its_singular() {
        for (name, canonical) in [
            ("Americans", "American"),
            ("BRITONS", "Briton"),
            ("Germans", "German"),
            ("Kuwaiti", "Kuwaiti"),
            ("Filipinos", "Filipino"),
            ("Icelanders", "Icelanders"),
            ("Nazis", "Nazi"),
            ("neo-Nazis", "neo-Nazi"),
        ] {
            let found = known(name).or(Some((Other, name)));
            assert_eq!(found, Some((Other, canonical)), "{name}");
        }
        assert_eq!(known("American"), None, "a company's name as often");
    }

    #[test]
    fn a_states_abbreviation_names_it_after_a_town_or_with_a_full_stop_inside() {
        for name in ["Calif.", "calif", "CALIF", "N.Y.", "N.Y", "Wash"] {
            assert!(state(name).is_some(), "{name}");
        }
        assert_eq!(state("Penna."), Some("Pennsylvania"));
        for name in ["California", "Washington", "NY", "C"] {
            assert_eq!(state(name), None, "{name}");
        }
        let after = |text: &str, name: &str| {
            let start = text.find(name).unwrap();
            state_named(text, start..start + name.len())
        };
        assert_eq!(
            after("Bakersfield, Calif., and Eugene", "Calif"),
            Some("California")
        );
        assert_eq!(
            after("SAN JOSE,\nCalif. - Apple", "Calif."),
            Some("California")
        );
        assert_eq!(after("Seattle, Wash.", "Wash"), Some("Washington State"));
        assert_eq!(after("Neal, W. Va., plant", "W. Va"), Some("West Virginia"));
        // A full stop inside it is no word's.
        assert_eq!(after("Under N.J. state law", "N.J."), Some("New Jersey"));
        // No town before it: a word, or a state named some other way.
        assert_eq!(after("Wash your hands", "Wash"), None);
        assert_eq!(after("in Calif. since", "Calif"), None);
        assert_eq!(after("prices fell, Pa. said", "Pa"), None);
        assert_eq!(after("Seattle, Washington", "Washington"), None);
        // Filters on places take the state's name.
        assert_eq!(alias(Location, "Calif."), "California");
        assert_eq!(alias(Person, "Miss"), "Miss");
    }
}
