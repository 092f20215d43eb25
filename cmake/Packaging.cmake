# The Debian package: `cpack -G DEB` (or `cmake --workflow --preset package`) in a build makes
# calmlegs_VERSION_ARCH.deb. The package holds what `cmake --install` installs, except that its
# man pages are gzipped (Debian policy 12.1) and it has the files Debian requires in
# /usr/share/doc/calmlegs: the copyright (packaging/copyright, DEP-5) and the changelog
# (packaging/changelog, Debian's format). Those are the install component `deb`, which a plain
# `cmake --install` leaves out (EXCLUDE_FROM_ALL); the plain man pages are the component `man`,
# which the package leaves out.

# gzip -9n: the best compression, and no file name or time stamp, so that the same sources
# make the same package (policy 12.1 and 12.7).
set(calmlegs_deb_dir "${PROJECT_BINARY_DIR}/deb")
set(calmlegs_deb_files)
foreach(source man/calmlegs.1 man/calmlegs-content.5 man/calmlegs-config.5 packaging/changelog)
  get_filename_component(name "${source}" NAME)
  set(zipped "${calmlegs_deb_dir}/${name}.gz")
  add_custom_command(OUTPUT "${zipped}"
                     COMMAND sh -c "gzip -9nc \"$0\" > \"$1\"" "${PROJECT_SOURCE_DIR}/${source}"
                             "${zipped}"
                     DEPENDS "${PROJECT_SOURCE_DIR}/${source}"
                     COMMENT "Compressing ${source} for the Debian package" VERBATIM)
  list(APPEND calmlegs_deb_files "${zipped}")
endforeach()
file(MAKE_DIRECTORY "${calmlegs_deb_dir}")
add_custom_target(calmlegs_deb_files ALL DEPENDS ${calmlegs_deb_files})

install(FILES "${calmlegs_deb_dir}/calmlegs.1.gz" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        COMPONENT deb EXCLUDE_FROM_ALL)
install(FILES "${calmlegs_deb_dir}/calmlegs-content.5.gz" "${calmlegs_deb_dir}/calmlegs-config.5.gz"
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man5 COMPONENT deb EXCLUDE_FROM_ALL)
# A native package (its version has no Debian revision): its one changelog is changelog.gz.
install(FILES "${calmlegs_deb_dir}/changelog.gz" packaging/copyright
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT deb EXCLUDE_FROM_ALL)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME calmlegs)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT "calmlegs maintainers <maintainers@users.noreply.r-seed-1b63e282.example>")
set(CPACK_STRIP_FILES ON)
# One package holding the binary and content (no component named: Unspecified) with the deb
# component, and not the plain man pages.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_COMPONENTS_ALL Unspecified deb)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# misc ("miscellaneous utilities that didn't fit well anywhere else"): calmlegs is no system
# utility (utils: files, disks, backups, monitoring), and Debian has no health section.
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
# The synopsis (lintian: no leading article), then the long description.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "calm command-line coach for Restless Legs Syndrome")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "calmlegs guides a nightly wind-down for people with Restless Legs Syndrome
(Willis-Ekbom disease) from a terminal: herbal tea, stretches, magnesium,
4-7-8 breathing and warmth, step by step with a calm full-screen timer,
the terminal bell or a spoken cue.

It looks up supplements, herbs and medicines in a second (dose, timing,
forms, what to take them with and keep them from, and cautions with their
sources), reads the guide's ten steps, reminds you of the evening
schedule, and keeps a journal of your nights with stats, charts, reports
and trials of your own.

Everything it says lives in TOML files you can override or extend. It is
general information, not medical advice.")

include(CPack)

# The package's own test (tests/package/deb.sh), run by ctest after cpack: the package preset
# turns it on.
option(CALMLEGS_PACKAGE_TEST "Register the test of the Debian package that cpack makes" OFF)
if(CALMLEGS_PACKAGE_TEST)
  execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE calmlegs_deb_arch
                  OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
  enable_testing()
  add_test(NAME package.deb
           COMMAND sh "${PROJECT_SOURCE_DIR}/tests/package/deb.sh"
                   "${PROJECT_BINARY_DIR}/calmlegs_${PROJECT_VERSION}_${calmlegs_deb_arch}.deb"
                   "${PROJECT_SOURCE_DIR}" "${PROJECT_VERSION}")
endif()
