"""Countries of people and organisations that news names without saying where they are from.

"Putin said", "the Pentagon said", "Houthi forces fired": reporters rarely write "Russian President
Vladimir Putin" twice, so the extractor falls back on this small table when the text itself gives
no nationality. It holds heads of state and government, foreign and defence ministers and military
commands that recur in coverage of summits, drills, missile tests and strikes (2019-2025); the text
always wins over it. Extend it as coverage needs.

>>> person_country("Vladimir Putin"), person_country("Kim Kyou-hyun")
('RUS', None)
>>> org_country("Eastern Theater Command"), org_country("NATO")
('CHN', None)
"""

from __future__ import annotations

import re

PEOPLE: dict[str, str] = {
    # full name -> ISO 3166-1 alpha-3
    "Vladimir Putin": "RUS",
    "Sergei Lavrov": "RUS",
    "Sergei Shoigu": "RUS",
    "Andrei Belousov": "RUS",
    "Dmitry Peskov": "RUS",
    "Maria Zakharova": "RUS",
    "Dmitry Medvedev": "RUS",
    "Mikhail Mishustin": "RUS",
    "Joe Biden": "USA",
    "Donald Trump": "USA",
    "Kamala Harris": "USA",
    "Antony Blinken": "USA",
    "Lloyd Austin": "USA",
    "Jake Sullivan": "USA",
    "John Kirby": "USA",
    "Marco Rubio": "USA",
    "Pete Hegseth": "USA",
    "Matthew Miller": "USA",
    "Xi Jinping": "CHN",
    "Li Qiang": "CHN",
    "Wang Yi": "CHN",
    "Dong Jun": "CHN",
    "Li Shangfu": "CHN",
    "Wang Wenbin": "CHN",
    "Mao Ning": "CHN",
    "Lin Jian": "CHN",
    "Kim Jong Un": "PRK",
    "Kim Yo Jong": "PRK",
    "Choe Son Hui": "PRK",
    "Yoon Suk Yeol": "KOR",
    "Lee Jae-myung": "KOR",
    "Han Duck-soo": "KOR",
    "Shin Won-sik": "KOR",
    "Fumio Kishida": "JPN",
    "Shigeru Ishiba": "JPN",
    "Yoshimasa Hayashi": "JPN",
    "Minoru Kihara": "JPN",
    "Volodymyr Zelensky": "UKR",
    "Volodymyr Zelenskyy": "UKR",
    "Dmytro Kuleba": "UKR",
    "Rustem Umerov": "UKR",
    "Andrii Sybiha": "UKR",
    "Alexander Lukashenko": "BLR",
    "Recep Tayyip Erdogan": "TUR",
    "Hakan Fidan": "TUR",
    "Narendra Modi": "IND",
    "Subrahmanyam Jaishankar": "IND",
    "Rajnath Singh": "IND",
    "Shehbaz Sharif": "PAK",
    "Benjamin Netanyahu": "ISR",
    "Yoav Gallant": "ISR",
    "Israel Katz": "ISR",
    "Ali Khamenei": "IRN",
    "Ebrahim Raisi": "IRN",
    "Masoud Pezeshkian": "IRN",
    "Abbas Araghchi": "IRN",
    "Mohammed bin Salman": "SAU",
    "Abdel Fattah el-Sisi": "EGY",
    "Emmanuel Macron": "FRA",
    "Olaf Scholz": "DEU",
    "Friedrich Merz": "DEU",
    "Boris Pistorius": "DEU",
    "Rishi Sunak": "GBR",
    "Keir Starmer": "GBR",
    "David Cameron": "GBR",
    "John Healey": "GBR",
    "Giorgia Meloni": "ITA",
    "Pedro Sanchez": "ESP",
    "Donald Tusk": "POL",
    "Andrzej Duda": "POL",
    "Viktor Orban": "HUN",
    "Ulf Kristersson": "SWE",
    "Alexander Stubb": "FIN",
    "Sauli Niinisto": "FIN",
    "Anthony Albanese": "AUS",
    "Richard Marles": "AUS",
    "Penny Wong": "AUS",
    "Justin Trudeau": "CAN",
    "Ferdinand Marcos": "PHL",
    "Ferdinand Marcos Jr.": "PHL",
    "Gilberto Teodoro": "PHL",
    "Lai Ching-te": "TWN",
    "Tsai Ing-wen": "TWN",
    "Prabowo Subianto": "IDN",
    "Joko Widodo": "IDN",
    "Luiz Inacio Lula da Silva": "BRA",
    "Lula": "BRA",
    "Cyril Ramaphosa": "ZAF",
    "Abdul-Malik al-Houthi": "YEM",
    "Yahya Saree": "YEM",
    "Yahya Sarea": "YEM",
}
# surnames that name one person in this coverage (a bare "Kim" or "Lee" does not)
SURNAMES: dict[str, str] = {
    "Putin": "Vladimir Putin",
    "Lavrov": "Sergei Lavrov",
    "Shoigu": "Sergei Shoigu",
    "Peskov": "Dmitry Peskov",
    "Biden": "Joe Biden",
    "Trump": "Donald Trump",
    "Blinken": "Antony Blinken",
    "Kirby": "John Kirby",
    "Xi": "Xi Jinping",
    "Kishida": "Fumio Kishida",
    "Ishiba": "Shigeru Ishiba",
    "Zelensky": "Volodymyr Zelensky",
    "Zelenskyy": "Volodymyr Zelenskyy",
    "Lukashenko": "Alexander Lukashenko",
    "Erdogan": "Recep Tayyip Erdogan",
    "Modi": "Narendra Modi",
    "Netanyahu": "Benjamin Netanyahu",
    "Khamenei": "Ali Khamenei",
    "Pezeshkian": "Masoud Pezeshkian",
    "Macron": "Emmanuel Macron",
    "Scholz": "Olaf Scholz",
    "Sunak": "Rishi Sunak",
    "Starmer": "Keir Starmer",
    "Meloni": "Giorgia Meloni",
    "Albanese": "Anthony Albanese",
    "Trudeau": "Justin Trudeau",
    "Zelenskiy": "Volodymyr Zelensky",
    "Orban": "Viktor Orban",
}
ORGS: list[tuple[str, str]] = [
    # a pattern matched inside an organisation's name -> its country
    (
        r"\bPentagon\b|\bState Department\b|\bWhite House\b|\bCENTCOM\b|\bCentral Command\b|\bIndo-Pacific Command\b"
        r"|\bSeventh Fleet\b|\bU\.?S\.? Forces Korea\b",
        "USA",
    ),
    (r"\bKremlin\b|\bTass\b|\bTASS\b|\bRIA\b|\bInterfax\b", "RUS"),
    (
        r"\bXinhua\b|\bGlobal Times\b|\bPeople'?s Liberation Army\b|\bPLA\b|\bEastern Theater Command\b"
        r"|\bSouthern Theater Command\b|\bCCTV\b",
        "CHN",
    ),
    (r"\bKCNA\b|\bKorean Central News Agency\b|\bRodong Sinmun\b", "PRK"),
    (r"\bYonhap\b", "KOR"),
    (r"\bKyodo\b|\bSelf-Defense Forces?\b", "JPN"),
    (r"\bHouthis?\b|\bAnsar Allah\b", "YEM"),
    (r"\bIsrael Defense Forces\b|\bIDF\b|\bMossad\b", "ISR"),
    (r"\bHezbollah\b", "LBN"),
    (r"\bHamas\b", "PSE"),
    (r"\bIslamic Revolutionary Guard Corps\b|\bIRGC\b", "IRN"),
    (r"\bGeorgian Dream\b", "GEO"),
    (r"\bRapid Support Forces\b|\bRSF\b", "SDN"),
    (r"\bJaish-e-Mohammed\b|\bLashkar-e-Taiba\b", "PAK"),
]
_ORGS = [(re.compile(p), iso) for p, iso in ORGS]


def person_country(name: str) -> str | None:
    return PEOPLE.get(name)


def org_country(name: str) -> str | None:
    for rx, iso in _ORGS:
        if rx.search(name):
            return iso
    return None
