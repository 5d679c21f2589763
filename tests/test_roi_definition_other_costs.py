"""The ROI definition under the report's ROI table names every category the total cost sums,
"other" (an agency fee) included (s57R6 finding 3)."""

import pytest

from smmanalytics.report.formatting import Formatter
from smmanalytics.roi import CATEGORIES

#: each category's word in the definition, per language, in CATEGORIES' order
_WORDS = {"en": ("ad spend", "labour", "tools", "production", "influencers", "other costs"),
          "fr": ("publicité", "temps de travail", "outils", "production", "influenceurs",
                 "autres coûts"),
          "it": ("pubblicità", "lavoro", "strumenti", "produzione", "influencer", "altri costi")}
#: what "other" holds, said in each language
_AGENCY = {"en": "agency fees", "fr": "honoraires d'agence", "it": "compensi d'agenzia"}


@pytest.mark.parametrize("lang", sorted(_WORDS))
def test_the_roi_definition_names_every_category_of_the_total(lang):
    text = Formatter(lang).label("roi_definition")
    # October's 1,516.30 € of agency fee (4,500 × 31/92) is in the total under "other"
    assert len(_WORDS[lang]) == len(CATEGORIES) and CATEGORIES[-1] == "other"
    assert all(word in text for word in _WORDS[lang])
    assert _AGENCY[lang] in text
