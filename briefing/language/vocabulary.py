"""The one vocabulary of the briefing: currencies, units, months, weekdays, scales, abbreviations.

Extraction reads these to recognise a figure (`€3m`, `12 kHz`, `3 February`);
composition reads the same tables to word it back (`$1.2 billion`, `-20 °C`,
`6%`, `Tuesday, 3 February 2026`). A currency or unit added here is both
recognised and worded; nothing else in the package keeps its own list.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Currency:
    """One currency: its ISO code, the signs and words that name it, and the sign a reader expects."""

    code: str
    symbols: tuple[str, ...] = ()  # written before (or after) the number: `$`, `zł`
    words: tuple[str, ...] = ()  # written after the number, lower case: `euros`, `zlotys`
    sign: str = ""  # how the briefing writes it before the number (`$1.2 billion`); "" -> `1.2 billion PLN`


CURRENCIES = (
    Currency("USD", ("US$", "$"), ("dollar", "dollars"), "$"),
    Currency("EUR", ("€",), ("euro", "euros"), "€"),
    Currency("GBP", ("£",), ("pound", "pounds", "sterling", "pounds sterling"), "£"),
    Currency("JPY", ("¥",), ("yen",), "¥"),
    Currency("PLN", ("zł",), ("zł", "zloty", "zlotys", "złoty", "złotys", "zlotych", "złotych")),
    Currency("UAH", ("₴",), ("hryvnia", "hryvnias", "hryvnya", "hryvnyas", "hryvnia's")),
    Currency("RUB", ("₽",), ("rouble", "roubles", "ruble", "rubles")),
    Currency("INR", ("₹", "Rs"), ("rupee", "rupees")),
    Currency("TRY", ("₺",), ("lira",)),
    Currency("CZK", ("Kč",), ("koruna", "korunas")),
    Currency("CAD", ("C$",)),
    Currency("AUD", ("A$",)),
    Currency("HKD", ("HK$",)),
    Currency("SGD", ("S$",)),
    Currency("NZD", ("NZ$",)),
    Currency("BRL", ("R$",)),
    Currency("TWD", ("NT$",)),
    Currency("MXN", ("MX$", "Mex$")),
    Currency("MYR", ("RM",), ("ringgit", "ringgits")),
    Currency("CHF", (), ("franc", "francs")),
    Currency("HUF", (), ("forint", "forints")),
    Currency("SEK", (), ("krona", "kronor")),
    Currency("NOK", (), ("krone", "kroner")),
    Currency("CNY", (), ("yuan", "renminbi")),
    *(Currency(code) for code in ("DKK", "RON", "BGN", "BYN", "KZT", "GEL", "MDL", "ILS", "ZAR", "KRW")),
)
CURRENCY_CODES = frozenset(c.code for c in CURRENCIES)
#: a sign before a number -> its code (`$` -> USD)
CURRENCY_SYMBOLS = {symbol: c.code for c in CURRENCIES for symbol in c.symbols}
#: a word after a number -> its code (`euros` -> EUR)
CURRENCY_WORDS = {word: c.code for c in CURRENCIES for word in c.words}
#: a code -> the sign the briefing writes before the number
CURRENCY_SIGNS = {c.code: c.sign for c in CURRENCIES if c.sign}
#: `Canadian dollars`, `US$`: the nation before `dollar` -> its code
DOLLAR_NATIONS = {"canadian": "CAD", "australian": "AUD", "us": "USD", "american": "USD", "new zealand": "NZD",
                  "hong kong": "HKD", "singapore": "SGD"}
#: `8.9 billion Swiss francs`, `Japanese yen`: the nation that may stand before any currency's word (the
#: word names the currency; only a dollar's nation changes it)
CURRENCY_NATIONS = (*DOLLAR_NATIONS, "swiss", "japanese", "chinese", "indian", "turkish", "polish", "russian",
                    "ukrainian", "hungarian", "swedish", "norwegian", "czech", "malaysian")


# Units of measure written as symbols or abbreviations after a number (matched case-sensitively),
# each with the unit the extractor reports. The briefing writes them after the number with a space.
UNIT_SYMBOLS = {
    **dict.fromkeys(("km/h", "kph"), "km/h"), "mph": "mph", "m/s": "m/s",
    **{s: s for s in ("km²", "m²", "m³", "km", "cm", "mm", "nm", "kg", "mg", "ml", "ha", "bcm", "TEU",
                      "MWh", "GWh", "kWh", "TWh", "MW", "GW", "kW", "TW", "W", "mAh", "kV", "V",
                      "Hz", "kHz", "MHz", "GHz", "Gbps", "Mbps", "GB", "MB", "TB", "dB", "hp", "bhp", "rpm",
                      "psi", "mpg", "lb", "oz", "ft", "sq ft", "sq km", "Mt", "kt", "m", "t", "l", "g", "g/km",
                      "fps", "MP", "PS", "tbsp", "tsp", "tcf", "boe")},
    **dict.fromkeys(("bpd", "b/d"), "barrels per day"),
    **dict.fromkeys(("bp", "bps"), "basis points"),
    "km2": "km²", "m2": "m²", "mln": "mln", "lbs": "lb", "lb-ft": "lb-ft", "pound-feet": "lb-ft",
    "foot-pounds": "lb-ft", "Nm": "Nm",
    **dict.fromkeys(("min", "mins"), "minutes"), **dict.fromkeys(("sec", "secs"), "seconds"),
    **dict.fromkeys(("hr", "hrs"), "hours"),
}
#: a distance and `per`/`an`/`a` a time, written as one speed unit (`90 km per hour` is `km/h`)
SPEED_UNITS = {("km", "hour"): "km/h", ("kilometres", "hour"): "km/h", ("kilometers", "hour"): "km/h",
               ("miles", "hour"): "mph", ("metres", "second"): "m/s", ("meters", "second"): "m/s",
               ("m", "second"): "m/s"}
#: spellings of one unit that compare as the same (`%` and `percent`), lower case
UNIT_SYNONYMS = {"%": "percent", "per cent": "percent", "degrees celsius": "°c", "celsius": "°c"}
#: units that are written right after the number with no space in the briefing (`75%`)
PERCENT_UNITS = frozenset({"percent", "per cent", "%"})
PERCENTAGE_POINTS = "percentage points"
TEMPERATURE_UNITS = frozenset({"°C", "°F"})
#: every unit a number reads with (`-20 °C`, `300 km`): measure symbols and temperatures
MEASURE_UNITS = frozenset(UNIT_SYMBOLS.values()) - {"minutes", "seconds", "hours", "mln"} | TEMPERATURE_UNITS
#: what a bare measure is, when its sentence gives no better words
MEASURE_NAMES = {"°C": "temperature", "°F": "temperature", "km": "distance", "m": "length", "km/h": "speed",
                 "mph": "speed", "kg": "weight", "t": "weight", "percent": "share", "%": "share",
                 "hp": "power", "kW": "power", "MW": "power", "rpm": "engine speed", "magnitude": "magnitude"}
#: written before the number it measures: `magnitude 6.8`, `magnitude-5.9`
UNITS_BEFORE = frozenset({"magnitude"})

#: scale words, largest first, with their factors
SCALES = (("trillion", 1e12), ("billion", 1e9), ("million", 1e6), ("thousand", 1e3))
#: scale words read but never written by the briefing (`Rs 45 lakh`, `Rs 3.2 crore`)
SCALES_READ_ONLY = (("crore", 1e7), ("lakh", 1e5))

MONTHS = ("January", "February", "March", "April", "May", "June",
          "July", "August", "September", "October", "November", "December")
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
#: every spelling of a month, lower case
MONTH_NAMES = frozenset(m.lower() for m in MONTHS + MONTH_ABBREVIATIONS)
#: a regular expression for a month as written in a date, a full stop after an abbreviation allowed
MONTHS_PATTERN = "(?:" + "|".join(MONTHS + MONTH_ABBREVIATIONS) + r")\.?"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_NAMES = frozenset(d.lower() for d in WEEKDAYS)

#: titles and short forms whose full stop ends no sentence (`Mr.`, `No.`, `vs.`)
TITLE_ABBREVIATIONS = ("Dr", "Prof", "Mr", "Mrs", "Ms", "St", "Gen", "Col", "Lt", "Capt", "Sgt", "Maj", "Rev",
                       "Jr", "Sr", "No", "Nos", "vs",
                       # US political titles: `Sen. Ted Cruz`, `Rep. Jim Clyburn`
                       "Sen", "Rep", "Gov", "Sens", "Reps", "Adm", "Supt", "Pres", "Atty")
#: every abbreviation whose full stop ends no sentence, as written without it (`e.g`, `U.S`)
ABBREVIATIONS = frozenset(
    TITLE_ABBREVIATIONS + MONTH_ABBREVIATIONS
    + ("Co", "Inc", "Ltd", "Corp", "Mt", "approx", "ul", "al", "pl", "tel", "ca", "cf", "e.g", "i.e", "U.S", "U.K"))
