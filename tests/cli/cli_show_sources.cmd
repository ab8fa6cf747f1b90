samsim show scenarios/validation/mmc.lua --sources
