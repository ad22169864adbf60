# Runs ${CLI} ${ARGS}; fails unless the exit code is ${EXPECTED_EXIT} and, when PASS is given,
# stdout+stderr match the regular expression ${PASS}.

execute_process(COMMAND ${CLI} ${ARGS} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL EXPECTED_EXIT)
    message(FATAL_ERROR "exit code ${rc}, expected ${EXPECTED_EXIT}")
endif()
if(PASS AND NOT "${out}${err}" MATCHES "${PASS}")
    message(FATAL_ERROR "output does not match: ${PASS}")
endif()
