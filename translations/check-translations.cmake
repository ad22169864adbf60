# Fails when the shipped .ts file is out of step with the sources: a string the sources use that has no
# finished translation, or an entry whose source string no longer exists. Runs lupdate on a copy, so the
# shipped file is never rewritten by a build.
#   cmake -DLUPDATE=... -DTS=headroom_de.ts -DLST=sources.lst -DWORK=dir -P check-translations.cmake
file(MAKE_DIRECTORY ${WORK})
get_filename_component(name ${TS} NAME)
set(copy ${WORK}/${name})
configure_file(${TS} ${copy} COPYONLY)
execute_process(COMMAND ${LUPDATE} -silent -locations none -I ${INCLUDE_DIR} @${LST} -ts ${copy}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed: ${out}${err}")
endif()
file(READ ${copy} ts)
string(REGEX MATCHALL "<source>[^<]*</source>[^<]*<translation type=\"unfinished\"" unfinished "${ts}")
string(REGEX MATCHALL "<source>[^<]*</source>[^<]*<translation type=\"(vanished|obsolete)\"" stale "${ts}")
list(LENGTH unfinished n_unfinished)
list(LENGTH stale n_stale)
if(n_unfinished GREATER 0 OR n_stale GREATER 0)
    string(REPLACE ";" "\n" unfinished "${unfinished}")
    string(REPLACE ";" "\n" stale "${stale}")
    message(FATAL_ERROR "${TS}: ${n_unfinished} untranslated and ${n_stale} obsolete strings "
        "(run `cmake --build <build> --target update_translations`, then translate):\n${unfinished}\n${stale}")
endif()
message(STATUS "${name}: every source string is translated")
