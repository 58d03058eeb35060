# Sourced by .ci/run and scripts/*.sh: set TIENDO to the tiendo binary to use.
#
#   1. $TIENDO when set (made absolute when it is a relative path);
#   2. else `tiendo` on PATH when its version is this checkout's (Cargo.toml's `version`);
#   3. else build this checkout (`cargo build --release`) and use the binary in
#      ${CARGO_TARGET_DIR:-target}/release.
# `$1` is the repository root (the folder holding Cargo.toml).
tiendo_resolve() {
    local root=$1
    if [[ -n ${TIENDO:-} ]]; then
        case $TIENDO in
            /*) ;;
            */*) TIENDO="$PWD/$TIENDO" ;;
        esac
        return 0
    fi
    local want have
    want=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -n 1)
    if command -v tiendo >/dev/null 2>&1; then
        have=$(tiendo --version 2>/dev/null | awk '{print $2}')
        if [[ -n $want && $have == "$want" ]]; then
            TIENDO=$(command -v tiendo)
            return 0
        fi
    fi
    cargo build --release --quiet --manifest-path "$root/Cargo.toml"
    local target=${CARGO_TARGET_DIR:-$root/target}
    case $target in
        /*) ;;
        *) target="$PWD/$target" ;;
    esac
    TIENDO="$target/release/tiendo"
}
