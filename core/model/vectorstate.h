#pragma once

/// Clears the upper halves of the AVX registers (VZEROUPPER) when the CPU has AVX.
///
/// Headroom's code is compiled for baseline x86-64, so its floating-point arithmetic is SSE. Once a
/// library routine leaves the AVX upper state dirty (some of the scenario loading does), every SSE
/// instruction after it pays a state-transition penalty; on the AVX-512 servers we measured, the
/// numerical loops of the cache and alert engines ran 10-20 times slower until the next VZEROUPPER.
/// Engine entry points with long numerical loops call this once; it costs a few cycles and changes
/// no result (only the register state, never a value the code reads).
namespace headroom::model {

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx"))) inline void clearUpperVectorStateAvx()
{
    __builtin_ia32_vzeroupper();
}
inline void clearUpperVectorState()
{
    static const bool hasAvx = __builtin_cpu_supports("avx");
    if (hasAvx)
        clearUpperVectorStateAvx();
}
#else
inline void clearUpperVectorState() {}
#endif

} // namespace headroom::model
