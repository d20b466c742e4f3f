"""Layer 1, the content: everything a person edits (lessons, actions and their rules, legal frame,
glossary, phases, cases) plus the public figures per municipality and wijk and the profile; reading,
checking and validation. Imports only :mod:`toolkit.base`.

The public API is the ``TYPE_CHECKING`` block below (also ``__all__``); other packages import only
these names (see ``docs/architecture.md``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.base import lazy_exports

if TYPE_CHECKING:
    from . import glossary as glossary
    from . import laws as laws
    from . import phases as phases
    from .actions import PRIORITEITEN as PRIORITEITEN
    from .actions import Actie as Actie
    from .actions import general_text as general_text
    from .actions import load_actions as load_actions
    from .case_tables import TABELLEN as TABELLEN
    from .case_tables import Datum as Datum
    from .case_tables import Kolom as Kolom
    from .cases import ActorRij as ActorRij
    from .cases import BewijsRij as BewijsRij
    from .cases import BronRij as BronRij
    from .cases import Case as Case
    from .cases import CaseRows as CaseRows
    from .cases import Herkomst as Herkomst
    from .cases import InstrumentRij as InstrumentRij
    from .cases import TijdlijnRij as TijdlijnRij
    from .cases import Warmteoplossing as Warmteoplossing
    from .cases import case_name as case_name
    from .cases import case_names as case_names
    from .cases import check_cases as check_cases
    from .cases import load_case as load_case
    from .cases import load_cases as load_cases
    from .cases import new_case as new_case
    from .catalog import case_ids as case_ids
    from .catalog import lesson_numbers as lesson_numbers
    from .catalog import lesson_range_text as lesson_range_text
    from .glossary import Begrip as Begrip
    from .glossary import load_glossary as load_glossary
    from .knowledge import Citation as Citation
    from .knowledge import Claim as Claim
    from .knowledge import Kennisbank as Kennisbank
    from .knowledge import content_stamp as content_stamp
    from .knowledge import kennisbank as kennisbank
    from .laws import Regeling as Regeling
    from .laws import Wetsverwijzing as Wetsverwijzing
    from .laws import cited as cited
    from .laws import load_laws as load_laws
    from .laws import status_text as status_text
    from .lessons import KOPJES as KOPJES
    from .lessons import Les as Les
    from .lessons import Punt as Punt
    from .lessons import load_lesson as load_lesson
    from .lessons import load_lessons as load_lessons
    from .phases import WAARDEN as WAARDEN
    from .phases import Fase as Fase
    from .phases import Indeling as Indeling
    from .phases import load_phases as load_phases
    from .profile import Activiteit as Activiteit
    from .profile import Context as Context
    from .profile import Eigendom as Eigendom
    from .profile import Profiel as Profiel
    from .profile import SoortGroep as SoortGroep
    from .profile import build_context as build_context
    from .profile import cleaned_fields_note as cleaned_fields_note
    from .profile import field_labels as field_labels
    from .profile import folder_name as folder_name
    from .profile import parse_groups as parse_groups
    from .profile import parse_profile as parse_profile
    from .profile import profile_dict as profile_dict
    from .profile import read_profile as read_profile
    from .profile import read_profiles_csv as read_profiles_csv
    from .regions import FICTIEF as FICTIEF
    from .regions import Cijfer as Cijfer
    from .regions import find_gemeente as find_gemeente
    from .regions import find_wijk as find_wijk
    from .regions import gemeente_figures as gemeente_figures
    from .regions import gemeenten as gemeenten
    from .regions import wijk_figures as wijk_figures
    from .regions import wijken as wijken
    from .rules import Feit as Feit
    from .rules import condition_fields as condition_fields
    from .rules import condition_sentence as condition_sentence
    from .rules import evaluate as evaluate
    from .rules import explain_condition as explain_condition
    from .rules import facts as facts
    from .rules import field_kind as field_kind
    from .validation import validate as validate
    from .vocab_cases import ACTORTYPES as ACTORTYPES
    from .vocab_cases import FASEN as FASEN
    from .vocab_cases import TREDEN as TREDEN
    from .vocab_cases import party_kind as party_kind
    from .vocabularies import VOCABULAIRES as VOCABULAIRES
    from .vocabularies import options as options

__getattr__, __dir__, __all__ = lazy_exports(__name__, __file__)
