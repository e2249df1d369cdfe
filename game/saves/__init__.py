"""Saved games: the codec, the files, replay verification and the save slots (issue 12's split).

This layer sits beside `game.batch` and `game.report`: it reads and writes files, which the
simulation never does. Callers import from here.
"""

from game.saves.codec import SaveFormatError, started_at
from game.saves.files import (
    FORMAT,
    MAX_SAVE_BYTES,
    VERSION,
    SaveError,
    backup_path,
    checksum,
    encode_save,
    load_game,
    load_payload,
    read_save,
    save_game,
    save_payload,
    sweep_temp_files,
)
from game.saves.slots import (
    AUTOSAVE_COUNT,
    SaveSlots,
    SlotInfo,
    campaign_name,
    default_save_folder,
    save_label,
    slot_name,
)
from game.saves.verify import VERIFIED, Verdict, verdict_of, verify_game, verify_replay, verify_save
from game.sim.replay import ReplayCheck, ReplayError, check_replay, replay, turn_hashes

__all__ = [
    "AUTOSAVE_COUNT",
    "FORMAT",
    "MAX_SAVE_BYTES",
    "VERIFIED",
    "VERSION",
    "ReplayCheck",
    "ReplayError",
    "SaveError",
    "SaveFormatError",
    "SaveSlots",
    "SlotInfo",
    "Verdict",
    "backup_path",
    "campaign_name",
    "check_replay",
    "checksum",
    "default_save_folder",
    "encode_save",
    "load_game",
    "load_payload",
    "read_save",
    "replay",
    "save_game",
    "save_label",
    "save_payload",
    "slot_name",
    "started_at",
    "sweep_temp_files",
    "turn_hashes",
    "verdict_of",
    "verify_game",
    "verify_replay",
    "verify_save",
]
