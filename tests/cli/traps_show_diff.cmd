# 'show diff' shows only what changed, old -> new: a list or a distribution is taken apart down to
# the item that changed, and numbers have as many digits as tell them apart (0.25 -> 0.2294, not
# 0.2236842105263158); a value that only lost its source or note says so.
samsim repl --echo scenarios/lorenskog/barn-unge-2021.lua <<'SESSION'
apply scenarios/models/meet-more-often.lua
show diff
set services.fph_barn.eligibility.ages {0, 18}
set services.fph_barn.episode.by_need.mild {"gamma", mean = 40, sd = 25}
set services.fph_barn.fte 8
set services.hs.case_share 0.22941
show diff
SESSION
echo "exit code $?"
# A list of more than nine items is shown in its order, demand.2 before demand.10 (Familiens hus
# moves the self-referral door of most of Lørenskog's 36 demand streams; they were sorted as text)
samsim repl scenarios/lorenskog/barn-unge-2021.lua -c 'apply familiens-hus' -c 'show diff' | sed -n 's/^  demand\.\([0-9]*\)\..*/\1/p' | uniq | tr '\n' ' '; echo
