#include "core/topology/redisslots.h"

#include <array>

namespace headroom::topology {

namespace {

// One table entry per leading byte, computed at compile time from the polynomial.
constexpr std::array<std::uint16_t, 256> makeCrcTable()
{
    std::array<std::uint16_t, 256> table{};
    for (unsigned byte = 0; byte < 256; ++byte) {
        std::uint16_t crc = static_cast<std::uint16_t>(byte << 8);
        for (int bit = 0; bit < 8; ++bit)
            crc = static_cast<std::uint16_t>((crc & 0x8000) ? (crc << 1) ^ 0x1021 : crc << 1);
        table[byte] = crc;
    }
    return table;
}

constexpr auto kCrcTable = makeCrcTable();

} // namespace

std::uint16_t crc16Xmodem(std::string_view bytes)
{
    std::uint16_t crc = 0;
    for (const char c : bytes) {
        const auto index = static_cast<std::uint8_t>((crc >> 8) ^ static_cast<std::uint8_t>(c));
        crc = static_cast<std::uint16_t>((crc << 8) ^ kCrcTable[index]);
    }
    return crc;
}

std::string_view hashTagOf(std::string_view key)
{
    const size_t open = key.find('{');
    if (open == std::string_view::npos)
        return key;
    const size_t close = key.find('}', open + 1);
    if (close == std::string_view::npos || close == open + 1)
        return key;
    return key.substr(open + 1, close - open - 1);
}

int keySlot(std::string_view key)
{
    return crc16Xmodem(hashTagOf(key)) & (kClusterSlots - 1);
}

} // namespace headroom::topology
