"""The relevance set: what readers type, in their language, and the page they expect to see.

Written from the demo content (`load_demo`: demo/content/*.py and demo/content/translations/).
Each query names the page a reader expects among the first three results: its slug and the
language of the page shown (a reader of Amharic or Tigrinya gets the English page, marked as a
fallback, where the demo has no translation). `why` says what the query exercises;
`not_slug`, where given, names a page that must stay out of the top 3 (a false match).

Slugs are the same in every language (wagtail-localize synchronizes them).
"""

from typing import NamedTuple


class Query(NamedTuple):
    language: str  # the reader's language: the search runs in this locale
    text: str  # what the reader types
    slug: str  # the page expected in the top 3
    page_language: str  # the language of that page as shown (a fallback is "en")
    why: str
    not_slug: str = ""  # a page that must NOT be in the top 3 (a false match), if any

    @property
    def key(self):
        return f"{self.language}:{self.text}"


REQUEST = "seattle-request-support-form"
VOLUNTEER = "seattle-volunteer-form"
SOUTH_REQUEST = "south-king-county-eastside-request-form"
HOTLINE = "king-county-public-health-hotline"
BLOOD = "bloodworks-northwest"
FIND_MASKS = "find-the-masks"
MASK_PROJECT = "100-million-mask-project"
CRAFTERS = "crafters-against-covid-19"
UNHOUSED = "this-cold-cold-world"
BUSINESS = "seattle-small-business-immigrant-help"
SURVIVAL_FUND = "covid-19-survival-fund"
CREATIVES = "support-creatives"
STUDY = "king-county-covid-19-community-study"
TRACK = "help-track-the-virus"
SNOHOMISH = "snohomish-county-mutual-aid-group"
SEATTLE_GROUP = "seattle-covid-19-mutual-aid"
WHAT_IS = "what-is-mutual-aid"
HISTORY = "history-of-mutual-aid"
NETWORKS = "how-mutual-aid-networks-work"
GET_INVOLVED = "get-involved-or-start-a-network"
OTHER_WAYS = "other-ways-to-support-your-community"

Q = Query

QUERIES = [
    # English
    Q("en", "food", REQUEST, "en", "a need's name: the food request form"),
    Q("en", "volunter", VOLUNTEER, "en", "typo: one letter missing"),
    Q("en", "voluntere", VOLUNTEER, "en", "typo: letters swapped"),
    Q("en", "masks", FIND_MASKS, "en", "plural as in the content"),
    Q("en", "mask", MASK_PROJECT, "en", "singular of the content's 'masks'"),
    Q("en", "give blood", BLOOD, "en", "the listing's own words"),
    Q("en", "food south king county", SOUTH_REQUEST, "en", "need + area"),
    Q("en", "groceries seattle", REQUEST, "en", "need + area, everyday word"),
    Q("en", "homeless", UNHOUSED, "en", "synonym: the content says 'unhoused', 'homelessness'"),
    Q("en", "health question", HOTLINE, "en", "the hotline's purpose"),
    Q("en", "covid test at home", TRACK, "en", "several words, one listing"),
    Q("en", "history of mutual aid", HISTORY, "en", "an article's title"),
    Q("en", "kropotkin", HISTORY, "en", "a name in an article's body"),
    Q("en", "small business", BUSINESS, "en", "a need's name"),
    Q("en", "sewing masks", MASK_PROJECT, "en", "stemming: content says 'sew'"),
    # Spanish
    Q("es", "comida", REQUEST, "es", "synonym: the content says 'alimentos'"),
    Q("es", "alimentos", REQUEST, "es", "the content's own word"),
    Q("es", "mascarillas", FIND_MASKS, "es", "plural as in the content"),
    Q("es", "mascarilla", MASK_PROJECT, "es", "singular of the content's 'mascarillas'"),
    Q("es", "voluntario", VOLUNTEER, "es", "the volunteer form (content: 'ofrecerse')"),
    Q("es", "donar sangre", BLOOD, "es", "the listing's own words"),
    Q("es", "sangre", BLOOD, "es", "one word"),
    Q("es", "linea de salud", HOTLINE, "es", "missing accent: 'línea'"),
    Q("es", "que es la ayuda mutua", WHAT_IS, "es", "missing accent: '¿Qué es…?'"),
    Q("es", "historia ayuda mutua", HISTORY, "es", "article title without its small words"),
    Q("es", "comida sur del condado de king", SOUTH_REQUEST, "es", "need + area"),
    Q("es", "personas sin hogar", UNHOUSED, "es", "the content's words"),
    Q("es", "pequeños negocios", BUSINESS, "es", "a need's name"),
    Q("es", "food", REQUEST, "es", "an English word typed by a Spanish reader"),
    # Vietnamese
    Q("vi", "thực phẩm", REQUEST, "vi", "the content's word"),
    Q("vi", "thuc pham", REQUEST, "vi", "missing accents"),
    Q("vi", "hien mau", BLOOD, "vi", "missing accents: 'hiến máu'"),
    Q("vi", "hiến máu", BLOOD, "vi", "the content's words"),
    Q("vi", "tuong tro la gi", WHAT_IS, "vi", "missing accents: 'Tương trợ là gì?'"),
    Q("vi", "khẩu trang", FIND_MASKS, "vi", "a two-syllable word"),
    Q("vi", "tình nguyện", VOLUNTEER, "vi", "a two-syllable word"),
    Q(
        "vi",
        "vô gia cư",
        UNHOUSED,
        "vi",
        "multi-syllable synonym of the content's 'không nhà' (Unhoused set); must not match "
        "the immigrants' page on its last syllable ('người nhập cư')",
        not_slug=BUSINESS,
    ),
    Q("vi", "người nhập cư", BUSINESS, "vi", "multi-syllable: immigrants"),
    Q("vi", "đường dây nóng", HOTLINE, "vi", "the hotline's name"),
    Q("vi", "thực phẩm nam quận king", SOUTH_REQUEST, "vi", "need + area"),
    Q("vi", "luoc su tuong tro", HISTORY, "vi", "missing accents: 'Lược sử về tương trợ'"),
    Q("vi", "doanh nghiệp nhỏ", BUSINESS, "vi", "a need's name"),
    # Amharic
    Q("am", "ምግብ", REQUEST, "am", "the need's name"),
    Q("am", "ምግቦች", REQUEST, "am", "plural: 'ምግቦች' of 'ምግብ'"),
    Q("am", "በጎ ፈቃደኞች", VOLUNTEER, "am", "the content's word for volunteers"),
    Q("am", "በጎ ፈቃደኛ", VOLUNTEER, "am", "singular of 'ፈቃደኞች'"),
    Q("am", "የጤና ጥያቄ", HOTLINE, "am", "the hotline's purpose"),
    Q("am", "ጤና", HOTLINE, "am", "'health' without the 'የ' prefix of 'የጤና'"),
    Q("am", "ማስክ", FIND_MASKS, "en", "the need's translated name finds an English listing"),
    Q("am", "ሲያትል ምግብ", REQUEST, "am", "area + need"),
    Q("am", "የእርዳታ ስልክ", HOTLINE, "am", "the hotline's name"),
    Q("am", "ዕቃዎች", REQUEST, "am", "supplies, as in the content"),
    Q("am", "ዕቃ", REQUEST, "am", "supplies without the plural suffix"),
    Q("am", "food", REQUEST, "am", "an English word typed by an Amharic reader"),
    # Tigrinya
    Q("ti", "መግቢ", REQUEST, "ti", "the need's name"),
    Q("ti", "ምግቢ", REQUEST, "ti", "the synonym set's spelling of 'መግቢ'"),
    Q("ti", "ወለንተኛ", VOLUNTEER, "ti", "volunteer: content says ብወለንታ/ወለንታውያን"),
    Q("ti", "ወለንታውያን", VOLUNTEER, "ti", "the content's word"),
    Q("ti", "ጥዕና", HOTLINE, "ti", "health"),
    Q("ti", "ሕቶ ጥዕና", HOTLINE, "ti", "health question"),
    Q("ti", "ማስክ", FIND_MASKS, "en", "the need's translated name finds an English listing"),
    Q("ti", "ሲያትል መግቢ", REQUEST, "ti", "area + need"),
    Q("ti", "ኣቕሑ", REQUEST, "ti", "supplies"),
    Q("ti", "ሓገዝ ቴሌፎን", HOTLINE, "ti", "the hotline's name"),
    Q("ti", "food", REQUEST, "ti", "an English word typed by a Tigrinya reader"),
]
