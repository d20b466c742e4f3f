"""Layer 0, the base: errors and how they read, paths, file and YAML I/O, safe spreadsheets, the SQLite
store, text folding, interface texts and labels, shared model pieces. Imports nothing else of the
toolkit.

The public API is the ``TYPE_CHECKING`` block below (also ``__all__``); other packages import only
these names (see ``docs/architecture.md``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lazy import lazy_exports as lazy_exports
from .lazy import public_api as public_api

if TYPE_CHECKING:
    from . import paths as paths
    from .errors import ContentError as ContentError
    from .errors import KernelError as KernelError
    from .errors import KernelStartError as KernelStartError
    from .errors import NotebookError as NotebookError
    from .errors import Problem as Problem
    from .errors import UserError as UserError
    from .errors import WarmteError as WarmteError
    from .errors import check_range as check_range
    from .errors import range_text as range_text
    from .errors import shown_path as shown_path
    from .errors import unknown_ids as unknown_ids
    from .fileio import MERKTEKEN as MERKTEKEN
    from .fileio import atomic_path as atomic_path
    from .fileio import ensure_dir as ensure_dir
    from .fileio import files_stamp as files_stamp
    from .fileio import mark_own as mark_own
    from .fileio import out_folder as out_folder
    from .fileio import write_bytes_atomic as write_bytes_atomic
    from .fileio import write_text_atomic as write_text_atomic
    from .labels import LANGUAGES as LANGUAGES
    from .labels import column as column
    from .labels import format_date as format_date
    from .labels import number as number
    from .labels import pick as pick
    from .labels import quantity as quantity
    from .labels import t as t
    from .labels import term as term
    from .labels import texts as texts
    from .labels import value_label as value_label
    from .limits import MAX_BESTAND as MAX_BESTAND
    from .limits import MAX_KOLOMMEN as MAX_KOLOMMEN
    from .limits import MAX_RIJEN as MAX_RIJEN
    from .limits import MAX_YAML as MAX_YAML
    from .limits import TooLarge as TooLarge
    from .limits import excerpt as excerpt
    from .limits import read_text_limited as read_text_limited
    from .limits import size_text as size_text
    from .limits import too_many as too_many
    from .markdown_doc import bullet_items as bullet_items
    from .markdown_doc import read_markdown_doc as read_markdown_doc
    from .markers import OWN_SYNTHESIS as OWN_SYNTHESIS
    from .markers import SOURCE_REF as SOURCE_REF
    from .markers import cited_ids as cited_ids
    from .markers import split_ids as split_ids
    from .markers import split_point as split_point
    from .markers import strip_markers as strip_markers
    from .models import DatumTekst as DatumTekst
    from .models import Procent as Procent
    from .models import StrictModel as StrictModel
    from .models import TweeTalig as TweeTalig
    from .models import Url as Url
    from .models import check_total_share as check_total_share
    from .models import described as described
    from .models import field_help as field_help
    from .models import option_name as option_name
    from .paths import in_project as in_project
    from .paths import notebooks_dir as notebooks_dir
    from .paths import templates_dir as templates_dir
    from .schema_errors import problems_from_validation as problems_from_validation
    from .sheets import UnreadableSheet as UnreadableSheet
    from .sheets import csv_text as csv_text
    from .sheets import frame_table as frame_table
    from .sheets import plain_records as plain_records
    from .sheets import read_sheets as read_sheets
    from .sheets import unquote_csv as unquote_csv
    from .sqlite_store import erase_for_good as erase_for_good
    from .sqlite_store import open_store as open_store
    from .sqlite_store import run_script as run_script
    from .sqlite_store import scrub as scrub
    from .sqlite_store import transaction as transaction
    from .text import clean_fields as clean_fields
    from .text import clean_text as clean_text
    from .text import fold as fold
    from .text import normalise as normalise
    from .text import slugify as slugify
    from .yamlio import load_yaml as load_yaml
    from .yamlio import load_yaml_file as load_yaml_file

__getattr__, __dir__, __all__ = lazy_exports(__name__, __file__)
