// Linked into the static calmlegs binary only, with -Wl,--wrap=dlopen (src/CMakeLists.txt).
// SQLite can load extensions with dlopen(3); calmlegs never asks it to. In a static binary
// glibc's dlopen needs, at run time, the shared libraries of the very glibc it was linked with,
// and the linker warns so for every call of it: SQLite's one call comes here instead, and an
// extension can never be loaded.

extern "C" void* __wrap_dlopen(const char*, int) {
    return nullptr;
}
