// libFuzzer target over the PromQL lexer and parser, and the evaluator for what parses.
// Build: cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang -DHEADROOM_FUZZ=ON
//        cmake --build build-fuzz --target fuzz_promql
// Run:   build-fuzz/tests/fuzz_promql -max_total_time=300 -max_len=512 tests/fuzz/corpus-promql
#include "core/alerting/promqlevaluator.h"
#include "core/alerting/promqlparser.h"

#include <cstddef>
#include <cstdint>

using namespace headroom::alerting;

namespace {

const SeriesStore &store()
{
    static const SeriesStore s = [] {
        SeriesStore st;
        for (int i = 0; i < 20; ++i) {
            st.append({{QStringLiteral("__name__"), QStringLiteral("x")}, {QStringLiteral("a"), QStringLiteral("1")}}, i * 15000, i);
            st.append({{QStringLiteral("__name__"), QStringLiteral("y")}, {QStringLiteral("le"), QString::number(i % 4)}}, i * 15000, i * 2.0);
        }
        return st;
    }();
    return s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = parsePromql(text);
    if (parsed) {
        (void)parsed.value()->selectorText();
        (void)PromqlEvaluator(store()).evaluate(*parsed.value(), 150000);
    } else if (parsed.error().message.isEmpty()) {
        __builtin_trap(); // every rejection must say why
    }
    return 0;
}
