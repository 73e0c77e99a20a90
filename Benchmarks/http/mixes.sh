# The query mixes of bench.sh and compare.sh, sourced by both.
# mix_script NAME: the wrk script of mix NAME (search: search.lua, 15 queries;
# varied: search-varied.lua, 289 distinct queries), or a message and status 2.
mix_script() {
    local dir
    dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
    case "$1" in
        search) echo "$dir/search.lua" ;;
        varied) echo "$dir/search-varied.lua" ;;
        *) echo "MIX must be search or varied, not $1" >&2; return 2 ;;
    esac
}
