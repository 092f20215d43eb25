#!/bin/sh
# The Debian package that cpack made: its control fields and files (dpkg-deb -I and -c), the
# binary run from a scratch root it is unpacked into (dpkg -x), and lintian with no error.
# Arguments: DEB SOURCE_DIR VERSION   (registered by cmake/Packaging.cmake, run after cpack)
. "$(dirname "$0")/../e2e/lib.sh" "$@"
DEB=$1
VERSION=${3:?}

for tool in dpkg-deb dpkg lintian; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "FAIL: $tool is missing (.ci/deps installs it)" >&2
        exit 1
    }
done
[ -f "$DEB" ] || {
    echo "FAIL: no package $DEB: make it first (cpack, or cmake --workflow --preset package)" >&2
    exit 1
}

# The control fields.
run dpkg-deb -f "$DEB" Package Version Section Priority Maintainer Depends Description
expect_status 0
expect_out "Package: calmlegs"
expect_out "Version: $VERSION"
expect_out "Section: misc"
expect_out "Priority: optional"
expect_out "Maintainer: calmlegs maintainers <"
expect_out "Description: calm command-line coach for Restless Legs Syndrome"
depends=$(dpkg-deb -f "$DEB" Depends)
# From dpkg-shlibdeps: the C and C++ run-time libraries and SQLite, each with a version floor.
for library in libc6 'libstdc\+\+6' libgcc-s1 libsqlite3-0; do
    check
    echo "$depends" | grep -qE "(^|, )$library \(>= [0-9][^)]*\)" ||
        fail "Depends should name $library with a version: $depends"
done
run dpkg-deb -I "$DEB"
expect_status 0
expect_out "Installed-Size:"
expect_out " Everything it says lives in TOML files"
expect_no_out "Homepage:"

# The files: the binary, the gzipped man pages (and no plain ones), the copyright, the
# changelog and the content.
run dpkg-deb -c "$DEB"
expect_status 0
expect_out "-rwxr-xr-x root/root"
for file in ./usr/bin/calmlegs ./usr/share/man/man1/calmlegs.1.gz \
    ./usr/share/man/man5/calmlegs-content.5.gz ./usr/share/man/man5/calmlegs-config.5.gz \
    ./usr/share/doc/calmlegs/copyright ./usr/share/doc/calmlegs/changelog.gz \
    ./usr/share/calmlegs/content/supplements/iron.toml \
    ./usr/share/calmlegs/content/routines/tonight.toml \
    ./usr/share/bash-completion/completions/calmlegs \
    ./usr/share/zsh/vendor-completions/_calmlegs \
    ./usr/share/fish/vendor_completions.d/calmlegs.fish; do
    check
    grep -qE " $file\$" "$TMP/out" || fail "the package should hold $file"
done
check
! grep -qE '\.[15]$' "$TMP/out" || fail "the package should hold no uncompressed man page"

# Unpacked into a scratch root, the binary runs and takes the content beside it.
root="$TMP/root"
run dpkg -x "$DEB" "$root"
expect_status 0
calmlegs="$root/usr/bin/calmlegs"
cd "$TMP" || exit 1
run "$calmlegs" supplement iron
expect_status 0
expect_out "Iron · mineral"
run "$calmlegs" check
expect_status 0
expect_err "$root/usr/share/calmlegs/content"
run "$calmlegs" --version
expect_out "$VERSION"
# The man pages and the changelog are whole gzip files; the changelog's latest entry is this
# version's.
for file in usr/share/man/man1/calmlegs.1.gz usr/share/man/man5/calmlegs-content.5.gz \
    usr/share/man/man5/calmlegs-config.5.gz usr/share/doc/calmlegs/changelog.gz; do
    run gzip -t "$root/$file"
    expect_status 0
done
check
gzip -dc "$root/usr/share/doc/calmlegs/changelog.gz" | head -n 1 | grep -qF "calmlegs ($VERSION)" ||
    fail "the changelog's first entry should be for $VERSION"
check
head -n 1 "$root/usr/share/doc/calmlegs/copyright" |
    grep -qF "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" ||
    fail "the copyright file should be machine-readable (DEP-5)"

# lintian: no error. Its warnings and notes are listed, with why each stays, in the README.
run lintian --display-info --pedantic "$DEB"
check
! grep -q '^E: ' "$TMP/out" || fail "lintian reports an error"
check
[ "$status" -eq 0 ] || fail "lintian exited $status"
sed 's/^/lintian: /' "$TMP/out"

finish
