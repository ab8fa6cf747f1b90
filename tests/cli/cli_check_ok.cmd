samsim check scenarios/default.lua && samsim check scenarios/validation/mmc.lua
