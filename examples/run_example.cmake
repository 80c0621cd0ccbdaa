# examples/run_example.cmake: runs one example program for CTest, feeding it
# a file on standard input, and fails when the program exits non-zero.
#
#   cmake -DPROGRAM=path [-DARGS=a;b] [-DINPUT=file] -P run_example.cmake
#
# The program's output is echoed so that the test's PASS_REGULAR_EXPRESSION
# can check it; a non-zero exit prints "exited with ..." (matched by the
# test's FAIL_REGULAR_EXPRESSION) and fails.
if(NOT PROGRAM)
  message(FATAL_ERROR "PROGRAM is not set")
endif()
set(input_args "")
if(INPUT)
  set(input_args INPUT_FILE "${INPUT}")
endif()
execute_process(COMMAND "${PROGRAM}" ${ARGS}
  ${input_args}
  RESULT_VARIABLE result
  OUTPUT_VARIABLE output
  ERROR_VARIABLE errors)
execute_process(COMMAND ${CMAKE_COMMAND} -E echo_append "${output}")
if(errors)
  execute_process(COMMAND ${CMAKE_COMMAND} -E echo_append "${errors}")
endif()
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${result}")
endif()
