#pragma once

#include <QByteArray>

#include <cstdint>
#include <string_view>

/// Redis Cluster key slots, as the cluster specification defines them.
namespace headroom::topology {

/// Number of hash slots of a Redis Cluster.
inline constexpr int kClusterSlots = 16384;

/// CRC16-CCITT in the XMODEM variant Redis uses: polynomial 0x1021, initial value 0, no input
/// or output reflection, no final XOR. crc16Xmodem("123456789") == 0x31C3.
std::uint16_t crc16Xmodem(std::string_view bytes);

/// The bytes Redis hashes for `key`: when the key holds a '{' followed later by a '}' with at
/// least one byte between the first '{' and the first '}' after it, only those bytes; otherwise
/// the whole key. "foo{bar}{zap}" -> "bar", "foo{{bar}}zap" -> "{bar", "foo{}{bar}" -> whole key.
std::string_view hashTagOf(std::string_view key);

/// The key's slot, 0..16383: CRC16(hashTagOf(key)) mod 16384. Keys are raw bytes (UTF-8 as given).
int keySlot(std::string_view key);
inline int keySlot(const QByteArray &key)
{
    return keySlot(std::string_view(key.constData(), static_cast<size_t>(key.size())));
}

} // namespace headroom::topology
