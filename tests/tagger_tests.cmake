# The tagger's tests, included from tests/CMakeLists.txt.
#
#   tokenizer_test  the UTF-8 tokenizer (no gazetteer needed)
#   tagger_test     the Tagger on sentences written for these tests, with the
#                   default gazetteer, and `toponorm tag` (JSON, JSON Lines,
#                   HTML)
toponorm_add_test(tokenizer_test LIBS ICU::uc)
if(TARGET toponorm_cli AND (TARGET default_gazetteer OR EXISTS ${TOPONORM_DEFAULT_GAZETTEER}))
  toponorm_add_test(tagger_test DEFAULT_GAZETTEER CLI
    HUGE "TaggerTest.FiftyMegabyteDocumentIsLinear")
  find_package(Threads REQUIRED)
  target_link_libraries(tagger_test PRIVATE Threads::Threads)
endif()
