#!/usr/bin/env bash
# Installs coursekit into PREFIX (default /usr/local):
#   PREFIX/bin/coursekit                          the executable, Swift runtime linked statically
#   PREFIX/share/coursekit/schemas/               the JSON Schemas
#   PREFIX/share/coursekit/library/<module>/      the state's standard library (library.yaml + modules)
#   PREFIX/share/bash-completion/completions/coursekit, PREFIX/share/zsh/site-functions/_coursekit,
#   PREFIX/share/fish/vendor_completions.d/coursekit.fish
#   PREFIX/share/man/man1/coursekit.1
#
#   scripts/install.sh [--prefix DIR] [--binary FILE] [--destdir DIR]
#
# --binary installs an already-built executable instead of building one (`make dist` uses it).
# The installed tree is relocatable: coursekit finds ../share/coursekit beside its own bin/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
prefix="${PREFIX:-/usr/local}"
binary=""
destdir="${DESTDIR:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#*=}"; shift ;;
    --binary) binary="$2"; shift 2 ;;
    --binary=*) binary="${1#*=}"; shift ;;
    --destdir) destdir="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac
target="$destdir$prefix"

if [ -z "$binary" ]; then
  echo "building coursekit (release, Swift runtime linked statically)…" >&2
  swift build --package-path "$root" -c release --product coursekit --static-swift-stdlib >&2
  binary="$(swift build --package-path "$root" -c release --static-swift-stdlib --show-bin-path)/coursekit"
fi
[ -x "$binary" ] || { echo "install.sh: $binary is not an executable" >&2; exit 2; }

share="$target/share/coursekit"
install -d "$target/bin" "$share/schemas" "$share/library" "$target/share/man/man1" \
  "$target/share/bash-completion/completions" "$target/share/zsh/site-functions" "$target/share/fish/vendor_completions.d"
install -m 0755 "$binary" "$target/bin/coursekit"
install -m 0644 "$root"/schemas/*.json "$share/schemas/"
# The standard library: library.yaml and every module folder under courses/library.
rm -rf "$share/library"
mkdir -p "$share/library"
cp -R "$root/courses/library/." "$share/library/"
find "$share/library" -mindepth 1 -name '.*' -prune -exec rm -rf {} +
find "$share/library" -type d -exec chmod 0755 {} + ; find "$share/library" -type f -exec chmod 0644 {} +
install -m 0644 "$root/LICENSE" "$share/LICENSE"
# Completions come from the binary itself (swift-argument-parser); the man page is kept in docs/.
"$target/bin/coursekit" --generate-completion-script bash > "$target/share/bash-completion/completions/coursekit"
"$target/bin/coursekit" --generate-completion-script zsh > "$target/share/zsh/site-functions/_coursekit"
"$target/bin/coursekit" --generate-completion-script fish > "$target/share/fish/vendor_completions.d/coursekit.fish"
install -m 0644 "$root/docs/man/coursekit.1" "$target/share/man/man1/coursekit.1"
echo "installed coursekit $("$target/bin/coursekit" --version) in $target" >&2
