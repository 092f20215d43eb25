# Writes OUT, a C++ file holding each completion script of the directory SRC as a raw string, so
# that `calmlegs completions SHELL` prints the very files that are installed. Run by
# src/CMakeLists.txt when a script changes: cmake -DSRC=DIR -DOUT=FILE -P embed.cmake
set(text "// Generated from completions/ by completions/embed.cmake: do not edit.\n\n")
string(APPEND text "#include \"cli/complete.h\"\n\nnamespace calmlegs::cli {\n\n")
string(APPEND text "std::string_view completion_script(std::string_view shell) {\n")
foreach(pair "bash:calmlegs.bash" "zsh:_calmlegs" "fish:calmlegs.fish")
  string(REPLACE ":" ";" pair "${pair}")
  list(GET pair 0 shell)
  list(GET pair 1 file)
  file(READ "${SRC}/${file}" script)
  if(script MATCHES "\\)calmlegs_script\"")
    message(FATAL_ERROR "${SRC}/${file} holds the raw string's end, )calmlegs_script\"")
  endif()
  string(APPEND text "    if (shell == \"${shell}\")\n"
                     "        return R\"calmlegs_script(${script})calmlegs_script\";\n")
endforeach()
string(APPEND text "    return {};\n}\n\n} // namespace calmlegs::cli\n")
# Written only when it changes, so that an unchanged script rebuilds nothing.
file(WRITE "${OUT}.new" "${text}")
file(COPY_FILE "${OUT}.new" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.new")
