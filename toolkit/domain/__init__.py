"""Layer 2, the domain: what the toolkit computes from the content (checklist, progress, comparison,
workshop and live sessions, logbook, case export). Never renders, never starts a kernel.

The public API is the ``TYPE_CHECKING`` block below (also ``__all__``); other packages import only
these names (see ``docs/architecture.md``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.base import lazy_exports

if TYPE_CHECKING:
    from . import logbook as logbook
    from .case_export import ZONDER_ID as ZONDER_ID
    from .case_export import CaseExport as CaseExport
    from .case_export import export_tables as export_tables
    from .checklist import Bewijs as Bewijs
    from .checklist import Checklist as Checklist
    from .checklist import ChecklistActie as ChecklistActie
    from .checklist import Uitgesloten as Uitgesloten
    from .checklist import Voortgang as Voortgang
    from .checklist import build as build
    from .checklist import default_profile_path as default_profile_path
    from .checklist import explain as explain
    from .checklist import logbook_stats as logbook_stats
    from .checklist import output_folder_name as output_folder_name
    from .compare import GEWICHT as GEWICHT
    from .compare import Vergelijking as Vergelijking
    from .compare import comparison as comparison
    from .compare import select as select
    from .live import BEWAAR_DAGEN as BEWAAR_DAGEN
    from .live import KEUZES as KEUZES
    from .live import MAX_GROEPEN_PER_APPARAAT as MAX_GROEPEN_PER_APPARAAT
    from .live import MAX_GROEPNAAM as MAX_GROEPNAAM
    from .live import MAX_NOTITIE as MAX_NOTITIE
    from .live import EigenGroep as EigenGroep
    from .live import LiveFout as LiveFout
    from .live import Sessie as Sessie
    from .live import active_statement as active_statement
    from .live import check_chosen_code as check_chosen_code
    from .live import codes_match as codes_match
    from .live import erase_answers as erase_answers
    from .live import export_responses as export_responses
    from .live import new_code as new_code
    from .live import new_session as new_session
    from .live import normalise_code as normalise_code
    from .live import open_session as open_session
    from .live import own_group as own_group
    from .live import parse_lessons as parse_lessons
    from .live import purge_expired as purge_expired
    from .live import read_session as read_session
    from .live import remove_group as remove_group
    from .live import responses as responses
    from .live import set_active_statement as set_active_statement
    from .live import submit as submit
    from .live import vote as vote
    from .live import vote_counts as vote_counts
    from .logbook_io import export as export
    from .logbook_io import export_party as export_party
    from .logbook_io import export_sheets as export_sheets
    from .logbook_io import import_file as import_file
    from .logbook_report import report_from_file as report_from_file
    from .participation import SECTIES as SECTIES
    from .participation import WEGGELATEN as WEGGELATEN
    from .participation import Activiteit as Activiteit
    from .participation import Besluit as Besluit
    from .participation import Gesprek as Gesprek
    from .participation import Inbreng as Inbreng
    from .participation import Participatie as Participatie
    from .participation import Partij as Partij
    from .participation import check_period as check_period
    from .participation import ladder_position as ladder_position
    from .participation import participation_facts as participation_facts
    from .participation import participation_from_file as participation_from_file
    from .participation import without_contacts as without_contacts
    from .progress import KOLOMMEN as KOLOMMEN
    from .progress import NIET_GELEZEN as NIET_GELEZEN
    from .progress import OVER as OVER
    from .progress import STATUSSEN as STATUSSEN
    from .progress import check_register_fits as check_register_fits
    from .progress import column_label as column_label
    from .progress import read_register as read_register
    from .report_objects import CaseReport as CaseReport
    from .report_objects import LessonReport as LessonReport
    from .report_objects import case_figures as case_figures
    from .report_objects import case_report as case_report
    from .report_objects import lesson_report as lesson_report
    from .workshop import Antwoord as Antwoord
    from .workshop import Blok as Blok
    from .workshop import OogstRapport as OogstRapport
    from .workshop import agenda_times as agenda_times
    from .workshop import anonymous_names as anonymous_names
    from .workshop import harvest as harvest
    from .workshop import harvest_report as harvest_report
    from .workshop import save_group as save_group
    from .workshop_kit import WorkshopKit as WorkshopKit
    from .workshop_kit import prepare_kit as prepare_kit

__getattr__, __dir__, __all__ = lazy_exports(__name__, __file__)
