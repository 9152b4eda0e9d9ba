#!/bin/sh
# Install the Debian packages the build and tests need, when they are missing;
# with --build, those the build needs alone (the GitHub Action's).
set -u
build_only=0
[ "${1:-}" = --build ] && build_only=1
need=""
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
command -v cc >/dev/null 2>&1 || need="$need gcc"
command -v git >/dev/null 2>&1 || need="$need git"
have_pc yaml-0.1 || need="$need libyaml-dev"
have_pc libgit2 || need="$need libgit2-dev"
have_pc libpcre2-8 || need="$need libpcre2-dev"
command -v make >/dev/null 2>&1 || need="$need make"
# The tests need more.
if [ "$build_only" -eq 0 ]; then
	have_pc cmocka || need="$need libcmocka-dev"
	# The tests lint the manual pages and try the zsh and fish completions.
	command -v mandoc >/dev/null 2>&1 || need="$need mandoc"
	command -v zsh >/dev/null 2>&1 || need="$need zsh"
	command -v fish >/dev/null 2>&1 || need="$need fish"
	# make check builds with the sanitizers under clang, the second compiler.
	if ! command -v clang >/dev/null 2>&1; then
		need="$need clang libclang-rt-dev"
	elif ! printf 'int main(void) { return 0; }\n' | clang -x c \
		-fsanitize=address,undefined -o /dev/null - >/dev/null 2>&1; then
		need="$need libclang-rt-dev"
	fi
	# The CI integration's tests run the pre-commit hooks.
	command -v pre-commit >/dev/null 2>&1 || need="$need pre-commit"
fi
[ -z "$need" ] && exit 0
echo "gdprctl: installing missing Debian packages:$need"
if [ "$(id -u)" -ne 0 ]; then
	echo "gdprctl: not root; run: sudo apt-get install$need" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null || { echo "gdprctl: apt-get update failed" >&2; exit 1; }
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $need >/dev/null ||
	{ echo "gdprctl: apt-get install$need failed" >&2; exit 1; }
echo "gdprctl: installed$need"
