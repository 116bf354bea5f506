"""tag(): real-looking news sentences with their publication dates and the values TimeML expects."""

import datetime as dt

import pytest

from loaders.timex import tag

SEED = dt.date(2023, 9, 4)  # a Monday
Q3_1989 = dt.date(1989, 10, 30)  # a Monday, when third-quarter results are reported


def value_of(sentence: str, expression: str, published: dt.date | None) -> str:
    found = [t for t in tag(sentence, published) if t.text == expression]
    assert found, f"{expression!r} not tagged in {sentence!r}: {[t.text for t in tag(sentence, published)]}"
    t = found[0]
    assert sentence[t.start : t.end] == expression
    return t.value


# (publication date, sentence, expression, value)
SEED_CASES = [
    (SEED, "Rep. Yoo Sangbum told reporters Monday that Shoigu put the idea to Kim.", "Monday", "2023-09-04"),
    (SEED, "The U.S. and South Korea on Thursday wrapped up Ulchi Freedom Shield.", "Thursday", "2023-08-31"),
    (SEED, "Kirby told news reporters Wednesday in Washington, D.C.", "Wednesday", "2023-08-30"),
    (SEED, "The ambassador spoke in an interview published Saturday by Tass.", "Saturday", "2023-09-02"),
    (
        SEED,
        "A Monday report said that Kim plans to visit Russia later this month.",
        "later this month",
        "2023-09",
    ),
    (SEED, "Qiu Wensheng said in a July 24 report by the state-run Global Times.", "July 24", "2023-07-24"),
    (
        SEED,
        "Kim and Putin held their first summit in Vladivostok on April 25, 2019.",
        "April 25, 2019",
        "2019-04-25",
    ),
    (SEED, "Shoigu put the idea to Kim in July, the lawmaker said.", "July", "2023-07"),
    (
        SEED,
        "The news agency reported on July 29 that a Chinese delegation attended.",
        "July 29",
        "2023-07-29",
    ),
    (SEED, "Kirby warned last week that arms negotiations were actively advancing.", "last week", "2023-W35"),
    (
        SEED,
        "Shoigu met Kim in Pyongyang, July 27, 2023, during the commemoration.",
        "July 27, 2023",
        "2023-07-27",
    ),
    (SEED, "The 11-day exercise included U.N. Command nations.", "11-day", "P11D"),
    (SEED, "They held a four-day maritime exercise in the Sea of Japan.", "four-day", "P4D"),
]

ABSOLUTE_CASES = [
    (SEED, "The treaty was signed on July 27, 2023, in Geneva.", "July 27, 2023", "2023-07-27"),
    (SEED, "The ministers met on 27 July 2023 in Vienna.", "27 July 2023", "2023-07-27"),
    (SEED, "Registration opens Sept. 1 for the conference.", "Sept. 1", "2023-09-01"),
    (SEED, "The blockade began Aug. 24 and has not been lifted.", "Aug. 24", "2023-08-24"),
    (SEED, "The last joint patrol took place in April 2019, officials said.", "April 2019", "2019-04"),
    (SEED, "The decree is dated 2023-07-27 and was published the next week.", "2023-07-27", "2023-07-27"),
    (SEED, "A memo dated 7/27/2023 described the plan.", "7/27/2023", "2023-07-27"),
    (SEED, "A memo dated 3/4/2022 described the plan.", "3/4/2022", "2022-03-04"),
    (SEED, "The base was built in 2022 with Chinese loans.", "2022", "2022"),
    (Q3_1989, "Mr. Fournier said Navigation Mixte's 1989 profit would rise.", "1989", "1989"),
    (SEED, "Tensions have been high since 1991, analysts say.", "1991", "1991"),
    (SEED, "The alliance was founded in 1949 in Washington.", "1949", "1949"),
    (SEED, "Relations soured in the 1990s after the famine.", "the 1990s", "199"),
    (SEED, "Relations soured in the 1990s after the famine.", "the 1990s", "199"),
    (SEED, "The camps were built in the early 1970s.", "the early 1970s", "197"),
    (SEED, "Such tests were common in the '80s.", "the '80s", "198"),
    (SEED, "The dispute dates back to the 19th century.", "the 19th century", "18"),
    (SEED, "The accord was signed on Oct. 3, 1990, in Berlin.", "Oct. 3, 1990", "1990-10-03"),
    (SEED, "He was born on 5th March 1953 in Gori.", "5th March 1953", "1953-03-05"),
    (SEED, "Protests spread in December 2010 across the region.", "December 2010", "2010-12"),
    (SEED, "Elections are due in May 2024, the commission said.", "May 2024", "2024-05"),
    (SEED, "Sanctions were first imposed in March of 2014.", "March of 2014", "2014-03"),
    (SEED, "The ceasefire took effect on Jan. 1, 2020.", "Jan. 1, 2020", "2020-01-01"),
    (SEED, "The fleet sailed on Friday, Sept. 1, from Vladivostok.", "Friday, Sept. 1", "2023-09-01"),
    (SEED, "The alliance summit will be held on Oct. 24 and 25 in Vilnius.", "25", "2023-10-25"),
    (SEED, "Trade fell sharply in fiscal 2022, the ministry said.", "fiscal 2022", "2022"),
    (SEED, "The FY2024 budget adds 12 warships.", "FY2024", "2024"),
    (SEED, "Output recovered in mid-2021 after the floods.", "mid-2021", "2021"),
    (SEED, "The missile was tested in the summer of 2017.", "the summer of 2017", "2017-SU"),
    (
        SEED,
        "The company expects growth in the third quarter of 2024.",
        "the third quarter of 2024",
        "2024-Q3",
    ),
    (SEED, "Exports grew 4% in Q2 2023, the agency said.", "Q2 2023", "2023-Q2"),
    (
        dt.date(1998, 3, 1),
        "It happened in nineteen ninety-six, the anchor said.",
        "nineteen ninety-six",
        "1996",
    ),
    (
        SEED,
        "The drills will start at 9 a.m. Thursday near the border.",
        "9 a.m. Thursday",
        "2023-09-07T09:00",
    ),
    (SEED, "The blast was heard at 10:35 p.m. local time on Saturday.", "10:35 p.m.", "2023-09-02T22:35"),
]

NO_YEAR_CASES = [
    (SEED, "The envoy arrived on July 29 for three days of talks.", "July 29", "2023-07-29"),
    (SEED, "Parliament will vote on Oct. 12 on the defence budget.", "Oct. 12", "2023-10-12"),
    (SEED, "The summit will be held on March 27 in Hanoi.", "March 27", "2024-03-27"),
    (SEED, "The navy said it intercepted the ship on March 27.", "March 27", "2023-03-27"),
    (dt.date(2024, 1, 5), "The convoy was attacked on Dec. 28, officials said.", "Dec. 28", "2023-12-28"),
    (dt.date(2023, 12, 20), "The talks will resume on Jan. 8 in Geneva.", "Jan. 8", "2024-01-08"),
    (dt.date(2023, 12, 20), "Leaders will meet in January to sign the deal.", "January", "2024-01"),
    (
        dt.date(2024, 2, 6),
        "The index ended within 70 points of the record high set on Aug. 6.",
        "Aug. 6",
        "2023-08-06",
    ),
    (dt.date(2024, 2, 6), "The referendum is set for Aug. 6, officials said.", "Aug. 6", "2024-08-06"),
    (dt.date(2024, 2, 6), "Investigators found the rifle in July near the house.", "July", "2023-07"),
    (dt.date(2024, 1, 10), "The strikes began in November and continued for weeks.", "November", "2023-11"),
    (SEED, "Troops withdrew in February, the ministry said.", "February", "2023-02"),
    (SEED, "The ministers plan to meet again in November.", "November", "2023-11"),
    (SEED, "Exercises are expected to resume in early October.", "early October", "2023-10"),
    (SEED, "Fighting intensified in late August around the town.", "late August", "2023-08"),
    (SEED, "Fighting intensified in mid-August around the town.", "mid-August", "2023-08"),
    (SEED, "The drills were held last April off the coast.", "last April", "2023-04"),
    (SEED, "The drills were held last October off the coast.", "last October", "2022-10"),
    (SEED, "The drills will be repeated next March.", "next March", "2024-03"),
    (SEED, "The agreement was signed in June last year.", "June last year", "2022-06"),
    (SEED, "The base opened on Christmas Day, officials said.", "Christmas Day", "2022-12-25"),
]

WEEKDAY_CASES = [
    (SEED, "The exercise wrapped up Thursday with live-fire drills.", "Thursday", "2023-08-31"),
    (SEED, "Defense ministers will meet Friday in Brussels.", "Friday", "2023-09-08"),
    (SEED, "The two leaders are scheduled to talk on Tuesday.", "Tuesday", "2023-09-05"),
    (SEED, "Police fired tear gas late on Saturday in the capital.", "Saturday", "2023-09-02"),
    (SEED, "The vote was held early Sunday after an all-night session.", "early Sunday", "2023-09-03"),
    (SEED, "Officials said Monday that the talks had stalled.", "Monday", "2023-09-04"),
    (SEED, "The envoy called it ''a Thursday decision'' in a memo.", "Thursday", "2023-08-31"),
    (SEED, "The memo, marked 'Wednesday', was leaked.", "Wednesday", "2023-08-30"),
    (SEED, "The minister said on Sunday that the border would stay closed.", "Sunday", "2023-09-03"),
    (SEED, "The frigate docked in Manila last Friday.", "last Friday", "2023-09-01"),
    (SEED, "The frigate will dock in Manila next Friday.", "next Friday", "2023-09-08"),
    (dt.date(2023, 9, 8), "The parliament approved the budget on Wednesday.", "Wednesday", "2023-09-06"),
    (dt.date(2023, 9, 8), "The parliament will debate the budget on Wednesday.", "Wednesday", "2023-09-13"),
    (dt.date(2023, 9, 8), "Rebels shelled the city Friday morning.", "Friday morning", "2023-09-08TMO"),
    (dt.date(2023, 9, 8), "Rebels shelled the city on Tuesday night.", "Tuesday night", "2023-09-05TNI"),
    (dt.date(2023, 9, 6), "Talks are expected to resume as early as Thursday.", "Thursday", "2023-09-07"),
    (dt.date(2023, 9, 6), "Monday's attack killed four soldiers.", "Monday", "2023-09-04"),
    (dt.date(2023, 9, 6), "The agency reported Tuesday that the tests failed.", "Tuesday", "2023-09-05"),
    (
        Q3_1989,
        "Stocks fell sharply on Friday. The index closed down 4.5% from the previous Friday.",
        "the previous Friday",
        "1989-10-20",
    ),
    (
        dt.date(2023, 9, 7),
        "The day before last Tuesday's hearing, the envoy met the judge.",
        "The day before last Tuesday",
        "2023-09-04",
    ),
    (
        SEED,
        "The rebels attacked on Aug. 30. The following Sunday, the army struck back.",
        "The following Sunday",
        "2023-09-03",
    ),
    (SEED, "Putin went to Pyongyang to meet Kim on Thursday.", "Thursday", "2023-08-31"),
    (SEED, "The two leaders hope to meet on Thursday in Geneva.", "Thursday", "2023-09-07"),
    (SEED, "The ministers agreed to meet again on Friday.", "Friday", "2023-09-08"),
    (SEED, "The new parliament convenes Thursday in Seoul.", "Thursday", "2023-09-07"),
    (SEED, "The envoy leaves Friday for Beijing, his office said.", "Friday", "2023-09-08"),
    (SEED, "The court postponed until Thursday its ruling on the appeal.", "Thursday", "2023-09-07"),
    (SEED, "The hearing was adjourned until Friday, the clerk said.", "Friday", "2023-09-08"),
]

RELATIVE_CASES = [
    (SEED, "The minister arrived in Seoul today.", "today", "2023-09-04"),
    (SEED, "The minister arrived in Seoul yesterday.", "yesterday", "2023-09-03"),
    (SEED, "The minister will arrive in Seoul tomorrow.", "tomorrow", "2023-09-05"),
    (SEED, "The envoy left for Beijing last week.", "last week", "2023-W35"),
    (SEED, "Pyongyang fired two missiles earlier this month.", "earlier this month", "2023-09"),
    (SEED, "Kim plans to visit Russia later this month.", "later this month", "2023-09"),
    (SEED, "Elections will take place next month.", "next month", "2023-10"),
    (SEED, "Prices rose 8% last year.", "last year", "2022"),
    (SEED, "The treaty expires this year.", "this year", "2023"),
    (SEED, "Construction will finish next year.", "next year", "2024"),
    (SEED, "The carrier will visit Busan next week.", "next week", "2023-W37"),
    (SEED, "More talks are planned for this weekend.", "this weekend", "2023-W36-WE"),
    (SEED, "The reactor was shut two years ago.", "two years ago", "2021"),
    (SEED, "The reactor was shut 24 years ago.", "24 years ago", "1999"),
    (SEED, "The rebels took the town three months ago.", "three months ago", "2023-06"),
    (SEED, "The rebels took the town 10 days ago.", "10 days ago", "2023-08-25"),
    (SEED, "The rebels took the town six weeks ago.", "six weeks ago", "2023-W30"),
    (SEED, "The regime is weaker now than a decade ago.", "now", "PRESENT_REF"),
    (SEED, "The talks have recently stalled.", "recently", "PAST_REF"),
    (SEED, "Tensions will rise in the near future, analysts warned.", "the near future", "FUTURE_REF"),
    (
        SEED,
        "We don't minimize the challenges of the near term, the chairman said.",
        "the near term",
        "FUTURE_REF",
    ),
    (SEED, "The plan placates some holders in the short term.", "the short term", "FUTURE_REF"),
    (SEED, "The plant will be financed through debt at a later date.", "a later date", "FUTURE_REF"),
    (SEED, "The port is currently closed to foreign ships.", "currently", "PRESENT_REF"),
    (SEED, "The strike happened last month near the border.", "last month", "2023-08"),
    (SEED, "Trade fell sharply in the past year.", "the past year", "2022"),
    (SEED, "The parade was held this morning in the capital.", "this morning", "2023-09-04TMO"),
    (SEED, "Sirens sounded last night across the city.", "last night", "2023-09-03TNI"),
    (SEED, "The vote is set for tonight.", "tonight", "2023-09-04TNI"),
    (SEED, "The budget passed late last week.", "late last week", "2023-W35"),
    (SEED, "The case may be heard the week of Sept. 18, lawyers said.", "the week of Sept. 18", "2023-W38"),
    (SEED, "By mid-afternoon, the rebels had reached the bridge.", "mid-afternoon", "2023-09-04TAF"),
    (SEED, "Shares were up 2% at mid-morning yesterday.", "mid-morning yesterday", "2023-09-03TMO"),
    (SEED, "The envoy visited Kyiv a week or so ago.", "a week or so ago", "2023-W35"),
    (SEED, "The plant will reopen early next year.", "early next year", "2024"),
    (SEED, "The drills resumed this summer.", "this summer", "2023-SU"),
    (SEED, "The army retreated last winter.", "last winter", "2022-WI"),
    (SEED, "The reforms were announced last spring.", "last spring", "2023-SP"),
    (SEED, "Output was lower in the third quarter.", "the third quarter", "2023-Q3"),
    (SEED, "Third-quarter earnings beat forecasts.", "Third-quarter", "2023-Q3"),
    (SEED, "Sales fell in the first half.", "the first half", "2023-H1"),
    (SEED, "The army has been fighting in the region for the past decade.", "the past decade", "201"),
    (SEED, "Orders will rise in the coming months, the company said.", "the coming months", "PXM"),
    (
        dt.date(2023, 9, 5),
        "The rebels attacked on Aug. 30. The next day, troops arrived.",
        "The next day",
        "2023-08-31",
    ),
    # "told a news conference on Saturday that she would ...": the day of the telling, in the past
    (
        dt.date(2024, 12, 1),
        "The president told a news conference on Saturday that she would not step down.",
        "Saturday",
        "2024-11-30",
    ),
    # a day of a year named after it: "February 27 next year"
    (
        dt.date(2021, 12, 24),
        "The junta had promised elections on February 27 next year.",
        "February 27 next year",
        "2022-02-27",
    ),
    # a weekday of a week named: "Monday last week", "Friday next week"
    (dt.date(2021, 2, 8), "The army seized power on Monday last week.", "Monday last week", "2021-02-01"),
    (dt.date(2021, 2, 8), "Talks will resume on Friday next week.", "Friday next week", "2021-02-19"),
    # a part of the day last named: "late that night", "the following morning"
    (
        dt.date(2023, 7, 28),
        "Guards detained the president early on Wednesday. Late that night, officers went on television.",
        "Late that night",
        "2023-07-26TNI",
    ),
    (
        dt.date(2023, 7, 28),
        "Guards detained the president on Wednesday. The following morning, the army backed them.",
        "The following morning",
        "2023-07-27TMO",
    ),
    (
        SEED,
        "The army said the ceasefire would hold until the end of the year.",
        "the end of the year",
        "2023",
    ),
    (SEED, "The treaty was signed in 1998. Later that year, troops withdrew.", "that year", "1998"),
    (
        SEED,
        "Since the beginning of the year, 500 balloons crossed the border.",
        "the beginning of the year",
        "2023",
    ),
    (SEED, "The missile flew for about 40 minutes before landing in the sea.", "40 minutes", "PT40M"),
]

DURATION_CASES = [
    (SEED, "The exercise lasted 11 days.", "11 days", "P11D"),
    (SEED, "Putin seeks shells for its nearly 19-month-long war in Ukraine.", "nearly 19-month-long", "P19M"),
    (SEED, "The talks could take two weeks.", "two weeks", "P2W"),
    (SEED, "The reactor will be closed for four years.", "four years", "P4Y"),
    (SEED, "Kim will visit Russia in four years, officials said.", "four years", "P4Y"),
    (SEED, "He served for three decades in the navy.", "three decades", "P30Y"),
    (SEED, "The siege has lasted more than six months.", "more than six months", "P6M"),
    (SEED, "The meeting lasted five hours.", "five hours", "PT5H"),
    (SEED, "Inspectors waited 45 minutes at the gate.", "45 minutes", "PT45M"),
    (SEED, "The truce held for several weeks.", "several weeks", "PXW"),
    (SEED, "Exports rose 9% in the first nine months.", "the first nine months", "P9M"),
    (SEED, "The company lost money over the past two years.", "the past two years", "P2Y"),
    (SEED, "They signed a 10-year defence pact.", "10-year", "P10Y"),
    (SEED, "Prices doubled in the last twenty-four hours.", "the last twenty-four hours", "PT24H"),
    (SEED, "The strike lasted a week.", "a week", "P1W"),
    (SEED, "Prisoners were held for years without trial.", "years", "PXY"),
    (SEED, "The troops will stay for at least two more weeks.", "at least two more weeks", "P2W"),
    (SEED, "The lease may be extended for an additional year.", "an additional year", "P1Y"),
    (SEED, "Factory output fell for three straight months.", "three straight months", "P3M"),
    (SEED, "The navy may use the port for 20 more years.", "20 more years", "P20Y"),
    (SEED, "Eight trading days after the crash, the index recovered.", "Eight trading days", "P8D"),
    (SEED, "Funds may sell bonds in the weeks ahead, analysts said.", "the weeks ahead", "PXW"),
    (SEED, "Thousands of troops will be deployed within weeks, the minister said.", "weeks", "PXW"),
    (SEED, "The reactor had its first order in years.", "years", "PXY"),
    (SEED, "It recently turned a profit after several quarters of losses.", "several quarters", "PXQ"),
]

TIMEML_CASES = [
    (SEED, "Three days later, the rebels withdrew.", "Three days", "P3D"),
    (SEED, "The strike came barely a month after the vote.", "a month", "P1M"),
    (SEED, "The company earned $5 million for the year ended March 31.", "the year", "P1Y"),
    (SEED, "The talks lasted 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
    (SEED, "The war lasted two and a half years.", "two and a half years", "P2Y6M"),
    (dt.date(1998, 3, 1), "Leaders will meet in the year two thousand.", "the year two thousand", "2000"),
    (
        dt.date(1998, 3, 1),
        "The bombing happened in January nineteen ninety-seven.",
        "January nineteen ninety-seven",
        "1997-01",
    ),
    (
        dt.date(2000, 1, 7),
        "The Times says in an editorial on Thursday, Jan. 6: the boy must go home.",
        "Thursday, Jan. 6",
        "2000-01-06",
    ),
    (SEED, "Wednesday's ruling angered the relatives.", "Wednesday", "2023-08-30"),
    (SEED, "The ceasefire expired at midday.", "midday", "2023-09-04T12:00"),
    (SEED, "The deadline is 5 p.m. EST, Sept. 9, officials said.", "5 p.m. EST, Sept. 9", "2023-09-09T17:00"),
    (SEED, "The festival is held each July in the capital.", "each July", "XXXX-07"),
    (SEED, "A truce began at 6 a.m. local time (0300 GMT) on Saturday.", "6 a.m.", "2023-09-02T06:00"),
    (SEED, "The truce began at 6 a.m. Officials met again on Saturday.", "6 a.m.", "2023-09-04T06:00"),
    (
        dt.date(1989, 10, 30),
        "Sales rose 8%, compared with a loss a year earlier, in the third quarter.",
        "the third quarter",
        "1989-Q3",
    ),
]

# the quarter being reported on, and what "a year ago", "last year", "the latest period" compare with
FINANCIAL_CASES = [
    (
        Q3_1989,
        "Net income rose 12% in the third quarter. The storm will cause a fourth-quarter charge. "
        "Profit was $3 million a year ago.",
        "a year ago",
        "1988-Q3",
    ),
    (
        Q3_1989,
        "Net rose 5% in the third quarter. Analysts expect a weak fourth quarter. "
        "Sales in the latest quarter were $2 billion.",
        "the latest quarter",
        "1989-Q3",
    ),
    (
        Q3_1989,
        "Third-quarter profit fell to $8 million from $12 million. Last year the unit lost money.",
        "Last year",
        "1988",
    ),
    (
        Q3_1989,
        "Third-quarter profit fell to $8 million, compared with $12 million last year.",
        "last year",
        "1988-Q3",
    ),
    (
        Q3_1989,
        "Net rose 5% in the third quarter. Sales in the latest period were $2 billion.",
        "the latest period",
        "1989-Q3",
    ),
    (dt.date(1989, 8, 10), "Sales in the latest period were $2 billion.", "the latest period", "1989-Q2"),
    (
        Q3_1989,
        "Net rose in the second quarter. The latest period had gains from asset sales.",
        "The latest period",
        "1989-Q2",
    ),
    (SEED, "The company forecast higher earnings for the full year.", "the full year", "2023"),
    (SEED, "Lower net income will mean lower earnings for the fiscal year.", "the fiscal year", "2023"),
    (
        Q3_1989,
        "The firm lost $8 million in the third quarter, compared with net income of $2 million "
        "for the corresponding period last year.",
        "the corresponding period last year",
        "1988-Q3",
    ),
    (
        Q3_1989,
        "Net rose 9% in the third quarter. For the quarter a year ago, the bank earned $16 million.",
        "the quarter a year ago",
        "1988-Q3",
    ),
    (Q3_1989, "Holders may buy shares at half the then current market price.", "then current", "PAST_REF"),
    (
        Q3_1989,
        "Net for the year-earlier nine months included a gain of $9 million.",
        "the year-earlier nine months",
        "P9M",
    ),
    (SEED, "In the fiscal year ended Jan. 31, the company earned $5 million.", "the fiscal year", "P1Y"),
    (
        Q3_1989,
        "Net rose 9% in the third quarter. The firm earned $3 million in the 1988 quarter.",
        "the 1988 quarter",
        "1988-Q3",
    ),
    (
        Q3_1989,
        "Net rose 9% in the third quarter to $5 million. In the 1988 period, it earned $3 million.",
        "the 1988 period",
        "1988-Q3",
    ),
    (
        Q3_1989,
        "Net rose 9% in the third quarter. In the first nine months, net was $30 million, "
        "compared with $20 million in the 1988 period.",
        "the 1988 period",
        "1988",
    ),
    (
        Q3_1989,
        "Brewers expect weaker earnings for the last half of 1989.",
        "the last half of 1989",
        "1989-H2",
    ),
    (Q3_1989, "Shipments slowed in the last quarter of 1988.", "the last quarter of 1988", "1988-Q4"),
    (Q3_1989, "Shipments slowed in the last quarter, the company said.", "the last quarter", "1989-Q3"),
]

SET_CASES = [
    (SEED, "Patrols are carried out daily along the coast.", "daily", "P1D"),
    (SEED, "The council meets weekly in Brussels.", "weekly", "P1W"),
    (SEED, "The drills are held every year in August.", "every year", "P1Y"),
    (SEED, "The summit takes place each year in Davos.", "each year", "P1Y"),
    (SEED, "Protesters gather every Friday outside parliament.", "every Friday", "XXXX-WXX-5"),
    (SEED, "Every Friday, protesters gather outside parliament.", "Every Friday", "XXXX-WXX-5"),
    (SEED, "The country spends $2 billion a year on arms.", "a year", "P1Y"),
]

UNRESOLVED_CASES = [
    (None, "The talks ended Thursday in Geneva.", "Thursday", "XXXX-WXX-4"),
    (None, "The envoy arrived on July 29.", "July 29", "XXXX-07-29"),
    (None, "The treaty was signed on April 25, 2019.", "April 25, 2019", "2019-04-25"),
    (None, "Fighting broke out in July.", "July", "XXXX-07"),
    (None, "The minister arrived yesterday.", "yesterday", "XXXX-XX-XX"),
]

ALL = (
    SEED_CASES
    + ABSOLUTE_CASES
    + NO_YEAR_CASES
    + WEEKDAY_CASES
    + RELATIVE_CASES
    + DURATION_CASES
    + FINANCIAL_CASES
    + TIMEML_CASES
    + SET_CASES
    + UNRESOLVED_CASES
)


@pytest.mark.parametrize(("published", "sentence", "expression", "value"), ALL)
def test_value(published, sentence, expression, value):
    assert value_of(sentence, expression, published) == value


# sentences where a date-like word is not a date (false alarms of dateparser.search_dates and others)
NOT_DATES = [
    ("Shoigu attended the 70th anniversary of the armistice.", "the 70th"),
    ("Shoigu attended the 70th anniversary of the armistice.", "70th"),
    ("Officials said that the plan may be delayed.", "may"),
    ("Thousands march through the capital to protest.", "march"),
    ("Theresa May met the president in London.", "May"),
    ("The army and we both want peace, he said.", "and we"),
    ("Sign Up Now", "Now"),
    ("Subscribe Now for daily headlines.", "Now"),
    ("More than 2000 troops crossed the border.", "2000"),
    ("The convoy of 1500 vehicles moved north.", "1500"),
    ("Police detained a 6-year-old boy.", "6-year-old"),
    ("The minister, 52 years old, resigned.", "52 years"),
    ("The debate went to a second round.", "a second"),
    ("About three-quarters of voters backed the deal.", "three-quarters"),
    ("The rifle costs $1999 on the black market.", "1999"),
    ("China Daily reported the visit.", "Daily"),
    ("The quarterly report showed losses.", "quarterly"),
    ("They watched Black Friday sales.", "Friday"),
    ("April Ryan asked the first question.", "April"),
    ("Flight 2019 landed safely.", "2019"),
    ("The March on Washington drew huge crowds.", "March"),
    ("Ministers Janos Martonyi and Jan Kavan signed the accord.", "Jan"),
    ("Two thousand protesters marched.", "Two thousand"),
    ('He told CBS\'s "60 Minutes" that he would appeal.', "60 Minutes"),
    ('The minister said on ABC\'s "This Week" that talks would resume.', "This Week"),
    ("For the exiles, high noon has come at last.", "noon"),
    ("The summit is very important to the future of our peoples.", "the future"),
    ("Tickets for Oct. 24 and 25 people were sold.", "25"),
    ("The company will reduce its long term debt.", "long term"),
    ("Farkas set up a joint venture called Orion 1980 to build parts.", "1980"),
]


@pytest.mark.parametrize(("sentence", "expression"), NOT_DATES)
def test_not_a_date(sentence, expression):
    texts = [t.text for t in tag(sentence, SEED)]
    assert not any(expression == t or expression in t.split() for t in texts), texts


@pytest.mark.parametrize(
    ("sentence", "expression", "first", "last", "precision"),
    [
        ("Talks resumed in mid-September 2023.", "mid-September 2023", "2023-09-11", "2023-09-20", "month"),
        ("The plant closes in early 2024.", "early 2024", "2024-01-01", "2024-05-01", "year"),
        ("Prices fell in July 2023.", "July 2023", "2023-07-01", "2023-07-31", "month"),
        ("The budget passed late last week.", "late last week", "2023-09-02", "2023-09-03", "week"),
        ("The army left in the 1990s.", "the 1990s", "1990-01-01", "1999-12-31", "decade"),
        ("The envoy left last week.", "last week", "2023-08-28", "2023-09-03", "week"),
        ("Output fell in the third quarter.", "the third quarter", "2023-07-01", "2023-09-30", "quarter"),
        ("The parade was on Thursday.", "Thursday", "2023-08-31", "2023-08-31", "day"),
        ("The base opened in 2019.", "2019", "2019-01-01", "2019-12-31", "year"),
    ],
)
def test_first_last_precision(sentence, expression, first, last, precision):
    t = next(t for t in tag(sentence, SEED) if t.text == expression)
    assert (t.first.isoformat(), t.last.isoformat(), t.precision) == (first, last, precision)


def test_separate_timexes_in_a_range():
    text = "Drills run Sept. 1 through Sept. 7."
    assert [(t.text, t.value) for t in tag(text, SEED)] == [
        ("Sept. 1", "2023-09-01"),
        ("Sept. 7", "2023-09-07"),
    ]


def test_unresolved_flag_without_a_publication_date():
    (t,) = tag("The talks ended Thursday.")
    assert not t.resolved and t.first is None
    (t,) = tag("The talks ended on April 25, 2019.")
    assert t.resolved and t.first == dt.date(2019, 4, 25)


def test_offsets_match_the_text_with_crlf_and_curly_quotes():
    text = "\u201cWe met Thursday,\u201d he said.\r\nTalks resume July 29.\r\n"
    for t in tag(text, SEED):
        assert text[t.start : t.end] == t.text
    assert [t.value for t in tag(text, SEED)] == ["2023-08-31", "2023-07-29"]


def test_empty_and_dateless_text():
    assert tag("", SEED) == []
    assert tag("No temporal words here at all.", SEED) == []
